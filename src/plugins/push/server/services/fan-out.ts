// The fan-out job: drains queued alerts to their audience in id-ordered pages with bounded
// concurrency, prunes subscriptions the push service says are gone, retries transient failures
// with backoff, and drops subscriptions that have failed for too long. Resumable: an alert's
// cursor and counters are written after every page, so a crash resends at most one page.
import type { Core } from '@strapi/strapi';
import pLimit from 'p-limit';
import { encodePayload, retryDelaySeconds } from '../../lib/delivery';
import type { PushConfig } from '../config';
import { ALERT, RETRY } from './alerts';
import { SUBSCRIPTION, type StoredSubscription, type SubscriptionsService } from './subscriptions';
import type { SendResult } from './sender';
import { platform } from '../../../../platform';

/** Held in the shared store while a run sends, renewed after every page, so two instances never send the same alert. */
export const FAN_OUT_LEASE = 'push:fan-out:lease';
const LEASE_SECONDS = 120;

interface AlertRow {
  id: number;
  title: string;
  body: string | null;
  url: string | null;
  image: string | null;
  tag: string;
  topic: string;
  locale: string | null;
  includeUnlocalized: boolean | null;
  urgency: 'high' | 'normal';
  pushTopic: string;
  status: 'queued' | 'sending' | 'retrying' | 'done';
  cursor: number | null;
}

interface Tally {
  recipients: number;
  delivered: number;
  failed: number;
  expired: number;
}

const ALERT_FIELDS = ['id', 'title', 'body', 'url', 'image', 'tag', 'topic', 'locale', 'includeUnlocalized', 'urgency', 'pushTopic', 'status', 'cursor'];

const fanOut = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::push') as PushConfig;
  const subscriptions = () => strapi.plugin('push').service('subscriptions') as SubscriptionsService;
  const sender = () => strapi.plugin('push').service('sender') as { send(s: StoredSubscription, p: string, o: { urgency: 'high' | 'normal'; topic: string }): Promise<SendResult> };
  const table = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
  const column = (uid: string, attribute: string) => table(uid).attributes[attribute].columnName ?? attribute;

  const payloadOf = (alert: AlertRow) => encodePayload({ title: alert.title, body: alert.body ?? '', url: alert.url, image: alert.image, tag: alert.tag });

  /** Adds to an alert's counters in SQL (col = col + n), so readers (the admin) never see a lost update. */
  async function addCounts(alertId: number, tally: Partial<Tally>, extra: Record<string, unknown> = {}) {
    const knex = strapi.db.connection;
    const increments = Object.fromEntries(
      Object.entries(tally).filter(([, n]) => n).map(([k, n]) => [column(ALERT, k), knex.raw('?? + ?', [column(ALERT, k), n])]),
    );
    if (Object.keys(increments).length) await strapi.db.getConnection(table(ALERT).tableName).where({ id: alertId }).update(increments);
    if (Object.keys(extra).length) await strapi.db.query(ALERT).update({ where: { id: alertId }, data: extra });
  }

  /** Sends one page; deletes gone subscriptions, schedules retries, marks failing ones. */
  async function sendPage(alert: AlertRow, page: StoredSubscription[], attemptsOf: (id: number) => number, now: Date) {
    const cfg = config();
    const limit = pLimit(cfg.concurrency);
    const payload = payloadOf(alert);
    const results = await Promise.all(page.map((s) => limit(async () => ({ s, r: await sender().send(s, payload, { urgency: alert.urgency, topic: alert.pushTopic }) }))));
    const tally: Tally = { recipients: 0, delivered: 0, failed: 0, expired: 0 };
    const delivered: number[] = [];
    const gone: number[] = [];
    const failing: number[] = [];
    const retries: { subscriptionId: number; attempts: number; nextAttemptAt: Date }[] = [];
    for (const { s, r } of results) {
      const attempts = attemptsOf(s.id);
      if (r.outcome === 'delivered') (tally.delivered += 1, delivered.push(s.id));
      else if (r.outcome === 'expired') (tally.expired += 1, gone.push(s.id));
      else if (r.outcome === 'retry' && attempts < cfg.maxAttempts) {
        const delay = Math.max(retryDelaySeconds(attempts, cfg.retryBaseSeconds, cfg.retryCapSeconds), r.retryAfterSeconds ?? 0);
        retries.push({ subscriptionId: s.id, attempts: attempts + 1, nextAttemptAt: new Date(now.getTime() + delay * 1000) });
      } else (tally.failed += 1, failing.push(s.id));
    }
    const subs = strapi.db.query(SUBSCRIPTION);
    if (gone.length) await subs.deleteMany({ where: { id: { $in: gone } } });
    if (failing.length) await subs.updateMany({ where: { id: { $in: failing }, failingSince: { $null: true } }, data: { failingSince: now } });
    if (delivered.length) await subs.updateMany({ where: { id: { $in: delivered }, failingSince: { $notNull: true } }, data: { failingSince: null } });
    return { tally, retries };
  }

  const renewLease = () => platform(strapi).store.set(FAN_OUT_LEASE, '1', LEASE_SECONDS);

  async function drainAlert(alert: AlertRow, now: Date) {
    const cfg = config();
    if (alert.status === 'queued') await addCounts(alert.id, {}, { status: 'sending', startedAt: now });
    let cursor = alert.cursor ?? 0;
    for (;;) {
      const page = await subscriptions().audiencePage(alert, cursor, cfg.batchSize);
      if (!page.length) break;
      const { tally, retries } = await sendPage(alert, page, () => 1, now);
      if (retries.length) await strapi.db.query(RETRY).createMany({ data: retries.map((r) => ({ ...r, alertId: alert.id })) });
      cursor = page[page.length - 1].id;
      await addCounts(alert.id, { ...tally, recipients: page.length }, { cursor });
      await renewLease();
    }
    await finishIfSettled(alert.id);
  }

  async function finishIfSettled(alertId: number) {
    const waiting = await strapi.db.query(RETRY).count({ where: { alertId } });
    // The moment it settled, not the run's start: a long fan-out's "finished" is when its last page went.
    await addCounts(alertId, {}, waiting ? { status: 'retrying' } : { status: 'done', finishedAt: new Date() });
  }

  /** Deliveries whose next attempt is due, a page at a time, grouped by alert. */
  async function runRetries(now: Date) {
    const cfg = config();
    const touched = new Set<number>();
    for (let round = 0; round < 20; round += 1) {
      const due = (await strapi.db.query(RETRY).findMany({
        where: { nextAttemptAt: { $lte: now } },
        orderBy: { id: 'asc' },
        limit: cfg.batchSize,
      })) as { id: number; alertId: number; subscriptionId: number; attempts: number }[];
      if (!due.length) break;
      const byAlert = new Map<number, typeof due>();
      for (const d of due) byAlert.set(d.alertId, [...(byAlert.get(d.alertId) ?? []), d]);
      for (const [alertId, rows] of byAlert) {
        touched.add(alertId);
        const alert = (await strapi.db.query(ALERT).findOne({ where: { id: alertId }, select: ALERT_FIELDS })) as AlertRow | null;
        if (!alert) {
          await strapi.db.query(RETRY).deleteMany({ where: { alertId } });
          continue;
        }
        const found = (await strapi.db.query(SUBSCRIPTION).findMany({
          where: { id: { $in: rows.map((r) => r.subscriptionId) } },
          select: ['id', 'endpoint', 'p256dh', 'auth'],
        })) as StoredSubscription[];
        const attempts = new Map(rows.map((r) => [r.subscriptionId, r.attempts]));
        const { tally, retries } = await sendPage(alert, found, (id) => attempts.get(id) ?? cfg.maxAttempts, now);
        tally.expired += rows.length - found.length; // unsubscribed or erased meanwhile
        await strapi.db.query(RETRY).deleteMany({ where: { id: { $in: rows.map((r) => r.id) } } });
        if (retries.length) await strapi.db.query(RETRY).createMany({ data: retries.map((r) => ({ ...r, alertId })) });
        await addCounts(alertId, tally);
        await renewLease();
      }
    }
    for (const alertId of touched) await finishIfSettled(alertId);
  }

  return {
    /**
     * One run of the job: queued and interrupted alerts, due retries, then long-failing
     * subscriptions. The job runs once per slot across instances, but a long fan-out outlasts its
     * slot: the lease keeps the next slot's run (here or elsewhere) from sending alongside it.
     */
    async run(now = new Date()) {
      const store = platform(strapi).store;
      if (!(await store.claim(FAN_OUT_LEASE, LEASE_SECONDS))) return;
      try {
        await this.runHoldingLease(now);
      } finally {
        await store.del(FAN_OUT_LEASE);
      }
    },

    async runHoldingLease(now: Date) {
      const pending = (await strapi.db.query(ALERT).findMany({
        where: { status: { $in: ['queued', 'sending'] } },
        select: ALERT_FIELDS,
        orderBy: { id: 'asc' },
      })) as AlertRow[];
      for (const alert of pending) await drainAlert(alert, now);
      await runRetries(now);
      const cutoff = new Date(now.getTime() - config().dropFailingAfterDays * 86_400_000);
      await strapi.db.query(SUBSCRIPTION).deleteMany({ where: { failingSince: { $lt: cutoff } } });
    },
  };
};

export default fanOut;
export type FanOutService = ReturnType<typeof fanOut>;
