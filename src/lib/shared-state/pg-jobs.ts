// Runs each job once per scheduled slot across every instance sharing one PostgreSQL database.
// A slot is claimed by inserting (job, slot) into a claims table under a per-job transaction
// advisory lock; the owner heartbeats while it runs, and when an owner stops heartbeating (its
// process died) for longer than the lease, any survivor takes the run over.
import crypto from 'crypto';
import os from 'os';
import { createJobRegistry } from './job-registry';
import type { JobDefinition, JobRunner } from './types';

/** The part of a knex instance this module uses (pg client). */
export interface SqlClient {
  raw(sql: string, bindings?: readonly unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  transaction<T>(run: (trx: SqlClient) => Promise<T>): Promise<T>;
}

export interface PgJobRunnerOptions {
  db: SqlClient;
  /** PostgreSQL schema of the claims table. */
  schema?: string;
  table?: string;
  /** A run whose owner has not heartbeaten for this long is taken over by another instance. */
  leaseSeconds?: number;
  owner?: string;
  onError?: (job: string, error: unknown) => void;
  onTakeover?: (job: string, slot: number, previousOwner: string) => void;
}

export const JOB_RUNS_TABLE = 'newsroom_job_runs';

export function createPgJobRunner(options: PgJobRunnerOptions): JobRunner & { ready(): Promise<void>; owner: string } {
  const lease = options.leaseSeconds ?? 30;
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const table = `"${options.schema ?? 'public'}"."${options.table ?? JOB_RUNS_TABLE}"`;
  const jobs = createJobRegistry();
  const timers = new Map<string, NodeJS.Timeout>();
  let sweeper: NodeJS.Timeout | null = null;
  let started = false;
  let tableReady: Promise<void> | null = null;

  const ready = () =>
    (tableReady ??= options.db
      .transaction(async (trx) => {
        // Concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalogue: serialise it.
        await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`${table}:create`]);
        await trx.raw(
          `CREATE TABLE IF NOT EXISTS ${table} (
            job text NOT NULL, slot bigint NOT NULL, owner text NOT NULL,
            started_at timestamptz NOT NULL DEFAULT now(), heartbeat_at timestamptz NOT NULL DEFAULT now(),
            finished_at timestamptz, attempts integer NOT NULL DEFAULT 1, error text,
            PRIMARY KEY (job, slot))`,
        );
      })
      .catch((error) => {
        tableReady = null;
        throw error;
      }));

  /**
   * Claims `slot` of `job` for this instance, or (slot null) only takes over a dead owner's run.
   * Resolves with the claimed slot, or null when another instance runs the job or the slot is done.
   */
  async function claim(job: string, slot: number | null): Promise<number | null> {
    await ready();
    return options.db.transaction(async (trx) => {
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`${table}:${job}`]);
      const { rows } = await trx.raw(
        `SELECT slot, owner, heartbeat_at > now() - make_interval(secs => ?) AS alive FROM ${table}
          WHERE job = ? AND finished_at IS NULL ORDER BY slot DESC`,
        [lease, job],
      );
      if (rows.some((r) => r.alive)) return null; // never two runs of one job at once
      if (rows.length) {
        const [latest, ...older] = rows;
        await trx.raw(
          `UPDATE ${table} SET owner = ?, heartbeat_at = now(), attempts = attempts + 1 WHERE job = ? AND slot = ?`,
          [owner, job, latest.slot],
        );
        if (older.length) {
          await trx.raw(`UPDATE ${table} SET finished_at = now(), error = 'superseded by a later run' WHERE job = ? AND finished_at IS NULL AND slot <> ?`, [job, latest.slot]);
        }
        options.onTakeover?.(job, Number(latest.slot), String(latest.owner));
        return Number(latest.slot);
      }
      if (slot === null) return null;
      const inserted = await trx.raw(`INSERT INTO ${table} (job, slot, owner) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING slot`, [job, slot, owner]);
      return inserted.rows.length ? slot : null;
    });
  }

  async function execute(job: JobDefinition, slot: number): Promise<void> {
    const beat = setInterval(() => {
      options.db
        .raw(`UPDATE ${table} SET heartbeat_at = now() WHERE job = ? AND slot = ? AND owner = ?`, [job.name, slot, owner])
        .catch((error) => options.onError?.(job.name, error));
    }, (lease * 1000) / 3);
    beat.unref();
    let failure: unknown = null;
    try {
      await job.run();
    } catch (error) {
      failure = error;
      options.onError?.(job.name, error);
    } finally {
      clearInterval(beat);
    }
    await options.db
      .raw(`UPDATE ${table} SET finished_at = now(), error = ? WHERE job = ? AND slot = ? AND owner = ?`, [
        failure === null ? null : String(failure instanceof Error ? failure.message : failure).slice(0, 1000),
        job.name,
        slot,
        owner,
      ])
      .catch((error) => options.onError?.(job.name, error));
  }

  /** Claims and runs; resolves with whether this instance ran the job. */
  function attempt(job: JobDefinition, slot: number | null): Promise<boolean> {
    return jobs.exclusive(job.name, async () => {
      let claimed: number | null;
      try {
        claimed = await claim(job.name, slot);
      } catch (error) {
        options.onError?.(job.name, error);
        return false;
      }
      if (claimed === null) return false; // another instance runs it, or the slot is done
      await execute(job, claimed);
      return true;
    });
  }

  const slotOf = (job: JobDefinition, at = Date.now()) => Math.floor(at / (job.everySeconds * 1000));

  const schedule = (job: JobDefinition) => {
    const next = (slotOf(job) + 1) * job.everySeconds * 1000;
    // A little jitter so instances do not all hit the claims table in the same millisecond.
    const timer = setTimeout(() => {
      if (!started) return;
      void attempt(job, slotOf(job, next));
      schedule(job);
    }, next - Date.now() + Math.floor(Math.random() * 200));
    timer.unref();
    timers.set(job.name, timer);
  };

  return {
    owner,
    ready,
    define(job) {
      jobs.define(job);
      if (started) schedule(job);
    },
    async runNow(name) {
      const job = jobs.get(name);
      // A manual run has a slot of its own (negative: never a scheduled one) and still waits for no one.
      return attempt(job, -Date.now());
    },
    start() {
      if (started) return;
      started = true;
      for (const job of jobs.all()) schedule(job);
      // Survivors look for runs whose owner died, a few times per lease.
      sweeper = setInterval(() => {
        for (const job of jobs.all()) if (!jobs.isRunning(job.name)) void attempt(job, null);
      }, Math.max(500, (lease * 1000) / 2));
      sweeper.unref();
    },
    async stop() {
      started = false;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      await jobs.settled();
    },
  };
}
