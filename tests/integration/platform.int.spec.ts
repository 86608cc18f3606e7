// The platform inside one app: /_ready, HTTP timeouts behind a proxy, jobs through
// platform(strapi).jobs (local timers on SQLite, claims in PostgreSQL), CDN key headers.
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { platform } from '../../src/platform';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ HTTP_KEEP_ALIVE_TIMEOUT: '61000', HTTP_HEADERS_TIMEOUT: '62000' });
});
afterAll(async () => {
  await app?.stop();
});

it('/_ready answers 200 once booted, never cached; other methods fall through', async () => {
  const res = await request(app.server).get('/_ready').expect(200);
  expect(res.body).toEqual({ status: 'ready' });
  expect(res.headers['cache-control']).toBe('no-store');
  const post = await request(app.server).post('/_ready');
  expect(post.status).toBeGreaterThanOrEqual(400);
  expect(post.status).toBeLessThan(500);
});

it('applies HTTP_KEEP_ALIVE_TIMEOUT and HTTP_HEADERS_TIMEOUT to the server', () => {
  expect(app.server.keepAliveTimeout).toBe(61000);
  expect(app.server.headersTimeout).toBe(62000);
});

it('runs a defined job on demand, once at a time, through the database when on PostgreSQL', async () => {
  const jobs = platform(app.strapi).jobs;
  const name = `test-job-${Date.now()}`;
  let runs = 0;
  let release!: () => void;
  jobs.define({ name, everySeconds: 3600, run: () => new Promise<void>((r) => { runs += 1; release = r; }) });
  const first = jobs.runNow(name);
  for (let i = 0; i < 100 && runs === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
  expect(await jobs.runNow(name)).toBe(false);
  release();
  expect(await first).toBe(true);
  expect(runs).toBe(1);
  if (process.env.DATABASE_URL) {
    const rows = await app.strapi.db.connection.raw(`SELECT finished_at IS NOT NULL AS finished FROM "${process.env.DATABASE_SCHEMA}".newsroom_job_runs WHERE job = ?`, [name]);
    expect(rows.rows).toEqual([{ finished: true }]);
  }
});

it('feeds carry their surrogate keys as Surrogate-Key, Cache-Tag and xkey with Surrogate-Control', async () => {
  const res = await request(app.server).get('/api/feeds/articles').expect(200);
  const keys = String(res.headers['surrogate-key']).split(' ');
  expect(keys.length).toBeGreaterThan(0);
  expect(res.headers['cache-tag']).toBe(keys.join(','));
  expect(res.headers.xkey).toBe(keys.join(' '));
  expect(res.headers['surrogate-control']).toBe('max-age=300');
});
