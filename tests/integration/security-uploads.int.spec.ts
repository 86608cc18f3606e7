// The public cannot upload; HTML, SVG and other script-capable files are refused even for
// editors' tokens, and any such file already in /uploads is served only as an attachment.
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import request from 'supertest';
import { PUBLIC_ACTIONS } from '../../src/bootstrap/public-permissions';
import { startApp, fullAccessToken, type TestApp } from '../helpers/strapi';
import { uploadImage } from '../helpers/fixtures';

let app: TestApp;
let token: string;
const files = () => app.strapi.db.query('plugin::upload.file').count({});

beforeAll(async () => {
  app = await startApp();
  token = await fullAccessToken(app.strapi);
});

afterAll(async () => {
  await app?.stop();
});

describe('the public role', () => {
  it('holds no upload permission, in code or in the database; neither does the reader role', async () => {
    expect(PUBLIC_ACTIONS.filter((a) => a.startsWith('plugin::upload'))).toEqual([]);
    for (const type of ['public', 'authenticated']) {
      const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type }, populate: ['permissions'] });
      const actions = (role.permissions as { action: string }[]).map((p) => p.action);
      expect(actions.filter((a) => a.startsWith('plugin::upload'))).toEqual([]);
    }
  });

  it('cannot upload, list or delete files', async () => {
    const before = await files();
    const up = await request(app.server).post('/api/upload').attach('files', Buffer.from('hello'), { filename: 'a.txt', contentType: 'text/plain' });
    expect(up.status).toBe(403);
    expect(up.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
    await request(app.server).get('/api/upload/files').expect(403);
    await request(app.server).delete('/api/upload/files/1').expect(403);
    expect(await files()).toBe(before);
  });

  it('cannot upload through GraphQL either', async () => {
    const res = await request(app.server).post('/graphql').send({ query: 'mutation { deleteUploadFile(id: 1) { id } }' });
    expect(res.body.errors?.length).toBeGreaterThan(0);
  });
});

describe('dangerous file types, even with a full-access token', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>alert(1)</script></svg>';
  const html = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';

  it.each([
    ['HTML', html, 'page.html', 'text/html'],
    ['SVG', svg, 'logo.svg', 'image/svg+xml'],
    ['SVG declared as a PNG', svg, 'logo.svg', 'image/png'],
    ['HTML with no type and a double extension', html, 'photo.jpg.html', 'application/octet-stream'],
    ['XHTML', html, 'page.xhtml', 'application/xhtml+xml'],
    ['JavaScript', 'alert(1)', 'x.js', 'text/javascript'],
  ])('refuses %s with a 4xx and stores nothing', async (_label, body, filename, contentType) => {
    const before = await files();
    const res = await request(app.server)
      .post('/api/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', Buffer.from(body), { filename, contentType });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.message).toMatch(/not allowed|type/i);
    expect(await files()).toBe(before);
  });

  it('stores HTML disguised as a .jpg only as an image that browsers will not sniff into HTML', async () => {
    const res = await request(app.server)
      .post('/api/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', Buffer.from(html), { filename: 'photo.jpg', contentType: 'image/jpeg' });
    if (res.status >= 400) {
      expect(res.status).toBeLessThan(500);
      return;
    }
    const served = await request(app.server).get(res.body[0].url).expect(200);
    expect(served.headers['content-type']).toMatch(/^image\/jpeg/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
  });

  it('accepts a real JPEG', async () => {
    const image = await uploadImage(app.strapi, 'ok');
    const file = path.join(app.strapi.dirs.static.public, (image.url as string).replace(/^\//, ''));
    const before = await files();
    const res = await request(app.server)
      .post('/api/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', fs.readFileSync(file), { filename: 'real.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    expect(await files()).toBe(before + 1);
  });
});

describe('serving /uploads', () => {
  const dir = () => path.join(app.strapi.dirs.static.public, 'uploads');
  const name = (ext: string) => `security-test-${crypto.randomBytes(4).toString('hex')}.${ext}`;

  it.each(['svg', 'html', 'xml'])('serves a stray .%s as an attachment in a sandbox', async (ext) => {
    const file = name(ext);
    fs.mkdirSync(dir(), { recursive: true });
    fs.writeFileSync(path.join(dir(), file), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    try {
      const res = await request(app.server).get(`/uploads/${file}`).expect(200);
      expect(res.headers['content-disposition']).toBe('attachment');
      expect(res.headers['content-security-policy']).toContain('sandbox');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      fs.rmSync(path.join(dir(), file), { force: true });
    }
  });

  it('shows images inline', async () => {
    const image = await uploadImage(app.strapi, 'inline');
    const res = await request(app.server).get(image.url as string).expect(200);
    expect(res.headers['content-type']).toMatch(/^image\/jpeg/);
    expect(res.headers['content-disposition']).toBeUndefined();
  });
});
