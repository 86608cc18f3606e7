// The Redis store when Redis is down, slow or back: no call fails and none waits more than about
// half a second; writes made meanwhile reach Redis when it returns, and subscribers are told to
// resynchronise. A private redis-server on a random port, stopped only by its own pid.
import { createRedisStore } from '../../../../src/lib/shared-state/redis';
import type { SharedStore } from '../../../../src/lib/shared-state/types';
import { redisServerInstalled, startPrivateRedis, uniquePrefix, type PrivateRedis } from '../../../helpers/redis';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const run = redisServerInstalled() ? describe : describe.skip;

async function timed<T>(call: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await call();
  return { value, ms: Date.now() - started };
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(25);
  }
}

run('redis store outages', () => {
  let redis: PrivateRedis;
  let a: SharedStore;
  let b: SharedStore;

  beforeEach(async () => {
    redis = await startPrivateRedis();
    const prefix = uniquePrefix('outage');
    a = createRedisStore({ url: redis.url, prefix, breakerMs: 300 });
    b = createRedisStore({ url: redis.url, prefix, breakerMs: 300 });
    await until(async () => (await a.set('up', '1'), (await b.get('up')) === '1'));
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await redis.stop();
  });

  it('answers from memory within half a second while Redis is down, then replays writes and resyncs', async () => {
    const heard: string[] = [];
    b.subscribe('purge', (m) => heard.push(m));
    let resyncs = 0;
    b.onResync(() => (resyncs += 1));
    await sleep(100);
    await redis.stop();

    const calls: Array<() => Promise<unknown>> = [
      () => a.set('written-while-down', 'yes', 60),
      () => a.get('written-while-down'),
      () => a.claim('single-use', 60),
      () => a.increment('views', 'x', 2),
      () => a.publish('purge', 'article:1'),
      () => a.limiter({ name: 'login', points: 1, durationSeconds: 60 }).consume('ip'),
    ];
    const results = [];
    for (const call of calls) results.push(await timed(call));
    for (const { ms } of results) expect(ms).toBeLessThan(500);
    expect(results[1].value).toBe('yes'); // read back from memory
    expect(results[2].value).toBe(true);
    expect(await a.claim('single-use', 60)).toBe(false); // still single-use in this instance
    expect(await a.limiter({ name: 'login', points: 1, durationSeconds: 60 }).consume('ip')).toBeGreaterThan(0); // insurance limiter

    await redis.start();
    // Converges: the write made during the outage reaches the other instance; the purge is
    // replayed too, but B may resubscribe after A replays, so B is (also) told to resynchronise.
    await until(async () => (await b.get('written-while-down')) === 'yes');
    await until(() => resyncs > 0);
    // Replayed in order, one write at a time: wait for the claim's turn, then it holds for others.
    await until(async () => (await b.get('single-use')) !== undefined);
    expect(await b.claim('single-use', 60)).toBe(false);
    // Counters counted in memory are not lost: the next drain merges them with Redis's.
    await b.increment('views', 'x', 1);
    expect(await a.drain('views')).toEqual({ x: 3 });
  });

  it('a purge published while only the publisher had lost Redis reaches the others when it returns', async () => {
    const heard: string[] = [];
    b.subscribe('purge', (m) => heard.push(m));
    await sleep(100);
    redis.pause(); // both connections stay open: B keeps its subscription
    await a.get('probe'); // times out: A's breaker opens
    const { ms } = await timed(() => a.publish('purge', 'section:world'));
    expect(ms).toBeLessThan(100);
    redis.resume();
    await until(() => heard.includes('section:world'));
    expect(heard).toEqual(['section:world']);
  });

  it('a Redis that stops answering holds a call at most one command timeout, then the breaker answers at once', async () => {
    redis.pause();
    try {
      const first = await timed(() => a.get('anything'));
      expect(first.value).toBeUndefined();
      expect(first.ms).toBeLessThan(500);
      const next = await timed(() => a.limiter({ name: 'slow', points: 5, durationSeconds: 60 }).consume('ip'));
      expect(next.value).toBeNull();
      expect(next.ms).toBeLessThan(100);
    } finally {
      redis.resume();
    }
    await until(async () => (await a.set('back', '1'), (await b.get('back')) === '1'));
  });

  it('a count whose reply comes after the command timeout is settled by asking again: counted once, in Redis', async () => {
    // Paused past the 250 ms timeout: the first run waits in the socket and lands when Redis resumes.
    redis.pause();
    setTimeout(() => redis.resume(), 400);
    const first = await timed(() => a.countOnce('seen:reader', 60, 'pending', 'story'));
    expect(first.value).toBe(true);
    expect(first.ms).toBeGreaterThan(250);
    // The other instance sees the claim (it was not counted in a's memory only) ...
    expect(await b.countOnce('seen:reader', 60, 'pending', 'story')).toBe(false);
    expect(await a.countOnce('seen:reader', 60, 'pending', 'story')).toBe(false);
    // ... and the view was added once, not once by the late run and again in memory.
    expect(await b.drain('pending')).toEqual({ story: 1 });
    expect(await a.drain('pending')).toEqual({});
  });

  it('a claim whose reply comes late is settled the same way, and the call does not trip the breaker', async () => {
    redis.pause();
    setTimeout(() => redis.resume(), 400);
    expect(await a.claim('captcha:nonce', 60)).toBe(true);
    expect(await b.claim('captcha:nonce', 60)).toBe(false);
    await b.set('after', 'yes');
    expect((await timed(() => a.get('after'))).value).toBe('yes');
  });

  it('a command timing out while this process was busy does not open the breaker, and its count lands once', async () => {
    const busy = (ms: number) => {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        // a synchronous burst: the replies wait in the socket past the 250 ms command timeout
      }
    };
    const read = a.get('anything');
    const counted = a.countOnce('seen:busy', 60, 'pending', 'story');
    busy(400);
    expect(await read).toBeUndefined();
    expect(await counted).toBe(true);
    // The breaker stayed closed: the next calls go to Redis and see the other instance's writes.
    await b.set('after-busy', 'yes');
    expect(await a.get('after-busy')).toBe('yes');
    expect(await b.countOnce('seen:busy', 60, 'pending', 'story')).toBe(false);
    expect(await b.drain('pending')).toEqual({ story: 1 });
    expect(await a.drain('pending')).toEqual({});
  });

  it('starts without Redis and catches up when it appears', async () => {
    await redis.stop();
    const prefix = uniquePrefix('late');
    const late = createRedisStore({ url: redis.url, prefix, breakerMs: 300 });
    try {
      const { ms } = await timed(() => late.set('early', 'v', 60));
      expect(ms).toBeLessThan(500);
      await redis.start();
      const other = createRedisStore({ url: redis.url, prefix });
      try {
        await until(async () => (await other.get('early')) === 'v');
      } finally {
        await other.close();
      }
    } finally {
      await late.close();
    }
  });
});
