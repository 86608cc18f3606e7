// The running app's shared state and jobs: created on first use, started after bootstrap,
// closed on destroy. Features reach them through platform(strapi) and never talk to Redis or
// timers themselves. One per Strapi instance, so tests that boot several apps do not share state.
// REDIS_URL selects the Redis store; PostgreSQL selects the run-once-across-instances job runner.
import type { Core } from '@strapi/strapi';
import { createMemoryStore } from '../lib/shared-state/memory';
import { createRedisStore } from '../lib/shared-state/redis';
import { createLocalJobRunner } from '../lib/shared-state/local-jobs';
import { createPgJobRunner, type SqlClient } from '../lib/shared-state/pg-jobs';
import { acquireBootLock, bootLockKey, type BootLock } from '../lib/shared-state/boot-lock';
import type { JobRunner, SharedStore } from '../lib/shared-state/types';

export type Readiness = 'starting' | 'ready' | 'draining';

export interface Platform {
  store: SharedStore;
  jobs: JobRunner;
  /** What /_ready reports: boot finished and not shutting down. */
  readiness: Readiness;
}

export interface PlatformConfig {
  redis: { url: string; keyPrefix: string; commandTimeoutMs: number; connectTimeoutMs: number };
  jobLeaseSeconds: number;
  bootLock: boolean;
  cdn: { edgeMaxAgeSeconds: number; drainEverySeconds: number };
  shutdown: { timeoutSeconds: number; drainDelaySeconds: number };
}

const platforms = new WeakMap<object, Platform>();
const bootLocks = new WeakMap<object, BootLock>();

export const platformConfig = (strapi: Core.Strapi) => strapi.config.get('platform') as PlatformConfig;
const isPostgres = (strapi: Core.Strapi) => strapi.config.get('database.connection.client') === 'postgres';
const dbSchema = (strapi: Core.Strapi) => (strapi.config.get('database.connection.connection.schema') as string | undefined) || 'public';

export function createPlatform(strapi: Core.Strapi): Platform {
  const existing = platforms.get(strapi);
  if (existing) return existing;
  const cfg = platformConfig(strapi);
  const onError = (job: string, error: unknown) => strapi.log.error(`Job ${job} failed: ${error instanceof Error ? error.message : String(error)}`);
  let store: SharedStore;
  if (cfg.redis.url) {
    let lastReport = 0;
    store = createRedisStore({
      url: cfg.redis.url,
      prefix: cfg.redis.keyPrefix,
      commandTimeoutMs: cfg.redis.commandTimeoutMs,
      connectTimeoutMs: cfg.redis.connectTimeoutMs,
      // Reconnect attempts fail every few hundred ms during an outage: say so at most every 10 s.
      onError: (message) => {
        if (Date.now() - lastReport < 10_000) return;
        lastReport = Date.now();
        strapi.log.warn(`${message} (shared state falls back to process memory until Redis answers)`);
      },
    });
  } else store = createMemoryStore();
  const jobs = isPostgres(strapi)
    ? createPgJobRunner({
        // Lazily: the database connection is created after register().
        db: {
          raw: (sql, bindings) => strapi.db.connection.raw(sql, bindings as never) as never,
          transaction: (run) => strapi.db.connection.transaction((trx) => run(trx as unknown as SqlClient)),
        },
        schema: dbSchema(strapi),
        leaseSeconds: cfg.jobLeaseSeconds,
        onError,
        onTakeover: (job, slot, previous) => strapi.log.warn(`Job ${job}: taking over slot ${slot} from ${previous}, which stopped heartbeating`),
      })
    : createLocalJobRunner({ onError });
  const platform: Platform = { store, jobs, readiness: 'starting' };
  platforms.set(strapi, platform);
  return platform;
}

/** Created on first use: local plugins' register() runs before the app's own. */
export function platform(strapi: Core.Strapi): Platform {
  return platforms.get(strapi) ?? createPlatform(strapi);
}

/** What /_ready reports; an instance whose platform is closed is draining. */
export function readinessOf(strapi: Core.Strapi): Readiness {
  return platforms.get(strapi)?.readiness ?? 'draining';
}

/**
 * PostgreSQL: waits until no other instance is booting, then holds the boot lock until
 * startPlatform(). Called in register(), before Strapi syncs the schema and runs migrations.
 */
export async function holdBootLock(strapi: Core.Strapi): Promise<void> {
  if (!isPostgres(strapi) || !platformConfig(strapi).bootLock) return;
  const connection = strapi.config.get('database.connection.connection') as { connectionString?: string; ssl?: unknown; host?: string; port?: number; user?: string; password?: string; database?: string };
  const { connectionString, ssl, host, port, user, password, database } = connection;
  const lock = await acquireBootLock({ connectionString, ssl: ssl as never, host, port, user, password, database }, bootLockKey(dbSchema(strapi)), {
    onWait: () => strapi.log.info('Another instance is booting on this database; waiting for it to finish'),
  });
  bootLocks.set(strapi, lock);
}

async function releaseBootLock(strapi: Core.Strapi) {
  const lock = bootLocks.get(strapi);
  bootLocks.delete(strapi);
  await lock?.release();
}

/** End of bootstrap: let the next instance boot, start the jobs, report ready. */
export async function startPlatform(strapi: Core.Strapi): Promise<void> {
  const found = platform(strapi);
  await releaseBootLock(strapi);
  found.jobs.start();
  found.readiness = 'ready';
}

export async function closePlatform(strapi: Core.Strapi): Promise<void> {
  await releaseBootLock(strapi);
  const found = platforms.get(strapi);
  if (!found) return;
  found.readiness = 'draining';
  await found.jobs.stop();
  await found.store.close();
  platforms.delete(strapi);
}
