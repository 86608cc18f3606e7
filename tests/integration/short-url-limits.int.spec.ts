// Short-link limits with the default settings: aimed at code enumeration, not at readers who
// share one address (a newsroom office, a mobile carrier's NAT).
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { createArticle, createSection } from '../helpers/fixtures';

const SHORT = 'api::short-url.short-url';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

let app: TestApp;
let base: string;
let code: string;
let n = 0;
/** A fresh client address per test, so budgets never leak between tests. */
const freshIp = () => `203.0.113.${(n += 1)}`;

beforeAll(async () => {
  // Only the proxy is configured (to give each test its own address); every limit is the default.
  app = await startApp({ TRUST_PROXY: 'true' });
  const section = await createSection(app.strapi, 'World', { slug: 'world' });
  const story = await createArticle(app.strapi, { title: 'Shared on every phone', section: section.documentId });
  code = ((await app.strapi.db.query(SHORT).findOne({ where: { articleDocumentId: story.documentId }, select: ['code'] })) as { code: string }).code;
  // One listening server for the concurrent requests (supertest would otherwise open one per request).
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.server.address() as import('net').AddressInfo).port}`;
});

afterAll(async () => {
  await app?.stop();
});

const hits = async () => Number(((await app.strapi.db.query(SHORT).findOne({ where: { code }, select: ['hits'] })) as { hits: number | string }).hits);

it('200 concurrent redirects of one valid code from one address all succeed and add exactly 200 hits', async () => {
  const ip = freshIp();
  const before = await hits();
  const responses = await Promise.all(Array.from({ length: 200 }, () => request(base).get(`/s/${code}`).set('User-Agent', BROWSER).set('X-Forwarded-For', ip)));
  expect(responses.map((r) => r.status)).toEqual(Array(200).fill(301));
  expect((await hits()) - before).toBe(200);
});

it('200 requests for unknown codes from one address are cut off with 429 well before the end, and then no code answers', async () => {
  const ip = freshIp();
  const statuses: number[] = [];
  for (let i = 0; i < 200; i++) statuses.push((await request(base).get(`/s/Unknown${i}`).set('X-Forwarded-For', ip)).status);
  const firstRefusal = statuses.indexOf(429);
  expect(firstRefusal).toBeGreaterThan(0);
  expect(firstRefusal).toBeLessThanOrEqual(50);
  expect(statuses.slice(0, firstRefusal).every((s) => s === 404)).toBe(true);
  expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);

  // The valid code too, or 429 versus 301 would still tell which codes exist; the QR route alike.
  const before = await hits();
  const blocked = await request(base).get(`/s/${code}`).set('User-Agent', BROWSER).set('X-Forwarded-For', ip).set('Accept', 'application/json').expect(429);
  expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  expect(blocked.body).toMatchObject({ data: null, error: { status: 429, name: 'RateLimitError' } });
  await request(base).get(`/api/short-urls/${code}/qr`).set('X-Forwarded-For', ip).expect(429);
  expect(await hits()).toBe(before);

  // Other readers are unaffected.
  await request(base).get(`/s/${code}`).set('User-Agent', BROWSER).set('X-Forwarded-For', freshIp()).expect(301);
});

it('QR lookups of unknown codes spend the same miss budget', async () => {
  const ip = freshIp();
  const statuses: number[] = [];
  for (let i = 0; i < 60; i++) statuses.push((await request(base).get(`/api/short-urls/Nope${i}/qr`).set('X-Forwarded-For', ip)).status);
  expect(statuses.indexOf(429)).toBeGreaterThan(0);
  expect(statuses.slice(statuses.indexOf(429)).every((s) => s === 429)).toBe(true);
  await request(base).get(`/s/${code}`).set('X-Forwarded-For', ip).expect(429);
});
