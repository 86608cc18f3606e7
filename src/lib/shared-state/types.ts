// The one interface every feature uses for state that must be shared between instances:
// key/values with a lifetime, single-use claims, batched counters, rate limits, pub/sub and jobs.
// Implementations: memory.ts (one process, no Redis); redis.ts when REDIS_URL is set.
// Jobs: local-jobs.ts (timers, one instance) or pg-jobs.ts (claims in PostgreSQL, many instances).

export interface SharedStore {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | undefined>;
  /** `ttlSeconds` omitted: kept until deleted. */
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  del(key: string): Promise<void>;
  /**
   * Records `key` only when absent; true when this call recorded it. Single-use tokens
   * (a captcha solution, a restore link) and de-duplication windows (one view per reader).
   */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /**
   * `claim(key)` and, when it wins, `increment(hash, field)` in one atomic step: true when this
   * call counted. Counting once per window (one view per reader) with no double count when a
   * reply comes late.
   */
  countOnce(key: string, ttlSeconds: number, hash: string, field: string): Promise<boolean>;
  /** Adds `by` (default 1) to `field` of the counter hash `hash`. */
  increment(hash: string, field: string, by?: number): Promise<void>;
  /** Reads and clears the counter hash `hash` in one atomic step (batched flushes). */
  drain(hash: string): Promise<Record<string, number>>;
  /** Delivers `message` to every subscriber of `channel` in every instance (this one included). */
  publish(channel: string, message: string): Promise<void>;
  /** Returns a function that unsubscribes. */
  subscribe(channel: string, handler: (message: string) => void): () => void;
  /**
   * Called after this instance lost and regained its link to the others (Redis came back):
   * messages may have been missed meanwhile, so local caches should be dropped. Never called
   * by the memory store. Returns a function that unsubscribes.
   */
  onResync(handler: () => void): () => void;
  /** A rate limiter whose budget is shared by every instance. */
  limiter(options: LimiterOptions): SharedLimiter;
  close(): Promise<void>;
}

export interface LimiterOptions {
  /** Bucket family, e.g. "auth", "redirect-miss", "comment-post". */
  name: string;
  /** Points allowed per key within `durationSeconds`. */
  points: number;
  durationSeconds: number;
}

export interface SharedLimiter {
  /** Takes `points` (default 1) from `key`'s bucket; resolves with the seconds to wait when refused, else null. */
  consume(key: string, points?: number): Promise<number | null>;
  /** Gives the bucket back (e.g. after a successful login). */
  reset(key: string): Promise<void>;
}

export interface JobDefinition {
  /** Unique, stable name: also the lock/claim key across instances. */
  name: string;
  /** Run every `everySeconds` seconds (one run per slot across all instances). */
  everySeconds: number;
  run(): Promise<void>;
}

export interface JobRunner {
  define(job: JobDefinition): void;
  /** Runs a job now (tests, admin buttons); resolves with whether this instance ran it. */
  runNow(name: string): Promise<boolean>;
  start(): void;
  stop(): Promise<void>;
}
