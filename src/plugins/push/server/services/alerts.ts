// Push alerts: queued from a first publication or the admin composer, listed with their counters.
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { BREAKING } from '../../lib/subscription-input';
import { topicHeader } from '../../lib/delivery';
import type { SubscriptionsService } from './subscriptions';

export const ALERT = 'plugin::push.alert';
export const RETRY = 'plugin::push.retry';

export interface NewAlert {
  sourceKey: string;
  title: string;
  body: string;
  url: string | null;
  image: string | null;
  topic: string;
  locale: string | null;
  includeUnlocalized: boolean;
}

const LIST_FIELDS = ['id', 'title', 'body', 'url', 'topic', 'locale', 'urgency', 'status', 'recipients', 'delivered', 'failed', 'expired', 'createdAt', 'startedAt', 'finishedAt'];

const alerts = ({ strapi }: { strapi: Core.Strapi }) => {
  const subscriptions = () => strapi.plugin('push').service('subscriptions') as SubscriptionsService;
  return {
    /** Queues an alert once per source: a second call with the same key returns null and queues nothing. */
    async enqueue(alert: NewAlert) {
      if (await strapi.db.query(ALERT).findOne({ where: { sourceKey: alert.sourceKey }, select: ['id'] })) return null;
      const storyKey = alert.url ?? alert.sourceKey;
      try {
        return await strapi.db.query(ALERT).create({
          data: {
            ...alert,
            tag: `story-${topicHeader(storyKey).slice(0, 16)}`,
            pushTopic: topicHeader(storyKey),
            urgency: alert.topic === BREAKING ? 'high' : 'normal',
            status: 'queued',
          },
          select: LIST_FIELDS,
        });
      } catch (error) {
        if (await strapi.db.query(ALERT).findOne({ where: { sourceKey: alert.sourceKey }, select: ['id'] })) return null; // lost a race: already queued
        throw error;
      }
    },

    async compose(input: { title: string; body: string; url: string | null; topic: string; locale: string | null }) {
      await subscriptions().assertTopicsExist([input.topic]);
      return this.enqueue({ ...input, image: null, includeUnlocalized: true, sourceKey: `manual:${crypto.randomUUID()}` });
    },

    async recipients(topic: string, locale: string | null) {
      await subscriptions().assertTopicsExist([topic]);
      return subscriptions().countAudience({ topic, locale, includeUnlocalized: true });
    },

    /** The latest alerts with their counters and the deliveries still waiting for a retry. */
    async list(limit = 50) {
      const rows = await strapi.db.query(ALERT).findMany({ select: LIST_FIELDS, orderBy: { id: 'desc' }, limit });
      const table = strapi.db.metadata.get(RETRY as never) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
      const column = table.attributes.alertId.columnName ?? 'alert_id';
      const pending: { alertId: unknown; count: unknown }[] = rows.length
        ? await strapi.db.getConnection(table.tableName)
            .select(`${column} as alertId`)
            .count('* as count')
            .whereIn(column, rows.map((r: { id: number }) => r.id))
            .groupBy(column)
        : [];
      const byAlert = new Map(pending.map((p) => [Number(p.alertId), Number(p.count)]));
      return rows.map((r: { id: number }) => ({ ...r, retrying: byAlert.get(r.id) ?? 0 }));
    },

    /** Topics an editor can address: breaking news and every section. */
    async topics(sectionUid: string) {
      const sections = await strapi.db.query(sectionUid).findMany({ select: ['name', 'slug'], orderBy: { name: 'asc' } });
      return [{ value: BREAKING, label: 'Breaking news' }, ...sections.map((s: { name: string; slug: string }) => ({ value: s.slug, label: s.name }))];
    },
  };
};

export default alerts;
export type AlertsService = ReturnType<typeof alerts>;
