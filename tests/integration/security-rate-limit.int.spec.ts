// Login, registration, password reset and short-URL redirects are limited per client IP,
// behind a trusted proxy, over REST and GraphQL, however the body or the path is varied.
import crypto from 'crypto';
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { solveCaptcha } from '../helpers/accounts';

let app: TestApp;
const POINTS = 3;

/** A fresh client address per test, so buckets never leak between tests. */
let n = 0;
const freshIp = () => `198.51.100.${(n += 1)}`;
const email = () => `reader-${crypto.randomBytes(4).toString('hex')}@example.com`;

beforeAll(async () => {
  app = await startApp({
    TRUST_PROXY: 'true',
    RATE_LIMIT_AUTH_POINTS: String(POINTS),
    RATE_LIMIT_AUTH_DURATION: '600',
    RATE_LIMIT_REDIRECT_MISS_POINTS: '5',
    RATE_LIMIT_PUSH_POINTS: '2',
  });
});

afterAll(async () => {
  await app?.stop();
});

const users = () => app.strapi.db.query('plugin::users-permissions.user').count({});

describe('push subscriptions', () => {
  it('limits subscribe and unsubscribe requests per IP, together', async () => {
    const ip = freshIp();
    const statuses = [
      (await request(app.server).post('/api/push/subscriptions').set('X-Forwarded-For', ip).send({ endpoint: 'x' })).status,
      (await request(app.server).delete('/api/push/subscriptions').set('X-Forwarded-For', ip).query({ endpoint: 'x', auth: 'y' })).status,
      (await request(app.server).post('/api/push/subscriptions').set('X-Forwarded-For', ip).send({ endpoint: 'x' })).status,
    ];
    expect(statuses).toEqual([400, 404, 429]);
    expect((await request(app.server).post('/api/push/subscriptions').set('X-Forwarded-For', freshIp()).send({ endpoint: 'x' })).status).toBe(400);
  });

  it('counts GraphQL pushSubscribe and pushUnsubscribe, aliases included, in the same bucket', async () => {
    const ip = freshIp();
    const query = 'mutation { a: pushUnsubscribe(endpoint: "x", auth: "y") b: pushUnsubscribe(endpoint: "x", auth: "y") c: pushUnsubscribe(endpoint: "x", auth: "y") }';
    const res = await request(app.server).post('/graphql').set('X-Forwarded-For', ip).send({ query });
    expect(res.status).toBe(429);
    expect(res.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('REST auth routes', () => {
  it('limits login attempts per IP and answers 429 in Strapi’s error shape with Retry-After', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < POINTS + 2; i += 1) {
      last = await request(app.server).post('/api/auth/local').set('X-Forwarded-For', ip).send({ identifier: email(), password: 'wrong' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    expect(last!.body).toEqual({
      data: null,
      error: expect.objectContaining({ status: 429, name: 'RateLimitError', message: expect.stringMatching(/too many requests/i) }),
    });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not affected.
    await request(app.server).post('/api/auth/local').set('X-Forwarded-For', freshIp()).send({ identifier: 'x@example.com', password: 'wrong' }).expect(400);
  });

  it('does not let rotating the e-mail in the body get around the registration limit, and registers nobody once limited', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < POINTS; i += 1) {
      const res = await request(app.server)
        .post('/api/auth/local/register')
        .set('X-Forwarded-For', ip)
        .send({ username: `reader${crypto.randomBytes(3).toString('hex')}`, email: email(), password: 'a-long-Passw0rd!', altcha: await solveCaptcha(app) });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    const before = await users();
    const blocked = await request(app.server)
      .post('/api/auth/local/register')
      .set('X-Forwarded-For', ip)
      .send({ username: 'oneMore', email: email(), password: 'a-long-Passw0rd!', altcha: await solveCaptcha(app) });
    expect(blocked.status).toBe(429);
    expect(await users()).toBe(before);
  });

  it('limits forgot-password and reset-password per IP whatever the e-mail or code', async () => {
    const ip = freshIp();
    const forgot: number[] = [];
    for (let i = 0; i < POINTS + 1; i += 1) {
      forgot.push((await request(app.server).post('/api/auth/forgot-password').set('X-Forwarded-For', ip).send({ email: email() })).status);
    }
    expect(forgot.slice(0, POINTS).every((s) => s < 429)).toBe(true);
    expect(forgot[POINTS]).toBe(429);

    const reset: number[] = [];
    for (let i = 0; i < POINTS + 1; i += 1) {
      const body = { code: crypto.randomBytes(8).toString('hex'), password: 'N3w-password!', passwordConfirmation: 'N3w-password!' };
      reset.push((await request(app.server).post('/api/auth/reset-password').set('X-Forwarded-For', ip).send(body)).status);
    }
    expect(reset.slice(0, POINTS)).toEqual(Array(POINTS).fill(400));
    expect(reset[POINTS]).toBe(429);
  });

  it('limits e-mail confirmation token guesses and admin logins per IP too', async () => {
    const ip = freshIp();
    const confirm: number[] = [];
    for (let i = 0; i < POINTS + 1; i += 1) {
      confirm.push((await request(app.server).get('/api/auth/email-confirmation').set('X-Forwarded-For', ip).query({ confirmation: crypto.randomBytes(8).toString('hex') })).status);
    }
    expect(confirm.slice(0, POINTS).every((s) => s !== 429 && s < 500)).toBe(true);
    expect(confirm[POINTS]).toBe(429);

    const adminIp = freshIp();
    const admin: number[] = [];
    for (let i = 0; i < POINTS + 1; i += 1) {
      admin.push((await request(app.server).post('/admin/login').set('X-Forwarded-For', adminIp).send({ email: email(), password: 'wrong-Passw0rd' })).status);
    }
    expect(admin.slice(0, POINTS)).toEqual(Array(POINTS).fill(400));
    expect(admin[POINTS]).toBe(429);
  });

  it('counts other spellings of the same route in the same bucket', async () => {
    const ip = freshIp();
    const paths = ['/api/auth/local', '/API/auth/local', '/api/auth/local/', '/api//auth/local'];
    const statuses: number[] = [];
    for (const path of paths) {
      statuses.push((await request(app.server).post(path).set('X-Forwarded-For', ip).send({ identifier: email(), password: 'wrong' })).status);
    }
    expect(statuses[POINTS]).toBe(429);
  });

  it('keys on the address our proxy saw, not on entries the client prepended to X-Forwarded-For', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < POINTS + 1; i += 1) {
      const res = await request(app.server)
        .post('/api/auth/local')
        .set('X-Forwarded-For', `10.0.0.${i + 1}, ${ip}`)
        .send({ identifier: email(), password: 'wrong' });
      statuses.push(res.status);
    }
    expect(statuses[POINTS]).toBe(429);
  });
});

describe('GraphQL auth mutations', () => {
  const login = (alias: string) => `${alias}: login(input: { identifier: "${email()}", password: "wrong" }) { jwt }`;

  it('share the REST bucket of their route', async () => {
    const ip = freshIp();
    for (let i = 0; i < POINTS; i += 1) {
      await request(app.server).post('/api/auth/local').set('X-Forwarded-For', ip).send({ identifier: email(), password: 'wrong' }).expect(400);
    }
    const res = await request(app.server).post('/graphql').set('X-Forwarded-For', ip).send({ query: `mutation { ${login('a')} }` });
    expect(res.status).toBe(429);
    expect(res.body.errors[0]).toMatchObject({ message: expect.stringMatching(/too many requests/i), extensions: { code: 'TOO_MANY_REQUESTS' } });
  });

  it('count every aliased login in one request', async () => {
    const ip = freshIp();
    const single = await request(app.server).post('/graphql').set('X-Forwarded-For', ip).send({ query: `mutation { ${login('a')} }` });
    expect(single.status).not.toBe(429);
    expect(single.body.errors[0].message).toMatch(/Invalid identifier or password/);
    const batch = await request(app.server)
      .post('/graphql')
      .set('X-Forwarded-For', ip)
      .send({ query: `mutation { ${['a', 'b', 'c', 'd', 'e'].map(login).join(' ')} }` });
    expect(batch.status).toBe(429);
  });
});

describe('short-URL redirects', () => {
  it('misses are limited per IP on every code under /s/', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await request(app.server).get(`/s/code${i}`).set('X-Forwarded-For', ip)).status);
    }
    expect(statuses.slice(0, 5).every((s) => s !== 429 && s < 500)).toBe(true);
    expect(statuses[5]).toBe(429);
    expect((await request(app.server).get('/s/code0').set('X-Forwarded-For', freshIp())).status).not.toBe(429);
  });
});

describe('the rest of the API', () => {
  it('is not rate-limited by these rules', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i += 1) await request(app.server).get('/api/sections').set('X-Forwarded-For', ip).expect(200);
  });
});
