// Per-client-IP limit on the account routes (shared by every instance through the platform store).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { platform } from '../../../../platform';
import type { AccountsConfig } from '../config';

interface Ctx {
  request: { ip: string };
  routerPath?: string;
  _matchedRoute?: string;
  path: string;
  set(name: string, value: string): void;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { points, durationSeconds } = (strapi.config.get('plugin::accounts') as AccountsConfig).rateLimit;
  const limiter = platform(strapi).store.limiter({ name: 'accounts', points, durationSeconds });
  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    const route = ctx._matchedRoute ?? ctx.path;
    const wait = await limiter.consume(`${route}:${ctx.request.ip}`);
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      throw new errors.RateLimitError('Too many requests from this address, please try again later.', { retryAfterSeconds: wait });
    }
    return next();
  };
};
