// Backups: `strapi export` of a seeded newsroom and `strapi import` into an empty database (the
// commands the README documents, run as a person would) serve the same article page.
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createDeployment, json, startInstance, type Deployment } from '../helpers/cluster';

const appDir = path.resolve(__dirname, '..', '..');
let source: Deployment;
let target: Deployment;
let dir: string;

function strapiCli(deployment: Deployment, args: string[]): Promise<string> {
  const { ADMIN_EMAIL: _e, ADMIN_PASSWORD: _p, ...env } = deployment.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), ...args], {
      cwd: appDir,
      env: { ...process.env, ...env, SEED_DEMO: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`strapi ${args.join(' ')} exited ${code}:\n${output.slice(-4000)}`))));
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-'));
  source = await createDeployment({ SEED_DEMO: 'true' });
  target = await createDeployment();
});
afterAll(async () => {
  await source?.drop();
  await target?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('an export imported into an empty database serves the same article page', async () => {
  const original = await startInstance(source, 'source');
  await original.ready();
  const feed = await json(`${original.url}/api/feeds/articles?limit=1`);
  const slug = feed.body.data[0].slug as string;
  const before = await json(`${original.url}/api/articles/by-slug/${slug}`);
  expect(before.status).toBe(200);
  expect(await original.stop('SIGTERM')).toBe(0);

  const file = path.join(dir, 'newsroom-backup');
  await strapiCli(source, ['export', '--no-encrypt', '-f', file]);
  expect(fs.existsSync(`${file}.tar.gz`)).toBe(true);
  await strapiCli(target, ['import', '-f', `${file}.tar.gz`, '--force']);

  const restored = await startInstance(target, 'restored');
  try {
    await restored.ready();
    const after = await json(`${restored.url}/api/articles/by-slug/${slug}`);
    expect(after.status).toBe(200);
    // View counts live in the views plugin's own tables, which Strapi's data transfer leaves out
    // (README, Backups: pg_dump keeps them); everything else on the page must come back as it was.
    const withoutViews = (body: { data: Record<string, unknown> }) => ({ ...body, data: { ...body.data, viewCount: undefined } });
    expect(withoutViews(after.body)).toEqual(withoutViews(before.body));
    expect(before.body.data.viewCount).toBeGreaterThan(0);
  } finally {
    await restored.stop('SIGKILL');
  }
});
