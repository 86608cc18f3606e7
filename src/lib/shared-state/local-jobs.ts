// Runs jobs on timers in this process: right for one instance. With several instances the
// platform swaps in a runner that claims each slot in the database so a slot runs once.
import type { JobDefinition, JobRunner } from './types';

export interface LocalJobRunnerOptions {
  onError?: (job: string, error: unknown) => void;
}

export function createLocalJobRunner(options: LocalJobRunnerOptions = {}): JobRunner {
  const jobs = new Map<string, JobDefinition>();
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  let started = false;

  const execute = async (job: JobDefinition): Promise<boolean> => {
    if (running.has(job.name)) return false; // a slow run is never overlapped by the next slot
    const run = job
      .run()
      .catch((error) => options.onError?.(job.name, error))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    await run;
    return true;
  };

  const schedule = (job: JobDefinition) => {
    const timer = setInterval(() => void execute(job), job.everySeconds * 1000);
    timer.unref();
    timers.set(job.name, timer);
  };

  return {
    define(job) {
      if (jobs.has(job.name)) throw new Error(`A job named "${job.name}" is already defined.`);
      if (!(job.everySeconds > 0)) throw new Error(`Job "${job.name}" needs a positive everySeconds.`);
      jobs.set(job.name, job);
      if (started) schedule(job);
    },
    async runNow(name) {
      const job = jobs.get(name);
      if (!job) throw new Error(`There is no job named "${name}".`);
      return execute(job);
    },
    start() {
      if (started) return;
      started = true;
      for (const job of jobs.values()) schedule(job);
    },
    async stop() {
      started = false;
      for (const timer of timers.values()) clearInterval(timer);
      timers.clear();
      await Promise.all(running.values());
    },
  };
}
