import { createMemoryStore } from '../../../../src/lib/shared-state/memory';
import { createLocalJobRunner } from '../../../../src/lib/shared-state/local-jobs';

describe('memory shared store', () => {
  it('expires values and claims once per lifetime', async () => {
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

  it('drains counters atomically', async () => {
    const store = createMemoryStore();
    await store.increment('views', 'a');
    await store.increment('views', 'a', 2);
    await store.increment('views', 'b');
    expect(await store.drain('views')).toEqual({ a: 3, b: 1 });
    expect(await store.drain('views')).toEqual({});
  });

  it('publishes to subscribers until they unsubscribe', async () => {
    const store = createMemoryStore();
    const seen: string[] = [];
    const off = store.subscribe('c', (m) => seen.push(m));
    await store.publish('c', 'one');
    off();
    await store.publish('c', 'two');
    expect(seen).toEqual(['one']);
  });

  it('limits per key and tells how long to wait', async () => {
    const limiter = createMemoryStore().limiter({ name: 't', points: 2, durationSeconds: 60 });
    expect(await limiter.consume('ip')).toBeNull();
    expect(await limiter.consume('ip')).toBeNull();
    expect(await limiter.consume('ip')).toBeGreaterThan(0);
    expect(await limiter.consume('other')).toBeNull();
    await limiter.reset('ip');
    expect(await limiter.consume('ip')).toBeNull();
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
