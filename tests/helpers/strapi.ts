// Boots the real application for an integration suite: compiled once per run (globalSetup),
// on a throw-away SQLite file, or on a fresh PostgreSQL schema when DATABASE_URL is set.
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { randomSecrets } from '../../src/lib/secrets/check-secrets';

const appDir = path.resolve(__dirname, '..', '..');
const distDir = process.env.NEWSROOM_TEST_DIST ?? path.join(appDir, '.tmp', 'test-dist');

/** Where a test app keeps its data: a SQLite file in `tmpDir`, or a PostgreSQL schema. */
export interface TestDatabase {
  tmpDir: string;
  schema: string;
}

export interface TestApp {
  strapi: Core.Strapi;
  /** The Koa HTTP server, for supertest. */
  server: import('http').Server;
  database: TestDatabase;
  /** `keepDatabase`: leave the data for another startApp({ reuse }) (a restart); the caller stops that one. */
  stop(opts?: { keepDatabase?: boolean }): Promise<void>;
}

/** Boots the app on a fresh database, or on the one an earlier app left with stop({ keepDatabase: true }). */
export async function startApp(env: Record<string, string> = {}, opts: { reuse?: TestDatabase } = {}): Promise<TestApp> {
  const tmpDir = opts.reuse?.tmpDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'));
  const schema = opts.reuse?.schema ?? `t_${crypto.randomBytes(6).toString('hex')}`;
  const databaseUrl = process.env.DATABASE_URL ?? '';
  Object.assign(process.env, {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    SEED_DEMO: 'false',
    ...randomSecrets(),
    DATABASE_FILENAME: path.join(tmpDir, 'data.db'),
    ...(databaseUrl ? { DATABASE_SCHEMA: schema } : {}),
    ...env,
  });
  if (databaseUrl && !opts.reuse) await pgQuery(databaseUrl, `CREATE SCHEMA "${schema}"`);

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).load();
  await strapi.server.mount();
  const server = strapi.server.httpServer;

  return {
    strapi,
    server,
    database: { tmpDir, schema },
    async stop(stopOpts = {}) {
      await strapi.destroy();
      if (stopOpts.keepDatabase) return;
      fs.rmSync(tmpDir, { recursive: true, force: true });
      if (databaseUrl) await pgQuery(databaseUrl, `DROP SCHEMA "${schema}" CASCADE`);
    },
  };
}

async function pgQuery(url: string, sql: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as typeof import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A full-access API token, as an editor's integration would use. */
export async function fullAccessToken(strapi: Core.Strapi): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `test-${crypto.randomBytes(4).toString('hex')}`,
    type: 'full-access',
    lifespan: null,
  });
  return token.accessKey as string;
}

/** The running app's platform (jobs, shared store), from the compiled app the suite booted. */
export function appPlatform(strapi: Core.Strapi): import('../../src/platform').Platform {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiled = require(path.join(distDir, 'src', 'platform')) as typeof import('../../src/platform');
  return compiled.platform(strapi);
}

/**
 * Runs a job in this process now, waiting out a scheduled run of the same job that is already
 * under way (`runNow` answers false then, and that run may have started before the test's change).
 */
export async function runJobNow(strapi: Core.Strapi, name: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await appPlatform(strapi).jobs.runNow(name))) {
    if (Date.now() > until) throw new Error(`Job "${name}" did not get to run within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
