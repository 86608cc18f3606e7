// `npm run bench -- --cluster`: the feed on PostgreSQL + Redis, one instance against two behind
// the load balancer of `npm run cluster`, and the cross-instance invalidation delay (an update on
// A until B's cached feed shows it). A fresh PostgreSQL schema with the demo newsroom, dropped after.
//   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), REDIS_URL (default redis://127.0.0.1:6379/0)
import { spawn, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { Client } from 'pg';
import { appDir, distDir } from './boot';
import { randomSecrets } from '../../src/lib/secrets/check-secrets';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (o: Record<string, unknown>) => Promise<{ requests: { average: number; total: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createLoadBalancer } = require(path.join(appDir, 'scripts', 'cluster', 'load-balancer.js'));

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const connections = arg('connections', 10);
const duration = arg('duration', 10);
const samples = arg('samples', 20);
const pgUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379/0';
const log = (line: string) => process.stdout.write(`${line}\n`);

async function sql(query: string) {
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return (await client.query(query)).rows;
  } finally {
    await client.end();
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

interface Proc { url: string; child: ChildProcess }

async function startInstance(env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(appDir, 'scripts', 'cluster', 'instance.js')], {
    cwd: appDir,
    env: { ...process.env, ...env, PORT: String(port), NEWSROOM_DIST: distDir, SERVE_ADMIN_PANEL: 'false' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('an instance exited while starting');
    if ((await fetch(`${url}/_ready`).then((r) => r.status).catch(() => 0)) === 200) return { url, child };
    if (Date.now() > deadline) throw new Error('an instance did not become ready');
    await new Promise((r) => setTimeout(r, 250));
  }
}
const stop = (p: Proc) => new Promise<void>((r) => (p.child.exitCode !== null ? r() : (p.child.once('exit', () => r()), p.child.kill('SIGTERM'))));

async function throughput(backends: string[], urlPath: string) {
  const lb = createLoadBalancer({ port: 0, backends });
  const port = await lb.listen();
  try {
    await autocannon({ url: `http://127.0.0.1:${port}${urlPath}`, connections, duration: 2 }); // warm-up
    const r = await autocannon({ url: `http://127.0.0.1:${port}${urlPath}`, connections, duration });
    return { reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
  } finally {
    await lb.close();
  }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];

async function main() {
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  await sql(`CREATE SCHEMA "${schema}"`);
  const admin = { email: 'bench@example.com', password: 'Bench-Desk-1' };
  const base = {
    NODE_ENV: 'test', LOG_LEVEL: 'error', STRAPI_TELEMETRY_DISABLED: 'true', ...randomSecrets(),
    DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `bench:${schema}:`,
    SEED_DEMO: 'true', RATE_LIMIT_ENABLED: 'false', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password,
  };
  const rows: Array<Record<string, unknown>> = [];
  // Stopped in the finally below whatever fails, so a failed measurement leaves no instance running.
  const instances: Proc[] = [];
  const boot = async (env: Record<string, string>) => {
    const pair = await Promise.all([startInstance(env), startInstance(env)]);
    instances.push(...pair);
    return pair;
  };
  const result: Record<string, unknown> = { date: new Date().toISOString(), connections, duration, rows };
  try {
    log(`Booting two instances on PostgreSQL schema ${schema} with Redis (demo newsroom)…`);
    let [a, b] = await boot(base);
    for (const [label, pathName] of [['feed, warm', '/api/feeds/articles'], ['stock REST, fields + populate', '/api/articles?fields[0]=title&fields[1]=slug&populate[leadPhoto][populate][0]=image&populate[section]=true&sort=publishedAt:desc&pagination[pageSize]=20']]) {
      for (const backends of [[a.url], [a.url, b.url]]) {
        const r = await throughput(backends, pathName);
        rows.push({ scenario: label, instances: backends.length, ...r });
        log(`  ${label.padEnd(32)} ${backends.length} instance(s): ${r.reqPerSec} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}`);
      }
    }

    // Invalidation delay: rename an article on A, poll B's (cached) feed until it shows the title.
    const login = (await (await fetch(`${a.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(admin) })).json()) as { data: { token: string } };
    const adminAuth = { Authorization: `Bearer ${login.data.token}`, 'Content-Type': 'application/json' };
    const token = (await (await fetch(`${a.url}/admin/api-tokens`, { method: 'POST', headers: adminAuth, body: JSON.stringify({ name: 'bench', type: 'full-access', lifespan: null }) })).json()) as { data: { accessKey: string } };
    const api = { Authorization: `Bearer ${token.data.accessKey}`, 'Content-Type': 'application/json' };
    const feed = async (url: string) => (await (await fetch(`${url}/api/feeds/articles?limit=5`)).json()) as { data: Array<{ title: string; documentId?: string; id?: string }> };
    // The feed's own order (first publication, newest first), so the renamed story is on B's first page.
    const list = (await (await fetch(`${a.url}/api/articles?sort[0]=firstPublishedAt:desc&sort[1]=id:desc&pagination[pageSize]=1`, { headers: api })).json()) as { data: Array<{ documentId: string }> };
    const documentId = list.data[0].documentId;
    const delays: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      await feed(b.url); // cached on B
      const title = `Bench rename ${i} ${Date.now()}`;
      const started = Date.now();
      const res = await fetch(`${a.url}/api/articles/${documentId}?status=published`, { method: 'PUT', headers: api, body: JSON.stringify({ data: { title } }) });
      if (res.status !== 200) throw new Error(`update answered ${res.status}`);
      while (!(await feed(b.url)).data.some((item) => item.title === title)) {
        if (Date.now() - started > 10_000) throw new Error('B never showed the update');
        await new Promise((r) => setTimeout(r, 2));
      }
      delays.push(Date.now() - started);
    }
    delays.sort((x, y) => x - y);
    result.invalidation = { samples, p50: pct(delays, 0.5), max: delays[delays.length - 1], note: 'ms from the start of the update request on A until B serves the new title' };
    log(`  cross-instance invalidation (update on A until B's feed shows it): p50 ${pct(delays, 0.5)} ms, max ${delays[delays.length - 1]} ms over ${samples}`);
    await Promise.all([stop(a), stop(b)]);

    [a, b] = await boot({ ...base, FEED_CACHE: 'false' });
    for (const backends of [[a.url], [a.url, b.url]]) {
      const r = await throughput(backends, '/api/feeds/articles');
      rows.push({ scenario: 'feed, cold (FEED_CACHE=false)', instances: backends.length, ...r });
      log(`  ${'feed, cold (FEED_CACHE=false)'.padEnd(32)} ${backends.length} instance(s): ${r.reqPerSec} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}`);
    }
    await Promise.all([stop(a), stop(b)]);
  } finally {
    await Promise.all(instances.map(stop));
    await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
  const out = path.join(appDir, 'bench', 'results', 'cluster-latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  log(`Written to ${path.relative(appDir, out)}`);
  // For `npm run bench`, which runs this scenario in its own process and prints the table.
  log(`CLUSTER-RESULT ${JSON.stringify(result)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
