// CDN purges through an outbox table: the keys of a change are written in the same database
// transaction as the change, and a job that any instance may run (once per slot across
// instances) sends them to the configured purger (CDN_PURGE), retrying with backoff, so neither a
// crash nor a CDN outage loses a purge. Also the CDN headers of feed responses.
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { cdnKeyHeaders, createPurger, parsePurgerConfig, retryDelaySeconds, type Purger } from '../lib/cdn/purgers';
import { platform, platformConfig } from './index';

export const OUTBOX_TABLE = 'newsroom_cdn_outbox';
export const OUTBOX_JOB = 'cdn-purge-outbox';
const BATCH = 100;

type Knex = Core.Strapi['db']['connection'];
const purgers = new WeakMap<object, Purger>();

const isPostgres = (strapi: Core.Strapi) => strapi.config.get('database.connection.client') === 'postgres';
const schemaOf = (strapi: Core.Strapi) => (isPostgres(strapi) ? ((strapi.config.get('database.connection.connection.schema') as string | undefined) || 'public') : undefined);
const table = (strapi: Core.Strapi, knex: Knex) => {
  const query = knex(OUTBOX_TABLE);
  const schema = schemaOf(strapi);
  return schema ? query.withSchema(schema) : query;
};

/** Bootstrap step (under the boot lock): the outbox table and its draining job, when CDN_PURGE is set. */
export async function setUpCdnOutbox(strapi: Core.Strapi): Promise<void> {
  const config = parsePurgerConfig(process.env);
  if (!config) return;
  purgers.set(strapi, createPurger(config));
  const knex = strapi.db.connection;
  const schema = schemaOf(strapi);
  const builder = schema ? knex.schema.withSchema(schema) : knex.schema;
  if (!(await builder.hasTable(OUTBOX_TABLE))) {
    await (schema ? knex.schema.withSchema(schema) : knex.schema).createTable(OUTBOX_TABLE, (t) => {
      t.bigIncrements('id');
      t.text('keys').notNullable(); // JSON array
      t.integer('attempts').notNullable().defaultTo(0);
      t.timestamp('next_attempt_at', { useTz: true }).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.text('last_error');
      t.index(['next_attempt_at']);
    });
  }
  platform(strapi).jobs.define({ name: OUTBOX_JOB, everySeconds: platformConfig(strapi).cdn.drainEverySeconds, run: () => drainCdnOutbox(strapi).then(() => undefined) });
}

const soon = new WeakMap<object, NodeJS.Timeout>();
/** Drains shortly after a write instead of waiting for the next slot (coalescing bursts). */
function drainSoon(strapi: Core.Strapi) {
  if (soon.has(strapi)) return;
  const timer = setTimeout(() => {
    soon.delete(strapi);
    platform(strapi).jobs.runNow(OUTBOX_JOB).catch((error) => strapi.log.warn(`CDN purge: ${(error as Error).message}`));
  }, 200);
  timer.unref();
  soon.set(strapi, timer);
}

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/**
 * Document Service middleware, registered first (outermost): with CDN_PURGE set on PostgreSQL, a
 * write to a content type runs inside one transaction, which the purge recorded by the inner
 * invalidation joins, so the outbox row commits or rolls back with the change. (SQLite, one
 * connection: the row is written just after the change.)
 */
export function cdnPurgeInTransaction(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string }, next: () => Promise<unknown>) => {
    if (!purgers.has(strapi) || !isPostgres(strapi) || !ctx.uid.startsWith('api::') || !WRITES.has(ctx.action)) return next();
    return strapi.db.transaction(() => next());
  };
}

/**
 * Records `keys` for the CDN, inside the caller's transaction when there is one (so the purge
 * exists exactly when the change does), else in its own.
 */
export async function enqueueCdnPurge(strapi: Core.Strapi, keys: string[]): Promise<void> {
  if (!purgers.has(strapi) || !keys.length) return;
  const row = { keys: JSON.stringify([...new Set(keys)]), attempts: 0, next_attempt_at: new Date(), created_at: new Date() };
  if (strapi.db.inTransaction()) {
    await strapi.db.transaction(async ({ trx, onCommit }) => {
      await table(strapi, trx as unknown as Knex).insert(row);
      onCommit(() => drainSoon(strapi));
    });
  } else {
    await table(strapi, strapi.db.connection).insert(row);
    drainSoon(strapi);
  }
}

/** Sends every due purge (keys merged, in batches the CDN accepts); failures are retried later. Returns the keys sent. */
export async function drainCdnOutbox(strapi: Core.Strapi): Promise<string[]> {
  const purger = purgers.get(strapi);
  if (!purger) return [];
  const sent: string[] = [];
  for (;;) {
    const done = await strapi.db.connection.transaction(async (trx) => {
      let query = table(strapi, trx as unknown as Knex).select('id', 'keys', 'attempts').where('next_attempt_at', '<=', new Date()).orderBy('id').limit(BATCH);
      if (isPostgres(strapi)) query = query.forUpdate().skipLocked(); // another drainer takes other rows
      const rows = (await query) as Array<{ id: number | string; keys: string; attempts: number }>;
      if (!rows.length) return true;
      const keys = [...new Set(rows.flatMap((r) => JSON.parse(r.keys) as string[]))];
      try {
        for (let i = 0; i < keys.length; i += purger.maxKeys) await purger.purge(keys.slice(i, i + purger.maxKeys));
        await table(strapi, trx as unknown as Knex).whereIn('id', rows.map((r) => r.id)).delete();
        sent.push(...keys);
        return rows.length < BATCH;
      } catch (error) {
        const message = (error as Error).message.slice(0, 1000);
        strapi.log.warn(`CDN purge (${purger.kind}) failed, will retry: ${message}`);
        for (const row of rows) {
          await table(strapi, trx as unknown as Knex)
            .where('id', row.id)
            .update({ attempts: row.attempts + 1, last_error: message, next_attempt_at: new Date(Date.now() + retryDelaySeconds(row.attempts + 1) * 1000) });
        }
        return true;
      }
    });
    if (done) return sent;
  }
}

/**
 * Global middleware: a response that carries a Surrogate-Key also gets Cache-Tag (Cloudflare)
 * and xkey (Varnish) with the same keys, and Surrogate-Control with the edge lifetime.
 */
export const cdnHeadersMiddleware = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    await next();
    const keys = ctx.response.get('Surrogate-Key');
    if (!keys) return;
    ctx.set(cdnKeyHeaders(String(keys).split(/\s+/), platformConfig(strapi).cdn.edgeMaxAgeSeconds));
  };
};
