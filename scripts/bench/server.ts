// A benchmark Strapi process: the compiled app on the benchmark database, listening on PORT,
// counting the SQL queries of requests (knex 'query' events) and answering the harness's stats requests over IPC.
import fs from 'fs';
import inspector from 'inspector';
import type { Knex } from 'knex';
import { loadStrapi } from './boot';
import { platform } from '../../src/platform';

export interface ServerStats {
  type: 'stats';
  id: number;
  queries: number;
  rss: number;
}

async function main() {
  const strapi = await loadStrapi();
  // Per request: the queries run while a request is being handled (Strapi's request context).
  // The job runner's own queries on its timers (heartbeats, slot claims on PostgreSQL) are
  // background, counted apart; a harness-driven views flush counts everything.
  let queries = 0;
  let all = 0;
  (strapi.db.connection as unknown as Knex).on('query', () => {
    all += 1;
    if (strapi.requestContext.get()) queries += 1;
  });
  await strapi.listen();
  // Never outlive the harness (Ctrl-C, crash).
  process.on('disconnect', () => process.exit(0));
  // CPU profile of the measured load only (not the boot), on the harness's request.
  const profiler = new inspector.Session();
  process.on('message', (message: { type: string; id?: number; file?: string }) => {
    if (message.type === 'stats') {
      const stats: ServerStats = { type: 'stats', id: message.id ?? 0, queries, rss: process.memoryUsage().rss };
      process.send?.(stats);
    } else if (message.type === 'profile-start') {
      profiler.connect();
      profiler.post('Profiler.enable', () => profiler.post('Profiler.start', () => process.send?.({ type: 'profiling', id: message.id })));
    } else if (message.type === 'profile-stop') {
      profiler.post('Profiler.stop', (error, result) => {
        if (!error && message.file) fs.writeFileSync(message.file, JSON.stringify(result.profile));
        profiler.disconnect();
        process.send?.({ type: 'profiling', id: message.id });
      });
    } else if (message.type === 'views-flush') {
      // One views flush on the harness's clock, with the SQL it took and what it wrote.
      const before = all;
      platform(strapi)
        .jobs.runNow('views-flush')
        .then((ran) => {
          const write = ran ? strapi.plugin('views').service('view-store').lastWrite() : { statements: 0, rows: 0, views: 0 };
          process.send?.({ type: 'views-flushed', id: message.id, ran, queries: all - before, ...write });
        });
    } else if (message.type === 'stop') {
      strapi.destroy().finally(() => process.exit(0));
    }
  });
  process.send?.({ type: 'ready' });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
