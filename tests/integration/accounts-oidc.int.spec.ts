// Social login through the generic OpenID Connect provider, end to end against a local mock
// OpenID provider (oauth2-mock-server) started by the test.
import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { unique } from '../helpers/accounts';

let app: TestApp;
let idp: ChildProcess;
let issuer: string;
const username = `social${unique()}`;
const email = `${username}@idp.example.com`;

async function startIdp(): Promise<string> {
  idp = spawn(process.execPath, [path.join(__dirname, '..', 'helpers', 'oidc-mock-server.js')], {
    env: { ...process.env, MOCK_OIDC_EMAIL: email, MOCK_OIDC_USERNAME: username },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    idp.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).url);
    });
    idp.on('exit', (code) => reject(new Error(`mock OpenID provider exited with ${code}`)));
  });
}

beforeAll(async () => {
  issuer = await startIdp();
  app = await startApp({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: 'newsroom-test',
    OIDC_CLIENT_SECRET: 'newsroom-test-secret',
    OIDC_REDIRECT_URL: 'http://site.example.test/connect/oidc/redirect',
    PUBLIC_URL: 'http://cms.example.test',
  });
  await app.strapi.documents('plugin::accounts.privacy-policy' as never).create({ data: { version: 1, text: 'Policy one' } as never, status: 'published' } as never);
});

afterAll(async () => {
  await app?.stop();
  idp?.kill('SIGTERM');
});

describe('OpenID Connect login', () => {
  it('connect → identity provider → callback → site → JWT; then consent and delete with the fresh login', async () => {
    const agent = request.agent(app.server);
    const start = await agent.get('/api/connect/oidc').expect(302);
    const authorize = new URL(start.headers.location);
    expect(authorize.origin + authorize.pathname).toBe(`${issuer}/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe('newsroom-test');
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://cms.example.test/api/connect/oidc/callback');

    const atIdp = await fetch(authorize, { redirect: 'manual' });
    expect(atIdp.status).toBe(302);
    const back = new URL(atIdp.headers.get('location')!);
    expect(back.pathname).toBe('/api/connect/oidc/callback');

    const toSite = await agent.get(back.pathname + back.search).expect(302);
    const site = new URL(toSite.headers.location);
    expect(site.origin + site.pathname).toBe('http://site.example.test/connect/oidc/redirect');
    expect(site.search).not.toMatch(/token/); // the tokens stay in the server-side session

    // The site's page calls back with the same browser session.
    const login = await agent.get('/api/auth/oidc/callback').expect(200);
    expect(login.body.user).toEqual(expect.objectContaining({ email, username, provider: 'oidc', confirmed: true }));
    const auth = { Authorization: `Bearer ${login.body.jwt}` };

    const me = await request(app.server).get('/api/users/me').set(auth).expect(200);
    expect(me.body.privacy).toEqual({ acceptedVersion: null, currentVersion: 1, consentRequired: true });
    expect((await request(app.server).put('/api/account/profile').set(auth).send({ displayName: 'Social' })).status).toBe(403);
    await request(app.server).post('/api/account/consent').set(auth).send({ version: 1 }).expect(200);
    await request(app.server).put('/api/account/profile').set(auth).send({ displayName: 'Social' }).expect(200);

    const exported = await request(app.server).get('/api/account/export').set(auth).expect(200);
    expect(exported.body.data.accounts.loginProviders).toEqual(['oidc']);

    // No password to give: the fresh social login is the proof.
    const del = await request(app.server).post('/api/account/delete').set(auth).send({});
    expect(del.status).toBe(200);
    await request(app.server).get('/api/users/me').set(auth).expect(401);
  });

  it('refuses a callback without the provider round trip, or with a forged state', async () => {
    const noSession = await request.agent(app.server).get('/api/auth/oidc/callback').query({ access_token: 'forged' });
    expect(noSession.status).toBe(400);
    const wrongState = await request.agent(app.server).get('/api/connect/oidc/callback').query({ code: 'x', state: 'y' });
    expect(wrongState.status).toBeLessThan(500);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { provider: 'oidc' } })).toBe(1);
  });
});
