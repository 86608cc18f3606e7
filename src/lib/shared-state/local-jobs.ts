// Runs jobs on timers in this process: right for one instance. With several instances the
// platform swaps in a runner that claims each slot in the database so a slot runs once.
import { createJobRegistry } from './job-registry';
import type { JobDefinition, JobRunner } from './types';

export interface LocalJobRunnerOptions {
  onError?: (job: string, error: unknown) => void;
}

export function createLocalJobRunner(options: LocalJobRunnerOptions = {}): JobRunner {
  const jobs = createJobRegistry();
  const timers = new Map<string, NodeJS.Timeout>();
  let started = false;

  const execute = (job: JobDefinition): Promise<boolean> =>
    jobs.exclusive(job.name, async () => {
      await job.run().catch((error) => options.onError?.(job.name, error));
      return true;
    });

  const schedule = (job: JobDefinition) => {
    const timer = setInterval(() => void execute(job), job.everySeconds * 1000);
    timer.unref();
    timers.set(job.name, timer);
  };

  return {
    define(job) {
      jobs.define(job);
      if (started) schedule(job);
    },
    async runNow(name) {
      return execute(jobs.get(name));
    },
    start() {
      if (started) return;
      started = true;
      for (const job of jobs.all()) schedule(job);
    },
    async stop() {
      started = false;
      for (const timer of timers.values()) clearInterval(timer);
      timers.clear();
      await jobs.settled();
    },
  };
}
