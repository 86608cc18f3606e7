// Graceful shutdown on SIGTERM/SIGINT (replacing Strapi's, which cuts open connections):
// /_ready turns 503, the listener closes after SHUTDOWN_DRAIN_DELAY, in-flight requests finish
// (at most SHUTDOWN_TIMEOUT), idle keep-alive connections are closed, then Strapi shuts down.
import type { Server } from 'http';
import type { Core } from '@strapi/strapi';
import { platform, platformConfig } from './index';

export function gracefulShutdown(strapi: Core.Strapi): void {
  // `strapi develop` restarts on every change and Ctrl-C should stop it at once (open admin tabs
  // hold websockets that a drain would wait for): Strapi's own handler stays there.
  if (strapi.config.get('autoReload')) return;
  const server = strapi.server.httpServer as Server;
  // Installed only by a listening server (not by tests that mount the app for supertest).
  server.once('listening', () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.removeAllListeners(signal); // Strapi's destroyOnSignal
      process.once(signal, () => void drain(strapi, server, signal));
    }
  });
}

async function drain(strapi: Core.Strapi, server: Server, signal: string) {
  const { timeoutSeconds, drainDelaySeconds } = platformConfig(strapi).shutdown;
  strapi.log.info(`${signal}: draining (finishing in-flight requests, at most ${timeoutSeconds} s)`);
  platform(strapi).readiness = 'draining';
  if (drainDelaySeconds > 0) await new Promise((r) => setTimeout(r, drainDelaySeconds * 1000));
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutSeconds * 1000).unref());
  if ((await Promise.race([closed, deadline])) === 'timeout') {
    strapi.log.warn(`Shutdown: requests still open after ${timeoutSeconds} s; closing them`);
    server.closeAllConnections();
  }
  clearInterval(idle);
  let code = 0;
  try {
    await strapi.destroy();
  } catch (error) {
    strapi.log.error(`Shutdown failed: ${(error as Error).message}`);
    code = 1;
  }
  process.exit(code);
}
