// The shared-state contract, run against process memory and against a real Redis, plus the
// memory store's clock and the local job runner.
import { createMemoryStore } from '../../../../src/lib/shared-state/memory';
import { createRedisStore } from '../../../../src/lib/shared-state/redis';
import { createLocalJobRunner } from '../../../../src/lib/shared-state/local-jobs';
import type { SharedStore } from '../../../../src/lib/shared-state/types';
import { TEST_REDIS_URL, redisAvailable, uniquePrefix } from '../../../helpers/redis';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stores: Array<[string, () => SharedStore[]]> = [
  // Two handles on one state: with memory that is the same store, with Redis two clients (two instances).
  ['memory', () => { const s = createMemoryStore(); return [s, s]; }],
];
if (redisAvailable()) {
  stores.push(['redis', () => { const prefix = uniquePrefix('contract'); return [createRedisStore({ url: TEST_REDIS_URL, prefix }), createRedisStore({ url: TEST_REDIS_URL, prefix })]; }]);
} else {
  // eslint-disable-next-line no-console
  console.warn(`Redis at ${TEST_REDIS_URL} does not answer: the Redis half of the shared-state contract is skipped`);
}

describe.each(stores)('shared store contract (%s)', (_kind, make) => {
  let a: SharedStore;
  let b: SharedStore;
  beforeEach(async () => {
    [a, b] = make();
    // Redis: wait until both connections are ready so the test measures the store, not the connect.
    await a.get('warm-up');
    for (let i = 0; i < 50 && (await a.set('ping', '1').then(() => a.get('ping'))) !== '1'; i += 1) await sleep(20);
    for (let i = 0; i < 50 && (await b.get('ping')) !== '1'; i += 1) await sleep(20);
  });
  afterEach(async () => {
    await a.close();
    if (b !== a) await b.close();
  });

  it('keeps values, seen from every instance, until deleted or expired', async () => {
    await a.set('k', 'v');
    expect(await b.get('k')).toBe('v');
    await b.del('k');
    expect(await a.get('k')).toBeUndefined();
    await a.set('short', 'x', 0.3);
    expect(await b.get('short')).toBe('x');
    await sleep(400);
    expect(await b.get('short')).toBeUndefined();
    expect(await a.get('never-set')).toBeUndefined();
  });

  it('claims once across instances per lifetime', async () => {
    const results = await Promise.all([a.claim('token', 0.4), b.claim('token', 0.4), a.claim('token', 0.4)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await sleep(500);
    expect(await b.claim('token', 5)).toBe(true);
  });

  it('counts across instances and drains atomically', async () => {
    await a.increment('views', 'a');
    await b.increment('views', 'a', 2);
    await b.increment('views', 'b');
    expect(await a.drain('views')).toEqual({ a: 3, b: 1 });
    expect(await b.drain('views')).toEqual({});
  });

  it('counts once per claim across instances, and again after the claim expires', async () => {
    const won = await Promise.all([a.countOnce('seen:r', 0.4, 'pending', 's'), b.countOnce('seen:r', 0.4, 'pending', 's'), a.countOnce('seen:r', 0.4, 'pending', 's')]);
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await b.countOnce('seen:other', 5, 'pending', 's')).toBe(true);
    // The claim is a claim like any other: claim() on the same key is refused.
    expect(await a.claim('seen:other', 5)).toBe(false);
    await sleep(500);
    expect(await b.countOnce('seen:r', 5, 'pending', 's')).toBe(true);
    expect(await a.drain('pending')).toEqual({ s: 3 });
  });

  it('publishes to subscribers of every instance until they unsubscribe', async () => {
    const seenA: string[] = [];
    const seenB: string[] = [];
    const offA = a.subscribe('c', (m) => seenA.push(m));
    const offB = b.subscribe('c', (m) => seenB.push(m));
    await sleep(100); // Redis: the SUBSCRIBE reaches the server
    await a.publish('c', 'one');
    expect(seenA).toEqual(['one']); // the publisher's own instance hears it at once
    for (let i = 0; i < 50 && seenB.length < 1; i += 1) await sleep(10);
    expect(seenB).toEqual(['one']);
    offA();
    offB();
    await a.publish('c', 'two');
    await sleep(100);
    expect(seenA).toEqual(['one']);
    expect(seenB.every((m) => m === 'one')).toBe(true);
  });

  it('limits per key with one budget for every instance, and tells how long to wait', async () => {
    const la = a.limiter({ name: 't', points: 3, durationSeconds: 60 });
    const lb = b.limiter({ name: 't', points: 3, durationSeconds: 60 });
    expect(await la.consume('ip')).toBeNull();
    expect(await lb.consume('ip')).toBeNull();
    expect(await la.consume('ip')).toBeNull();
    const wait = await lb.consume('ip');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await la.consume('other')).toBeNull();
    await la.reset('ip');
    expect(await lb.consume('ip')).toBeNull();
    expect(await la.consume('ip', 3)).toBeGreaterThan(0); // several points at once
  });
});

describe('memory shared store', () => {
  it('drops expired keys nobody asks for again, at most once a minute, so memory follows the live ones', async () => {
    let clock = 1_000;
    const store = createMemoryStore({ now: () => clock });
    for (let i = 0; i < 1000; i += 1) await store.claim(`seen:${i}`, 30);
    await store.set('kept', 'v');
    expect(store.entries()).toBe(1001);
    clock += 31_000; // expired, but not a minute since the last sweep
    await store.claim('seen:new', 30);
    expect(store.entries()).toBe(1002);
    clock += 30_000;
    await store.claim('seen:newer', 30);
    // The 1,000 expired claims and seen:new are gone; the key without a lifetime and the new claim stay.
    expect(store.entries()).toBe(2);
    expect(await store.get('kept')).toBe('v');
    expect(await store.claim('seen:newer', 30)).toBe(false);
  });

  it('expires values and claims by its clock', async () => {
    let clock = 1_000;
    const store = createMemoryStore({ now: () => clock });
    await store.set('a', 'x', 10);
    expect(await store.get('a')).toBe('x');
    clock += 10_000;
    expect(await store.get('a')).toBeUndefined();
    expect(await store.claim('token', 5)).toBe(true);
    expect(await store.claim('token', 5)).toBe(false);
    clock += 5_000;
    expect(await store.claim('token', 5)).toBe(true);
  });
});

describe('local job runner', () => {
  it('runs a job on demand, never two runs of one job at once', async () => {
    const runner = createLocalJobRunner();
    let release!: () => void;
    let runs = 0;
    runner.define({ name: 'j', everySeconds: 60, run: () => new Promise<void>((r) => { runs += 1; release = r; }) });
    const first = runner.runNow('j');
    expect(await runner.runNow('j')).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(runs).toBe(1);
    await expect(runner.runNow('missing')).rejects.toThrow(/no job/);
    expect(() => runner.define({ name: 'j', everySeconds: 1, run: async () => {} })).toThrow(/already/);
  });

  it('reports failures without throwing from the timer', async () => {
    const errors: string[] = [];
    const runner = createLocalJobRunner({ onError: (job) => errors.push(job) });
    runner.define({ name: 'bad', everySeconds: 60, run: async () => { throw new Error('boom'); } });
    expect(await runner.runNow('bad')).toBe(true);
    expect(errors).toEqual(['bad']);
  });
});
