// Benchmark child for the push fan-out (scenario p): boots the compiled app on a fresh SQLite
// file, stores the subscriptions the harness made, queues one breaking alert and times the
// fan-out job until every subscription was tried, sampling this process's memory meanwhile.
import fs from 'fs';
import inspector from 'inspector';
import type { Core } from '@strapi/strapi';
import { loadStrapi } from './boot';
import { platform } from '../../src/platform';
import { encodeTopics } from '../../src/plugins/push/lib/subscription-input';
import { endpointHash } from '../../src/plugins/push/server/services/subscriptions';

export interface FanOutReport {
  type: 'push-result';
  seconds: number;
  peakRssMb: number;
  alert: { recipients: number; delivered: number; failed: number; expired: number; status: string };
}

async function storeSubscriptions(strapi: Core.Strapi, file: string) {
  const subs = JSON.parse(fs.readFileSync(file, 'utf8')) as { endpoint: string; keys: { p256dh: string; auth: string } }[];
  for (let i = 0; i < subs.length; i += 1000) {
    await strapi.db.query('plugin::push.subscription').createMany({
      data: subs.slice(i, i + 1000).map((s) => ({ endpoint: s.endpoint, endpointHash: endpointHash(s.endpoint), p256dh: s.keys.p256dh, auth: s.keys.auth, topics: encodeTopics(['breaking']) })),
    });
  }
  return subs.length;
}

async function main() {
  const strapi = await loadStrapi();
  const count = await storeSubscriptions(strapi, process.env.BENCH_SUBSCRIPTIONS_FILE!);
  await strapi.plugin('push').service('alerts').enqueue({
    sourceKey: 'bench:1', title: 'Benchmark alert', body: 'One alert to every subscriber.', url: 'https://news.example.org/bench', image: null,
    topic: 'breaking', locale: null, includeUnlocalized: true,
  });
  process.stdout.write(`stored ${count} subscriptions\n`);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const profileFile = process.env.BENCH_PUSH_PROFILE;
  const profiler = new inspector.Session();
  const post = (method: string) => new Promise<any>((resolve, reject) => profiler.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  if (profileFile) {
    profiler.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  const started = process.hrtime.bigint();
  await platform(strapi).jobs.runNow('push-fan-out');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (profileFile) fs.writeFileSync(profileFile, JSON.stringify((await post('Profiler.stop')).profile));
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const alert = await strapi.db.query('plugin::push.alert').findOne({ where: { sourceKey: 'bench:1' } });
  const report: FanOutReport = { type: 'push-result', seconds, peakRssMb: peak / 1024 / 1024, alert };
  process.send?.(report);
  await strapi.destroy();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
