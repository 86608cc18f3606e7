// Serves a cached public feed before the rest of the stack (body parsing, session, router,
// authentication) runs. Only anonymous GET/HEAD requests for feed paths, and only entries a
// public request stored; everything else continues down the stack untouched.
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

const FEED_PATHS = /^\/api\/(feeds\/|articles\/by-slug\/)/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    if (!FEED_PATHS.test(ctx.path)) return next();
    const http = strapi.service('api::feed.feed-http');
    const hit = http.lookup(ctx);
    if (!hit) return next();
    await http.send(ctx, hit, 'hit');
  };
};
