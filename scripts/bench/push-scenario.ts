// Scenario p of `npm run bench`: a breaking alert fanned out to N subscriptions on a local push
// service in this (harness) process, Strapi in a child. Reports the time to deliver all, the
// Strapi process's peak memory, and whether every subscription got exactly one request.
import { fork } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import webpush from 'web-push';
import { benchEnv, distDir } from './boot';
import { startLocalPushService } from '../push/local-push-service';
import type { FanOutReport } from './push-fan-out';

export interface PushBenchResult {
  subscriptions: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  requests: number;
  exactlyOnce: boolean;
  rejected: number;
  alert: FanOutReport['alert'];
}

export async function benchPushFanOut(subscriptions: number, logDir: string, log: (line: string) => void, profileFile?: string): Promise<PushBenchResult> {
  const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:bench@newsroom-bench.org' };
  // Decrypting is the browser's work: the service checks VAPID and headers on every request.
  const service = await startLocalPushService(vapid, { decrypt: false });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-push-bench-'));
  const file = path.join(tmp, 'subscriptions.json');
  const subs = Array.from({ length: subscriptions }, (_, i) => service.subscribe(`s${i}`)).map(({ endpoint, keys }) => ({ endpoint, keys }));
  fs.writeFileSync(file, JSON.stringify(subs));
  const concurrency = 50;
  log(`[p] push fan-out: ${subscriptions} subscriptions to a local push service at ${service.origin}…`);
  fs.mkdirSync(logDir, { recursive: true });
  const out = fs.openSync(path.join(logDir, 'p.log'), 'w');
  try {
    const report = await new Promise<FanOutReport>((resolve, reject) => {
      const child = fork(path.join(distDir, 'scripts', 'bench', 'push-fan-out.js'), [], {
        env: {
          ...process.env,
          ...benchEnv({
            DATABASE_FILENAME: path.join(tmp, 'push.db'),
            VAPID_PUBLIC_KEY: vapid.publicKey,
            VAPID_PRIVATE_KEY: vapid.privateKey,
            VAPID_SUBJECT: vapid.subject,
            PUSH_ALLOWED_ORIGINS: service.origin,
            PUSH_CONCURRENCY: String(concurrency),
            PUSH_JOB_INTERVAL: '3600',
          }),
          BENCH_SUBSCRIPTIONS_FILE: file,
          ...(profileFile ? { BENCH_PUSH_PROFILE: profileFile } : {}),
        },
        stdio: ['ignore', out, out, 'ipc'],
      });
      child.on('message', (m: FanOutReport) => m.type === 'push-result' && resolve(m));
      child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`push fan-out child exited ${code}; see ${path.join(logDir, 'p.log')}`))));
    });
    const counts = service.countsById();
    const exactlyOnce = counts.size === subscriptions && [...counts.values()].every((n) => n === 1);
    const rejected = service.received.filter((r) => r.problems.length > 0).length;
    const result: PushBenchResult = {
      subscriptions,
      concurrency,
      seconds: report.seconds,
      perSecond: subscriptions / report.seconds,
      peakRssMb: report.peakRssMb,
      requests: service.received.length,
      exactlyOnce,
      rejected,
      alert: report.alert,
    };
    log(`  delivered ${report.alert.delivered}/${subscriptions} in ${report.seconds.toFixed(2)} s (${result.perSecond.toFixed(0)}/s), peak RSS ${report.peakRssMb.toFixed(0)} MB, exactly once: ${exactlyOnce ? 'yes' : 'NO'}, rejected by the service: ${rejected}`);
    return result;
  } finally {
    fs.closeSync(out);
    await service.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function pushTable(r: PushBenchResult): string {
  const rows = [
    ['subscriptions', String(r.subscriptions)],
    ['concurrency (PUSH_CONCURRENCY)', String(r.concurrency)],
    ['time to deliver all', `${r.seconds.toFixed(2)} s`],
    ['deliveries per second', r.perSecond.toFixed(0)],
    ['Strapi peak RSS', `${r.peakRssMb.toFixed(0)} MB`],
    ['requests received', String(r.requests)],
    ['each subscription exactly one request', r.exactlyOnce ? 'yes' : 'NO'],
    ['requests failing VAPID/header checks', String(r.rejected)],
    ['load average (1 min) at the end', os.loadavg()[0].toFixed(2)],
    ['alert counters (recipients/delivered/failed/expired)', `${r.alert.recipients}/${r.alert.delivered}/${r.alert.failed}/${r.alert.expired} (${r.alert.status})`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return ['push fan-out (p)', ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join('\n');
}
