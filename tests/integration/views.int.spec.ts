// Views end to end: beacons (POST and pixel), what is not counted, de-duplication, exactness
// under 1,000 concurrent beacons, flushes with one write per article, totals outside the
// versioned article row, buckets and roll-up, and bad input.
import request from 'supertest';
import { startApp, fullAccessToken, runJobNow, type TestApp } from '../helpers/strapi';
import { createArticle, createSection, type Doc } from '../helpers/fixtures';
import path from 'path';
import type { Platform } from '../../src/platform';

// The compiled app's own platform module (the one the running Strapi registered itself in).
const platform = (strapi: unknown): Platform =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(path.join(process.env.NEWSROOM_TEST_DIST!, 'src', 'platform')) as typeof import('../../src/platform')).platform(strapi as never);

const ARTICLE = 'api::article.article';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const RATE_POINTS = 40;

let app: TestApp;
let section: Doc;
let base: string;
let ip = 0;
/** A fresh client address per test, so the per-address beacon limit is only met where tested. */
const nextIp = () => `10.1.${Math.floor(++ip / 250)}.${ip % 250}`;

const flush = () => runJobNow(app.strapi, 'views-flush');
const totalOf = async (documentId: string) =>
  ((await app.strapi.plugin('views').service('view-store').totals([documentId])) as Map<string, number>).get(documentId) ?? 0;
const beacon = (documentId: string, opts: { ua?: string; ip?: string; headers?: Record<string, string> } = {}) => {
  const req = request(base).post(`/api/articles/${documentId}/views`).set('User-Agent', opts.ua ?? BROWSER).set('X-Forwarded-For', opts.ip ?? nextIp());
  for (const [k, v] of Object.entries(opts.headers ?? {})) req.set(k, v);
  return req;
};

beforeAll(async () => {
  app = await startApp({ ADMIN_EMAIL: 'desk@example.com', ADMIN_PASSWORD: 'Newsroom-2024', TRUST_PROXY: 'true', VIEWS_FLUSH_INTERVAL: '3600', VIEWS_RATE_LIMIT_POINTS: String(RATE_POINTS), VIEWS_RATE_LIMIT_DURATION: '600' });
  section = await createSection(app.strapi, 'World', { slug: 'world' });
  // One listening server for every request (supertest would otherwise open one per request).
  if (!app.server.listening) await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as { port: number };
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await app?.stop();
});

describe('a beacon', () => {
  it('answers 202 with an empty body and counts once the batch is flushed', async () => {
    const story = await createArticle(app.strapi, { title: 'Bridge reopens', section: section.documentId });
    const res = await beacon(story.documentId);
    expect(res.status).toBe(202);
    expect(res.text).toBe('');
    expect(await totalOf(story.documentId)).toBe(0);
    await flush();
    expect(await totalOf(story.documentId)).toBe(1);
  });

  it('answers the site\'s browsers with CORS (allowed origins only) and counts either way', async () => {
    const story = await createArticle(app.strapi, { title: 'Cross-origin', section: section.documentId });
    const allowed = await beacon(story.documentId, { headers: { Origin: 'http://localhost:3000' } });
    expect(allowed.status).toBe(202);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const other = await beacon(story.documentId, { headers: { Origin: 'https://evil.example' } });
    expect(other.status).toBe(202);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await flush();
    expect(await totalOf(story.documentId)).toBe(2);
  });

  it('the GIF pixel counts too and answers an image', async () => {
    const story = await createArticle(app.strapi, { title: 'Pixel story', section: section.documentId });
    const res = await request(base).get(`/api/articles/${story.documentId}/views.gif`).set('User-Agent', BROWSER).set('X-Forwarded-For', nextIp());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/gif');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    // The same through the full stack (a query string skips the early answer).
    const viaStack = await request(base).get(`/api/articles/${story.documentId}/views.gif?locale=en`).set('User-Agent', BROWSER).set('X-Forwarded-For', nextIp());
    expect(viaStack.status).toBe(200);
    expect(viaStack.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(viaStack.headers['content-type']).toBe('image/gif');
    await flush();
    expect(await totalOf(story.documentId)).toBe(2);
  });

  it('one reader counts once per article within the window; another reader or article counts again', async () => {
    const a = await createArticle(app.strapi, { title: 'Dedupe A', section: section.documentId });
    const b = await createArticle(app.strapi, { title: 'Dedupe B', section: section.documentId });
    const reader = nextIp();
    for (let i = 0; i < 3; i++) expect((await beacon(a.documentId, { ip: reader })).status).toBe(202);
    await beacon(b.documentId, { ip: reader });
    await beacon(a.documentId, { ip: reader, ua: `${BROWSER} Edg/126.0` });
    await flush();
    expect(await totalOf(a.documentId)).toBe(2);
    expect(await totalOf(b.documentId)).toBe(1);
  });

  it('is not counted for bots, link previews, prefetches, HEAD, API tokens and admin sessions', async () => {
    const story = await createArticle(app.strapi, { title: 'Not counted', section: section.documentId });
    const token = await fullAccessToken(app.strapi);
    const id = story.documentId;
    const answers = await Promise.all([
      beacon(id, { ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }),
      beacon(id, { ua: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' }),
      beacon(id, { ua: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' }),
      beacon(id, { ua: '' }),
      beacon(id, { headers: { 'Sec-Purpose': 'prefetch;prerender' } }),
      beacon(id, { headers: { Purpose: 'prefetch' } }),
      beacon(id, { headers: { Authorization: `Bearer ${token}` } }),
      beacon(id, { headers: { Cookie: 'strapi_admin_refresh=abc' } }),
    ]);
    for (const res of answers) expect(res.status).toBe(202);
    const head = await request(base).head(`/api/articles/${id}/views.gif`).set('User-Agent', BROWSER).set('X-Forwarded-For', nextIp());
    expect(head.status).toBe(200);
    await flush();
    expect(await totalOf(id)).toBe(0);
  });

  it('a logged-in reader is counted', async () => {
    const story = await createArticle(app.strapi, { title: 'Reader counted', section: section.documentId });
    const user = await app.strapi.plugin('users-permissions').service('user').add({ username: `r${Date.now()}`, email: `r${Date.now()}@example.com`, password: 'Secret-123', provider: 'local', confirmed: true, role: 1 });
    const jwt = app.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
    expect((await beacon(story.documentId, { headers: { Authorization: `Bearer ${jwt}` } })).status).toBe(202);
    await flush();
    expect(await totalOf(story.documentId)).toBe(1);
  });

  it('a draft or unknown article is 404 and counts nothing; a published locale that does not exist is 404', async () => {
    const draft = await createArticle(app.strapi, { title: 'Draft', section: section.documentId }, { publish: false });
    const res = await beacon(draft.documentId);
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    expect((await beacon('abcdefghijklmnopqrstuvwx')).status).toBe(404);
    const story = await createArticle(app.strapi, { title: 'English only', section: section.documentId });
    expect((await request(base).post(`/api/articles/${story.documentId}/views?locale=fr`).set('User-Agent', BROWSER).set('X-Forwarded-For', nextIp())).status).toBe(404);
    expect((await request(base).post(`/api/articles/${story.documentId}/views?locale=en`).set('User-Agent', BROWSER).set('X-Forwarded-For', nextIp())).status).toBe(202);
    await flush();
    expect(await totalOf(draft.documentId)).toBe(0);
    expect(await totalOf(story.documentId)).toBe(1);
  });
});

describe('bad input', () => {
  it('malformed ids, locales, unknown parameters and big bodies are 4xx and count nothing', async () => {
    const story = await createArticle(app.strapi, { title: 'Bad input', section: section.documentId });
    const id = story.documentId;
    const cases: Array<[request.Test, number]> = [
      [beacon("x' OR 1=1 --"), 400],
      [beacon('a'.repeat(200)), 400],
      [request(base).post(`/api/articles/${id}/views?locale=<script>`).set('User-Agent', BROWSER).set('X-Forwarded-For', nextIp()), 400],
      [request(base).post(`/api/articles/${id}/views?locale=en&locale=fr`).set('User-Agent', BROWSER).set('X-Forwarded-For', nextIp()), 400],
      [request(base).post(`/api/articles/${id}/views?count=100`).set('User-Agent', BROWSER).set('X-Forwarded-For', nextIp()), 400],
      [beacon(id).set('Content-Type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(20_000) })), 413],
      [beacon(id).set('Content-Type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(1024 * 1024) })), 413],
    ];
    for (const [req, status] of cases) {
      const res = await req;
      expect(res.status).toBe(status);
      expect(res.body.data).toBeNull();
      expect(typeof res.body.error.message).toBe('string');
    }
    await flush();
    expect(await totalOf(id)).toBe(0);
  });

  it('a flood from one address is refused with 429 and Retry-After, and refused beacons count nothing', async () => {
    const stories = await Promise.all(Array.from({ length: 3 }, (_, i) => createArticle(app.strapi, { title: `Flood ${i}`, section: section.documentId })));
    const flooder = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < RATE_POINTS + 10; i++) {
      const res = await beacon(stories[i % 3].documentId, { ip: flooder, ua: `${BROWSER} n${i}` });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.body.error.name).toBe('RateLimitError');
      }
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(RATE_POINTS);
    expect(statuses.slice(RATE_POINTS).every((s) => s === 429)).toBe(true);
    await flush();
    const totals = await Promise.all(stories.map((s) => totalOf(s.documentId)));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(RATE_POINTS);
  });
});

describe('exactness and storage', () => {
  // The two-instance variant (beacons split over two instances sharing PostgreSQL and Redis, one
  // flush across them) is tests/cluster/views.cluster.spec.ts. Everything here goes through
  // platform(strapi).store/jobs, as it does there.
  it('1,000 concurrent beacons for 10 articles by 100 readers count exactly the de-duplicated number', async () => {
    const stories = await Promise.all(Array.from({ length: 10 }, (_, i) => createArticle(app.strapi, { title: `Exact ${i}`, section: section.documentId })));
    // Reader r sends 10 beacons; a deterministic spread with repeats, so some are duplicates.
    const sends: Array<{ reader: number; article: number }> = [];
    for (let r = 0; r < 100; r++) for (let k = 0; k < 10; k++) sends.push({ reader: r, article: (r * 7 + k * k * 3) % 10 });
    const expected = new Array(10).fill(0);
    for (const pair of new Set(sends.map((s) => `${s.reader}:${s.article}`))) expected[Number(pair.split(':')[1])]++;
    expect(expected.reduce((a, b) => a + b, 0)).toBeLessThan(1000);

    const addresses = Array.from({ length: 100 }, () => nextIp());
    const results = await Promise.all(
      sends.map((s) => beacon(stories[s.article].documentId, { ip: addresses[s.reader], ua: `${BROWSER} reader-${s.reader}` }).then((r) => r.status)),
    );
    expect(results.every((s) => s === 202)).toBe(true);
    await flush();
    const totals = await Promise.all(stories.map((s) => totalOf(s.documentId)));
    expect(totals).toEqual(expected);
    // One write per article in the flush, not one per beacon.
    expect(app.strapi.plugin('views').service('view-store').lastWrite().rows).toBe(10);
  });

  it('publishing, editing, unpublishing and republishing the article never change its total', async () => {
    const story = await createArticle(app.strapi, { title: 'Versioned', section: section.documentId });
    for (let i = 0; i < 3; i++) await beacon(story.documentId);
    await flush();
    expect(await totalOf(story.documentId)).toBe(3);
    const docs = app.strapi.documents(ARTICLE);
    await docs.update({ documentId: story.documentId, data: { kicker: 'Edited draft' } } as never);
    await docs.publish({ documentId: story.documentId } as never);
    await docs.unpublish({ documentId: story.documentId } as never);
    await docs.publish({ documentId: story.documentId } as never);
    expect(await totalOf(story.documentId)).toBe(3);
  });

  it('no raw client address is stored in any views table or the shared store', async () => {
    const story = await createArticle(app.strapi, { title: 'Private', section: section.documentId });
    const address = '203.0.113.77';
    await beacon(story.documentId, { ip: address });
    await flush();
    const knex = app.strapi.db.connection;
    for (const table of ['views_totals', 'views_hourly', 'views_daily', 'views_salts']) {
      const rows = await knex(table).select('*');
      expect(JSON.stringify(rows)).not.toContain(address);
    }
  });

  it('hour buckets older than the retention are dropped, their days kept in day buckets, totals untouched', async () => {
    const story = await createArticle(app.strapi, { title: 'Old views', section: section.documentId });
    const store = app.strapi.plugin('views').service('view-store');
    const nowHour = Math.floor(Date.now() / 3_600_000);
    const oldHour = nowHour - 40 * 24;
    await store.add([
      { documentId: story.documentId, hour: oldHour, views: 5 },
      { documentId: story.documentId, hour: oldHour + 1, views: 2 },
      { documentId: story.documentId, hour: nowHour, views: 1 },
    ]);
    await platform(app.strapi).jobs.runNow('views-rollup');
    const knex = app.strapi.db.connection;
    const hours = await knex('views_hourly').where('article_document_id', story.documentId).select('hour', 'views');
    expect(hours.map((h: { hour: number }) => Number(h.hour))).toEqual([nowHour]);
    const days = await knex('views_daily').where('article_document_id', story.documentId).select('day', 'views');
    const oldDay = Math.floor(oldHour / 24);
    expect(days.filter((d: { day: number }) => Number(d.day) <= Math.floor((oldHour + 1) / 24)).reduce((a: number, d: { views: number }) => a + Number(d.views), 0)).toBe(7);
    expect(days.reduce((a: number, d: { views: number }) => a + Number(d.views), 0)).toBe(8);
    expect(days.map((d: { day: number }) => Number(d.day))).toContain(oldDay);
    expect(await totalOf(story.documentId)).toBe(8);
  });
});

describe('the editors\' numbers', () => {
  it('the admin stats route gives the total and 48 hourly buckets; it needs an admin login', async () => {
    const story = await createArticle(app.strapi, { title: 'Charted', section: section.documentId });
    const nowHour = Math.floor(Date.now() / 3_600_000);
    await app.strapi.plugin('views').service('view-store').add([
      { documentId: story.documentId, hour: nowHour, views: 4 },
      { documentId: story.documentId, hour: nowHour - 47, views: 2 },
      { documentId: story.documentId, hour: nowHour - 48, views: 9 },
    ]);
    await request(base).get(`/views/articles/${story.documentId}/stats`).expect(401);
    const login = await request(base).post('/admin/login').send({ email: 'desk@example.com', password: 'Newsroom-2024' }).expect(200);
    const res = await request(base).get(`/views/articles/${story.documentId}/stats`).set('Authorization', `Bearer ${login.body.data.token}`).expect(200);
    expect(res.body.data.total).toBe(15);
    expect(res.body.data.hourly).toHaveLength(48);
    expect(res.body.data.hourly[0].views).toBe(2);
    expect(res.body.data.hourly[47].views).toBe(4);
    expect(res.body.data.hourly.reduce((a: number, h: { views: number }) => a + h.views, 0)).toBe(6);
    const bad = await request(base).get('/views/articles/not-an-id!/stats').set('Authorization', `Bearer ${login.body.data.token}`);
    expect(bad.status).toBe(400);
  });
});
