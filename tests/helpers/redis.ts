// Redis for tests: the shared server (TEST_REDIS_URL, default 127.0.0.1:6379) with a unique key
// prefix per test, or a private `redis-server` on a random port that a test stops by its own pid.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import net from 'net';
import { freePort } from './ports';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** Synchronous probe (describe blocks cannot await). CI sets REQUIRE_REDIS=1 so absence fails instead of skipping. */
export function redisAvailable(url = TEST_REDIS_URL): boolean {
  const { port, hostname } = new URL(url);
  const probe = spawnSync(process.execPath, ['-e', `
    const s = require('net').connect(${Number(port) || 6379}, ${JSON.stringify(hostname)});
    s.setTimeout(1000, () => process.exit(1));
    s.on('error', () => process.exit(1));
    s.on('connect', () => s.write('PING\\r\\n'));
    s.on('data', (d) => process.exit(String(d).startsWith('+PONG') ? 0 : 1));
  `], { timeout: 3000 });
  const ok = probe.status === 0;
  if (!ok && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but Redis at ${url} does not answer`);
  return ok;
}

export function redisServerInstalled(): boolean {
  const ok = spawnSync('redis-server', ['--version']).status === 0;
  if (!ok && process.env.REQUIRE_REDIS === '1') throw new Error('REQUIRE_REDIS=1 but redis-server is not installed');
  return ok;
}

export const uniquePrefix = (label = 't') => `test:${label}:${crypto.randomBytes(5).toString('hex')}:`;

export interface PrivateRedis {
  url: string;
  port: number;
  /** Kills this server (by its own pid) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** SIGSTOP / SIGCONT: a Redis that accepts connections but answers nothing (slow). */
  pause(): void;
  resume(): void;
}

async function waitForPort(port: number, up: boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.on('connect', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (open === up) return;
    if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not ${up ? 'start' : 'stop'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPort(port, true);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGCONT');
    running.kill('SIGKILL');
    await exited;
    await waitForPort(port, false);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    start,
    stop,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
  };
}
