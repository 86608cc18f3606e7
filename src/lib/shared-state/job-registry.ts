// What both job runners share: the named job definitions, and the rule that a job never has two
// runs at once in one process (a slow run is not overlapped by the next slot or a manual run).
import type { JobDefinition } from './types';

export interface JobRegistry {
  /** Validates and records a definition; the runner schedules it. */
  define(job: JobDefinition): JobDefinition;
  /** The definition named `name`, or an error naming it. */
  get(name: string): JobDefinition;
  all(): IterableIterator<JobDefinition>;
  isRunning(name: string): boolean;
  /**
   * Runs `work` for `name` unless a run of it is under way in this process (then resolves false
   * at once); otherwise resolves with what `work` resolves, once the run is no longer tracked.
   */
  exclusive(name: string, work: () => Promise<boolean>): Promise<boolean>;
  /** Resolves when every run under way has settled. */
  settled(): Promise<void>;
}

export function createJobRegistry(): JobRegistry {
  const jobs = new Map<string, JobDefinition>();
  const running = new Map<string, Promise<unknown>>();
  return {
    define(job) {
      if (jobs.has(job.name)) throw new Error(`A job named "${job.name}" is already defined.`);
      if (!(job.everySeconds > 0)) throw new Error(`Job "${job.name}" needs a positive everySeconds.`);
      jobs.set(job.name, job);
      return job;
    },
    get(name) {
      const job = jobs.get(name);
      if (!job) throw new Error(`There is no job named "${name}".`);
      return job;
    },
    all: () => jobs.values(),
    isRunning: (name) => running.has(name),
    exclusive(name, work) {
      if (running.has(name)) return Promise.resolve(false);
      // Untracked before the caller resumes, so a runNow right after a run is not refused.
      const run = work().finally(() => running.delete(name));
      running.set(name, run.catch(() => undefined));
      return run;
    },
    async settled() {
      await Promise.all(running.values());
    },
  };
}
