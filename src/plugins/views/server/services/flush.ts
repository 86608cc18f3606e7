// The views-flush job: drains the pending batch (shared by every instance), writes it with one
// increment per article, and tells every instance the new totals. Also the hourly roll-up.
import type { Core } from '@strapi/strapi';
import { platform } from '../../../../platform';
import { retentionStartHour } from '../../lib/hours';
import type { ViewsConfig } from '../config';
import type { BucketCount } from './view-store';
import { PENDING } from './counter';

export const TOTALS_CHANNEL = 'views:totals';

export function parsePending(drained: Record<string, number>): BucketCount[] {
  const out: BucketCount[] = [];
  for (const [field, views] of Object.entries(drained)) {
    const at = field.indexOf(':');
    const hour = Number(field.slice(0, at));
    const documentId = field.slice(at + 1);
    if (at > 0 && Number.isInteger(hour) && documentId && views > 0) out.push({ documentId, hour, views });
  }
  return out;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::views') as ViewsConfig;
  const viewStore = () => strapi.plugin('views').service('view-store');

  return {
    /** One flush; returns the number of articles written. */
    async flush(): Promise<number> {
      const store = platform(strapi).store;
      const drained = await store.drain(PENDING);
      const counts = parsePending(drained);
      if (!counts.length) return 0;
      try {
        await viewStore().add(counts);
      } catch (error) {
        // Put the batch back for the next flush rather than lose it.
        await Promise.all(Object.entries(drained).map(([field, n]) => store.increment(PENDING, field, n)));
        throw error;
      }
      const ids = [...new Set(counts.map((c) => c.documentId))];
      const totals = (await viewStore().totals(ids)) as Map<string, number>;
      await store.publish(TOTALS_CHANNEL, JSON.stringify(Object.fromEntries(totals)));
      return ids.length;
    },

    async rollUp(now = new Date()): Promise<number> {
      return viewStore().rollUp(retentionStartHour(config().retentionDays, now));
    },
  };
};
