// View counting with two instances A and B on one PostgreSQL schema and one Redis: 1,000
// concurrent beacons for 10 articles by 100 readers, each reader's beacons for an article split
// over both instances, count exactly the de-duplicated number per article after the run-once
// `views-flush` job, as read through the public article page and feed on both instances.
import { adminSession, createDeployment, json, pg, startInstance, within, type Deployment, type Instance } from '../helpers/cluster';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const FLUSH_SECONDS = 1;

let site: Deployment;
let a: Instance;
let b: Instance;
let session: Awaited<ReturnType<typeof adminSession>>;

beforeAll(async () => {
  // TRUST_PROXY: each reader has its own client address (X-Forwarded-For), as behind the load balancer.
  // The default 250 ms Redis command timeout: 1,000 beacons at once hold each instance's event loop
  // past it on 2 cores, and the count must still be exact (a late claim is asked again, a timeout
  // during the stall opens no breaker; src/lib/shared-state/redis.ts).
  site = await createDeployment({ TRUST_PROXY: 'true', VIEWS_FLUSH_INTERVAL: String(FLUSH_SECONDS), JOB_LEASE_SECONDS: '2' });
  a = await startInstance(site, 'A');
  await a.ready();
  b = await startInstance(site, 'B');
  await b.ready();
  session = await adminSession(a, site);
});

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((i) => i.stop('SIGKILL')));
  await site?.drop();
});

const q = <T = Record<string, unknown>>(sql: string) => pg<T>(sql.replaceAll('$schema', `"${site.schema}"`));

it('1,000 concurrent beacons over two instances for 10 articles by 100 readers count exactly the de-duplicated number', async () => {
  const section = await json(`${a.url}/api/sections`, { method: 'POST', headers: session.api, body: JSON.stringify({ data: { name: `Views ${Date.now()}` } }) });
  expect(section.status).toBe(201);
  const stories: Array<{ documentId: string; slug: string }> = [];
  for (let i = 0; i < 10; i++) {
    const created = await json(`${a.url}/api/articles?status=published`, {
      method: 'POST',
      headers: session.api,
      body: JSON.stringify({ data: { title: `Counted story ${i} ${Date.now()}`, section: section.body.data.documentId } }),
    });
    expect(created.status).toBe(201);
    stories.push({ documentId: created.body.data.documentId, slug: created.body.data.slug });
  }

  // Warm both instances' caches: the counts must then reach cached pages without a purge.
  const pageCount = async (instance: Instance, slug: string) => {
    const res = await json(`${instance.url}/api/articles/by-slug/${slug}`);
    expect(res.status).toBe(200);
    return res.body.data.viewCount as number;
  };
  const feedCounts = async (instance: Instance) => {
    const res = await json(`${instance.url}/api/feeds/articles?limit=50`);
    expect(res.status).toBe(200);
    const byId = new Map((res.body.data as Array<{ documentId: string; viewCount: number }>).map((item) => [item.documentId, item.viewCount]));
    return stories.map((s) => byId.get(s.documentId));
  };
  for (const instance of [a, b]) {
    expect(await Promise.all(stories.map((s) => pageCount(instance, s.slug)))).toEqual(new Array(10).fill(0));
    expect(await feedCounts(instance)).toEqual(new Array(10).fill(0));
  }

  // Reader r sends 10 beacons, article (r*7 + 3k²) mod 10: k and 10-k hit the same article, so
  // there are duplicates; k < 5 goes to one instance and k >= 5 to the other, so every duplicate
  // pair is split over A and B (de-duplication must be shared), and each instance gets 500.
  const sends: Array<{ reader: number; article: number; instance: Instance }> = [];
  for (let r = 0; r < 100; r++) {
    for (let k = 0; k < 10; k++) sends.push({ reader: r, article: (r * 7 + k * k * 3) % 10, instance: (k < 5) === (r % 2 === 0) ? a : b });
  }
  const expected = new Array(10).fill(0);
  const seenOn = new Map<string, Set<string>>();
  for (const s of sends) {
    const key = `${s.reader}:${s.article}`;
    if (!seenOn.has(key)) expected[s.article]++;
    seenOn.set(key, (seenOn.get(key) ?? new Set()).add(s.instance.name));
  }
  const expectedSum = expected.reduce((x, y) => x + y, 0);
  expect(expectedSum).toBeLessThan(1000);
  expect([...seenOn.values()].filter((names) => names.size === 2).length).toBeGreaterThan(100);
  expect(sends.filter((s) => s.instance === a)).toHaveLength(500);

  const address = (r: number) => `198.51.${100 + Math.floor(r / 250)}.${(r % 250) + 1}`;
  const statuses = await Promise.all(
    sends.map((s) =>
      fetch(`${s.instance.url}/api/articles/${stories[s.article].documentId}/views`, {
        method: 'POST',
        headers: { 'User-Agent': `${BROWSER} reader-${s.reader}`, 'X-Forwarded-For': address(s.reader) },
      }).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      }),
    ),
  );
  expect(statuses.filter((s) => s !== 202)).toEqual([]);

  // The flush runs every second on whichever instance claims the slot; wait until the database
  // has at least the expected sum, then a few more intervals so a double count would show.
  const dbTotals = async () => {
    const rows = await q<{ article_document_id: string; total: string }>(`SELECT article_document_id, total FROM $schema.views_totals`);
    return new Map(rows.map((row) => [row.article_document_id, Number(row.total)]));
  };
  const sum = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  await within(20_000, async () => sum(await dbTotals()) >= expectedSum, 200);
  await new Promise((r) => setTimeout(r, 4 * FLUSH_SECONDS * 1000));

  const totals = await dbTotals();
  // One row per article in the totals table, each the de-duplicated count.
  expect(totals.size).toBe(10);
  expect(stories.map((s) => totals.get(s.documentId))).toEqual(expected);
  // Each flush slot was run by one instance only.
  const runs = await q<{ slot: string; n: number }>(`SELECT slot, count(*)::int AS n FROM $schema.newsroom_job_runs WHERE job = 'views-flush' GROUP BY slot HAVING count(*) > 1`);
  expect(runs).toEqual([]);

  // Both instances' public article pages and feed (cached, with live counts merged) agree.
  for (const instance of [a, b]) {
    await within(5_000, async () => (await feedCounts(instance)).every((n, i) => n === expected[i]), 200);
    expect(await Promise.all(stories.map((s) => pageCount(instance, s.slug)))).toEqual(expected);
    expect(await feedCounts(instance)).toEqual(expected);
  }
});
