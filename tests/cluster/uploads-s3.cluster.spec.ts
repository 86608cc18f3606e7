// UPLOAD_PROVIDER=s3: a file uploaded through instance A lands, with its formats, in an
// S3-compatible store (s3rver, started here, offline) and instance B serves the same media.
import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import { adminSession, createDeployment, freePort, json, startInstance, type Deployment, type Instance } from '../helpers/cluster';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver');

let s3: { close(): Promise<void> };
let s3Dir: string;
let s3Url: string;
let site: Deployment;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const port = await freePort();
  s3 = new S3rver({ port, address: '127.0.0.1', directory: s3Dir, silent: true, configureBuckets: [{ name: 'media' }] });
  await (s3 as unknown as { run(): Promise<unknown> }).run();
  s3Url = `http://127.0.0.1:${port}`;
  site = await createDeployment({
    UPLOAD_PROVIDER: 's3',
    S3_ENDPOINT: s3Url,
    S3_BUCKET: 'media',
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    S3_PUBLIC_URL: `${s3Url}/media`,
  });
  a = await startInstance(site, 'A');
  await a.ready();
  b = await startInstance(site, 'B');
  await b.ready();
});

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((i) => i.stop('SIGKILL')));
  await site?.drop();
  await s3?.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
});

it('an image uploaded through A is stored in the bucket with its formats and served through B', async () => {
  const { api } = await adminSession(a, site);
  const image = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  const form = new FormData();
  form.append('files', new Blob([image], { type: 'image/jpeg' }), 'harbour-at-dawn.jpg');
  const upload = await fetch(`${a.url}/api/upload`, { method: 'POST', headers: api, body: form });
  expect(upload.status).toBe(201);
  const [uploaded] = (await upload.json()) as Array<{ id: number }>;

  const seen = await json(`${b.url}/api/upload/files/${uploaded.id}`, { headers: api });
  expect(seen.status).toBe(200);
  const file = seen.body as { url: string; provider: string; formats: Record<string, { url: string }> };
  expect(file.provider).toBe('aws-s3');
  expect(file.url.startsWith(`${s3Url}/media/`)).toBe(true);
  expect(Object.keys(file.formats).sort()).toEqual(['large', 'medium', 'small', 'thumbnail']);
  for (const url of [file.url, ...Object.values(file.formats).map((f) => f.url)]) {
    expect(url.startsWith(`${s3Url}/media/`)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).format).toBe('jpeg');
  }
  // Nothing written to the instances' local disk.
  expect(fs.existsSync(path.join(__dirname, '..', '..', 'public', 'uploads', path.basename(file.url)))).toBe(false);

  // Deleting through B removes the objects for everyone.
  expect((await fetch(`${b.url}/api/upload/files/${uploaded.id}`, { method: 'DELETE', headers: api })).status).toBe(200);
  expect((await fetch(file.url)).status).toBe(404);
});
