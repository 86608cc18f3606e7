// Jobs run once per slot across processes sharing one PostgreSQL database, and a run whose
// process dies is taken over by a survivor (src/lib/shared-state/pg-jobs.ts), in real processes.
import { spawn, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import path from 'path';
import { PG_URL, pg, within } from '../helpers/cluster';

const worker = path.resolve(__dirname, '..', 'helpers', 'job-worker.js');
let schema: string;
const children: ChildProcess[] = [];

function startWorker(name: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [worker], {
    env: { ...process.env, DATABASE_URL: PG_URL, JOB_SCHEMA: schema, WORKER_NAME: name, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stderr!.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output += d;
      if (String(d).includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker ${name} exited (${code}): ${output}`)));
  });
}

async function stopAll() {
  await Promise.all(
    children.splice(0).map((child) =>
      child.exitCode !== null || child.signalCode ? null : new Promise((r) => { child.once('exit', r); child.kill('SIGKILL'); }),
    ),
  );
}

beforeEach(async () => {
  schema = `j_${crypto.randomBytes(5).toString('hex')}`;
  await pg(`CREATE SCHEMA "${schema}"`);
  await pg(`CREATE TABLE "${schema}".job_results (job text, worker text, at timestamptz)`);
});
afterEach(async () => {
  await stopAll();
  await pg(`DROP SCHEMA "${schema}" CASCADE`);
});

it('three processes run a every-second job exactly once per slot', async () => {
  await Promise.all(['a', 'b', 'c'].map((n) => startWorker(n, { JOBS: 'tick' })));
  await new Promise((r) => setTimeout(r, 4500));
  await stopAll();
  const runs = await pg<{ slot: string; owner: string; finished: boolean }>(`SELECT slot, owner, finished_at IS NOT NULL AS finished FROM "${schema}".newsroom_job_runs WHERE job = 'tick' ORDER BY slot`);
  const results = await pg<{ second: string; worker: string }>(`SELECT floor(extract(epoch FROM at))::bigint AS second, worker FROM "${schema}".job_results WHERE job = 'tick'`);
  expect(runs.length).toBeGreaterThanOrEqual(3);
  // One run recorded per claimed slot, never two in one second.
  expect(results.length).toBe(runs.filter((r) => r.finished).length);
  expect(new Set(results.map((r) => r.second)).size).toBe(results.length);
  const slots = runs.map((r) => Number(r.slot));
  expect(new Set(slots).size).toBe(slots.length);
  expect(slots[slots.length - 1] - slots[0]).toBe(slots.length - 1); // no slot skipped
});

it('a run whose process is killed mid-run moves to one survivor', async () => {
  const a = await startWorker('a', { JOBS: 'long', JOB_LEASE_SECONDS: '1', JOB_SLEEP_MS: '60000', RUN_NOW: 'long' });
  await within(10_000, async () => (await pg(`SELECT 1 FROM "${schema}".job_results WHERE job = 'long:start'`)).length === 1);
  await Promise.all(['b', 'c'].map((n) => startWorker(n, { JOBS: 'long', JOB_LEASE_SECONDS: '1', JOB_SLEEP_MS: '100' })));
  // While A heartbeats nobody else runs the job.
  await new Promise((r) => setTimeout(r, 2500));
  expect(await pg(`SELECT worker FROM "${schema}".job_results WHERE job = 'long:start'`)).toEqual([{ worker: 'a' }]);
  await new Promise((r) => { a.once('exit', r); a.kill('SIGKILL'); });

  await within(10_000, async () => (await pg(`SELECT 1 FROM "${schema}".job_results WHERE job = 'long:done'`)).length === 1);
  await new Promise((r) => setTimeout(r, 1500)); // room for a wrong second takeover
  const results = await pg<{ job: string; worker: string }>(`SELECT job, worker FROM "${schema}".job_results ORDER BY at`);
  expect(results.map((r) => r.job)).toEqual(['long:start', 'long:start', 'long:done']);
  const survivor = results[1].worker;
  expect(['b', 'c']).toContain(survivor);
  expect(results[2].worker).toBe(survivor);
  const [run] = await pg<{ owner: string; attempts: number; finished: boolean }>(`SELECT owner, attempts, finished_at IS NOT NULL AS finished FROM "${schema}".newsroom_job_runs WHERE job = 'long'`);
  expect(run).toMatchObject({ attempts: 2, finished: true });
});
