// Separate CMS processes for the multi-instance suite: each instance is `node
// scripts/cluster/instance.js` on the app compiled once in globalSetup, on one PostgreSQL schema
// and one Redis key prefix shared by the instances of a test. Processes are stopped by their pid.
import { spawn, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import path from 'path';
import { Client } from 'pg';
import { freePort } from './ports';
import { randomSecrets } from '../../src/lib/secrets/check-secrets';

const appDir = path.resolve(__dirname, '..', '..');
export const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export async function pg<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export { freePort };

export interface Deployment {
  schema: string;
  env: Record<string, string>;
  admin: { email: string; password: string };
  drop(): Promise<void>;
}

/** One site: an empty PostgreSQL schema, a Redis prefix and the secrets every instance shares. */
export async function createDeployment(extra: Record<string, string> = {}): Promise<Deployment> {
  const schema = `c_${crypto.randomBytes(5).toString('hex')}`;
  await pg(`CREATE SCHEMA "${schema}"`);
  const admin = { email: `desk-${schema}@example.com`, password: 'Cluster-Desk-1' };
  return {
    schema,
    admin,
    env: {
      NODE_ENV: 'test',
      STRAPI_TELEMETRY_DISABLED: 'true',
      SERVE_ADMIN_PANEL: 'false',
      NEWSROOM_DIST: process.env.NEWSROOM_TEST_DIST ?? '',
      DATABASE_URL: PG_URL,
      DATABASE_SCHEMA: schema,
      DATABASE_POOL_MIN: '0',
      DATABASE_POOL_MAX: '5',
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
      REDIS_KEY_PREFIX: `test:${schema}:`,
      SEED_DEMO: 'false',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ...randomSecrets(),
      ...extra,
    },
    async drop() {
      await pg(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
}

export interface Instance {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
  /** Resolves when /_ready answers 200. */
  ready(timeoutMs?: number): Promise<void>;
  /** Sends a signal (SIGTERM: a graceful drain) and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startInstance(deployment: Deployment, name: string, env: Record<string, string> = {}, port?: number): Promise<Instance> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, [path.join(appDir, 'scripts', 'cluster', 'instance.js')], {
    cwd: appDir,
    env: { ...process.env, ...deployment.env, PORT: String(chosen), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${chosen}`;
  return {
    name,
    port: chosen,
    url,
    child,
    exited,
    output: () => output,
    // CLUSTER_READY_TIMEOUT_MS: a boot on a crowded machine (load average far above the cores) can take minutes.
    async ready(timeoutMs = Number(process.env.CLUSTER_READY_TIMEOUT_MS) || 180_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (gone) throw new Error(`instance ${name} exited before it was ready:\n${output.slice(-4000)}`);
        try {
          const res = await fetch(`${url}/_ready`);
          if (res.status === 200) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`instance ${name} not ready after ${timeoutMs} ms:\n${output.slice(-4000)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (!gone) child.kill(signal);
      return exited;
    },
  };
}

/** Polls until `check` holds; resolves with the milliseconds it took. */
export async function within(timeoutMs: number, check: () => Promise<boolean>, everyMs = 20): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function json(url: string, init: RequestInit = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers };
}

/** Logs in as the deployment's first admin and makes a full-access API token. */
export async function adminSession(instance: Instance, deployment: Deployment): Promise<{ admin: Record<string, string>; api: Record<string, string> }> {
  const login = await json(`${instance.url}/admin/login`, { method: 'POST', body: JSON.stringify(deployment.admin) });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const admin = { Authorization: `Bearer ${login.body.data.token}` };
  const token = await json(`${instance.url}/admin/api-tokens`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ name: `cluster-${crypto.randomBytes(3).toString('hex')}`, type: 'full-access', lifespan: null }),
  });
  if (token.status !== 201) throw new Error(`api token failed: ${token.status} ${JSON.stringify(token.body)}`);
  return { admin, api: { Authorization: `Bearer ${token.body.data.accessKey}` } };
}
