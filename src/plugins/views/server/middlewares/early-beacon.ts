// Answers the plain beacon, the one a reader's browser sends, before the rest of the middleware
// stack (access log, security headers, body parsing, session, router): the beacon's own work is
// small and the stack was most of its cost (`npm run bench -- --only v --profile`). Anything
// else (a query string, a body, credentials or cookies, an origin outside CORS_ORIGINS, an
// unknown or draft article, an address over its limit) goes down the stack untouched, where the
// controller answers it with the full checks and Strapi's error shape. Like warm feed hits,
// these answers are not access-logged.
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { notCountedBecause } from '../../lib/beacon-filter';
import { PIXEL } from '../controllers/beacon';

const BEACON = /^\/api\/articles\/([a-z0-9]{10,64})\/views(\.gif)?$/;

/** The origins the CORS middleware allows, as configured in config/middlewares.ts. */
function corsOrigins(strapi: Core.Strapi): string[] {
  const stack = (strapi.config.get('middlewares') ?? []) as Array<string | { name?: string; config?: { origin?: unknown } }>;
  const cors = stack.find((m) => typeof m === 'object' && m.name === 'strapi::cors') as { config?: { origin?: unknown } } | undefined;
  const origin = cors?.config?.origin;
  return Array.isArray(origin) ? origin.map(String) : typeof origin === 'string' ? [origin] : [];
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let allowed: string[] | null = null;
  return async (ctx: Context, next: Next) => {
    const m = BEACON.exec(ctx.path);
    if (!m || (m[2] ? ctx.method !== 'GET' : ctx.method !== 'POST')) return next();
    if (ctx.querystring || ctx.get('authorization') || ctx.get('cookie') || ctx.get('transfer-encoding') || Number(ctx.get('content-length') || 0) > 0) return next();
    const origin = ctx.get('origin');
    if (origin && !(allowed ??= corsOrigins(strapi)).includes(origin)) return next();

    const counter = strapi.plugin('views').service('counter');
    const documentId = m[1];
    // Unknown or draft (404) and over the limit (429) are the controller's to answer; a refused
    // beacon therefore takes a second point there, which only shortens a flood.
    if (!(await counter.isPublished(documentId, undefined))) return next();
    if ((await counter.consumeBeacon(ctx.request.ip)) !== null) return next();
    const userAgent = ctx.get('user-agent');
    if (!notCountedBecause({ method: ctx.method, userAgent, headers: ctx.headers })) {
      await counter.record(documentId, { address: ctx.request.ip, userAgent });
    }
    if (origin) {
      ctx.set('Access-Control-Allow-Origin', origin);
      ctx.set('Vary', 'Origin');
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    if (m[2]) {
      ctx.type = 'image/gif';
      ctx.body = PIXEL;
      ctx.status = 200;
    } else {
      ctx.body = '';
      ctx.status = 202;
    }
  };
};
