// The benchmark harness (`npm run bench`): seeds the benchmark databases when needed, then, one
// after the other with the same connections and duration, loads a bare Node ceiling, the warm and
// cold article feed, stock Strapi REST for the same page, and a short-URL redirect, each served by a
// fresh server process. Prints the table, ratios and targets; writes bench/results/latest.json.
import { fork, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import http from 'http';
import os from 'os';
import net from 'net';
import path from 'path';
import { appDir, distDir, benchEnv } from './boot';
import type { PurgeMode, WarmRatioResult } from './warm-ratio';
import type { SearchBenchResult } from './search';
import {
  computeRatios,
  evaluateTargets,
  parseBenchArgs,
  resultsTable,
  searchTable,
  evaluateSearchTargets,
  targetsTable,
  topSelfTime,
  UsageError,
  clusterTable,
  sideBySideTable,
  sideBySideTargets,
  type BenchOptions,
  type ClusterBenchResult,
  type Engine,
  type ScenarioResult,
  type Target,
} from './report';
import { beaconRequests } from './views';
import { benchPushFanOut, pushTable, type PushBenchResult } from './push-scenario';
import { benchComments, commentsTable, commentsTargets, DEFAULT_COMMENTS_BENCH } from './comments-scenario';
import type { CommentsBenchResult } from './comments';

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  '3xx': number;
  latency: { p50: number; p99: number; average: number };
  requests: { total: number; average: number };
  throughput: { total: number };
}
type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string>; method?: string; requests?: unknown[] }) => Promise<AutocannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

const DATA_DIR = path.join(appDir, 'bench', '.data');
const RESULTS_DIR = path.join(appDir, 'bench', 'results');
const LOG_DIR = path.join(RESULTS_DIR, 'logs');
const PROFILE_DIR = path.join(RESULTS_DIR, 'profiles');
/** Sequential requests whose SQL queries are counted (after one priming request). */
const COUNTED_REQUESTS = 10;
const MEMORY_LIMIT_MB = 400;
const MAX_QUERIES = 6;
/** Sequential search requests per query kind: bounded, whatever the database size. */
const SEARCH_REQUESTS = 200;
/** Updates timed in the cross-instance invalidation measurement. */
const CLUSTER_SAMPLES = 20;
/** Every scenario is asked as a browser would (isbot must not exempt the redirect from counting hits). */
const HEADERS = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  accept: 'application/json, text/html;q=0.9',
};

const FEED_PATH = '/api/feeds/articles';
const CAREFUL_STOCK_PATH =
  '/api/articles?fields[0]=title&fields[1]=slug&fields[2]=standfirst&fields[3]=publishedAt' +
  '&populate[leadPhoto][populate][0]=image&populate[section]=true&sort=publishedAt:desc&pagination[pageSize]=20';
const POPULATE_ALL_PATH = '/api/articles?populate=*&pagination[pageSize]=20&sort=publishedAt:desc';

const log = (line: string) => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Databases

function schemaFingerprint(): string {
  const hash = crypto.createHash('sha256');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) files.push(full);
    }
  };
  walk(path.join(appDir, 'src', 'api'));
  walk(path.join(appDir, 'src', 'components'));
  // What the seed writes also depends on the seeder itself and the short-code alphabet.
  // ... and the migrations (the search index's tables live in the same file).
  for (const f of ['scripts/bench/seed.ts', 'scripts/bench/corpus.ts', 'scripts/bench/bulk-writer.ts', 'scripts/bench/views.ts', 'src/lib/short-urls/short-code.ts', 'src/plugins/views/server/services/view-store.ts', ...fs.readdirSync(path.join(appDir, 'database', 'migrations')).map((m) => `database/migrations/${m}`)]) {
    if (fs.existsSync(path.join(appDir, f))) files.push(path.join(appDir, f));
  }
  for (const file of files.sort()) hash.update(path.relative(appDir, file)).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

interface SeedInfo {
  articles: number;
  engine: Engine;
  /** Shown in the log: the SQLite file or the PostgreSQL database. */
  name: string;
  /** What a Strapi process needs to open this database. */
  env: Record<string, string>;
  /** The SQLite file ('' on PostgreSQL). */
  file: string;
  fingerprint: string;
  seededAt: string;
  seedSeconds: number;
  /** The short code of the newest article, for the redirect scenario. */
  shortCode: string | null;
  reused: boolean;
}

/** A seeded SQLite file for `articles`, reused while the content model and seed are unchanged. */
async function ensureDatabase(articles: number, opts: BenchOptions): Promise<SeedInfo> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, `bench-${articles}.db`);
  const metaFile = path.join(DATA_DIR, `bench-${articles}.json`);
  const fingerprint = schemaFingerprint();
  if (!opts.reseed && fs.existsSync(file) && fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as SeedInfo;
    if (meta.fingerprint === fingerprint) {
      log(`Reusing ${path.relative(appDir, file)} (${articles} articles, seeded ${meta.seededAt} in ${meta.seedSeconds} s; --reseed to redo)`);
      return { ...meta, ...sqliteTarget(file), reused: true };
    }
  }
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`, metaFile]) fs.rmSync(f, { force: true });
  log(`Seeding ${articles} articles into ${path.relative(appDir, file)}…`);
  const infoFile = `${metaFile}.seed`;
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = fork(path.join(distDir, 'scripts', 'bench', 'seed.js'), ['--articles', String(articles), '--db', file, '--info', infoFile], {
      cwd: appDir,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let errors = '';
    child.stdout?.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) if (line.startsWith('  ')) log(line);
    });
    child.stderr?.on('data', (d: Buffer) => {
      errors += d.toString();
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Seeding failed (exit ${code}):\n${errors.slice(-4000)}`))));
  });
  const seeded = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as { shortCode: string | null };
  fs.rmSync(infoFile, { force: true });
  const info: SeedInfo = {
    articles,
    ...sqliteTarget(file),
    fingerprint,
    seededAt: new Date().toISOString(),
    seedSeconds: Math.round((Date.now() - started) / 100) / 10,
    shortCode: seeded.shortCode,
    reused: false,
  };
  fs.writeFileSync(metaFile, JSON.stringify(info, null, 2));
  log(`  seeded in ${info.seedSeconds} s`);
  return info;
}

const sqliteTarget = (file: string) => ({ engine: 'sqlite' as const, name: path.basename(file), file, env: { DATABASE_URL: '', DATABASE_FILENAME: file } });

type PgClient = { connect(): Promise<void>; query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>; end(): Promise<void> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('pg') as { Client: new (o: { connectionString: string; connectionTimeoutMillis?: number }) => PgClient };

async function withPg<T>(url: string, fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The PostgreSQL server of the run (--pg, else DATABASE_URL, else the local default) when it answers; why not otherwise. */
async function findPostgres(opts: BenchOptions): Promise<{ url: string } | { skipped: string }> {
  const fromEnv = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : null;
  const url = opts.pg ?? fromEnv ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  try {
    await withPg(url, (c) => c.query('SELECT 1'));
    return { url };
  } catch (error) {
    return { skipped: `PostgreSQL at ${redact(url)} does not answer (${error instanceof Error ? error.message : String(error)}); set DATABASE_URL or --pg` };
  }
}

/** Redis for the cluster scenario (REDIS_URL, else 127.0.0.1:6379) when it answers PING. */
async function findRedis(): Promise<{ url: string } | { skipped: string }> {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379/0';
  const { hostname, port } = new URL(url);
  const ok = await new Promise<boolean>((resolve) => {
    const socket = net.connect(Number(port) || 6379, hostname);
    const done = (value: boolean) => (socket.destroy(), resolve(value));
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(String(d).startsWith('+PONG')));
  });
  return ok ? { url } : { skipped: `Redis at ${redact(url)} does not answer PING; set REDIS_URL` };
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/**
 * The PostgreSQL twin of ensureDatabase: its own database bench_<articles> on the server, seeded
 * by the same seed.ts and reused while the fingerprint (kept in a table of its own) matches.
 */
async function ensurePgDatabase(articles: number, serverUrl: string, opts: BenchOptions): Promise<SeedInfo> {
  const database = `bench_${articles}`;
  const url = withDatabase(serverUrl, database);
  const fingerprint = schemaFingerprint();
  const target = { engine: 'postgres' as const, name: `PostgreSQL database ${database}`, file: '', env: { DATABASE_URL: url, DATABASE_SCHEMA: 'public' } };
  const exists = await withPg(serverUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rows.length > 0);
  if (exists && !opts.reseed) {
    const meta = await withPg(url, async (c) => {
      const found = await c.query(`SELECT to_regclass('public.bench_seed') AS t`);
      if (found.rows[0].t === null) return null;
      return ((await c.query('SELECT info FROM bench_seed')).rows[0]?.info ?? null) as SeedInfo | null;
    });
    if (meta && meta.fingerprint === fingerprint && meta.articles === articles) {
      log(`Reusing ${target.name} (${articles} articles, seeded ${meta.seededAt} in ${meta.seedSeconds} s; --reseed to redo)`);
      return { ...meta, ...target, reused: true };
    }
  }
  await withPg(serverUrl, async (c) => {
    if (exists) await c.query(`DROP DATABASE "${database}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${database}"`);
  });
  log(`Seeding ${articles} articles into ${target.name}…`);
  const infoFile = path.join(DATA_DIR, `${database}.seed`);
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const started = Date.now();
  const seed = await forkScript('seed.js', ['--articles', String(articles), '--db', 'unused-on-postgres', '--info', infoFile], target.env, '');
  if (seed.code !== 0) throw new Error(`Seeding ${database} failed (exit ${seed.code}): ${lastLines(seed.errors)}`);
  const seeded = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as { shortCode: string | null };
  fs.rmSync(infoFile, { force: true });
  const info: SeedInfo = { articles, ...target, fingerprint, seededAt: new Date().toISOString(), seedSeconds: Math.round((Date.now() - started) / 100) / 10, shortCode: seeded.shortCode, reused: false };
  await withPg(url, async (c) => {
    await c.query('CREATE TABLE bench_seed (info jsonb NOT NULL)');
    await c.query('INSERT INTO bench_seed (info) VALUES ($1)', [JSON.stringify(info)]);
  });
  log(`  seeded in ${info.seedSeconds} s`);
  return info;
}

// ---------------------------------------------------------------------------------------------
// Server processes

export interface FlushStats {
  ran: boolean;
  /** SQL statements during the flush (all of them: drain is in memory, writes, the totals read back). */
  queries: number;
  /** Upsert statements, article rows written, views in the batch. */
  statements: number;
  rows: number;
  views: number;
}

interface Server {
  child: ChildProcess;
  port: number;
  stats(): Promise<{ queries: number; rss: number }>;
  /** Runs one views flush in the server process (views scenarios). */
  flushViews(): Promise<FlushStats>;
  /** Starts (file undefined) or stops and writes a CPU profile of the server process. */
  profile(action: 'start' | 'stop', file?: string): Promise<void>;
  stop(): Promise<void>;
}

async function startServer(key: string, script: 'server' | 'bare-server', env: Record<string, string>, opts: BenchOptions): Promise<Server> {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${key}.log`);
  const out = fs.openSync(logFile, 'w');
  const child = fork(path.join(distDir, 'scripts', 'bench', `${script}.js`), [], {
    cwd: appDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out, 'ipc'],
  });
  fs.closeSync(out);
  let nextId = 1;
  const pending = new Map<number, (s: { queries: number; rss: number }) => void>();
  const profiling = new Map<number, () => void>();
  const flushes = new Map<number, (s: FlushStats) => void>();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${key}: server not ready after 300 s; see ${logFile}`)), 300_000);
    child.on('message', (m: { type: string; id?: number; queries?: number; rss?: number }) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve();
      } else if (m.type === 'stats') {
        pending.get(m.id ?? 0)?.({ queries: m.queries ?? 0, rss: m.rss ?? 0 });
        pending.delete(m.id ?? 0);
      } else if (m.type === 'views-flushed') {
        flushes.get(m.id ?? 0)?.(m as unknown as FlushStats);
        flushes.delete(m.id ?? 0);
      } else if (m.type === 'profiling') {
        profiling.get(m.id ?? 0)?.();
        profiling.delete(m.id ?? 0);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-3000) : '';
      reject(new Error(`${key}: server exited (${code}) before it was ready:\n${tail}`));
    });
  });
  return {
    child,
    port: Number(env.PORT),
    stats: () =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        child.send({ type: 'stats', id });
      }),
    flushViews: () =>
      new Promise((resolve) => {
        const id = nextId++;
        flushes.set(id, resolve);
        child.send({ type: 'views-flush', id });
      }),
    profile: (action, file) =>
      new Promise((resolve) => {
        const id = nextId++;
        profiling.set(id, resolve);
        child.send({ type: `profile-${action}`, id, file });
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'stop' });
      }),
  };
}

function get(port: number, urlPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers: HEADERS, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** Counted, not estimated: the server's query counter across sequential requests. */
async function countQueries(server: Server, urlPath: string): Promise<number> {
  await get(server.port, urlPath); // prime: fills a cache where there is one
  const before = (await server.stats()).queries;
  for (let i = 0; i < COUNTED_REQUESTS; i += 1) await get(server.port, urlPath);
  return ((await server.stats()).queries - before) / COUNTED_REQUESTS;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

interface Scenario {
  key: string;
  label: string;
  path: string;
  db: SeedInfo;
  env?: Record<string, string>;
  expect: (status: number) => boolean;
  /** Also count queries for these paths (reported in `extra`). */
  countAlso?: Record<string, string>;
}

const ok = (s: number) => s === 200;
const redirect = (s: number) => s >= 301 && s <= 308;

async function load(port: number, urlPath: string, opts: BenchOptions, seconds: number) {
  return autocannon({ url: `http://127.0.0.1:${port}${urlPath}`, connections: opts.connections, duration: seconds, headers: HEADERS });
}

async function measure(
  scenario: Scenario,
  server: Server,
  opts: BenchOptions,
  counted: boolean,
): Promise<ScenarioResult> {
  const probe = await get(server.port, scenario.path);
  if (!scenario.expect(probe.status)) {
    throw new Error(`${scenario.key} ${scenario.path} answered ${probe.status}: ${probe.body.toString().slice(0, 300)}`);
  }
  const queriesPerRequest = counted ? await countQueries(server, scenario.path) : null;
  const extra: Record<string, number> = {};
  for (const [name, p] of Object.entries(scenario.countAlso ?? {})) extra[name] = await countQueries(server, p);
  if (opts.warmup > 0) await load(server.port, scenario.path, opts, opts.warmup);

  const profileFile = opts.profile && scenario.key !== 'a' ? path.join(PROFILE_DIR, `${scenario.key}.cpuprofile`) : null;
  if (profileFile) {
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    await server.profile('start');
  }
  const before = await server.stats();
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    server.stats().then((s) => (peakRss = Math.max(peakRss, s.rss)), () => undefined);
  }, 250);
  const result = await load(server.port, scenario.path, opts, opts.duration);
  clearInterval(sampler);
  const after = await server.stats();
  peakRss = Math.max(peakRss, after.rss);
  if (profileFile) await server.profile('stop', profileFile);

  const completed = result.requests.total;
  const expectedCount = scenario.expect === redirect ? result['3xx'] : result['2xx'];
  const r: ScenarioResult = {
    key: scenario.key,
    label: scenario.label,
    path: scenario.path,
    articles: scenario.db.articles,
    rps: completed / opts.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bodyBytes: probe.body.length,
    wireBytes: completed > 0 ? result.throughput.total / completed : 0,
    queriesPerRequest,
    queriesPerRequestUnderLoad: counted && completed > 0 ? (after.queries - before.queries) / completed : null,
    peakRssMb: peakRss / 1024 / 1024,
    requests: completed,
    errors: result.errors + result.timeouts,
    unexpectedStatus: completed - expectedCount,
    ...(Object.keys(extra).length ? { extra } : {}),
  };
  log(
    `  ${r.key}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.bodyBytes} B, ` +
      `${r.queriesPerRequest ?? '–'} SQL/req, RSS ${r.peakRssMb?.toFixed(0)} MB${r.errors + r.unexpectedStatus ? `, ${r.errors + r.unexpectedStatus} errors/unexpected` : ''}`,
  );
  return r;
}

async function withStrapi<T>(scenario: Scenario, opts: BenchOptions, fn: (server: Server) => Promise<T>): Promise<T> {
  log(`[${scenario.key}] ${scenario.label}: starting Strapi on ${scenario.db.name}…`);
  const started = Date.now();
  const logKey = scenario.db.engine === 'postgres' ? `pg-${scenario.key}` : scenario.key;
  const server = await startServer(logKey, 'server', benchEnv({ ...scenario.db.env, PORT: String(opts.port), ...scenario.env }), opts);
  log(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s; measuring ${opts.connections} connections × ${opts.duration} s (after ${opts.warmup} s warm-up)`);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

const WARM_RATIO_TARGET = 0.95;

/** Scenario wr: each purge mode on its own copy of the small database, in its own Strapi process. */
async function writeLoadScenario(db: SeedInfo, opts: BenchOptions, notes: string[]): Promise<[WarmRatioResult, WarmRatioResult] | null> {
  const out: WarmRatioResult[] = [];
  for (const mode of ['flush-all', 'precise'] as PurgeMode[]) {
    const copy = path.join(os.tmpdir(), `newsroom-bench-wr-${process.pid}-${mode}.db`);
    fs.copyFileSync(db.file, copy);
    log(`[wr] warm-hit ratio, ${mode}: ${opts.writeLoadSeconds} s of writes and reads on a copy of ${path.basename(db.file)}…`);
    try {
      out.push(
        await new Promise<WarmRatioResult>((resolve, reject) => {
          const child = fork(path.join(distDir, 'scripts', 'bench', 'warm-ratio.js'), [mode, String(opts.writeLoadSeconds), String(opts.readsPerSecond)], {
            cwd: appDir,
            env: { ...process.env, ...benchEnv({ DATABASE_URL: '', DATABASE_FILENAME: copy, PORT: String(opts.port) }) },
            stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
          });
          let result: WarmRatioResult | null = null;
          let errors = '';
          child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
          child.on('message', (m: { type: string; result: WarmRatioResult }) => {
            if (m.type === 'warm-ratio') result = m.result;
          });
          child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`exit ${code}: ${errors.slice(-2000)}`))));
        }),
      );
      log(`  ${mode}: ${out[out.length - 1].ratio.toFixed(3)} of ${out[out.length - 1].reads} reads answered warm`);
    } catch (error) {
      notes.push(`wr (${mode}) not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return null;
    } finally {
      for (const f of [copy, `${copy}-journal`, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
    }
  }
  return [out[0], out[1]];
}

// ---------------------------------------------------------------------------------------------
// Readers' numbers: beacon ingestion (v) and the most-read feed warm (mr) and cold (mrc)

const BEACON_ARTICLES = 50;
const BEACON_READERS = 20_000;
const FLUSH_EVERY_MS = 5_000;
const BEACON_TARGET = 5_000;

async function runViewScenarios(db: SeedInfo, opts: BenchOptions, want: (key: string) => boolean, results: ScenarioResult[], notes: string[]) {
  const targets: Array<{ name: string; goal: string; measured: string; met: boolean | null }> = [];
  if (want('v')) {
    const scenario: Scenario = {
      key: 'v',
      label: 'view beacons (POST, 202)',
      path: '/api/articles/:id/views',
      db,
      // Flushes are driven by the harness every 5 s, so each one's writes can be counted.
      env: { VIEWS_FLUSH_INTERVAL: '3600', VIEWS_RATE_LIMIT_POINTS: '1000000', VIEWS_RATE_LIMIT_DURATION: '1' },
      expect: (s) => s === 202,
    };
    try {
      await withStrapi(scenario, opts, async (server) => {
        const page = JSON.parse((await get(server.port, `${FEED_PATH}?limit=${BEACON_ARTICLES}`)).body.toString()) as { data: Array<{ documentId: string }> };
        const ids = page.data.map((a) => a.documentId);
        const beacons = (seconds: number) =>
          autocannon({ url: `http://127.0.0.1:${server.port}`, connections: opts.connections, duration: seconds, headers: HEADERS, ...beaconRequests(ids, BEACON_READERS, HEADERS['user-agent']) });
        if (opts.warmup > 0) await beacons(opts.warmup);
        await server.flushViews();
        const flushes: FlushStats[] = [];
        const before = await server.stats();
        if (opts.profile) {
          fs.mkdirSync(PROFILE_DIR, { recursive: true });
          await server.profile('start');
        }
        const ticker = setInterval(() => void server.flushViews().then((f) => flushes.push(f)), FLUSH_EVERY_MS);
        const result = await beacons(opts.duration);
        clearInterval(ticker);
        if (opts.profile) await server.profile('stop', path.join(PROFILE_DIR, 'v.cpuprofile'));
        const after = await server.stats();
        flushes.push(await server.flushViews());
        const ran = flushes.filter((f) => f.ran && f.views > 0);
        const completed = result.requests.total;
        const avg = (pick: (f: FlushStats) => number) => (ran.length ? ran.reduce((n, f) => n + pick(f), 0) / ran.length : 0);
        results.push({
          key: 'v',
          label: scenario.label,
          path: scenario.path,
          articles: db.articles,
          rps: completed / opts.duration,
          p50: result.latency.p50,
          p99: result.latency.p99,
          bodyBytes: 0,
          wireBytes: completed > 0 ? result.throughput.total / completed : 0,
          // SQL of the beacon requests themselves (the flushes run outside any request and are counted
          // apart; the published check is cached; claims and counters are in the store).
          queriesPerRequest: completed > 0 ? (after.queries - before.queries) / completed : null,
          queriesPerRequestUnderLoad: null,
          peakRssMb: after.rss / 1024 / 1024,
          requests: completed,
          errors: result.errors + result.timeouts,
          unexpectedStatus: completed - result['2xx'],
          extra: { flushes: ran.length, viewsPerFlush: avg((f) => f.views), rowsPerFlush: avg((f) => f.rows), upsertsPerFlush: avg((f) => f.statements), sqlPerFlush: avg((f) => f.queries) },
        });
        log(`  v: ${(completed / opts.duration).toFixed(0)} beacons/s; ${ran.length} flushes, each ~${avg((f) => f.views).toFixed(0)} views → ${avg((f) => f.rows).toFixed(0)} article rows in ${avg((f) => f.statements).toFixed(1)} upserts (${avg((f) => f.queries).toFixed(1)} SQL)`);
        targets.push({ name: 'view beacons per second, one instance', goal: `≥ ${BEACON_TARGET}`, measured: (completed / opts.duration).toFixed(0), met: completed / opts.duration >= BEACON_TARGET });
        targets.push({
          name: 'article rows written per flush',
          goal: 'distinct articles, not beacons',
          measured: `${avg((f) => f.rows).toFixed(0)} rows for ${avg((f) => f.views).toFixed(0)} views`,
          met: ran.length > 0 && ran.every((f) => f.rows <= ids.length && f.rows < f.views),
        });
      });
    } catch (error) {
      notes.push(`v not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  const mostRead: Scenario[] = [
    { key: 'mr', label: 'most read 30d, warm', path: '/api/feeds/most-read?window=30d', db, env: { FEED_CACHE: 'true' }, expect: ok },
    { key: 'mrc', label: 'most read 30d, cold (no caches)', path: '/api/feeds/most-read?window=30d', db, env: { FEED_CACHE: 'false', VIEWS_RANKING_TTL: '0' }, expect: ok },
    { key: 'mrc24', label: 'most read 24h, cold (no caches)', path: '/api/feeds/most-read?window=24h', db, env: { FEED_CACHE: 'false', VIEWS_RANKING_TTL: '0' }, expect: ok },
  ];
  for (const scenario of mostRead.filter((s) => want(s.key))) {
    try {
      results.push(await withStrapi(scenario, opts, (server) => measure(scenario, server, opts, true)));
    } catch (error) {
      notes.push(`${scenario.key} not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return targets;
}

/** A bench script in its own process; resolves with its `<TAG> {json}` line, logs its indented progress. */
function forkScript<T>(script: string, args: string[], env: Record<string, string>, tag: string): Promise<{ result: T | null; errors: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = fork(path.join(distDir, 'scripts', 'bench', script), args, { cwd: appDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let result: T | null = null;
    let errors = '';
    child.stdout?.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        if (tag && line.startsWith(`${tag} `)) result = JSON.parse(line.slice(tag.length + 1)) as T;
        else if (line.startsWith('  ')) log(line);
        else if (/error/i.test(line)) errors += `${line}\n`; // Strapi logs its own failures (a busy port) to stdout
      }
    });
    child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
    child.on('exit', (code) => resolve({ result, errors, code }));
  });
}

const lastLines = (text: string) => text.split('\n').filter(Boolean).slice(-3).join(' ');

/**
 * The search scenario in its own process (scripts/bench/search.ts) at every --search-articles size
 * (default 10,000 and 100,000) on SQLite and on PostgreSQL (database bench_<N>, seeded on first
 * use like the other scenarios' databases): index build when needed, then latency per query kind.
 */
async function runSearchScenario(opts: BenchOptions, notes: string[]): Promise<SearchBenchResult[]> {
  const out: SearchBenchResult[] = [];
  const server = opts.engines.includes('postgres') ? await findPostgres(opts) : null;
  if (server && 'skipped' in server) notes.push(`search on PostgreSQL skipped: ${server.skipped}`);
  for (const articles of opts.searchArticles) {
    const databases: SeedInfo[] = [];
    if (opts.engines.includes('sqlite')) databases.push(await ensureDatabase(articles, opts));
    if (server && 'url' in server) databases.push(await ensurePgDatabase(articles, server.url, opts));
    for (const db of databases) {
      log(`[search] full-text search on ${db.name} (${articles} articles): index build if needed, then ${SEARCH_REQUESTS} sequential requests per query kind…`);
      // The index is built by `npm run search:reindex`'s own code path (timed) at every size.
      const args = ['--port', String(opts.port), '--requests', String(SEARCH_REQUESTS), ...(opts.reseed ? ['--rebuild'] : []), ...(db.file ? ['--db', db.file] : [])];
      const run = await forkScript<SearchBenchResult>('search.js', args, db.engine === 'postgres' ? db.env : { DATABASE_URL: '' }, 'SEARCH-RESULT');
      if (run.result) out.push(run.result);
      else notes.push(`search on ${db.name} not measured (exit ${run.code}): ${lastLines(run.errors)}`);
    }
  }
  return out;
}

/** Scenarios a, b, c, d1, d2, e and c1k on one database (SQLite or PostgreSQL); `ceiling` reuses a measured a. */
async function runReadScenarios(big: SeedInfo, small: SeedInfo | null, opts: BenchOptions, want: (key: string) => boolean, notes: string[], ceiling?: ScenarioResult): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const warm: Scenario = { key: 'b', label: 'feed, warm (response cache)', path: FEED_PATH, db: big, env: { FEED_CACHE: 'true' }, expect: ok };
  const cold: Scenario = {
    key: 'c',
    label: 'feed, cold (FEED_CACHE=false)',
    path: FEED_PATH,
    db: big,
    env: { FEED_CACHE: 'false' },
    expect: ok,
    countAlso: { queriesPerRequestAt50: `${FEED_PATH}?limit=50` },
  };

  // (a) and (b) share a process: the ceiling serves the bytes the warm server has just sent.
  if (want('a') && ceiling) results.push(ceiling);
  if (want('b') || (want('a') && !ceiling)) {
    await withStrapi(warm, opts, async (server) => {
      let source = 'feed';
      let body = await get(server.port, FEED_PATH);
      if (body.status !== 200) {
        notes.push(`${FEED_PATH} answered ${body.status}; the ceiling serves the careful stock page instead.`);
        source = 'careful stock page';
        body = await get(server.port, CAREFUL_STOCK_PATH);
      }
      // The ceiling does not touch the database: measured once, shown in every column.
      if (want('a') && !ceiling) {
        const file = path.join(DATA_DIR, 'ceiling-body');
        fs.writeFileSync(file, body.body);
        log(`[a] bare Node http server with the ${body.body.length} bytes of the ${source}`);
        const bare = await startServer(big.engine === 'postgres' ? 'pg-a' : 'a', 'bare-server', {
          PORT: String(opts.port + 1),
          HOST: '127.0.0.1',
          BENCH_BODY_FILE: file,
          BENCH_CONTENT_TYPE: String(body.headers['content-type'] ?? 'application/json'),
        }, opts);
        try {
          results.push(await measure({ key: 'a', label: `bare Node, same bytes (${source})`, path: '/', db: big, expect: ok }, bare, opts, false));
        } finally {
          await bare.stop();
        }
      }
      if (want('b')) {
        if (body.status !== 200 || source !== 'feed') notes.push('b skipped: no feed endpoint.');
        else results.push(await measure(warm, server, opts, true));
      }
    });
  }
  const rest: Scenario[] = [
    cold,
    { key: 'd1', label: 'stock REST, fields + populate', path: CAREFUL_STOCK_PATH, db: big, expect: ok },
    { key: 'd2', label: 'stock REST, populate=*', path: POPULATE_ALL_PATH, db: big, expect: ok },
    ...(big.shortCode ? [{ key: 'e', label: 'short URL redirect', path: `/s/${big.shortCode}`, db: big, expect: redirect }] : []),
    ...(small ? [{ ...cold, key: 'c1k', label: `feed, cold, ${small.articles} articles`, db: small }] : []),
  ];
  for (const scenario of rest.filter((s) => want(s.key))) {
    try {
      results.push(await withStrapi(scenario, opts, (server) => measure(scenario, server, opts, true)));
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      notes.push(`${scenario.key} not measured: ${message}`);
      log(`  ${scenario.key} not measured: ${message}`);
    }
  }

  return results;
}

const PG_KEYS = ['a', 'b', 'c', 'd1', 'd2', 'e', 'c1k', 'v', 'mr', 'mrc', 'mrc24'];

/**
 * The article scenarios again on PostgreSQL (databases bench_<articles> and bench_<baseline>),
 * when the server answers; the reason in the notes when it does not.
 */
async function runPostgres(opts: BenchOptions, want: (key: string) => boolean, ceiling: ScenarioResult | undefined, notes: string[]) {
  if (!opts.engines.includes('postgres') || !PG_KEYS.some(want)) return null;
  const server = await findPostgres(opts);
  if ('skipped' in server) {
    notes.push(`PostgreSQL run skipped: ${server.skipped}`);
    log(`[postgres] skipped: ${server.skipped}`);
    return null;
  }
  log(`[postgres] the same scenarios on PostgreSQL at ${redact(server.url)}`);
  const pgNotes: string[] = [];
  try {
    const big = await ensurePgDatabase(opts.articles, server.url, opts);
    const small = want('c1k') ? await ensurePgDatabase(opts.baselineArticles, server.url, opts) : null;
    const results = await runReadScenarios(big, small, opts, want, pgNotes, ceiling);
    const viewTargets = await runViewScenarios(big, opts, want, results, pgNotes);
    const ratios = computeRatios(results);
    const targets: Target[] = [...evaluateTargets(results, ratios, { memoryLimitMb: MEMORY_LIMIT_MB, maxQueries: MAX_QUERIES }), ...viewTargets];
    return { databases: [big, small].filter(Boolean), results, ratios, targets };
  } catch (error) {
    pgNotes.push(`run not completed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return null;
  } finally {
    notes.push(...pgNotes.map((n) => `PostgreSQL: ${n}`));
  }
}

/** The two-instance scenario (cluster-bench.ts) in its own process, when PostgreSQL and Redis answer. */
async function runClusterScenario(opts: BenchOptions, notes: string[]): Promise<ClusterBenchResult | null> {
  const [server, redis] = await Promise.all([findPostgres(opts), findRedis()]);
  const missing = [server, redis].flatMap((r) => ('skipped' in r ? [r.skipped] : []));
  if ('skipped' in server || 'skipped' in redis) {
    notes.push(`cluster scenario skipped: ${missing.join('; ')}`);
    log(`[cluster] skipped: ${missing.join('; ')}`);
    return null;
  }
  // Its own database; the scenario makes a fresh schema there and drops it after.
  const database = 'bench_cluster';
  await withPg(server.url, async (c) => {
    if (!(await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rows.length) await c.query(`CREATE DATABASE "${database}"`);
  });
  log(`[cluster] two instances on PostgreSQL ${database} and Redis ${redact(redis.url)}, through the load balancer: one instance, then both; then the invalidation delay…`);
  const run = await forkScript<ClusterBenchResult>(
    'cluster-bench.js',
    ['--connections', String(opts.connections), '--duration', String(opts.duration), '--samples', String(CLUSTER_SAMPLES)],
    { DATABASE_URL: withDatabase(server.url, database), REDIS_URL: redis.url },
    'CLUSTER-RESULT',
  );
  if (!run.result) notes.push(`cluster scenario not measured (exit ${run.code}): ${lastLines(run.errors)}`);
  return run.result;
}

async function main(argv: string[]) {
  const opts = parseBenchArgs(argv);
  const want = (key: string) => opts.only.length === 0 || opts.only.includes(key);
  if (opts.only.length > 0 && opts.only.every((key) => key === 'comments')) {
    // The comments scenario seeds its own throw-away database: no article database needed.
    const comments = await benchComments({ ...DEFAULT_COMMENTS_BENCH, port: opts.port, posts: opts.commentPosts }, LOG_DIR, log);
    log(`\n${commentsTable(comments)}`);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'comments-latest.json'), `${JSON.stringify({ date: new Date().toISOString(), loadAverage: os.loadavg(), options: opts, comments }, null, 2)}\n`);
    return;
  }
  if (opts.only.length > 0 && opts.only.every((key) => key === 'p')) {
    // The push fan-out alone needs no article database.
    const profileFile = opts.profile ? path.join(PROFILE_DIR, 'p.cpuprofile') : undefined;
    if (profileFile) fs.mkdirSync(PROFILE_DIR, { recursive: true });
    const push = await benchPushFanOut(opts.subscriptions, LOG_DIR, log, profileFile);
    log(`\n${pushTable(push)}`);
    if (profileFile && fs.existsSync(profileFile)) {
      log(`\nCPU profile of the fan-out (${path.relative(appDir, profileFile)}), top self time:`);
      log(topSelfTime(JSON.parse(fs.readFileSync(profileFile, 'utf8')), 20, appDir));
    }
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'push-latest.json'), `${JSON.stringify({ date: new Date().toISOString(), options: opts, push }, null, 2)}\n`);
    return;
  }
  log(`Benchmark: ${opts.articles} articles, ${opts.connections} connections × ${opts.duration} s per scenario, ports ${opts.port}-${opts.port + 1}, on ${opts.engines.join(' and ')}`);
  const onSqlite = opts.engines.includes('sqlite') && [...PG_KEYS, 'wr'].some(want);
  const big = onSqlite ? await ensureDatabase(opts.articles, opts) : null;
  const small = onSqlite && (want('c1k') || want('wr')) ? await ensureDatabase(opts.baselineArticles, opts) : null;

  const notes: string[] = [];
  const results = big ? await runReadScenarios(big, small, opts, want, notes) : [];
  const warmHitRatio = want('wr') && small ? await writeLoadScenario(small, opts, notes) : null;
  const viewTargets = big ? await runViewScenarios(big, opts, want, results, notes) : [];
  const search = want('search') ? await runSearchScenario(opts, notes) : [];
  const postgres = await runPostgres(opts, want, results.find((r) => r.key === 'a'), notes);
  const cluster = want('cluster') ? await runClusterScenario(opts, notes) : null;
  let push: PushBenchResult | null = null;
  if (want('p')) {
    try {
      push = await benchPushFanOut(opts.subscriptions, LOG_DIR, log);
    } catch (error) {
      notes.push(`p not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }

  let comments: CommentsBenchResult | null = null;
  if (want('comments')) {
    try {
      comments = await benchComments({ ...DEFAULT_COMMENTS_BENCH, port: opts.port, posts: opts.commentPosts }, LOG_DIR, log);
    } catch (error) {
      notes.push(`comments not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  const ratios = computeRatios(results);
  const targets = [...evaluateTargets(results, ratios, { memoryLimitMb: MEMORY_LIMIT_MB, maxQueries: MAX_QUERIES }), ...viewTargets, ...(comments ? commentsTargets(comments) : [])];
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  log('');
  log(resultsTable(results.length ? results : (postgres?.results ?? [])));
  if (postgres && results.length) {
    log('');
    log('SQLite and PostgreSQL side by side (same scenarios, same load; a, the bare Node ceiling, measured once):');
    log(sideBySideTable([{ name: 'SQLite', rows: results }, { name: 'PostgreSQL', rows: postgres.results }]));
    log('');
    log(sideBySideTargets([{ name: 'SQLite', rows: targets }, { name: 'PostgreSQL', rows: postgres.targets }]));
  } else {
    log('');
    log(targetsTable(results.length ? targets : (postgres?.targets ?? [])));
  }
  if (cluster) {
    log('');
    log(`Two instances through the load balancer (PostgreSQL + Redis, demo newsroom, ${cluster.connections} connections × ${cluster.duration} s):`);
    log(clusterTable(cluster));
  }
  if (warmHitRatio) {
    const [before, after] = warmHitRatio;
    log('');
    log(`Warm-hit ratio under newsroom write load (${after.seconds} s real time: a draft saved every second, a publish every minute, ${opts.readsPerSecond} reads/s on ${after.feeds} feeds and ${after.pages} article pages, ${small!.articles} articles):`);
    log(`  before (whole cache flushed on every write): ${before.ratio.toFixed(3)}  (${before.hits}/${before.reads})`);
    log(`  after  (surrogate-key purges):               ${after.ratio.toFixed(3)}  (${after.hits}/${after.reads})  target ≥ ${WARM_RATIO_TARGET}: ${after.ratio >= WARM_RATIO_TARGET ? 'met' : 'MISSED'}`);
  }
  for (const r of search) {
    log('');
    log(searchTable(r));
  }
  const searchTargets = evaluateSearchTargets(search);
  if (searchTargets.length) log(`\nSearch targets:\n${targetsTable(searchTargets)}`);
  if (push) log(`\n${pushTable(push)}`);
  if (comments) log(`\n${commentsTable(comments)}`);
  for (const note of notes) log(`note: ${note}`);
  if (opts.profile) {
    for (const r of results.filter((x) => x.key !== 'a')) {
      const file = path.join(PROFILE_DIR, `${r.key}.cpuprofile`);
      if (!fs.existsSync(file)) continue;
      log(`\nCPU profile of ${r.key} under load (${path.relative(appDir, file)}; open in Chrome DevTools), top self time:`);
      log(topSelfTime(JSON.parse(fs.readFileSync(file, 'utf8')), 20, appDir));
    }
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = { date: new Date().toISOString(), machine, options: opts, databases: [big, small, ...(postgres?.databases ?? [])].filter(Boolean), results, ratios, targets, postgres, cluster, warmHitRatio, search, searchTargets, push, comments, notes };
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  log(`\nWrote ${path.relative(appDir, path.join(RESULTS_DIR, 'latest.json'))} (load average during run: ${machine.loadAverage.join(', ')})`);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof UsageError ? `bench: ${error.message}` : error);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
