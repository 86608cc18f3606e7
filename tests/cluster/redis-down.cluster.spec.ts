// Two instances whose Redis (a private redis-server, stopped by its own pid) goes away and comes
// back: requests keep succeeding without waiting on Redis, writes still apply, and the instances
// converge again once Redis returns.
import { adminSession, createDeployment, json, startInstance, within, type Deployment, type Instance } from '../helpers/cluster';
import { redisServerInstalled, startPrivateRedis, type PrivateRedis } from '../helpers/redis';

const run = redisServerInstalled() ? describe : describe.skip;

run('Redis down, slow and back', () => {
  let redis: PrivateRedis;
  let site: Deployment;
  let a: Instance;
  let b: Instance;
  let session: Awaited<ReturnType<typeof adminSession>>;
  let sectionId: string;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    site = await createDeployment({ REDIS_URL: redis.url, RATE_LIMIT_AUTH_POINTS: '1000' });
    a = await startInstance(site, 'A');
    await a.ready();
    b = await startInstance(site, 'B');
    await b.ready();
    session = await adminSession(a, site);
    const section = await json(`${a.url}/api/sections`, { method: 'POST', headers: session.api, body: JSON.stringify({ data: { name: `Outage ${Date.now()}` } }) });
    sectionId = section.body.data.documentId;
  });
  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map((i) => i.stop('SIGKILL')));
    await redis?.stop();
    await site?.drop();
  });

  const titles = async (instance: Instance) => ((await json(`${instance.url}/api/feeds/articles?limit=50`)).body.data as Array<{ title: string }>).map((i) => i.title);
  const timedStatus = async (url: string, init?: RequestInit) => {
    const started = Date.now();
    const res = await fetch(url, init);
    await res.arrayBuffer();
    return { status: res.status, ms: Date.now() - started };
  };
  const publish = async (title: string) => {
    const res = await json(`${a.url}/api/articles?status=published`, { method: 'POST', headers: session.api, body: JSON.stringify({ data: { title, section: sectionId } }) });
    expect(res.status).toBe(201);
  };

  it('with Redis gone, reads, writes and logins succeed on both instances without waiting for it, and they converge when it returns', async () => {
    await titles(b); // B's feed is cached
    await redis.stop();
    const checks = [];
    for (const instance of [a, b]) {
      for (let i = 0; i < 5; i += 1) {
        checks.push(await timedStatus(`${instance.url}/api/feeds/articles?limit=50`));
        checks.push(await timedStatus(`${instance.url}/api/articles?pagination[pageSize]=5`));
        checks.push(await timedStatus(`${instance.url}/api/auth/local`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier: 'x@example.com', password: 'wrong-Passw0rd' }) }));
      }
    }
    expect(checks.filter((c) => c.status >= 500)).toEqual([]);
    expect(checks.filter((c) => c.status === 400).length).toBe(10); // the logins: refused, not failed
    // Generous bound for a loaded machine; what matters is that nobody waits on the dead Redis.
    expect(Math.max(...checks.map((c) => c.ms))).toBeLessThan(1500);

    const title = `Written during the outage ${Date.now()}`;
    await publish(title);
    expect(await titles(a)).toContain(title); // the writer's own cache is dropped at once

    await redis.start();
    // The purge published during the outage is replayed, and B drops its caches on reconnect.
    await within(10_000, async () => (await titles(b)).includes(title), 100);
  });

  it('with Redis answering nothing (paused), requests are not held', async () => {
    redis.pause();
    try {
      const checks = [];
      for (const instance of [a, b]) {
        for (let i = 0; i < 3; i += 1) {
          checks.push(await timedStatus(`${instance.url}/api/feeds/articles`));
          checks.push(await timedStatus(`${instance.url}/api/auth/local`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"identifier":"y@example.com","password":"wrong-Passw0rd"}' }));
        }
      }
      expect(checks.filter((c) => c.status >= 500)).toEqual([]);
      expect(Math.max(...checks.map((c) => c.ms))).toBeLessThan(1500);
    } finally {
      redis.resume();
    }
    const title = `After the pause ${Date.now()}`;
    await titles(b);
    await publish(title);
    await within(5000, async () => (await titles(b)).includes(title), 100);
  });
});
