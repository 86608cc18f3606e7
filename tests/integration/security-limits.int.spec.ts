// HTTP hardening a client notices: headers, CORS allow-list, body and query-string limits,
// REST and GraphQL page-size and depth ceilings, no stack traces.
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { createArticle, createSection } from '../helpers/fixtures';

let app: TestApp;
const SITE = 'https://news.example.com';

beforeAll(async () => {
  app = await startApp({
    CORS_ORIGINS: `${SITE},https://partner.example.org/`,
    API_MAX_LIMIT: '5',
    GRAPHQL_MAX_LIMIT: '4',
    GRAPHQL_DEPTH_LIMIT: '4',
    BODY_JSON_LIMIT: '64kb',
    GRAPHQL_BODY_LIMIT: '16kb',
    QUERY_DEPTH_LIMIT: '8',
    RATE_LIMIT_AUTH_POINTS: '2',
  });
  const section = await createSection(app.strapi, 'Limits');
  for (let i = 0; i < 7; i += 1) await createArticle(app.strapi, { title: `Limit story ${i}`, section: section.documentId });
});

afterAll(async () => {
  await app?.stop();
});

describe('response headers', () => {
  it('drops X-Powered-By and keeps the security headers', async () => {
    const res = await request(app.server).get('/api/articles').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });
});

describe('CORS', () => {
  it('echoes a configured origin on REST and GraphQL', async () => {
    const rest = await request(app.server).get('/api/articles').set('Origin', SITE).expect(200);
    expect(rest.headers['access-control-allow-origin']).toBe(SITE);
    const partner = await request(app.server).get('/api/sections').set('Origin', 'https://partner.example.org').expect(200);
    expect(partner.headers['access-control-allow-origin']).toBe('https://partner.example.org');
    const gql = await request(app.server).post('/graphql').set('Origin', SITE).send({ query: '{ sections { name } }' }).expect(200);
    expect(gql.headers['access-control-allow-origin']).toBe(SITE);
  });

  it('gives any other origin no CORS grant, on REST, GraphQL and preflight', async () => {
    const evil = 'https://evil.example.net';
    const rest = await request(app.server).get('/api/articles').set('Origin', evil);
    expect(rest.headers['access-control-allow-origin']).toBeUndefined();
    const gql = await request(app.server).post('/graphql').set('Origin', evil).send({ query: '{ sections { name } }' });
    expect(gql.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(app.server)
      .options('/api/articles')
      .set('Origin', evil)
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const lookalike = await request(app.server).get('/api/articles').set('Origin', `${SITE}.evil.example.net`);
    expect(lookalike.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request body size', () => {
  it('answers 413 to an oversized JSON body, before authentication', async () => {
    const res = await request(app.server)
      .post('/api/articles')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ data: { title: 'x'.repeat(100 * 1024) } }));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ status: 413, name: 'PayloadTooLargeError' });
  });

  it('answers 413 to an oversized GraphQL body', async () => {
    const res = await request(app.server).post('/graphql').send({ query: `{ sections { name } } # ${'x'.repeat(32 * 1024)}` });
    expect(res.status).toBe(413);
  });

  it('answers 400, not 500, to malformed JSON', async () => {
    const res = await request(app.server).post('/api/articles').set('Content-Type', 'application/json').send('{"data": ');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.js:\d+/);
  });
});

describe('query strings', () => {
  it('does not expand nesting beyond the configured depth and answers 400', async () => {
    const deep = 'filters' + '[section]'.repeat(20) + '[name][$eq]=x';
    const res = await request(app.server).get(`/api/articles?${deep}`);
    expect(res.status).toBe(400);
    expect(res.body.error.status).toBe(400);
  });

  it('treats a huge array index as an object key, not a million-element array', async () => {
    const res = await request(app.server).get('/api/articles?filters[title][$in][999999]=x');
    expect(res.status).toBeLessThan(500);
  });

  it('never answers 5xx to prototype-pollution keys', async () => {
    for (const q of ['__proto__[polluted]=1', 'filters[__proto__][polluted]=1', 'filters[constructor][prototype][polluted]=1', 'populate[__proto__]=*']) {
      const res = await request(app.server).get(`/api/articles?${q}`);
      expect(res.status).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('page size and depth ceilings', () => {
  it('caps REST pageSize at API_MAX_LIMIT', async () => {
    const res = await request(app.server).get('/api/articles').query({ pagination: { pageSize: 1000 } }).expect(200);
    expect(res.body.data).toHaveLength(5);
    expect(res.body.meta.pagination.total).toBeGreaterThanOrEqual(7);
    const byLimit = await request(app.server).get('/api/articles').query({ pagination: { limit: 1000 } }).expect(200);
    expect(byLimit.body.data).toHaveLength(5);
  });

  it('caps GraphQL page size at GRAPHQL_MAX_LIMIT', async () => {
    const res = await request(app.server).post('/graphql').send({ query: '{ articles(pagination: { limit: 1000 }) { title } }' }).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles).toHaveLength(4);
  });

  it('refuses GraphQL queries deeper than GRAPHQL_DEPTH_LIMIT', async () => {
    const query = '{ sections { articles { section { articles { section { articles { title } } } } } } }';
    const res = await request(app.server).post('/graphql').send({ query });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/exceeds maximum operation depth of 4/);
    expect(JSON.stringify(res.body)).not.toContain('stacktrace');
  });
});

describe('client IP', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY is on: rotating it does not reset the login limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await request(app.server)
        .post('/api/auth/local')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ identifier: `nobody${i}@example.com`, password: 'wrong-password' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 429, 429]);
  });
});
