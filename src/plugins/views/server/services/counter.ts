// Takes a beacon: checks the article is published, de-duplicates the reader with a keyed hash
// (a claim in the shared store, no cookie, no raw address) and adds one to the pending batch.
import type { Core } from '@strapi/strapi';
import { platform } from '../../../../platform';
import { readerKey, saltDay } from '../../lib/reader-key';
import { hourOf } from '../../lib/hours';
import type { ViewsConfig } from '../config';

export const PENDING = 'views:pending';
const PUBLISHED_TTL_MS = 30_000;
const PUBLISHED_MAX = 20_000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::views') as ViewsConfig;
  const published = new Map<string, { yes: boolean; at: number }>();
  let salt: { day: string; value: Promise<string> } | null = null;
  let limiter: ReturnType<ReturnType<typeof platform>['store']['limiter']> | null = null;

  function daySalt(now: Date): Promise<string> {
    const day = saltDay(now);
    if (!salt || salt.day !== day) {
      const value = strapi.plugin('views').service('view-store').saltFor(day) as Promise<string>;
      value.catch(() => (salt = null));
      salt = { day, value };
    }
    return salt.value;
  }

  return {
    /** Whether the document is published (in `locale` when given); cached briefly, dropped on any write. */
    async isPublished(documentId: string, locale: string | undefined): Promise<boolean> {
      const key = `${documentId}:${locale ?? ''}`;
      const hit = published.get(key);
      if (hit && Date.now() - hit.at < PUBLISHED_TTL_MS) return hit.yes;
      const row = await strapi.db.query(config().articleUid as never).findOne({
        select: ['id'],
        where: { documentId, publishedAt: { $notNull: true }, ...(locale ? { locale } : {}) },
      });
      if (published.size >= PUBLISHED_MAX) published.clear();
      published.set(key, { yes: Boolean(row), at: Date.now() });
      return Boolean(row);
    },

    forgetPublished(): void {
      published.clear();
    },

    /** The rate-limit key of a client address: hashed like the reader key, never the address itself. */
    async addressKey(address: string, now = new Date()): Promise<string> {
      return readerKey(await daySalt(now), address, '', 'rate-limit');
    },

    /** Takes one beacon from the client address's budget; the seconds to wait when refused, else null. */
    async consumeBeacon(address: string): Promise<number | null> {
      const cfg = config();
      limiter ??= platform(strapi).store.limiter({ name: 'views-beacon', points: cfg.rateLimitPoints, durationSeconds: cfg.rateLimitDurationSeconds });
      return limiter.consume(await this.addressKey(address));
    },

    /** Counts one view unless this reader was counted for this article within the window; true when counted. */
    async record(documentId: string, reader: { address: string; userAgent: string }, now = new Date()): Promise<boolean> {
      const store = platform(strapi).store;
      const key = readerKey(await daySalt(now), reader.address, reader.userAgent, documentId);
      return store.countOnce(`views:seen:${key}`, config().dedupeMinutes * 60, PENDING, `${hourOf(now)}:${documentId}`);
    },
  };
};
