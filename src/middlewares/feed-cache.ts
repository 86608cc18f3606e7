// Serves a cached public feed before anything else in the stack runs (logger, security,
// CORS, rate limits, body parsing, session, router, authentication): the hot path of a warm
// feed. Only anonymous GET/HEAD requests without an Origin header (CORS needs the full stack)
// and only entries a public request stored; the security headers the full stack set when the
// entry was stored, and the CORS headers it gives a request without Origin, are replayed. Everything else continues down the stack untouched, where the
// feed controllers still answer cache hits for CORS requests.
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

const FEED_PATHS = /^\/api\/(feeds\/|articles\/by-slug\/)/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    if (!FEED_PATHS.test(ctx.path) || ctx.get('origin')) return next();
    const http = strapi.service('api::feed.feed-http');
    const hit = http.lookup(ctx);
    // The CORS answer to a request without Origin is learnt from the full stack, never guessed.
    const cors = http.corsWithoutOrigin();
    if (!hit || !cors) return next();
    try {
      ctx.set(hit.stackHeaders);
      ctx.set(cors);
      await http.send(ctx, hit, 'hit');
    } catch (error) {
      strapi.log.warn(`feed cache: early answer failed, falling back to the full stack: ${(error as Error).message}`);
      ctx.remove('X-Feed-Cache');
      return next();
    }
  };
};
