// The benchmark's pure parts: command-line options, the results table, the ratios and the targets.

export interface BenchOptions {
  articles: number;
  /** The small database the cold feed's p50 is compared against. */
  baselineArticles: number;
  connections: number;
  /** Seconds of measured load per scenario. */
  duration: number;
  /** Seconds of unmeasured load before each measurement (JIT, caches, SQLite page cache). */
  warmup: number;
  port: number;
  /** Seconds of real time the write-load scenario (wr) runs in each purge mode. */
  writeLoadSeconds: number;
  /** Reader requests per second in the write-load scenario. */
  readsPerSecond: number;
  /** Scenario keys to run (a, b, c, c1k, d1, d2, e, wr, v, mr, mrc, mrc24, search, p, comments, cluster); all when empty. */
  only: string[];
  reseed: boolean;
  /** Write V8 CPU profiles of the Strapi processes to bench/results/profiles. */
  profile: boolean;
  /** PostgreSQL server URL given with --pg (else DATABASE_URL, else 127.0.0.1:5432). */
  pg: string | null;
  /** Database sizes the search scenario runs at (--search-articles 10000,100000), on every engine. */
  searchArticles: number[];
  /**
   * Where the article scenarios run: SQLite, and PostgreSQL when the server (--pg, DATABASE_URL
   * or 127.0.0.1:5432) answers, in its own database bench_<articles>.
   */
  engines: Engine[];
  /** Push subscriptions in the fan-out scenario (p). */
  subscriptions: number;
  /** Comments posted in the comments scenario (bounded also by 60 s). */
  commentPosts: number;
}

export type Engine = 'sqlite' | 'postgres';
export const ENGINES: Engine[] = ['sqlite', 'postgres'];

export const DEFAULT_OPTIONS: BenchOptions = {
  articles: 10000,
  baselineArticles: 1000,
  connections: 10,
  duration: 10,
  warmup: 3,
  port: 1350,
  writeLoadSeconds: 120,
  readsPerSecond: 40,
  only: [],
  reseed: false,
  profile: false,
  pg: null,
  searchArticles: [10_000, 100_000],
  engines: ENGINES,
  subscriptions: 10000,
  commentPosts: 300,
};

export class UsageError extends Error {}

const INTEGER_FLAGS: Record<string, { key: keyof BenchOptions; min: number; max: number }> = {
  '--articles': { key: 'articles', min: 1, max: 10_000_000 },
  '--baseline-articles': { key: 'baselineArticles', min: 1, max: 10_000_000 },
  '--connections': { key: 'connections', min: 1, max: 1000 },
  '--duration': { key: 'duration', min: 1, max: 3600 },
  '--warmup': { key: 'warmup', min: 0, max: 600 },
  '--port': { key: 'port', min: 1024, max: 65535 },
  '--write-load-seconds': { key: 'writeLoadSeconds', min: 1, max: 3600 },
  '--reads-per-second': { key: 'readsPerSecond', min: 1, max: 10000 },
  '--subscriptions': { key: 'subscriptions', min: 1, max: 1_000_000 },
  '--comment-posts': { key: 'commentPosts', min: 1, max: 100_000 },
};

/** Parses `--articles 100000 --connections 10 --duration 10 --only b,c --reseed` (also `--flag=value`). */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULT_OPTIONS, only: [], engines: [...ENGINES] };
  const args = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    if (flag === '--reseed') options.reseed = true;
    else if (flag === '--profile') options.profile = true;
    else if (flag === '--pg') {
      const value = args[++i];
      if (!value || !/^postgres(ql)?:\/\//.test(value)) throw new UsageError('--pg needs a postgres:// URL');
      options.pg = value;
    } else if (flag === '--engines') {
      const value = args[++i];
      const engines = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
      if (!engines.length || engines.some((e) => !ENGINES.includes(e as Engine))) throw new UsageError(`--engines takes ${ENGINES.join(', ')} or both, comma-separated`);
      options.engines = ENGINES.filter((e) => engines.includes(e));
    } else if (flag === '--search-articles') {
      const value = args[++i] ?? '';
      const sizes = value.split(',').map((n) => n.trim());
      if (!sizes.every((n) => /^\d+$/.test(n) && Number(n) >= 1 && Number(n) <= 10_000_000)) throw new UsageError('--search-articles takes article counts such as 10000,100000');
      options.searchArticles = [...new Set(sizes.map(Number))].sort((a, b) => a - b);
    } else if (flag === '--only') {
      const value = args[++i];
      if (!value || value.startsWith('--')) throw new UsageError('--only needs a list such as b,c');
      options.only = value.split(',').map((s) => s.trim()).filter(Boolean);
    } else if (INTEGER_FLAGS[flag]) {
      const { key, min, max } = INTEGER_FLAGS[flag];
      const value = args[++i];
      if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`${flag} needs a whole number`);
      const n = Number(value);
      if (n < min || n > max) throw new UsageError(`${flag} must be from ${min} to ${max}`);
      (options[key] as number) = n;
    } else {
      throw new UsageError(`Unknown option ${flag}`);
    }
  }
  return options;
}

export interface ScenarioResult {
  key: string;
  label: string;
  path: string;
  articles: number;
  /** Requests per second over the measured run (completed requests / seconds). */
  rps: number;
  p50: number;
  p99: number;
  /** Body bytes of one response. */
  bodyBytes: number;
  /** Bytes on the wire per response, headers included. */
  wireBytes: number;
  /** SQL queries per request, counted over sequential requests; null where there is no database. */
  queriesPerRequest: number | null;
  /** Counted over the measured run: all queries / completed requests. */
  queriesPerRequestUnderLoad: number | null;
  /** Peak resident memory of the server process during the measured run, MB. */
  peakRssMb: number | null;
  requests: number;
  errors: number;
  unexpectedStatus: number;
  extra?: Record<string, number | string | null>;
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean | null;
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : null);
const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

export interface Ratios {
  warmOverBare: number | null;
  coldOverCareful: number | null;
  coldOverPopulateAll: number | null;
  coldP50BigOverSmall: number | null;
}

export function computeRatios(results: ScenarioResult[]): Ratios {
  const by = (key: string) => results.find((r) => r.key === key);
  return {
    warmOverBare: ratio(by('b')?.rps, by('a')?.rps),
    coldOverCareful: ratio(by('c')?.rps, by('d1')?.rps),
    coldOverPopulateAll: ratio(by('c')?.rps, by('d2')?.rps),
    coldP50BigOverSmall: ratio(by('c')?.p50, by('c1k')?.p50),
  };
}

/** The issue's targets, judged from one run's results; null where the scenario did not run. */
export function evaluateTargets(results: ScenarioResult[], ratios: Ratios, opts: { memoryLimitMb: number; maxQueries: number }): Target[] {
  const by = (key: string) => results.find((r) => r.key === key);
  const judge = (value: number | null, ok: (v: number) => boolean) => (value === null ? null : ok(value));
  const cold = by('c');
  const q20 = cold?.queriesPerRequest ?? null;
  const q50 = typeof cold?.extra?.queriesPerRequestAt50 === 'number' ? cold.extra.queriesPerRequestAt50 : null;
  const strapiRss = results.filter((r) => r.key !== 'a' && r.key !== 'v' && !r.key.startsWith('d') && r.peakRssMb !== null).map((r) => r.peakRssMb as number);
  const peak = strapiRss.length ? Math.max(...strapiRss) : null;
  return [
    { name: 'warm feed vs bare Node', goal: '≥ 0.50', measured: fmt(ratios.warmOverBare, 2), met: judge(ratios.warmOverBare, (v) => v >= 0.5) },
    { name: 'cold feed vs careful stock', goal: '≥ 5×', measured: `${fmt(ratios.coldOverCareful)}×`, met: judge(ratios.coldOverCareful, (v) => v >= 5) },
    { name: 'cold feed vs stock populate=*', goal: '≥ 20×', measured: `${fmt(ratios.coldOverPopulateAll)}×`, met: judge(ratios.coldOverPopulateAll, (v) => v >= 20) },
    {
      name: 'cold feed SQL queries per request',
      goal: `≤ ${opts.maxQueries}, same at 20 and 50`,
      measured: `${fmt(q20, 1)} at 20, ${fmt(q50, 1)} at 50`,
      met: q20 === null || q50 === null ? null : q20 <= opts.maxQueries && q20 === q50,
    },
    {
      name: `cold feed p50 at ${by('c')?.articles ?? 'N'} vs ${by('c1k')?.articles ?? 1000} articles`,
      goal: '≤ 1.5×',
      measured: `${fmt(ratios.coldP50BigOverSmall, 2)}×`,
      met: judge(ratios.coldP50BigOverSmall, (v) => v <= 1.5),
    },
    { name: 'Strapi RSS under feed and redirect load', goal: `< ${opts.memoryLimitMb} MB`, measured: `${fmt(peak, 0)} MB`, met: judge(peak, (v) => v < opts.memoryLimitMb) },
  ];
}

/** A plain-text table with right-aligned numbers. */
export function formatTable(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const numeric = headers.map((_, c) => rows.length > 0 && rows.every((r) => /^[-–\d.,×%]*$/.test(String(r[c]))));
  const line = (r: string[]) => r.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function resultsTable(results: ScenarioResult[]): string {
  return formatTable(
    ['', 'scenario', 'articles', 'req/s', 'p50 ms', 'p99 ms', 'body B', 'wire B', 'SQL/req', 'RSS MB', 'errors'],
    results.map((r) => [
      r.key,
      r.label,
      r.articles,
      fmt(r.rps, 0),
      fmt(r.p50, 1),
      fmt(r.p99, 1),
      r.bodyBytes,
      fmt(r.wireBytes, 0),
      fmt(r.queriesPerRequest, 1),
      fmt(r.peakRssMb, 0),
      r.errors + r.unexpectedStatus,
    ]),
  );
}

export function targetsTable(targets: Target[]): string {
  return formatTable(
    ['target', 'goal', 'measured', 'met'],
    targets.map((t) => [t.name, t.goal, t.measured, t.met === null ? 'not run' : t.met ? 'yes' : 'NO']),
  );
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples?: number[];
}

/** The functions with the most self time in a V8 .cpuprofile, as a table of share and location. */
export function topSelfTime(profile: CpuProfile, limit: number, rootDir = ''): string {
  const hits = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const count = node.hitCount ?? 0;
    if (!count) continue;
    total += count;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^file:\/\//, '').replace(rootDir ? `${rootDir}/` : /^$/, '')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}\t${where}`;
    hits.set(key, (hits.get(key) ?? 0) + count);
  }
  const rows = [...hits.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, count]) => {
      const [name, where] = key.split('\t');
      return [`${((count / Math.max(total, 1)) * 100).toFixed(1)}%`, name, where];
    });
  return formatTable(['self', 'function', 'where'], rows);
}

/** The search scenario: index build and size, then p50/p99 per query kind, with the targets. */
export interface SearchRun {
  database: string;
  articles: number;
  indexRows: number;
  indexBytes: number | null;
  buildSeconds: number | null;
  kinds: Array<{ kind: string; requests: number; p50: number; p99: number; meanHits: number; errors: number }>;
}

const SEARCH_P50_PG_MS = 30;
const SUGGEST_MS = 20;
const SEARCH_GROWTH = 2;

/**
 * The search issue's targets from the runs at every size: on PostgreSQL a search p50 of at most
 * 30 ms at the largest size; on each database every search kind's p50 at the largest size within 2×
 * of the smallest (suggest has its own target); suggest under 20 ms (p50, p99 shown) at the largest size.
 */
export function evaluateSearchTargets(runs: SearchRun[]): Target[] {
  const targets: Target[] = [];
  for (const database of [...new Set(runs.map((r) => r.database))]) {
    const mine = runs.filter((r) => r.database === database).sort((a, b) => a.articles - b.articles);
    const small = mine[0];
    const big = mine[mine.length - 1];
    const searches = big.kinds.filter((k) => !k.kind.startsWith('suggest'));
    const suggests = big.kinds.filter((k) => k.kind.startsWith('suggest'));
    const worst = (kinds: SearchRun['kinds']) => kinds.reduce<SearchRun['kinds'][number] | null>((w, k) => (!w || k.p50 > w.p50 ? k : w), null);
    const errors = big.kinds.reduce((n, k) => n + k.errors, 0) + small.kinds.reduce((n, k) => n + k.errors, 0);
    if (database === 'postgres') {
      const w = worst(searches);
      targets.push({ name: `search p50 on PostgreSQL at ${big.articles} articles`, goal: `≤ ${SEARCH_P50_PG_MS} ms`, measured: w ? `${fmt(w.p50)} ms (${w.kind}, the slowest kind)` : '–', met: w ? w.p50 <= SEARCH_P50_PG_MS && errors === 0 : null });
    }
    if (mine.length > 1) {
      const growth = searches
        .map((k) => ({ kind: k.kind, ratio: ratio(k.p50, small.kinds.find((s) => s.kind === k.kind)?.p50) }))
        .filter((g): g is { kind: string; ratio: number } => g.ratio !== null)
        .sort((a, b) => b.ratio - a.ratio)[0];
      targets.push({
        name: `search p50 at ${big.articles} vs ${small.articles} articles (${database})`,
        goal: `≤ ${SEARCH_GROWTH}× for every search kind`,
        measured: growth ? `${fmt(growth.ratio, 2)}× (${growth.kind}, the largest)` : '–',
        met: growth ? growth.ratio <= SEARCH_GROWTH : null,
      });
    }
    const s = worst(suggests);
    const p99 = suggests.length ? Math.max(...suggests.map((k) => k.p99)) : null;
    targets.push({ name: `suggest at ${big.articles} articles (${database})`, goal: `p50 < ${SUGGEST_MS} ms`, measured: s ? `${fmt(s.p50)} ms p50 (${s.kind}), ${fmt(p99)} ms p99` : '–', met: s ? s.p50 < SUGGEST_MS : null });
  }
  return targets;
}

export function searchTable(r: SearchRun): string {
  const size = r.indexBytes === null ? 'size unknown' : `${(r.indexBytes / 1024 / 1024).toFixed(1)} MB`;
  const build = r.buildSeconds === null ? 'reused (complete)' : `built in ${r.buildSeconds} s`;
  const head = `search (${r.database}, ${r.articles} articles): index ${r.indexRows} rows, ${size}, ${build}`;
  const rows = r.kinds.map((k) => [k.kind, String(k.requests), k.p50.toFixed(1), k.p99.toFixed(1), k.meanHits.toFixed(1), String(k.errors)]);
  const header = ['query kind', 'requests', 'p50 ms', 'p99 ms', 'hits/page', 'errors'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [head, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface EngineColumn<T> {
  /** Column heading: "SQLite", "PostgreSQL". */
  name: string;
  rows: T[];
}

/** Rows in the order they first appear in any column, each `key` once. */
function unionBy<T>(columns: Array<EngineColumn<T>>, key: (row: T) => string): string[] {
  const keys: string[] = [];
  for (const column of columns) for (const row of column.rows) if (!keys.includes(key(row))) keys.push(key(row));
  return keys;
}

/** The same scenarios on each database, side by side: throughput, latency, SQL and memory per column. */
export function sideBySideTable(columns: Array<EngineColumn<ScenarioResult>>): string {
  const keys = unionBy(columns, (r) => r.key);
  const headers = ['', 'scenario', ...columns.flatMap((c) => [`${c.name} req/s`, 'p50 ms', 'p99 ms', 'SQL/req', 'RSS MB', 'errors'])];
  const rows = keys.map((key) => {
    const label = columns.map((c) => c.rows.find((r) => r.key === key)).find(Boolean)?.label ?? key;
    return [
      key,
      label,
      ...columns.flatMap((c) => {
        const r = c.rows.find((x) => x.key === key);
        if (!r) return ['–', '–', '–', '–', '–', '–'];
        return [fmt(r.rps, 0), fmt(r.p50, 1), fmt(r.p99, 1), fmt(r.queriesPerRequest, 1), fmt(r.peakRssMb, 0), String(r.errors + r.unexpectedStatus)];
      }),
    ];
  });
  return formatTable(headers, rows);
}

/** The same targets judged on each database's run, side by side. */
export function sideBySideTargets(columns: Array<EngineColumn<Target>>): string {
  const names = unionBy(columns, (t) => t.name);
  const met = (t: Target | undefined) => (!t || t.met === null ? 'not run' : t.met ? 'yes' : 'NO');
  const rows = names.map((name) => {
    const goal = columns.map((c) => c.rows.find((t) => t.name === name)).find(Boolean)?.goal ?? '';
    return [name, goal, ...columns.flatMap((c) => {
      const t = c.rows.find((x) => x.name === name);
      return [t?.measured ?? '–', met(t)];
    })];
  });
  return formatTable(['target', 'goal', ...columns.flatMap((c) => [c.name, 'met'])], rows);
}

export interface ClusterBenchResult {
  connections: number;
  duration: number;
  rows: Array<{ scenario: string; instances: number; reqPerSec: number; p50: number; p99: number; errors: number }>;
  invalidation?: { samples: number; p50: number; max: number };
}

/** One instance against two behind the load balancer, per scenario, and the invalidation delay. */
export function clusterTable(r: ClusterBenchResult): string {
  const scenarios = [...new Set(r.rows.map((row) => row.scenario))];
  const cell = (scenario: string, n: number) => r.rows.find((row) => row.scenario === scenario && row.instances === n);
  const rows = scenarios.map((scenario) => {
    const one = cell(scenario, 1);
    const two = cell(scenario, 2);
    return [
      scenario,
      fmt(one?.reqPerSec, 0),
      fmt(one?.p50, 1),
      fmt(two?.reqPerSec, 0),
      fmt(two?.p50, 1),
      `${fmt(ratio(two?.reqPerSec, one?.reqPerSec), 2)}×`,
      String((one?.errors ?? 0) + (two?.errors ?? 0)),
    ];
  });
  const table = formatTable(['through the load balancer', '1 instance req/s', 'p50 ms', '2 instances req/s', 'p50 ms', '2 vs 1', 'errors'], rows);
  const delay = r.invalidation
    ? `cross-instance invalidation (update on A until B's cached feed shows it): p50 ${r.invalidation.p50} ms, max ${r.invalidation.max} ms over ${r.invalidation.samples} updates`
    : 'cross-instance invalidation: not measured';
  return `${table}\n${delay}`;
}
