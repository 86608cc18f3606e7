// Production refuses to start without real secrets (naming them), and once started hides
// stack traces and schema introspection from clients.
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import webpush from 'web-push';
import { startApp, type TestApp } from '../helpers/strapi';

const appDir = path.resolve(__dirname, '..', '..');
const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY'];
const REAL = 'Zq3v8PpN1xWm4TcYh7LrBd2KsG6fJa9E';
const VAPID_KEYS = webpush.generateVAPIDKeys();
/** Web Push identity: production needs a real key pair and a mailto:/https: subject too. */
const VAPID = { VAPID_PUBLIC_KEY: VAPID_KEYS.publicKey, VAPID_PRIVATE_KEY: VAPID_KEYS.privateKey, VAPID_SUBJECT: 'mailto:push-desk@newsroom-tests.org' };

/** Loads the compiled app in a child process, as `npm start` would, and reports how it ended. */
function bootInChild(env: Record<string, string | undefined>) {
  const script = `
    const { createStrapi } = require('@strapi/strapi');
    createStrapi({ appDir: ${JSON.stringify(appDir)}, distDir: ${JSON.stringify(process.env.NEWSROOM_TEST_DIST)} })
      .load()
      .then(async (s) => { console.log('BOOTED'); await s.destroy(); process.exit(0); })
      .catch((e) => { console.error(e && e.message); process.exit(3); });`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-prod-'));
  const base: Record<string, string | undefined> = { ...process.env };
  for (const name of [...SECRETS, ...Object.keys(VAPID)]) delete base[name];
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: appDir,
    env: { ...base, STRAPI_TELEMETRY_DISABLED: 'true', DATABASE_URL: '', DATABASE_FILENAME: path.join(tmp, 'data.db'), ...env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 120000,
  });
  fs.rmSync(tmp, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('starting in production', () => {
  it('refuses missing secrets and names every one', () => {
    const { status, output } = bootInChild({ NODE_ENV: 'production' });
    expect(status).not.toBe(0);
    expect(output).not.toContain('BOOTED');
    expect(output).toMatch(/Refusing to start in production/);
    for (const name of SECRETS) expect(output).toContain(name);
  });

  it('refuses the example values from .env.example and generated development values, naming only those', () => {
    const { status, output } = bootInChild({
      NODE_ENV: 'production',
      APP_KEYS: 'toBeModified1,toBeModified2',
      API_TOKEN_SALT: REAL,
      ADMIN_JWT_SECRET: 'tobemodified',
      JWT_SECRET: `dev-${REAL}`,
      TRANSFER_TOKEN_SALT: REAL,
      ENCRYPTION_KEY: REAL,
    });
    expect(status).not.toBe(0);
    const line = output.split('\n').find((l) => l.includes('Refusing to start')) ?? '';
    expect(line).toContain('APP_KEYS, ADMIN_JWT_SECRET, JWT_SECRET');
    expect(line).not.toMatch(/API_TOKEN_SALT|TRANSFER_TOKEN_SALT|ENCRYPTION_KEY/);
  });

  const realSecrets = () => Object.fromEntries(SECRETS.map((n) => [n, n === 'APP_KEYS' ? `${REAL}a,${REAL}b` : `${REAL}${n}`]));

  it('refuses to start without SMTP settings, naming the SMTP variables', () => {
    const { status, output } = bootInChild({ NODE_ENV: 'production', ...realSecrets(), ...VAPID, SMTP_HOST: '' });
    expect(status).not.toBe(0);
    expect(output).not.toContain('BOOTED');
    expect(output).toMatch(/Refusing to start in production without SMTP settings/);
    for (const name of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASS', 'EMAIL_FROM']) expect(output).toContain(name);
  });

  it('starts with real secrets', () => {
    const { status, output } = bootInChild({ NODE_ENV: 'production', ...realSecrets(), ...VAPID, SMTP_HOST: '127.0.0.1' });
    expect(output).toContain('BOOTED');
    expect(status).toBe(0);
  });

  it('refuses missing VAPID keys and a subject that is not a real mailto: or https: URL, naming each variable', () => {
    // Empty, not absent: a developer's .env (read by the child) must not fill them in.
    const missing = bootInChild({ NODE_ENV: 'production', ...realSecrets(), SMTP_HOST: '127.0.0.1', VAPID_PUBLIC_KEY: '', VAPID_PRIVATE_KEY: '', VAPID_SUBJECT: '' });
    expect(missing.status).not.toBe(0);
    const line = missing.output.split('\n').find((l) => l.includes('Refusing to start')) ?? '';
    expect(line).toMatch(/VAPID_PUBLIC_KEY is missing; VAPID_PRIVATE_KEY is missing; VAPID_SUBJECT is missing/);
    for (const subject of ['http://newsroom-tests.org/contact', 'mailto:push@localhost.invalid', 'push-desk']) {
      const bad = bootInChild({ NODE_ENV: 'production', ...realSecrets(), SMTP_HOST: '127.0.0.1', ...VAPID, VAPID_SUBJECT: subject });
      expect(bad.status).not.toBe(0);
      expect(bad.output).toMatch(/Refusing to start in production: VAPID_SUBJECT must be/);
      expect(bad.output).not.toMatch(/VAPID_(PUBLIC|PRIVATE)_KEY/);
    }
  });
});

describe('a production server', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp({ NODE_ENV: 'production', SMTP_HOST: '127.0.0.1', ...VAPID });
  });

  afterAll(async () => {
    await app?.stop();
    process.env.NODE_ENV = 'test';
  });

  it('sends no stack traces in GraphQL errors', async () => {
    for (const query of ['{ articles(', '{ articles { nope } }', '{ articles(pagination: { limit: "x" }) { title } }']) {
      const res = await request(app.server).post('/graphql').send({ query });
      expect(res.status).toBe(400);
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|\.js:\d+|node_modules/);
    }
  });

  it('does not answer schema introspection', async () => {
    const res = await request(app.server).post('/graphql').send({ query: '{ __schema { types { name } } }' });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(JSON.stringify(res.body)).toMatch(/introspection/i);
  });

  it('sends no stack traces in REST errors', async () => {
    const responses = [
      await request(app.server).post('/api/articles').set('Content-Type', 'application/json').send('{"data": '),
      await request(app.server).get('/api/articles').query({ filters: { nope: { $eq: 1 } } }),
      await request(app.server).get('/api/articles').query({ sort: { $where: 'x' } }),
    ];
    for (const res of responses) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body).toEqual({ data: null, error: expect.objectContaining({ status: res.status, message: expect.any(String) }) });
      expect(JSON.stringify(res.body)).not.toMatch(/stack|\.js:\d+|node_modules/);
    }
  });
});
