// Shared state, jobs, boot serialisation and shutdown: what changes when several instances run.
export default ({ env }: { env: any }) => ({
  redis: {
    /** Empty: shared state lives in this process's memory (one instance). */
    url: env('REDIS_URL', ''),
    keyPrefix: env('REDIS_KEY_PREFIX', 'newsroom:'),
    commandTimeoutMs: env.int('REDIS_COMMAND_TIMEOUT', 250),
    connectTimeoutMs: env.int('REDIS_CONNECT_TIMEOUT', 500),
  },
  /** A job run whose instance stopped heartbeating for this long moves to another instance. */
  jobLeaseSeconds: env.int('JOB_LEASE_SECONDS', 30),
  /** PostgreSQL only: one instance at a time syncs the schema, migrates and runs bootstrap writes. */
  bootLock: env.bool('BOOT_LOCK', true),
  cdn: {
    /** Surrogate-Control max-age: how long the CDN may keep a feed (purges end it sooner). */
    edgeMaxAgeSeconds: env.int('CDN_EDGE_MAX_AGE', env.int('FEED_S_MAXAGE', 300)),
    /** How often an instance sends due CDN purges (CDN_PURGE), besides right after each write. */
    drainEverySeconds: env.int('CDN_PURGE_INTERVAL', 5),
  },
  shutdown: {
    /** Longest wait for in-flight requests after SIGTERM before connections are cut. */
    timeoutSeconds: env.int('SHUTDOWN_TIMEOUT', 30),
    /** Time /_ready answers 503 before the listener closes, for load balancers to notice. */
    drainDelaySeconds: env.float('SHUTDOWN_DRAIN_DELAY', 0),
  },
});
