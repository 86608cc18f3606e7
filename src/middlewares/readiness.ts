// GET /_ready for load balancers: 200 once this instance has booted and reaches its database,
// 503 while starting, while draining after SIGTERM, or when the database does not answer.
// While draining every response also carries `Connection: close`, so keep-alive clients move on.
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { readinessOf } from '../platform';

const DB_CHECK_EVERY_MS = 1000;
const DB_CHECK_TIMEOUT_MS = 1000;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let checked: { at: number; ok: Promise<boolean> } | null = null;
  const databaseAnswers = () => {
    if (!checked || Date.now() - checked.at > DB_CHECK_EVERY_MS) {
      const ok = Promise.race([
        strapi.db.connection.raw('SELECT 1').then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), DB_CHECK_TIMEOUT_MS).unref()),
      ]).catch(() => false);
      checked = { at: Date.now(), ok };
    }
    return checked.ok;
  };

  return async (ctx: Context, next: Next) => {
    const state = readinessOf(strapi);
    if (ctx.path !== '/_ready' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
      await next();
      // Also for requests that were already in flight when the drain began.
      if (readinessOf(strapi) === 'draining' && !ctx.res.headersSent) ctx.set('Connection', 'close');
      return;
    }
    const status = state !== 'ready' ? state : (await databaseAnswers()) ? 'ready' : 'database-unreachable';
    ctx.set('Cache-Control', 'no-store');
    if (state === 'draining') ctx.set('Connection', 'close');
    ctx.status = status === 'ready' ? 200 : 503;
    ctx.body = { status };
  };
};
