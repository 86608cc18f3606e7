// In-process implementation of the shared-state interface: one instance, no Redis.
import { EventEmitter } from 'events';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { LimiterOptions, SharedLimiter, SharedStore } from './types';

export interface MemoryStoreOptions {
  now?: () => number;
}

/** Expired keys nobody asks for again (one view claim per reader and article) are dropped this often. */
const SWEEP_EVERY_MS = 60_000;

export function createMemoryStore(options: MemoryStoreOptions = {}): SharedStore & { entries(): number } {
  const now = options.now ?? Date.now;
  let sweptAt = now();
  /** On writes, at most once a minute: drops every expired key, so memory follows the live keys only. */
  const sweep = () => {
    const t = now();
    if (t - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = t;
    for (const [key, slot] of values) if (slot.expiresAt <= t) values.delete(key);
  };
  const values = new Map<string, { value: string; expiresAt: number }>();
  const counters = new Map<string, Map<string, number>>();
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  // One budget per bucket family, however many times a feature asks for its limiter.
  const limiters = new Map<string, SharedLimiter>();

  const live = (key: string) => {
    const slot = values.get(key);
    if (!slot) return undefined;
    if (slot.expiresAt <= now()) {
      values.delete(key);
      return undefined;
    }
    return slot;
  };

  const claimNow = (key: string, ttlSeconds: number) => {
    sweep();
    if (live(key)) return false;
    values.set(key, { value: '1', expiresAt: now() + ttlSeconds * 1000 });
    return true;
  };
  const add = (hash: string, field: string, by: number) => {
    let fields = counters.get(hash);
    if (!fields) counters.set(hash, (fields = new Map()));
    fields.set(field, (fields.get(field) ?? 0) + by);
  };

  return {
    kind: 'memory',
    async get(key) {
      return live(key)?.value;
    },
    entries: () => values.size,
    async set(key, value, ttlSeconds) {
      sweep();
      values.set(key, { value, expiresAt: ttlSeconds === undefined ? Infinity : now() + ttlSeconds * 1000 });
    },
    async del(key) {
      values.delete(key);
    },
    async claim(key, ttlSeconds) {
      return claimNow(key, ttlSeconds);
    },
    async countOnce(key, ttlSeconds, hash, field) {
      if (!claimNow(key, ttlSeconds)) return false;
      add(hash, field, 1);
      return true;
    },
    async increment(hash, field, by = 1) {
      add(hash, field, by);
    },
    async drain(hash) {
      const fields = counters.get(hash);
      counters.delete(hash);
      return fields ? Object.fromEntries(fields) : {};
    },
    async publish(channel, message) {
      bus.emit(channel, message);
    },
    subscribe(channel, handler) {
      bus.on(channel, handler);
      return () => bus.off(channel, handler);
    },
    onResync() {
      return () => {}; // one process never misses its own messages
    },
    limiter(opts: LimiterOptions) {
      const id = `${opts.name}:${opts.points}:${opts.durationSeconds}`;
      let found = limiters.get(id);
      if (!found) limiters.set(id, (found = memoryLimiter(opts)));
      return found;
    },
    async close() {
      values.clear();
      counters.clear();
      bus.removeAllListeners();
    },
  };
}

export function memoryLimiter(opts: LimiterOptions): SharedLimiter {
  const store = new RateLimiterMemory({ keyPrefix: opts.name, points: opts.points, duration: opts.durationSeconds });
  return {
    async consume(key, points = 1) {
      try {
        await store.consume(key, points);
        return null;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw rejection;
      }
    },
    async reset(key) {
      await store.delete(key);
    },
  };
}
