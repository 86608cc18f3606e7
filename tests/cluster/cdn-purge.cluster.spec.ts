// CDN purges: feed responses carry the surrogate keys in the three header conventions, and each
// write that changes published content reaches the webhook purger (a local HTTP server) through
// the PostgreSQL outbox, with retries, surviving a CDN outage and the writer's crash.
import http from 'http';
import { adminSession, createDeployment, freePort, json, pg, startInstance, within, type Deployment, type Instance } from '../helpers/cluster';

let site: Deployment;
let a: Instance;
let b: Instance;
let session: Awaited<ReturnType<typeof adminSession>>;
let hook: http.Server;
let hookPort: number;
/** What the webhook answers next: a status per call, then 200. */
const failures: number[] = [];
const received: Array<{ keys: string[]; auth?: string }> = [];

function startHook(): Promise<void> {
  hook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const status = failures.shift() ?? 200;
      if (status === 200 && req.method === 'POST' && req.url === '/purge' && req.headers['content-type'] === 'application/json') {
        received.push({ keys: JSON.parse(body).keys, auth: req.headers.authorization });
      }
      res.writeHead(status).end();
    });
  });
  return new Promise((r) => hook.listen(hookPort, '127.0.0.1', () => r()));
}
const stopHook = () => new Promise<void>((r) => { hook.close(() => r()); hook.closeAllConnections(); });

beforeAll(async () => {
  hookPort = await freePort();
  await startHook();
  site = await createDeployment({ CDN_PURGE: 'webhook', CDN_PURGE_URL: `http://127.0.0.1:${hookPort}/purge`, CDN_PURGE_TOKEN: 'hook-secret', CDN_PURGE_INTERVAL: '1', CDN_EDGE_MAX_AGE: '900' });
  a = await startInstance(site, 'A');
  await a.ready();
  b = await startInstance(site, 'B');
  await b.ready();
  session = await adminSession(a, site);
});
afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((i) => i.stop('SIGKILL')));
  await site?.drop();
  await stopHook().catch(() => {});
});

const outbox = () => pg<{ keys: string; attempts: number }>(`SELECT keys, attempts FROM "${site.schema}".newsroom_cdn_outbox ORDER BY id`);
const newSection = async (name: string) => (await json(`${a.url}/api/sections`, { method: 'POST', headers: session.api, body: JSON.stringify({ data: { name } }) })).body.data;
const publishArticle = async (title: string, section: string) => {
  const res = await json(`${a.url}/api/articles?status=published`, { method: 'POST', headers: session.api, body: JSON.stringify({ data: { title, section } }) });
  expect(res.status).toBe(201);
  return res.body.data as { documentId: string; slug: string };
};

it('feed responses carry Surrogate-Key, Cache-Tag, xkey and Surrogate-Control', async () => {
  const res = await fetch(`${b.url}/api/feeds/articles`);
  expect(res.status).toBe(200);
  const keys = res.headers.get('surrogate-key')!.split(' ');
  expect(keys.length).toBeGreaterThan(0);
  expect(res.headers.get('cache-tag')).toBe(keys.join(','));
  expect(res.headers.get('xkey')).toBe(keys.join(' '));
  expect(res.headers.get('surrogate-control')).toBe('max-age=900');
  expect((await fetch(`${b.url}/api/sections`)).headers.get('cache-tag')).toBeNull(); // only what the CDN may cache by key
});

const sentKeys = () => new Set(received.flatMap((r) => r.keys));
/** Waits until the webhook has received every key in `keys`; names what is missing otherwise. */
const waitForKeys = (keys: string[]) =>
  within(8000, async () => keys.every((k) => sentKeys().has(k))).catch(() => {
    throw new Error(`the webhook never received ${keys.filter((k) => !sentKeys().has(k)).join(', ')} (got ${[...sentKeys()].join(', ')})`);
  });

it('a publish, an unpublish and a section move on A reach the webhook with their keys, through the outbox', async () => {
  received.length = 0;
  const world = await newSection(`World ${Date.now()}`);
  const story = await publishArticle(`Purged story ${Date.now()}`, world.documentId);
  await waitForKeys([`article:${story.documentId}`, `section:${world.slug}`]);
  expect(received.every((r) => r.auth === 'Bearer hook-secret' && r.keys.every((k) => typeof k === 'string'))).toBe(true);
  await within(3000, async () => (await outbox()).length === 0);
  expect((await json(`${b.url}/api/articles/${story.documentId}/short-url`)).status).toBe(200); // publishing still makes the short link

  // A section move purges the old section's feed and the new one's.
  received.length = 0;
  const sport = await newSection(`Sport ${Date.now()}`);
  received.length = 0;
  const moved = await json(`${a.url}/api/articles/${story.documentId}?status=published`, { method: 'PUT', headers: session.api, body: JSON.stringify({ data: { section: sport.documentId } }) });
  expect(moved.status).toBe(200);
  await waitForKeys([`feed:section:${world.slug}`, `feed:section:${sport.slug}`, `article:${story.documentId}`]);

  // An unpublish purges the article's keys.
  received.length = 0;
  const unpublish = await json(`${a.url}/content-manager/collection-types/api::article.article/${story.documentId}/actions/unpublish`, { method: 'POST', headers: session.admin, body: '{}' });
  expect(unpublish.status).toBe(200);
  await waitForKeys([`article:${story.documentId}`, `feed:section:${sport.slug}`]);
  await within(3000, async () => (await outbox()).length === 0);
});

it('a CDN that fails is retried with backoff until it accepts', async () => {
  received.length = 0;
  failures.push(503, 500);
  const section = await newSection(`Retry ${Date.now()}`);
  await publishArticle(`Retried story ${Date.now()}`, section.documentId);
  await within(3000, async () => (await outbox()).some((r) => r.attempts >= 1));
  await within(20_000, async () => received.length > 0 && (await outbox()).length === 0, 200);
  expect(failures).toEqual([]);
});

it('purges recorded while the CDN is down survive the writer’s crash and are sent by another instance', async () => {
  await stopHook();
  received.length = 0;
  const section = await newSection(`Crash ${Date.now()}`);
  const story = await publishArticle(`Crash story ${Date.now()}`, section.documentId);
  await within(3000, async () => (await outbox()).length > 0);
  await a.stop('SIGKILL');
  await startHook();
  await within(30_000, async () => received.some((r) => r.keys.includes(`article:${story.documentId}`)), 200);
  await within(5000, async () => (await outbox()).length === 0);
});
