// Two CMS processes A and B on one PostgreSQL schema and one Redis: boots that do not race,
// caches and permissions that agree within a second, limits with one budget, a rolling restart
// through the load balancer under load with no failed request, and a graceful drain.
import { adminSession, createDeployment, json, pg, startInstance, within, type Deployment, type Instance } from '../helpers/cluster';
import { startSteadyLoad, type SteadyLoad } from '../helpers/steady-load';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createLoadBalancer } = require('../../scripts/cluster/load-balancer');

let site: Deployment;
let a: Instance;
let b: Instance;
let session: Awaited<ReturnType<typeof adminSession>>;
const delays: Record<string, number[]> = {};
const note = (what: string, ms: number) => (delays[what] ??= []).push(ms);

beforeAll(async () => {
  site = await createDeployment({ SEED_DEMO: 'true', RATE_LIMIT_AUTH_POINTS: '6', JOB_LEASE_SECONDS: '2' });
  // Started at the same moment on an empty database.
  [a, b] = await Promise.all([startInstance(site, 'A'), startInstance(site, 'B')]);
  await Promise.all([a.ready(), b.ready()]);
  session = await adminSession(a, site);
});

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((i) => i.stop('SIGKILL')));
  await site?.drop();
  // eslint-disable-next-line no-console
  console.log('cross-instance delays (ms):', JSON.stringify(delays));
});

const q = (sql: string) => pg(sql.replaceAll('$schema', `"${site.schema}"`));

describe('two instances started together on an empty database', () => {
  it('both become ready, with no duplicate migrations, roles, admins or seeded rows', async () => {
    for (const table of ['strapi_migrations_internal', 'strapi_migrations']) {
      expect(await q(`SELECT name, count(*) FROM $schema.${table} GROUP BY name HAVING count(*) > 1`)).toEqual([]);
    }
    expect((await q(`SELECT count(*)::int AS n FROM $schema.strapi_migrations_internal`))[0].n).toBeGreaterThan(0);
    expect(await q(`SELECT type, count(*) FROM $schema.up_roles GROUP BY type HAVING count(*) > 1`)).toEqual([]);
    expect(await q(`SELECT code, count(*) FROM $schema.admin_roles GROUP BY code HAVING count(*) > 1`)).toEqual([]);
    expect(await q(`SELECT a.action, count(*) FROM $schema.up_permissions a GROUP BY a.action HAVING count(*) > 1 AND count(DISTINCT a.id) > (SELECT count(*) FROM $schema.up_roles)`)).toEqual([]);
    expect((await q(`SELECT count(*)::int AS n FROM $schema.admin_users`))[0].n).toBe(1);
    // The demo newsroom was seeded once: 6 sections, 40 articles (a draft and a published row each).
    expect(await q(`SELECT slug, count(*) FROM $schema.sections WHERE published_at IS NOT NULL GROUP BY slug HAVING count(*) > 1`)).toEqual([]);
    expect((await q(`SELECT count(DISTINCT slug)::int AS n FROM $schema.sections`))[0].n).toBe(6);
    expect(await q(`SELECT slug, locale, count(*) FROM $schema.articles WHERE published_at IS NOT NULL GROUP BY slug, locale HAVING count(*) > 1`)).toEqual([]);
    expect((await q(`SELECT count(DISTINCT document_id)::int AS n FROM $schema.articles`))[0].n).toBe(40);
    expect(await q(`SELECT code, count(*) FROM $schema.short_urls GROUP BY code HAVING count(*) > 1`)).toEqual([]);
    expect(await q(`SELECT article_document_id, count(*) FROM $schema.short_urls WHERE article_document_id IS NOT NULL GROUP BY article_document_id HAVING count(*) > 1`)).toEqual([]);
  });

  it('/_ready answers 200 on both, with no caching', async () => {
    for (const instance of [a, b]) {
      const res = await json(`${instance.url}/_ready`);
      expect(res).toMatchObject({ status: 200, body: { status: 'ready' } });
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('keep-alive')).toBe('timeout=65');
    }
  });
});

describe('caches agree across instances', () => {
  const feedTitles = async (instance: Instance) => {
    const res = await json(`${instance.url}/api/feeds/articles?limit=50`);
    expect(res.status).toBe(200);
    return (res.body.data as Array<{ title: string }>).map((i) => i.title);
  };

  it('a publish, an update, an unpublish and a delete on A show in B’s feed, article page and GraphQL within a second', async () => {
    const section = await json(`${a.url}/api/sections`, { method: 'POST', headers: session.api, body: JSON.stringify({ data: { name: `Cluster ${Date.now()}` } }) });
    expect(section.status).toBe(201);
    await feedTitles(b);
    const warm = await fetch(`${b.url}/api/feeds/articles?limit=50`);
    expect(warm.headers.get('x-feed-cache')).toBe('hit'); // B serves from its own cache

    const title = `Cross-instance story ${Date.now()}`;
    const created = await json(`${a.url}/api/articles?status=published`, {
      method: 'POST',
      headers: session.api,
      body: JSON.stringify({ data: { title, section: section.body.data.documentId } }),
    });
    expect(created.status).toBe(201);
    const { documentId, slug } = created.body.data;
    note('publish', await within(1000, async () => (await feedTitles(b)).includes(title)));

    const page = await json(`${b.url}/api/articles/by-slug/${slug}`);
    expect(page.body.data.title).toBe(title);
    const renamed = `${title} (updated)`;
    expect((await json(`${a.url}/api/articles/${documentId}?status=published`, { method: 'PUT', headers: session.api, body: JSON.stringify({ data: { title: renamed } }) })).status).toBe(200);
    note('update', await within(1000, async () => (await json(`${b.url}/api/articles/by-slug/${slug}`)).body.data?.title === renamed));
    const gql = await json(`${b.url}/graphql`, { method: 'POST', body: JSON.stringify({ query: `{ articleBySlug(slug: "${slug}") { title } }` }) });
    expect(gql.body.data.articleBySlug.title).toBe(renamed);

    const unpublish = await json(`${a.url}/content-manager/collection-types/api::article.article/${documentId}/actions/unpublish`, { method: 'POST', headers: session.admin, body: '{}' });
    expect(unpublish.status).toBe(200);
    note('unpublish', await within(1000, async () => !(await feedTitles(b)).includes(renamed)));
    expect((await json(`${b.url}/api/articles/by-slug/${slug}`)).status).toBe(404);

    const republish = await json(`${a.url}/content-manager/collection-types/api::article.article/${documentId}/actions/publish`, { method: 'POST', headers: session.admin, body: '{}' });
    expect(republish.status).toBe(200);
    await within(1000, async () => (await feedTitles(b)).includes(renamed));
    expect((await fetch(`${a.url}/api/articles/${documentId}`, { method: 'DELETE', headers: session.api })).status).toBe(204);
    note('delete', await within(1000, async () => !(await feedTitles(b)).includes(renamed)));
  });

  it('a permission change in the admin on A applies on B within a second', async () => {
    const roles = await json(`${a.url}/users-permissions/roles`, { headers: session.admin });
    const publicRole = roles.body.roles.find((r: { type: string }) => r.type === 'public');
    const setFeed = async (enabled: boolean) => {
      const role = (await json(`${a.url}/users-permissions/roles/${publicRole.id}`, { headers: session.admin })).body.role;
      role.permissions['api::article'].controllers.article.feed.enabled = enabled;
      const res = await json(`${a.url}/users-permissions/roles/${publicRole.id}`, {
        method: 'PUT',
        headers: session.admin,
        body: JSON.stringify({ name: role.name, description: role.description, permissions: role.permissions }),
      });
      expect(res.status).toBe(200);
    };
    expect((await fetch(`${b.url}/api/feeds/articles`)).status).toBe(200);
    await setFeed(false);
    note('permission-off', await within(1000, async () => (await fetch(`${b.url}/api/feeds/articles`)).status === 403));
    await setFeed(true);
    note('permission-on', await within(1000, async () => (await fetch(`${b.url}/api/feeds/articles`)).status === 200));
  });
});

describe('limits are shared', () => {
  it('the login budget is the whole site’s, whichever instance a request reaches', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const target = i % 2 ? b : a;
      const res = await json(`${target.url}/api/auth/local`, { method: 'POST', body: JSON.stringify({ identifier: 'nobody@example.com', password: 'wrong-Passw0rd' }) });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 429, 429]);
  });
});

describe('graceful restarts', () => {
  // The bar: at least 50 requests/s for 30 s through a load balancer, none failed.
  const RATE = 50;
  const SECONDS = 30;
  it('a rolling restart of A then B under steady load through the load balancer fails no request', async () => {
    const lb = createLoadBalancer({ port: 0, backends: [a.url, b.url], healthEveryMs: 250 });
    const port = await lb.listen();
    const restart = async (old: Instance, name: string) => {
      expect(await old.stop('SIGTERM')).toBe(0);
      const fresh = await startInstance(site, name, {}, old.port);
      await fresh.ready();
      await lb.checkAll();
      return fresh;
    };
    let load: SteadyLoad | null = null;
    try {
      // An open-loop load of 50 req/s (requests leave on schedule, answered or not) from before the
      // first restart until after the second, and at least 30 s: 1,500 requests or more.
      load = startSteadyLoad({ port, perSecond: RATE, paths: ['/api/feeds/articles', '/api/articles?pagination[pageSize]=5', '/api/sections'] });
      await new Promise((r) => setTimeout(r, 3000));
      a = await restart(a, 'A2');
      b = await restart(b, 'B2');
      await new Promise((r) => setTimeout(r, 3000));
      await within(120_000, async () => load!.sent() >= RATE * SECONDS, 100);
      const report = await load.stop();
      const answered = Object.entries(report.statuses).filter(([status]) => Number(status) >= 200 && Number(status) < 400).reduce((n, [, count]) => n + count, 0);
      // eslint-disable-next-line no-console
      console.log(`rolling restart: ${report.sent} requests offered in ${report.seconds.toFixed(1)} s (${(report.sent / report.seconds).toFixed(1)} req/s), statuses ${JSON.stringify(report.statuses)}`);
      expect(report.sent).toBeGreaterThanOrEqual(RATE * SECONDS);
      expect(report.failures).toEqual([]);
      expect(answered).toBe(report.sent);
    } finally {
      await load?.stop();
      await lb.close();
    }
  });

  it('on SIGTERM /_ready turns 503 and an in-flight request still gets its answer', async () => {
    const c = await startInstance(site, 'C', { SHUTDOWN_DRAIN_DELAY: '1' });
    await c.ready();
    // A request whose body arrives slowly is in flight when the signal comes (not a rate-limited
    // route: a refusal there is answered before the body is read, so it would not be in flight).
    const net = await import('net');
    const socket = net.connect(c.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d));
    const closed = new Promise((r) => socket.on('close', r));
    const body = JSON.stringify({ data: { name: 'Slow section' } });
    socket.write(`POST /api/sections HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((r) => setTimeout(r, 300));
    const exited = c.stop('SIGTERM');
    await within(2000, async () => (await fetch(`${c.url}/_ready`).then((r) => r.status).catch(() => 0)) === 503);
    socket.write(body.slice(10));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 403 /); // read, then refused: anonymous readers cannot write
    expect(answer).toMatch(/Connection: close/i);
    expect(await exited).toBe(0);
  });
});
