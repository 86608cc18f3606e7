import {
  clusterTable,
  computeRatios,
  DEFAULT_OPTIONS,
  evaluateSearchTargets,
  evaluateTargets,
  formatTable,
  parseBenchArgs,
  sideBySideTable,
  sideBySideTargets,
  topSelfTime,
  UsageError,
  type ScenarioResult,
  type SearchRun,
} from '../../../../scripts/bench/report';

const result = (key: string, over: Partial<ScenarioResult> = {}): ScenarioResult => ({
  key,
  label: key,
  path: '/',
  articles: 10000,
  rps: 100,
  p50: 10,
  p99: 20,
  bodyBytes: 1000,
  wireBytes: 1200,
  queriesPerRequest: 3,
  queriesPerRequestUnderLoad: 3,
  peakRssMb: 200,
  requests: 1000,
  errors: 0,
  unexpectedStatus: 0,
  ...over,
});

describe('parseBenchArgs', () => {
  it('gives the defaults without flags', () => {
    expect(parseBenchArgs([])).toEqual(DEFAULT_OPTIONS);
  });

  it('reads numbers, lists and switches, with spaces or =', () => {
    const o = parseBenchArgs(['--articles', '100000', '--connections=20', '--duration', '30', '--only', 'b, c', '--reseed', '--profile']);
    expect(o).toMatchObject({ articles: 100000, connections: 20, duration: 30, only: ['b', 'c'], reseed: true, profile: true });
  });

  it.each([
    [['--articles'], /whole number/],
    [['--articles', 'ten'], /whole number/],
    [['--articles', '-5'], /whole number/],
    [['--articles', '1.5'], /whole number/],
    [['--articles', '0'], /from 1/],
    [['--port', '80'], /from 1024/],
    [['--connections', '100000'], /to 1000/],
    [['--only'], /needs a list/],
    [['--only', '--reseed'], /needs a list/],
    [['--fast'], /Unknown option --fast/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBenchArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseBenchArgs(argv as string[])).toThrow(message);
  });
});

describe('computeRatios', () => {
  it('divides the scenarios the issue compares', () => {
    const r = computeRatios([
      result('a', { rps: 8000 }),
      result('b', { rps: 4000 }),
      result('c', { rps: 600, p50: 15 }),
      result('d1', { rps: 50 }),
      result('d2', { rps: 20 }),
      result('c1k', { rps: 700, p50: 12 }),
    ]);
    expect(r).toEqual({ warmOverBare: 0.5, coldOverCareful: 12, coldOverPopulateAll: 30, coldP50BigOverSmall: 1.25 });
  });

  it('leaves a ratio empty when a side is missing or zero', () => {
    expect(computeRatios([result('b', { rps: 10 }), result('a', { rps: 0 })])).toEqual({
      warmOverBare: null,
      coldOverCareful: null,
      coldOverPopulateAll: null,
      coldP50BigOverSmall: null,
    });
  });
});

describe('evaluateTargets', () => {
  const opts = { memoryLimitMb: 400, maxQueries: 6 };

  it('meets every target on good numbers', () => {
    const results = [
      result('a', { rps: 8000, peakRssMb: 50 }),
      result('b', { rps: 5000 }),
      result('c', { rps: 1000, p50: 10, queriesPerRequest: 4, extra: { queriesPerRequestAt50: 4 } }),
      result('d1', { rps: 100, peakRssMb: 900 }),
      result('d2', { rps: 40, peakRssMb: 900 }),
      result('c1k', { p50: 9 }),
    ];
    const targets = evaluateTargets(results, computeRatios(results), opts);
    expect(targets.map((t) => t.met)).toEqual([true, true, true, true, true, true]);
  });

  it('fails the query target when page size 50 costs more queries than 20', () => {
    const results = [result('c', { queriesPerRequest: 4, extra: { queriesPerRequestAt50: 5 } })];
    const q = evaluateTargets(results, computeRatios(results), opts).find((t) => t.name.includes('SQL'));
    expect(q?.met).toBe(false);
    expect(q?.measured).toBe('4.0 at 20, 5.0 at 50');
  });

  it('judges memory on the feed and redirect processes, not stock Strapi or the bare server', () => {
    const results = [result('a', { peakRssMb: 999 }), result('b', { peakRssMb: 410 }), result('d2', { peakRssMb: 999 })];
    const memory = evaluateTargets(results, computeRatios(results), opts).at(-1);
    expect(memory).toMatchObject({ measured: '410 MB', met: false });
  });

  it('says "not run" (null) for targets whose scenarios are missing', () => {
    const targets = evaluateTargets([], computeRatios([]), opts);
    expect(targets.every((t) => t.met === null)).toBe(true);
  });
});

describe('formatTable', () => {
  it('pads text left-aligned and numbers right-aligned under a rule', () => {
    const table = formatTable(['name', 'req/s'], [
      ['warm', '4000'],
      ['cold feed', '90'],
    ]);
    expect(table.split('\n')).toEqual(['name       req/s', '---------  -----', 'warm        4000', 'cold feed     90']);
  });
});

describe('topSelfTime', () => {
  it('sums hits per function and shows shares, largest first, paths relative to the app', () => {
    const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });
    const table = topSelfTime(
      {
        nodes: [
          { id: 1, callFrame: frame('(root)', ''), hitCount: 0 },
          { id: 2, callFrame: frame('render', 'file:///app/src/lib/feeds/render.js', 9), hitCount: 3 },
          { id: 3, callFrame: frame('render', 'file:///app/src/lib/feeds/render.js', 9), hitCount: 3 },
          { id: 4, callFrame: frame('', 'node:internal/x', 1), hitCount: 2 },
        ],
      },
      5,
      '/app',
    );
    const lines = table.split('\n');
    expect(lines[2]).toMatch(/^75\.0%\s+render\s+src\/lib\/feeds\/render\.js:10$/);
    expect(lines[3]).toMatch(/^25\.0%\s+\(anonymous\)\s+node:internal\/x:2$/);
  });
});

describe('the PostgreSQL and cluster additions', () => {
  it('runs on both databases unless --engines narrows it, and refuses unknown engines', () => {
    expect(parseBenchArgs([]).engines).toEqual(['sqlite', 'postgres']);
    expect(parseBenchArgs(['--engines', 'postgres']).engines).toEqual(['postgres']);
    expect(parseBenchArgs(['--engines=postgres,sqlite']).engines).toEqual(['sqlite', 'postgres']);
    for (const bad of [['--engines'], ['--engines', 'mysql'], ['--engines', 'sqlite,oracle']]) {
      expect(() => parseBenchArgs(bad)).toThrow(/--engines takes sqlite, postgres/);
    }
  });

  it('puts each scenario on one row with a column group per database, a dash where one did not run', () => {
    const table = sideBySideTable([
      { name: 'SQLite', rows: [result('b', { rps: 9000 }), result('c', { rps: 383, queriesPerRequest: 4 })] },
      { name: 'PostgreSQL', rows: [result('c', { rps: 250, queriesPerRequest: 4, errors: 2 })] },
    ]);
    const [header, , b, c] = table.split('\n');
    expect(header).toMatch(/SQLite req\/s.*PostgreSQL req\/s/);
    expect(b).toMatch(/^b\s+b\s+9000\b.*–\s+–/);
    expect(c).toMatch(/^c\s+c\s+383\b.*\b250\b.*\b2$/);
  });

  it('judges the same targets per database side by side', () => {
    const t = (name: string, measured: string, met: boolean | null) => ({ name, goal: '≥ 5×', measured, met });
    const table = sideBySideTargets([
      { name: 'SQLite', rows: [t('cold vs careful', '6.2×', true)] },
      { name: 'PostgreSQL', rows: [t('cold vs careful', '3.1×', false), t('only here', '1', null)] },
    ]);
    expect(table).toMatch(/cold vs careful\s+≥ 5×\s+6\.2×\s+yes\s+3\.1×\s+NO/);
    expect(table).toMatch(/only here\s+≥ 5×\s+–\s+not run\s+1\s+not run/);
  });

  it('prints one instance against two with their ratio, and the invalidation delay', () => {
    const out = clusterTable({
      connections: 10,
      duration: 10,
      rows: [
        { scenario: 'feed, cold', instances: 1, reqPerSec: 50, p50: 20, p99: 40, errors: 0 },
        { scenario: 'feed, cold', instances: 2, reqPerSec: 75, p50: 15, p99: 30, errors: 1 },
      ],
      invalidation: { samples: 20, p50: 120, max: 480 },
    });
    expect(out).toMatch(/feed, cold\s+50\s+20\.0\s+75\s+15\.0\s+1\.50×\s+1/);
    expect(out).toMatch(/p50 120 ms, max 480 ms over 20 updates/);
    expect(clusterTable({ connections: 1, duration: 1, rows: [] })).toMatch(/invalidation: not measured/);
  });
});

describe('the search scenario', () => {
  const kinds = (p50: Record<string, number>) => Object.entries(p50).map(([kind, ms]) => ({ kind, requests: 200, p50: ms, p99: ms * 2, meanHits: 5, errors: 0 }));
  const run = (database: string, articles: number, p50: Record<string, number>): SearchRun => ({ database, articles, indexRows: articles, indexBytes: null, buildSeconds: null, kinds: kinds(p50) });

  it('runs at 10,000 and 100,000 articles unless told otherwise, sizes sorted and once each', () => {
    expect(parseBenchArgs([]).searchArticles).toEqual([10000, 100000]);
    expect(parseBenchArgs(['--search-articles', '5000,1000,5000']).searchArticles).toEqual([1000, 5000]);
    expect(() => parseBenchArgs(['--search-articles', '10k'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--search-articles', ''])).toThrow(UsageError);
  });

  it('judges the PostgreSQL p50, the growth of every kind and suggest at the largest size', () => {
    const targets = evaluateSearchTargets([
      run('postgres', 10000, { 'one word': 10, phrase: 4, 'suggest (prefix)': 3 }),
      run('postgres', 100000, { 'one word': 25, phrase: 5, 'suggest (prefix)': 4 }),
      run('sqlite', 100000, { 'one word': 12, phrase: 3, 'suggest (prefix)': 21 }),
      run('sqlite', 10000, { 'one word': 6, phrase: 2, 'suggest (prefix)': 2 }),
    ]);
    const by = (name: string) => targets.find((t) => t.name === name);
    expect(by('search p50 on PostgreSQL at 100000 articles')).toMatchObject({ met: true, measured: '25.0 ms (one word, the slowest kind)' });
    // 25 / 10 = 2.5: the largest growth of a search kind decides, whichever kind it is.
    expect(by('search p50 at 100000 vs 10000 articles (postgres)')).toMatchObject({ met: false, measured: '2.50× (one word, the largest)' });
    // Suggest is judged by its own target, not by its growth.
    expect(by('search p50 at 100000 vs 10000 articles (sqlite)')).toMatchObject({ met: true, measured: '2.00× (one word, the largest)' });
    expect(by('suggest at 100000 articles (postgres)')?.met).toBe(true);
    expect(by('suggest at 100000 articles (sqlite)')?.met).toBe(false);
    expect(targets.filter((t) => t.name.includes('on PostgreSQL'))).toHaveLength(1);
  });

  it('a PostgreSQL run with errors does not meet its target; one size alone has no growth target', () => {
    const slow = run('postgres', 100000, { 'one word': 5, 'suggest (prefix)': 1 });
    slow.kinds[0].errors = 3;
    const targets = evaluateSearchTargets([slow]);
    expect(targets.map((t) => [t.name, t.met])).toEqual([
      ['search p50 on PostgreSQL at 100000 articles', false],
      ['suggest at 100000 articles (postgres)', true],
    ]);
  });
});
