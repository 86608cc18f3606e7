// Redis implementation of the shared-state interface (REDIS_URL set): one ioredis connection for
// commands, one for subscriptions. Redis never holds a request for long: no offline queue,
// bounded connect and command timeouts, and a breaker that sends every call to process memory for
// a moment after a failure. Writes made during an outage are replayed when Redis is back, counters
// counted locally are merged into the next drain, and subscribers are told to resynchronise.
import crypto from 'crypto';
import { EventEmitter } from 'events';
import { Redis, type RedisOptions } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createMemoryStore } from './memory';
import type { LimiterOptions, SharedLimiter, SharedStore } from './types';

export interface RedisStoreOptions {
  url: string;
  /** Prefix of every key and channel, so several apps (or test runs) share one Redis. */
  prefix: string;
  /** Longest a command may take before the call falls back to memory (ms). */
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** How long calls go straight to memory after a failure before Redis is tried again (ms). */
  breakerMs?: number;
  /** Most writes kept for replay during an outage; older ones are dropped first. */
  maxReplay?: number;
  onError?: (message: string) => void;
}

type Pending =
  | { op: 'set'; key: string; value: string; expiresAt?: number }
  | { op: 'del'; key: string }
  | { op: 'publish'; channel: string; message: string };

/** Sets KEYS[1] to this call's token unless it is held; adds one to field ARGV[3] of KEYS[2] when it wins. 1: this call (or its earlier run) holds the claim. */
const CLAIM_SCRIPT = `
local held = redis.call('GET', KEYS[1])
if held == ARGV[1] then return 1 end
if held then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if ARGV[3] ~= '' then redis.call('HINCRBY', KEYS[2], ARGV[3], 1) end
return 1`;
/**
 * Watches this process's event loop: stalled() is true while timers run more than `thresholdMs`
 * late, or did within the last two seconds. A timer ticking every 50 ms measures it.
 */
function loopLag(thresholdMs: number) {
  const every = 50;
  let last = performance.now();
  let lateAt = -Infinity;
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last - every > thresholdMs) lateAt = now;
    last = now;
  }, every);
  timer.unref();
  return {
    stalled: () => {
      const now = performance.now();
      return now - last - every > thresholdMs || now - lateAt < 2000;
    },
    stop: () => clearInterval(timer),
  };
}

/** Pauses before asking again after a late reply; then the call falls back like any failure. */
const LATE_REPLY_RETRIES_MS = [50, 200, 500];
/** A command sent while connected whose answer did not come in time (it may still have run). */
class LateReply extends Error {}
const isLateReply = (error: unknown) => error instanceof LateReply || (error instanceof Error && /timed out/i.test(error.message));

export function createRedisStore(options: RedisStoreOptions): SharedStore {
  const commandTimeout = options.commandTimeoutMs ?? 250;
  const breakerMs = options.breakerMs ?? 2000;
  const maxReplay = options.maxReplay ?? 10_000;
  const report = options.onError ?? (() => {});
  const origin = crypto.randomBytes(8).toString('hex');
  const base: RedisOptions = {
    connectTimeout: options.connectTimeoutMs ?? 500,
    // Reconnect forever, at most every 2 s: an outage ends on its own.
    retryStrategy: (times) => Math.min(times * 100, 2000),
    lazyConnect: false,
  };
  const client = new Redis(options.url, {
    ...base,
    keyPrefix: options.prefix,
    commandTimeout,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
  });
  // Subscriptions wait in the offline queue (they hold no request) and are renewed on reconnect.
  const subscriber = new Redis(options.url, { ...base, autoResubscribe: false, maxRetriesPerRequest: null });
  const local = createMemoryStore();
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const resync = new EventEmitter();
  resync.setMaxListeners(0);
  const channels = new Set<string>();
  const limiters = new Map<string, SharedLimiter>();
  const pending: Pending[] = [];
  let openUntil = 0;
  let outage = false;
  let closed = false;

  const quiet = (error: unknown) => report(`redis: ${error instanceof Error ? error.message : String(error)}`);
  client.on('error', quiet);
  subscriber.on('error', quiet);

  const healthy = () => !closed && client.status === 'ready' && Date.now() >= openUntil;
  let retryTimer: NodeJS.Timeout | null = null;
  // Replay (and resync) as soon as the breaker closes, even if no call comes to trigger it.
  const scheduleRetry = () => {
    if (retryTimer || closed) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (closed) return;
      if (client.status === 'ready') void replay();
      else scheduleRetry(); // the 'ready' event replays too
    }, Math.max(10, openUntil - Date.now() + 10));
    retryTimer.unref();
  };
  // A command that times out while this process's own event loop was stalled (a burst of requests
  // on a busy core) says nothing about Redis: it does not open the breaker.
  const lag = loopLag(commandTimeout / 2);
  const trip = (error: unknown) => {
    if (isLateReply(error) && lag.stalled()) return;
    if (!outage) quiet(error);
    outage = true;
    openUntil = Date.now() + breakerMs;
    scheduleRetry();
  };
  const remember = (entry: Pending) => {
    pending.push(entry);
    if (pending.length > maxReplay) pending.shift();
  };

  let replaying: Promise<void> | null = null;
  const replay = () => {
    // .finally runs after the assignment, even when the replay has nothing to do.
    replaying ??= replayPending().finally(() => {
      replaying = null;
    });
    return replaying;
  };
  async function replayPending() {
    try {
      // One write probes a Redis that has been unhealthy; the rest follow if it answers.
      while (pending.length && healthy()) {
        const entry = pending[0];
        if (entry.op === 'set') {
          const left = entry.expiresAt === undefined ? undefined : entry.expiresAt - Date.now();
          if (left === undefined) await client.set(entry.key, entry.value);
          else if (left > 0) await client.set(entry.key, entry.value, 'PX', left);
        } else if (entry.op === 'del') await client.del(entry.key);
        else await client.publish(options.prefix + entry.channel, `${origin}\n${entry.message}`);
        pending.shift();
      }
      if (!pending.length && outage && healthy()) {
        outage = false;
        resync.emit('resync');
      } else if (outage) scheduleRetry();
    } catch (error) {
      trip(error);
    }
  }

  // After a break, other instances may have published while we could not hear them.
  let subscriberWasReady = false;
  subscriber.on('ready', () => {
    if (subscriberWasReady) {
      // Subscriptions are renewed here (idempotent in Redis) rather than trusting autoResubscribe.
      if (channels.size) subscriber.subscribe(...[...channels].map((c) => options.prefix + c)).catch(quiet);
      resync.emit('resync');
    }
    subscriberWasReady = true;
  });
  client.on('ready', () => {
    openUntil = 0;
    void replay();
  });

  subscriber.on('message', (channel: string, raw: string) => {
    const cut = raw.indexOf('\n');
    if (cut < 0 || raw.slice(0, cut) === origin) return; // our own: already delivered locally
    bus.emit(channel.slice(options.prefix.length), raw.slice(cut + 1));
  });

  // A claim, and the count it guards, is one script run with this call's own token. When the reply
  // comes too late (a busy event loop as much as a slow Redis) the script is run again with the same
  // token: it answers whether the first run landed, so a late reply neither loses nor doubles a claim.
  client.defineCommand('newsroomClaim', { numberOfKeys: 2, lua: CLAIM_SCRIPT });
  const claimScript = client as unknown as { newsroomClaim(key: string, hash: string, token: string, ttlMs: number, field: string): Promise<number> };
  async function claimOnRedis(key: string, ttlSeconds: number, count?: { hash: string; field: string }): Promise<boolean> {
    const token = crypto.randomBytes(12).toString('base64url');
    const ttlMs = Math.max(1, Math.round(ttlSeconds * 1000));
    for (let retry = 0; ; retry += 1) {
      try {
        return (await claimScript.newsroomClaim(key, count?.hash ?? key, token, ttlMs, count?.field ?? '')) === 1;
      } catch (error) {
        if (!isLateReply(error) || retry >= LATE_REPLY_RETRIES_MS.length || closed) throw error;
        await new Promise((resolve) => setTimeout(resolve, LATE_REPLY_RETRIES_MS[retry]));
      }
    }
  }

  /** Runs `remote` on Redis, or `fallback` in memory when Redis is down, slow or failing. */
  async function attempt<T>(remote: () => Promise<T>, fallback: () => Promise<T> | T): Promise<T> {
    if (healthy()) {
      if (pending.length) void replay();
      try {
        return await remote();
      } catch (error) {
        trip(error);
      }
    } else if (!closed && client.status === 'ready' && pending.length) void replay();
    return fallback();
  }

  return {
    kind: 'redis',
    get(key) {
      return attempt(async () => (await client.get(key)) ?? undefined, () => local.get(key));
    },
    set(key, value, ttlSeconds) {
      return attempt(
        async () => {
          if (ttlSeconds === undefined) await client.set(key, value);
          else await client.set(key, value, 'PX', Math.max(1, Math.round(ttlSeconds * 1000)));
        },
        async () => {
          await local.set(key, value, ttlSeconds);
          remember({ op: 'set', key, value, expiresAt: ttlSeconds === undefined ? undefined : Date.now() + ttlSeconds * 1000 });
        },
      );
    },
    del(key) {
      return attempt(
        async () => {
          await client.del(key);
          await local.del(key);
        },
        async () => {
          await local.del(key);
          remember({ op: 'del', key });
        },
      );
    },
    claim(key, ttlSeconds) {
      // During an outage a claim is only known to this instance (and replayed afterwards).
      return attempt(
        async () => (await local.get(key)) === undefined && (await claimOnRedis(key, ttlSeconds)),
        async () => {
          const won = await local.claim(key, ttlSeconds);
          if (won) remember({ op: 'set', key, value: '1', expiresAt: Date.now() + ttlSeconds * 1000 });
          return won;
        },
      );
    },
    countOnce(key, ttlSeconds, hash, field) {
      // As claim; during an outage the count waits in memory for the next drain.
      return attempt(
        async () => (await local.get(key)) === undefined && (await claimOnRedis(key, ttlSeconds, { hash, field })),
        async () => {
          const won = await local.countOnce(key, ttlSeconds, hash, field);
          if (won) remember({ op: 'set', key, value: '1', expiresAt: Date.now() + ttlSeconds * 1000 });
          return won;
        },
      );
    },
    increment(hash, field, by = 1) {
      return attempt(
        async () => {
          await client.hincrby(hash, field, by);
        },
        () => local.increment(hash, field, by),
      );
    },
    async drain(hash) {
      const counted = await local.drain(hash); // whatever was counted here during an outage
      const remote = await attempt(
        async () => {
          const result = await client.multi().hgetall(hash).del(hash).exec();
          const [error, fields] = result?.[0] ?? [null, {}];
          if (error) throw error;
          return fields as Record<string, string>;
        },
        () => ({}) as Record<string, string>,
      );
      for (const [field, value] of Object.entries(remote)) counted[field] = (counted[field] ?? 0) + Number(value);
      return counted;
    },
    async publish(channel, message) {
      bus.emit(channel, message); // this instance at once, whatever Redis does
      await attempt(
        async () => {
          await client.publish(options.prefix + channel, `${origin}\n${message}`);
        },
        () => remember({ op: 'publish', channel, message }),
      );
    },
    subscribe(channel, handler) {
      bus.on(channel, handler);
      if (!channels.has(channel)) {
        channels.add(channel);
        subscriber.subscribe(options.prefix + channel).catch(quiet);
      }
      return () => bus.off(channel, handler);
    },
    onResync(handler) {
      resync.on('resync', handler);
      return () => resync.off('resync', handler);
    },
    limiter(opts: LimiterOptions) {
      const id = `${opts.name}:${opts.points}:${opts.durationSeconds}`;
      let found = limiters.get(id);
      if (!found) limiters.set(id, (found = redisLimiter(client, opts, () => healthy(), (error) => trip(error))));
      return found;
    },
    async close() {
      closed = true;
      lag.stop();
      if (retryTimer) clearTimeout(retryTimer);
      await Promise.all(
        [client, subscriber].map(async (connection) => {
          try {
            if (connection.status === 'ready') await Promise.race([connection.quit(), new Promise((r) => setTimeout(r, 500).unref())]);
          } catch {
            // already gone
          }
          connection.disconnect();
        }),
      );
      bus.removeAllListeners();
      resync.removeAllListeners();
      await local.close();
    },
  };
}

/** rate-limiter-flexible's Redis limiter; its in-memory insurance limiter answers while Redis cannot. */
function redisLimiter(client: Redis, opts: LimiterOptions, healthy: () => boolean, trip: (error: unknown) => void): SharedLimiter {
  class Insurance extends RateLimiterMemory {
    consume(key: string | number, points?: number, options?: Record<string, unknown>) {
      // Connected: the limiter's command was too slow (rate-limiter-flexible does not say which error it had).
      trip(client.status === 'ready' ? new LateReply('rate limit command too slow') : new Error('rate limit counted in memory while Redis is unavailable'));
      return super.consume(key, points, options);
    }
  }
  const insurance = new Insurance({ keyPrefix: opts.name, points: opts.points, duration: opts.durationSeconds });
  const limiter = new RateLimiterRedis({
    storeClient: client,
    keyPrefix: `rl:${opts.name}`,
    points: opts.points,
    duration: opts.durationSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: insurance,
  });
  return {
    async consume(key, points = 1) {
      try {
        // While the breaker is open the insurance answers without waiting for a slow Redis.
        if (healthy()) await limiter.consume(key, points);
        else await RateLimiterMemory.prototype.consume.call(insurance, key, points);
        return null;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw rejection;
      }
    },
    async reset(key) {
      await Promise.allSettled([healthy() ? limiter.delete(key) : Promise.resolve(), RateLimiterMemory.prototype.delete.call(insurance, key)]);
    },
  };
}
