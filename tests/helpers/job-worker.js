// A process that runs the PostgreSQL job runner (as compiled for the tests) with two jobs that
// record each run in <schema>.job_results: "tick" every second, and "long" (run with RUN_NOW=long)
// that takes JOB_SLEEP_MS. The multi-instance suite starts several and kills some mid-run.
const path = require('path');
const knex = require('knex');

const dist = process.env.NEWSROOM_TEST_DIST;
const { createPgJobRunner } = require(path.join(dist, 'src', 'lib', 'shared-state', 'pg-jobs.js'));
const schema = process.env.JOB_SCHEMA;
const name = process.env.WORKER_NAME;
const sleepMs = Number(process.env.JOB_SLEEP_MS || 0);
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 4 } });
const record = (job) => db.raw(`INSERT INTO "${schema}".job_results (job, worker, at) VALUES (?, ?, clock_timestamp())`, [job, name]);

const jobs = (process.env.JOBS || 'tick').split(',');
const runner = createPgJobRunner({ db, schema, leaseSeconds: Number(process.env.JOB_LEASE_SECONDS || 30), onError: (job, e) => console.error(`${job}: ${e.message}`) });
if (jobs.includes('tick')) runner.define({ name: 'tick', everySeconds: 1, run: () => record('tick') });
if (jobs.includes('long')) {
  runner.define({
    name: 'long',
    everySeconds: 3600,
    run: async () => {
      await record('long:start');
      await new Promise((r) => setTimeout(r, sleepMs));
      await record('long:done');
    },
  });
}
runner.ready().then(async () => {
  runner.start();
  console.log('ready');
  if (process.env.RUN_NOW) console.log(`ran ${process.env.RUN_NOW}: ${await runner.runNow(process.env.RUN_NOW)}`);
});
process.on('SIGTERM', async () => {
  await runner.stop();
  await db.destroy();
  process.exit(0);
});
