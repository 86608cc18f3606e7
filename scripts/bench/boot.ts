// Boots the compiled application for the benchmark: production mode, throw-away secrets,
// no demo seed, no admin panel, on the benchmark database given by the caller.
import path from 'path';
import type { Core } from '@strapi/strapi';
import webpush from 'web-push';
import { randomSecrets } from '../../src/lib/secrets/check-secrets';

/** This file runs from <app>/.tmp/bench-dist/scripts/bench, inside the compiled app. */
export const distDir = path.resolve(__dirname, '..', '..');
export const appDir = path.resolve(distDir, '..', '..');


/** The environment of a benchmark Strapi process; `extra` wins (database file, port, cache switch). */
export function benchEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    SEED_DEMO: 'false',
    HOST: '127.0.0.1',
    ...randomSecrets(),
    ...vapidKeys(),
    ...smtpSettings(),
    // The load generator is one client hammering /s/ and the feeds; limits meant for the
    // open internet would turn the measurement into a measurement of 429s.
    RATE_LIMIT_ENABLED: 'false',
    ...extra,
  };
}

/** Production refuses to start without a Web Push identity; a throw-away one for the benchmark. */
function vapidKeys(): Record<string, string> {
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: 'mailto:bench@newsroom-bench.org' };
}

/**
 * Production refuses to start without SMTP settings; the benchmark sends no mail, so a server
 * nothing listens on (nodemailer connects only when a message is sent).
 */
function smtpSettings(): Record<string, string> {
  return { SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525', SMTP_SECURE: 'false', SMTP_USER: 'bench', SMTP_PASS: 'bench', EMAIL_FROM: 'bench@newsroom-bench.org', EMAIL_REPLY_TO: 'bench@newsroom-bench.org' };
}

export async function loadStrapi(): Promise<Core.Strapi> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  return createStrapi({ appDir, distDir, serveAdminPanel: false } as Parameters<typeof createStrapi>[0]).load();
}

/** The entry of a bench script run as its own process: exits 0 when `main` resolves, 1 (with the error) when it fails. */
export function runMain(mod: NodeModule, main: () => Promise<unknown>): void {
  if (require.main !== mod) return;
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
