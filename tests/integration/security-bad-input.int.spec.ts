// Every custom endpoint, REST and GraphQL, gets what careless clients and attackers send: wrong
// types, out-of-range numbers, huge strings, unicode and control characters, SQL and template
// injection, path traversal and forged cursors. Each answers 4xx (GraphQL: a client error) with
// a clear message, never 5xx, and the database is byte-for-byte unchanged afterwards.
//
// To cover a new endpoint: add it to ENDPOINTS (a request that must work, so a missing route
// cannot pass as "404 is 4xx") and its bad variants to REST_CASES or GRAPHQL_CASES.
import crypto from 'crypto';
import request from 'supertest';
import { startApp, fullAccessToken, type TestApp } from '../helpers/strapi';
import { createArticle, createSection, type Doc } from '../helpers/fixtures';

let app: TestApp;
let section: Doc;
let article: Doc;
let token: string;
let shortCode = '';
let sectionCursor = '';
let articlesCursor = '';

// ---------------------------------------------------------------------------------------------
// Hostile values, reused across parameters.
const HUGE = 'a'.repeat(8000);
const HOSTILE_STRINGS: Record<string, string> = {
  'SQL injection': "' OR '1'='1' --",
  'SQL stacked query': '1; DROP TABLE articles; --',
  'template injection': '{{7*7}}${7*7}<%= 7*7 %>#{7*7}',
  'path traversal': '../../../../etc/passwd',
  'encoded traversal': '..%2F..%2Fetc%2Fpasswd',
  'NUL and control characters': 'abc\u0000\u0001\u001b[31m\r\nX-Injected: 1',
  'unicode and RTL override': 'ﬁ😀\u202Eevil\u200B',
  'HTML/script': '<script>alert(1)</script>',
  'huge string': HUGE,
};

type Query = Record<string, string | string[]>;
interface RestCase {
  label: string;
  path: () => string;
  query?: Query;
  method?: 'get' | 'post' | 'put';
  body?: () => unknown;
  auth?: boolean;
  /** Expected status when one specific 4xx matters; otherwise any 4xx but 429. */
  status?: number;
  /** Some routes answer browsers with a small HTML page instead of JSON. */
  html?: boolean;
}

const forgedCursor = () => `${Buffer.from(JSON.stringify(['articles', ['2999-01-01', 999999]])).toString('base64url')}.AAAAAAAAAAAAAAAAAAAAAA`;

const feedQueryCases = (name: string, path: () => string): RestCase[] => [
  { label: `${name}: limit is not a number`, path, query: { limit: 'abc' }, status: 400 },
  { label: `${name}: limit is zero`, path, query: { limit: '0' }, status: 400 },
  { label: `${name}: limit is negative`, path, query: { limit: '-5' }, status: 400 },
  { label: `${name}: limit is too large`, path, query: { limit: '100000' }, status: 400 },
  { label: `${name}: limit is a float`, path, query: { limit: '1.5' }, status: 400 },
  { label: `${name}: limit in exponent form`, path, query: { limit: '1e3' }, status: 400 },
  { label: `${name}: limit given twice`, path, query: { limit: ['1', '2'] }, status: 400 },
  { label: `${name}: limit as an object`, path, query: { 'limit[$gt]': '1' } as Query, status: 400 },
  { label: `${name}: unknown format`, path, query: { format: 'xml' }, status: 400 },
  { label: `${name}: format with padding`, path, query: { format: 'rss ' }, status: 400 },
  { label: `${name}: forged cursor`, path, query: { cursor: forgedCursor() }, status: 400 },
  { label: `${name}: cursor garbage`, path, query: { cursor: 'not a cursor' }, status: 400 },
  { label: `${name}: cursor too long`, path, query: { cursor: `${'a'.repeat(600)}.b` }, status: 400 },
  { label: `${name}: empty cursor`, path, query: { cursor: '' }, status: 400 },
  ...Object.entries(HOSTILE_STRINGS).map(([k, v]) => ({ label: `${name}: locale ${k}`, path, query: { locale: v }, status: 400 })),
  ...Object.entries(HOSTILE_STRINGS).map(([k, v]) => ({ label: `${name}: cursor ${k}`, path, query: { cursor: v }, status: 400 })),
];

const slugCases = (name: string, prefix: string): RestCase[] =>
  Object.entries(HOSTILE_STRINGS).map(([k, v]) => ({ label: `${name}: ${k}`, path: () => `${prefix}${encodeURIComponent(v)}` }));

const REST_CASES: RestCase[] = [
  // Stock REST filters: a logical operator of the wrong shape reached Strapi's internals (500).
  { label: 'stock REST: $or given an object', path: () => '/api/tags', query: { 'filters[$or][documentId]': 'x' } as Query, status: 400 },
  { label: 'stock REST: $and given a string', path: () => '/api/articles', query: { 'filters[$and]': 'x' } as Query, status: 400 },
  { label: 'stock REST: $not given a string', path: () => '/api/sections', query: { 'filters[$not]': 'x' } as Query, status: 400 },
  { label: 'stock REST: nested $or given a string', path: () => '/api/articles', query: { 'filters[section][$or]': 'x' } as Query, status: 400 },
  // Feeds (issue #3)
  ...feedQueryCases('articles feed', () => '/api/feeds/articles'),
  { label: 'articles feed: a cursor from another feed', path: () => '/api/feeds/articles', query: { cursor: '<section cursor>' }, status: 400 },
  { label: 'articles feed: a tampered cursor', path: () => '/api/feeds/articles', query: { cursor: '<tampered cursor>' }, status: 400 },
  ...feedQueryCases('section feed', () => `/api/feeds/sections/${section.slug}`),
  ...slugCases('section feed slug', '/api/feeds/sections/'),
  ...feedQueryCases('pictures feed', () => '/api/feeds/this-week-in-pictures'),
  ...['2026-02-30', '2026-13-01', '26-01-01', '2026-01-01T00:00:00Z', '99999-01-01', 'yesterday', '0000-00-00', HUGE].map((date) => ({
    label: `pictures feed: date ${date.slice(0, 24)}`,
    path: () => '/api/feeds/this-week-in-pictures',
    query: { date },
    status: 400,
  })),
  { label: 'pictures feed: date given twice', path: () => '/api/feeds/this-week-in-pictures', query: { date: ['2026-01-01', '2026-01-08'] }, status: 400 },
  ...Object.entries(HOSTILE_STRINGS).map(([k, v]) => ({ label: `news sitemap: locale ${k}`, path: () => '/api/feeds/news-sitemap', query: { locale: v }, status: 400 })),
  ...slugCases('article by slug', '/api/articles/by-slug/'),
  { label: 'article by slug: bad locale', path: () => `/api/articles/by-slug/${article.slug}`, query: { locale: "en' OR 1=1" }, status: 400 },
  // Short URLs (issue #4)
  ...slugCases('redirect code', '/s/').map((c) => ({ ...c, html: true })),
  ...slugCases('redirect code (JSON client)', '/s/'),
  ...slugCases('article short URL documentId', '/api/articles/').map((c) => ({ ...c, path: () => `${c.path()}/short-url` })),
  { label: 'article short URL: unknown documentId', path: () => '/api/articles/zzzzzzzzzzzzzzzzzzzzzzzz/short-url', status: 404 },
  ...slugCases('QR code', '/api/short-urls/').map((c) => ({ ...c, path: () => `${c.path()}/qr` })),
  { label: 'QR code: unknown code', path: () => '/api/short-urls/nosuchcode1/qr', status: 404 },
  // Editors' short URLs through the API with a token: URL validation.
  ...[
    ['javascript: URL', { url: 'javascript:alert(1)' }],
    ['data: URL', { url: 'data:text/html,<script>alert(1)</script>' }],
    ['relative URL', { url: '/relative/path' }],
    ['URL with credentials', { url: 'https://user:pass@example.org/' }],
    ['URL that is a huge string', { url: `https://example.org/${HUGE}${HUGE}` }],
    ['URL with control characters', { url: 'https://example.org/\u0000\r\nLocation: https://evil.example' }],
    ['URL of the wrong type', { url: 12345 }],
    ['URL as an object', { url: { $ne: null } }],
    ['code with traversal', { url: 'https://example.org/', code: '../../admin' }],
    ['code with SQL', { url: 'https://example.org/', code: "x' OR 1=1 --" }],
    ['code too long', { url: 'https://example.org/', code: 'a'.repeat(300) }],
    ['redirect status out of range', { url: 'https://example.org/', redirectStatus: 999 }],
    ['both an article and a URL', { url: 'https://example.org/', article: '<article>' }],
    ['no target at all', {}],
    ['expiry that is not a date', { url: 'https://example.org/', expiresAt: 'next tuesday' }],
    ['hits forged as a string', { url: 'https://example.org/', hits: 'lots' }],
  ].map(([label, data]) => ({
    label: `create short URL: ${label}`,
    path: () => '/api/short-urls',
    method: 'post' as const,
    auth: true,
    body: () => ({ data: JSON.parse(JSON.stringify(data).replace('"<article>"', JSON.stringify(article.documentId))) }),
  })),
  // NUL characters anywhere: PostgreSQL would fail on them with a 500 (core routes included).
  { label: 'core list: NUL in a filter value', path: () => '/api/articles', query: { 'filters[title][$eq]': 'a\u0000b' } as Query, status: 400 },
  { label: 'login: NUL in the identifier', path: () => '/api/auth/local', method: 'post', body: () => ({ identifier: 'a\u0000b', password: 'x' }), status: 400 },
  { label: 'create short URL: NUL in a key', path: () => '/api/short-urls', method: 'post', auth: true, body: () => ({ data: { 'url\u0000': 'https://example.org/' } }), status: 400 },
  { label: 'create short URL: body is not an object', path: () => '/api/short-urls', method: 'post', auth: true, body: () => '"just a string"' },
  { label: 'create short URL: data is an array', path: () => '/api/short-urls', method: 'post', auth: true, body: () => ({ data: [1, 2, 3] }) },
];

// GraphQL feed and short-URL queries: the resolvers' answers must be client errors.
const GRAPHQL_CASES: { label: string; query: string; variables?: Record<string, unknown> }[] = [
  { label: 'articleFeed first=0', query: '{ articleFeed(first: 0) { items { title } } }' },
  { label: 'articleFeed first=-1', query: '{ articleFeed(first: -1) { items { title } } }' },
  { label: 'articleFeed first too large', query: '{ articleFeed(first: 100000) { items { title } } }' },
  { label: 'articleFeed first beyond Int', query: '{ articleFeed(first: 99999999999) { items { title } } }' },
  { label: 'articleFeed first as a string', query: '{ articleFeed(first: "10") { items { title } } }' },
  { label: 'articleFeed forged cursor', query: '{ articleFeed(after: $a) { items { title } } }'.replace('$a', JSON.stringify('FORGED')) },
  ...Object.entries(HOSTILE_STRINGS).flatMap(([k, v]) => [
    { label: `articleFeed section ${k}`, query: 'query($v: String) { articleFeed(section: $v) { items { title } } }', variables: { v } },
    { label: `articleFeed locale ${k}`, query: 'query($v: String) { articleFeed(locale: $v) { items { title } } }', variables: { v } },
    { label: `articleFeed after ${k}`, query: 'query($v: String) { articleFeed(after: $v) { items { title } } }', variables: { v } },
    { label: `thisWeekInPictures date ${k}`, query: 'query($v: String) { thisWeekInPictures(date: $v) { week { start } } }', variables: { v } },
    { label: `articleBySlug slug ${k}`, query: 'query($v: String!) { articleBySlug(slug: $v) { title } }', variables: { v } },
    { label: `articleShortUrl documentId ${k}`, query: 'query($v: ID!) { articleShortUrl(documentId: $v) { code } }', variables: { v } },
  ]),
  { label: 'core query: NUL in a filter variable', query: 'query($v: String) { articles(filters: { title: { eq: $v } }) { title } }', variables: { v: 'a\u0000b' } },
  { label: 'core query: NUL escape in the query text', query: '{ articles(filters: { title: { eq: "a\\u0000b" } }) { title } }' },
  { label: 'thisWeekInPictures impossible date', query: '{ thisWeekInPictures(date: "2026-02-30") { week { start } } }' },
  { label: 'articleBySlug slug of the wrong type', query: 'query($v: String!) { articleBySlug(slug: $v) { title } }', variables: { v: { $ne: '' } } },
];

// Requests that must succeed, so a route that does not exist cannot pass as "answers 4xx".
const ENDPOINTS: { label: string; path: () => string; ok: number[] }[] = [
  { label: 'GET /api/feeds/articles', path: () => '/api/feeds/articles', ok: [200] },
  { label: 'GET /api/articles with a well-formed $or filter', path: () => '/api/articles?filters[$or][0][title][$eq]=x&filters[$or][1][slug][$eq]=y', ok: [200] },
  { label: 'GET /api/feeds/sections/:slug', path: () => `/api/feeds/sections/${section.slug}`, ok: [200] },
  { label: 'GET /api/feeds/this-week-in-pictures', path: () => '/api/feeds/this-week-in-pictures', ok: [200, 404] },
  { label: 'GET /api/feeds/news-sitemap', path: () => '/api/feeds/news-sitemap', ok: [200] },
  { label: 'GET /api/articles/by-slug/:slug', path: () => `/api/articles/by-slug/${article.slug}`, ok: [200] },
  { label: 'GET /api/articles/:documentId/short-url', path: () => `/api/articles/${article.documentId}/short-url`, ok: [200] },
  { label: 'GET /s/:code', path: () => `/s/${shortCode}`, ok: [301, 302, 307, 308] },
  { label: 'GET /api/short-urls/:code/qr', path: () => `/api/short-urls/${shortCode}/qr`, ok: [200] },
];

// ---------------------------------------------------------------------------------------------
/** Every table's rows, hashed: any insert, update or delete anywhere changes it. */
async function databaseFingerprint(): Promise<Record<string, string>> {
  const knex = app.strapi.db.connection;
  const client = app.strapi.db.dialect.client;
  let tables: string[];
  if (client === 'sqlite') {
    tables = (await knex.raw("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")).map((r: { name: string }) => r.name);
  } else {
    const schema = app.strapi.config.get('database.connection.connection.schema') ?? 'public';
    tables = (await knex('information_schema.tables').where({ table_schema: schema }).select('table_name')).map((r: { table_name: string }) => r.table_name);
  }
  // Using an API token stamps its last use, and the job runners record their runs (timers, not
  // requests, write those on PostgreSQL): bookkeeping, not content.
  const skip = new Set(['strapi_api_tokens', 'strapi_sessions', 'newsroom_job_runs']);
  const out: Record<string, string> = {};
  for (const table of tables.filter((t) => !skip.has(t)).sort()) {
    const rows = (await knex(table).select('*'))
      // The upload plugin's weekly metrics job stamps its last run in the core store whenever it fires: bookkeeping too.
      .filter((r: { key?: string }) => !(table === 'strapi_core_store_settings' && r.key === 'plugin_upload_metrics'))
      .map((r: unknown) => JSON.stringify(r))
      .sort();
    out[table] = crypto.createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16) + `:${rows.length}`;
  }
  return out;
}

beforeAll(async () => {
  // Dozens of hostile codes from one address: far beyond the short-link miss budget meant for enumeration.
  app = await startApp({ RATE_LIMIT_REDIRECT_MISS_POINTS: '100000' });
  const { strapi } = app;
  token = await fullAccessToken(strapi);
  section = await createSection(strapi, 'Bad Input');
  for (let i = 0; i < 3; i += 1) await createArticle(strapi, { title: `Bad input story ${i}`, section: section.documentId });
  article = await createArticle(strapi, { title: 'The story under test', section: section.documentId });
  const link = await request(app.server).get(`/api/articles/${article.documentId}/short-url`);
  shortCode = link.body?.data?.code ?? '';
  sectionCursor = (await request(app.server).get(`/api/feeds/sections/${section.slug}`).query({ limit: '1' })).body?.meta?.pagination?.nextCursor
    ?? (await request(app.server).get(`/api/feeds/sections/${section.slug}`).query({ limit: '1' })).body?.meta?.nextCursor ?? '';
  articlesCursor = (await request(app.server).get('/api/feeds/articles').query({ limit: '1' })).body?.meta?.pagination?.nextCursor
    ?? (await request(app.server).get('/api/feeds/articles').query({ limit: '1' })).body?.meta?.nextCursor ?? '';
});

afterAll(async () => {
  await app?.stop();
});

describe('every custom endpoint exists and works with good input', () => {
  it.each(ENDPOINTS)('$label', async ({ path, ok }) => {
    const res = await request(app.server).get(path());
    expect(ok).toContain(res.status);
    if (res.status === 404) expect(res.body.error.message).not.toBe('Not Found'); // a real answer, not a missing route
  });

  it('issues cursors the forged-cursor cases can tamper with', () => {
    expect(sectionCursor).toMatch(/\./);
    expect(articlesCursor).toMatch(/\./);
  });
});

describe('bad input over REST', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    before = await databaseFingerprint();
  });

  it.each(REST_CASES.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const query = { ...(c.query ?? {}) } as Query;
    if (query.cursor === '<section cursor>') query.cursor = sectionCursor;
    if (query.cursor === '<tampered cursor>') {
      const [body, sig] = articlesCursor.split('.');
      const forged = Buffer.from(JSON.stringify(['articles', ['1970-01-01T00:00:00.000Z', 1]])).toString('base64url');
      query.cursor = `${forged === body ? `${body}x` : forged}.${sig}`;
    }
    let req = request(app.server)[c.method ?? 'get'](c.path()).query(query);
    if (c.auth) req = req.set('Authorization', `Bearer ${token}`);
    req = req.set('Accept', c.html ? 'text/html' : 'application/json');
    if (c.body) {
      const body = c.body();
      req = typeof body === 'string' ? req.set('Content-Type', 'application/json').send(body) : req.send(body as object);
    }
    const res = await req;

    if (c.status) expect(res.status).toBe(c.status);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.status).not.toBe(429);
    const isJson = /json/.test(res.headers['content-type'] ?? '');
    // A NUL character is refused before routing, in Strapi's JSON error shape, even on /s/.
    if (c.html && !c.label.includes('NUL')) expect(isJson).toBe(false);
    if (c.html && !isJson) {
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toMatch(/not found|no short link/i);
      expect(res.text).not.toContain('<script>alert(1)</script>');
    } else {
      expect(res.body).toEqual({ data: null, error: expect.objectContaining({ status: res.status, name: expect.any(String), message: expect.any(String) }) });
      expect(res.body.error.message.length).toBeGreaterThan(5);
      expect(res.body.error.message).not.toMatch(/Internal Server Error|SQLITE|syntax error|relation .* does not exist|\bat .+\.js:\d+/i);
      expect(res.body.error.message.length).toBeLessThan(1000); // a huge input is not echoed back whole
    }
    // No header injection through reflected values.
    expect(res.headers['x-injected']).toBeUndefined();
  });

  it('left the database exactly as it was', async () => {
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe('bad input over GraphQL', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    before = await databaseFingerprint();
  });

  it.each(GRAPHQL_CASES.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const res = await request(app.server).post('/graphql').send({ query: c.query, variables: c.variables });
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors?.length).toBeGreaterThan(0);
    for (const error of res.body.errors) {
      expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect(error.message).not.toMatch(/Internal Server Error|SQLITE|syntax error at|\bat .+\.js:\d+/i);
      expect(error.message.length).toBeGreaterThan(5);
      expect(error.message.length).toBeLessThan(1000);
    }
  });

  it('left the database exactly as it was', async () => {
    expect(await databaseFingerprint()).toEqual(before);
  });
});
