// Builds the admin (`strapi build`, into dist/ like `npm run build`) and runs the app with
// `strapi start` on a throw-away SQLite database, with the first administrator from env.
import { spawn, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { randomSecrets } from '../../../src/lib/secrets/check-secrets';

export const appDir = path.resolve(__dirname, '..', '..', '..');
export const artifactsDir = path.join(appDir, 'tests', 'e2e', 'artifacts');
const strapiBin = path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

export interface E2eServer {
  url: string;
  admin: { email: string; password: string };
  siteUrl: string;
  stop(): Promise<void>;
}


function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    STRAPI_TELEMETRY_DISABLED: 'true',
    NODE_ENV: 'development', // the first administrator from env is refused in production
    ...randomSecrets(),
    DATABASE_URL: '', // always SQLite, whatever the caller's environment says
    ...extra,
  };
}

function run(args: string[], env: NodeJS.ProcessEnv, log: fs.WriteStream): ChildProcess {
  const child = spawn(process.execPath, [strapiBin, ...args], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  return child;
}

function tail(file: string, lines = 40) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '';
}

/** `strapi build` unless E2E_REUSE_BUILD=true and a build exists (for quick reruns while writing tests). */
export async function buildAdmin(): Promise<void> {
  const built = fs.existsSync(path.join(appDir, 'dist', 'build', 'index.html'));
  if (process.env.E2E_REUSE_BUILD === 'true' && built) return;
  // Several spec files in one (in-band) run share the build: process.env outlives each file's sandbox.
  if (process.env.E2E_BUILT_BY === String(process.pid) && built) return;
  fs.mkdirSync(artifactsDir, { recursive: true });
  const logFile = path.join(artifactsDir, 'build.log');
  const log = fs.createWriteStream(logFile);
  const child = run(['build'], baseEnv({}), log);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  log.end();
  if (code !== 0) throw new Error(`strapi build failed (exit ${code}):\n${tail(logFile)}`);
  process.env.E2E_BUILT_BY = String(process.pid);
}

/** `extraEnv` adds to (and wins over) the test server's environment, e.g. a push allow-list. */
export async function startServer(port: number, extraEnv: Record<string, string> = {}): Promise<E2eServer> {
  const url = `http://127.0.0.1:${port}`;
  // Another server on the port would pass the health check below and be tested instead.
  const occupied = await fetch(`${url}/_health`).then(() => true, () => false);
  if (occupied) throw new Error(`Port ${port} is already in use; stop that server or set E2E_PORT.`);
  fs.mkdirSync(artifactsDir, { recursive: true });
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'));
  const admin = { email: 'editor@example.com', password: `E2e-${crypto.randomBytes(6).toString('hex')}` };
  const siteUrl = 'http://localhost:3000';
  const logFile = path.join(artifactsDir, 'server.log');
  const log = fs.createWriteStream(logFile);
  const child = run(
    ['start'],
    baseEnv({
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      SITE_URL: siteUrl,
      DATABASE_FILENAME: path.join(tmpDir, 'data.db'),
      SEED_DEMO: 'false',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ADMIN_FIRSTNAME: 'Eddie',
      ADMIN_LASTNAME: 'Editor',
      ...extraEnv,
    }),
    log,
  );
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));

  const stop = async () => {
    if (exited === undefined) {
      child.kill('SIGTERM');
      await new Promise((resolve) => {
        const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(undefined); }, 10000);
        child.on('exit', () => { clearTimeout(timer); resolve(undefined); });
      });
    }
    log.end();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      await stop();
      throw new Error(`strapi start exited (${exited}) before listening:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204) return { url, admin, siteUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`strapi start did not answer ${url}/_health within 120 s:\n${tail(logFile)}`);
}
