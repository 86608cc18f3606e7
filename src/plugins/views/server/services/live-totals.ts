// Each instance's view of the totals, for merging into cached pages as they are served: updated
// by every flush's message, loaded from the database for ids it has not seen (or not lately).
import type { Core } from '@strapi/strapi';
import { platform } from '../../../../platform';
import { TOTALS_CHANNEL } from './flush';

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 50_000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const known = new Map<string, { total: number; at: number }>();
  let unsubscribe: (() => void) | null = null;

  return {
    listen(): void {
      unsubscribe ??= platform(strapi).store.subscribe(TOTALS_CHANNEL, (message) => {
        try {
          const now = Date.now();
          for (const [id, total] of Object.entries(JSON.parse(message) as Record<string, number>)) known.set(id, { total: Number(total), at: now });
        } catch {
          // A malformed message only means these totals are read from the database later.
        }
      });
    },

    stop(): void {
      unsubscribe?.();
      unsubscribe = null;
    },

    /** Totals for the given articles (0 for never viewed). One query at most, for the unknown or stale ones. */
    async totals(documentIds: string[]): Promise<Map<string, number>> {
      const now = Date.now();
      const out = new Map<string, number>();
      const missing: string[] = [];
      for (const id of documentIds) {
        const hit = known.get(id);
        if (hit && now - hit.at < MAX_AGE_MS) out.set(id, hit.total);
        else missing.push(id);
      }
      if (missing.length) {
        const loaded = (await strapi.plugin('views').service('view-store').totals(missing)) as Map<string, number>;
        if (known.size + missing.length > MAX_ENTRIES) known.clear();
        for (const id of missing) {
          const total = loaded.get(id) ?? 0;
          known.set(id, { total, at: now });
          out.set(id, total);
        }
      }
      return out;
    },
  };
};
