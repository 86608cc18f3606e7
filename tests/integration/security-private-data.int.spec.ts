// No public request can read or probe passwords, reset/confirmation tokens, e-mails or admin
// users. Each probe is sent twice, once with a guess that is true and once with one that is
// false: if the answers differ, the field is an oracle (Strapi advisories CVE-2023-22894,
// CVE-2023-34235 column prefixes, CVE-2026-27886 unknown/`lookup` params, createdBy populate).
import crypto from 'crypto';
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { createArticle, createSection } from '../helpers/fixtures';
import { solveCaptcha } from '../helpers/accounts';

let app: TestApp;
let readerJwt: string;
const ADMIN_EMAIL = `chief-${crypto.randomBytes(3).toString('hex')}@newsroom.example`;
const READER_EMAIL = `reader-${crypto.randomBytes(3).toString('hex')}@example.com`;
const RESET_TOKEN = `reset${crypto.randomBytes(8).toString('hex')}`;
let adminPasswordHash = '';
let readerPasswordHash = '';

/** Values that must never appear in any public answer. */
const secretValues = () => [ADMIN_EMAIL, READER_EMAIL, RESET_TOKEN, adminPasswordHash, readerPasswordHash];
/** Keys that must never carry data in a public answer (error details may name them, not fill them). */
const PRIVATE_KEYS = new Set(['password', 'resetPasswordToken', 'confirmationToken', 'registrationToken', 'createdBy', 'updatedBy', 'firstname', 'lastname', 'email']);

/** Every key of every object in a JSON value, except inside Strapi's `error` object. */
function dataKeys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => dataKeys(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'error' || k === 'errors') continue;
      out.push(k);
      dataKeys(v, out);
    }
  }
  return out;
}

function expectNoLeak(res: request.Response, allowedKeys: string[] = []) {
  const text = JSON.stringify(res.body) + (res.text ?? '');
  for (const s of secretValues()) expect(text).not.toContain(s);
  const leaked = dataKeys(res.body).filter((k) => PRIVATE_KEYS.has(k) && !allowedKeys.includes(k));
  expect(leaked).toEqual([]);
}

/** Same status and same data for a true and a false guess, and never a 5xx. */
async function expectNoOracle(path: string, truthy: Record<string, unknown>, falsy: Record<string, unknown>, auth?: string) {
  const send = (q: Record<string, unknown>) => {
    const req = request(app.server).get(path).query(q);
    return auth ? req.set('Authorization', `Bearer ${auth}`) : req;
  };
  const [a, b] = [await send(truthy), await send(falsy)];
  expect(a.status).toBeLessThan(500);
  expect(b.status).toBe(a.status);
  expect(JSON.stringify(a.body.data ?? null)).toBe(JSON.stringify(b.body.data ?? null));
  expectNoLeak(a);
  expectNoLeak(b);
  return a;
}

beforeAll(async () => {
  app = await startApp();
  const { strapi } = app;
  const section = await createSection(strapi, 'Private');
  await createArticle(strapi, { title: 'Public story one', section: section.documentId });
  await createArticle(strapi, { title: 'Public story two', section: section.documentId });

  // An editor-in-chief authored every article, as the admin panel would record it.
  const admin = await strapi.service('admin::user').create({
    email: ADMIN_EMAIL, firstname: 'Chief', lastname: 'Editor', password: 'Adm1n-password!', isActive: true, registrationToken: null,
  });
  await strapi.db.query('admin::user').update({ where: { id: admin.id }, data: { resetPasswordToken: RESET_TOKEN } });
  adminPasswordHash = (await strapi.db.query('admin::user').findOne({ where: { id: admin.id }, select: ['password'] })).password;
  for (const uid of ['api::article.article', 'api::section.section']) {
    await strapi.db.query(uid as never).updateMany({ where: {}, data: { createdBy: admin.id, updatedBy: admin.id } });
  }

  // A reader with a pending password reset.
  const reg = await request(app.server).post('/api/auth/local/register').send({ username: 'reader1', email: READER_EMAIL, password: 'Reader-passw0rd!', altcha: await solveCaptcha(app) }).expect(200);
  expect(JSON.stringify(reg.body)).not.toContain(READER_EMAIL);
  await strapi.db.query('plugin::users-permissions.user').update({ where: { email: READER_EMAIL }, data: { confirmed: true } });
  readerJwt = (await request(app.server).post('/api/auth/local').send({ identifier: READER_EMAIL, password: 'Reader-passw0rd!' }).expect(200)).body.jwt;
  await strapi.db.query('plugin::users-permissions.user').update({ where: { email: READER_EMAIL }, data: { resetPasswordToken: RESET_TOKEN, confirmationToken: RESET_TOKEN } });
  readerPasswordHash = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: READER_EMAIL }, select: ['password'] })).password;
  expect(adminPasswordHash).toMatch(/^\$2[aby]\$/);
});

afterAll(async () => {
  await app?.stop();
});

describe('filters on private fields of admin users (createdBy / updatedBy)', () => {
  it.each([
    ['password prefix', { createdBy: { password: { $startsWith: '$2' } } }, { createdBy: { password: { $startsWith: 'zz' } } }],
    ['e-mail', { createdBy: { email: { $eq: ADMIN_EMAIL } } }, { createdBy: { email: { $eq: 'nobody@example.com' } } }],
    ['reset token', { updatedBy: { resetPasswordToken: { $eq: RESET_TOKEN } } }, { updatedBy: { resetPasswordToken: { $eq: 'wrong' } } }],
    ['id', { createdBy: { id: { $notNull: true } } }, { createdBy: { id: { $null: true } } }],
    ['nested in $or', { $or: [{ createdBy: { password: { $contains: '$' } } }] }, { $or: [{ createdBy: { password: { $contains: '#' } } }] }],
    ['nested in $not', { $not: { createdBy: { email: { $eq: ADMIN_EMAIL } } } }, { $not: { createdBy: { email: { $eq: 'x@y.z' } } } }],
    ['roles', { createdBy: { roles: { code: { $eq: 'strapi-super-admin' } } } }, { createdBy: { roles: { code: { $eq: 'none' } } } }],
  ])('%s is not an oracle', async (_label, truthy, falsy) => {
    await expectNoOracle('/api/articles', { filters: truthy }, { filters: falsy });
  });
});

describe('column-prefix and raw-column tricks', () => {
  it.each([
    ['t1.password', { filters: { 't1.password': { $startsWith: '$2' } } }, { filters: { 't1.password': { $startsWith: 'zz' } } }],
    ['t0.created_by_id', { filters: { 't0.created_by_id': { $notNull: true } } }, { filters: { 't0.created_by_id': { $null: true } } }],
    ['createdBy.password dotted', { filters: { 'createdBy.password': { $startsWith: '$2' } } }, { filters: { 'createdBy.password': { $startsWith: 'zz' } } }],
    ['created_by_id column', { filters: { created_by_id: { $notNull: true } } }, { filters: { created_by_id: { $null: true } } }],
  ])('%s in filters is not an oracle', async (_label, truthy, falsy) => {
    await expectNoOracle('/api/articles', truthy, falsy);
  });

  it.each(['createdBy.password:asc', 't1.password:desc', 'createdBy.email', 'updatedBy.resetPasswordToken:asc', 'created_by_id:asc'])(
    'sort=%s is refused or ignored, never leaks',
    async (sort) => {
      const asc = await request(app.server).get('/api/articles').query({ sort });
      expect(asc.status).toBeLessThan(500);
      expectNoLeak(asc);
      if (asc.status === 200) {
        const desc = await request(app.server).get('/api/articles').query({ sort: sort.replace(/:asc$/, ':desc') });
        expect(desc.body.data.map((a: { id: number }) => a.id)).toEqual(asc.body.data.map((a: { id: number }) => a.id));
      }
    },
  );
});

describe('fields, populate and unknown parameters', () => {
  it.each([
    { populate: { createdBy: true } },
    { populate: { createdBy: { fields: ['password', 'email', 'resetPasswordToken'] } } },
    { populate: { updatedBy: { populate: '*' } } },
    { populate: '*' },
    { populate: { section: { populate: { createdBy: true } } } },
    { fields: ['title', 'createdBy', 'password'] },
    { fields: ['created_by_id'] },
  ])('%j never returns admin users', async (query) => {
    const res = await request(app.server).get('/api/articles').query(query);
    expect(res.status).toBeLessThan(500);
    expectNoLeak(res);
  });

  it('refuses the internal lookup parameter and other unknown top-level parameters', async () => {
    const lookup = await request(app.server).get('/api/articles').query({ lookup: { createdBy: { password: { $startsWith: '$2' } } } });
    expect(lookup.status).toBe(400);
    expect(lookup.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    const unknown = await request(app.server).get('/api/articles').query({ where: { createdBy: { password: { $startsWith: '$2' } } } });
    expect(unknown.status).toBe(400);
    const one = await request(app.server).get('/api/sections').query({ lookup: { id: 1 } });
    expect(one.status).toBe(400);
  });
});

describe('users-permissions users', () => {
  it('are not listable, countable or probe-able by the public', async () => {
    for (const path of ['/api/users', '/api/users/count', '/api/users/1', '/api/users/me', '/api/users-permissions/roles']) {
      const res = await request(app.server).get(path).query({ filters: { email: { $eq: READER_EMAIL } } });
      expect([401, 403]).toContain(res.status);
      expectNoLeak(res);
    }
  });

  it('a logged-in reader sees only their own safe profile, and cannot list or probe others', async () => {
    const me = await request(app.server).get('/api/users/me').set('Authorization', `Bearer ${readerJwt}`).query({ populate: '*' }).expect(200);
    expect(me.body.email).toBe(READER_EMAIL);
    const text = JSON.stringify(me.body);
    for (const s of [readerPasswordHash, RESET_TOKEN]) expect(text).not.toContain(s);
    expect(dataKeys(me.body).filter((k) => ['password', 'resetPasswordToken', 'confirmationToken'].includes(k))).toEqual([]);
    const list = await request(app.server).get('/api/users').set('Authorization', `Bearer ${readerJwt}`);
    expect(list.status).toBe(403);
    await expectNoOracle('/api/articles', { filters: { createdBy: { password: { $startsWith: '$2' } } } }, { filters: { createdBy: { password: { $startsWith: 'zz' } } } }, readerJwt);
  });
});

describe('GraphQL', () => {
  const gql = (query: string, variables?: Record<string, unknown>, jwt?: string) => {
    const req = request(app.server).post('/graphql').send({ query, variables });
    return jwt ? req.set('Authorization', `Bearer ${jwt}`) : req;
  };

  it('does not expose users or admin users to the public', async () => {
    for (const query of [
      '{ usersPermissionsUsers { email password resetPasswordToken } }',
      '{ usersPermissionsUsers_connection { nodes { email } } }',
      '{ usersPermissionsUser(id: 1) { email } }',
      '{ me { email } }',
      '{ articles { title createdBy { email password } } }',
    ]) {
      const res = await gql(query);
      expect(res.status).toBeLessThan(500);
      expect(res.body.errors?.length).toBeGreaterThan(0);
      expect(res.body.data?.usersPermissionsUsers ?? null).toBeNull();
      expectNoLeak(res);
    }
  });

  it('filters on user fields and column prefixes are not oracles', async () => {
    const queries: [string, string][] = [
      [`{ articles(filters: { createdBy: { email: { eq: "${ADMIN_EMAIL}" } } }) { title } }`, '{ articles(filters: { createdBy: { email: { eq: "x@y.z" } } }) { title } }'],
      ['{ articles(sort: "createdBy.password:asc") { title } }', '{ articles(sort: "createdBy.password:desc") { title } }'],
      ['{ articles(sort: "t1.password:asc") { title } }', '{ articles(sort: "t1.password:desc") { title } }'],
    ];
    for (const [truthy, falsy] of queries) {
      const [a, b] = [await gql(truthy), await gql(falsy)];
      expect(a.status).toBeLessThan(500);
      expect(b.status).toBe(a.status);
      expect(JSON.stringify(a.body.data ?? null)).toBe(JSON.stringify(b.body.data ?? null));
      expectNoLeak(a);
    }
  });

  it('a logged-in reader’s `me` carries no secrets', async () => {
    const res = await gql('{ me { id username email confirmed blocked } }', undefined, readerJwt).expect(200);
    expect(res.body.data.me.email).toBe(READER_EMAIL);
    const bad = await gql('{ me { password resetPasswordToken } }', undefined, readerJwt);
    expect(bad.status).toBe(400);
    expectNoLeak(bad);
  });
});

describe('the login answer', () => {
  it('does not tell whether an account exists', async () => {
    const known = await request(app.server).post('/api/auth/local').send({ identifier: READER_EMAIL, password: 'wrong-password' });
    const unknown = await request(app.server).post('/api/auth/local').send({ identifier: 'ghost@example.com', password: 'wrong-password' });
    expect(known.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(known.body.error.message).toBe(unknown.body.error.message);
  });

  it('forgot-password answers the same for known and unknown addresses', async () => {
    const known = await request(app.server).post('/api/auth/forgot-password').send({ email: READER_EMAIL, altcha: await solveCaptcha(app) });
    const unknown = await request(app.server).post('/api/auth/forgot-password').send({ email: 'ghost@example.com', altcha: await solveCaptcha(app) });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
  });
});
