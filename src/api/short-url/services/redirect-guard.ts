// Per-address limits on short links, aimed at code enumeration rather than at readers: every
// miss (an unknown, disabled or expired code, on /s/ or the QR route) takes a point from a tight
// budget, successful redirects from a generous one. An address that used up its misses gets 429
// for every code, valid or not, until the window passes: otherwise 429 versus 301 would still
// tell an enumerator which codes exist. Budgets live in the shared store, so with Redis every
// instance shares them.
import type { Core } from '@strapi/strapi';
import { platform } from '../../../platform';
import type { SharedLimiter } from '../../../lib/shared-state/types';
import type { RedirectLimits } from '../../../../config/short-urls';

const BLOCKED = 'short-urls:miss-blocked:';

export interface RedirectGuard {
  /** Seconds to wait when this address used up its misses, else null. Checked before anything else. */
  blocked(ip: string): Promise<number | null>;
  /** Counts a miss; seconds to wait when that used up the budget (the address is then blocked). */
  miss(ip: string): Promise<number | null>;
  /** Counts a successful redirect; seconds to wait when over the generous budget. */
  hit(ip: string): Promise<number | null>;
}

export default ({ strapi }: { strapi: Core.Strapi }): RedirectGuard => {
  let limiters: { hits: SharedLimiter; misses: SharedLimiter } | null | undefined;
  const limits = () => {
    if (limiters !== undefined) return limiters;
    const config = strapi.config.get('short-urls.limits') as RedirectLimits | undefined;
    if (!config?.enabled) return (limiters = null);
    const { store } = platform(strapi);
    limiters = {
      hits: store.limiter({ name: 'redirect-hit', points: config.hits.points, durationSeconds: config.hits.durationSeconds }),
      misses: store.limiter({ name: 'redirect-miss', points: config.misses.points, durationSeconds: config.misses.durationSeconds }),
    };
    return limiters;
  };

  return {
    async blocked(ip) {
      if (!limits()) return null;
      const until = Number(await platform(strapi).store.get(`${BLOCKED}${ip}`));
      if (!until) return null;
      const wait = Math.ceil((until - Date.now()) / 1000);
      return wait > 0 ? wait : null;
    },

    async miss(ip) {
      const l = limits();
      if (!l) return null;
      const wait = await l.misses.consume(ip);
      if (wait !== null) await platform(strapi).store.set(`${BLOCKED}${ip}`, String(Date.now() + wait * 1000), wait);
      return wait;
    },

    async hit(ip) {
      const l = limits();
      return l ? l.hits.consume(ip) : null;
    },
  };
};
