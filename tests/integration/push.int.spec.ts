// Web Push end to end against a local push service: subscribing (anonymous and as a reader),
// bad input, unsubscribing, alerts on first publication and from the admin composer, the fan-out
// job (VAPID, TTL, Urgency, Topic, aes128gcm checked and decrypted), 410 pruning and retries.
import request from 'supertest';
import webpush from 'web-push';
import { startApp, appPlatform, runJobNow, type TestApp } from '../helpers/strapi';
import { createArticle, createPhoto, createSection, type Doc } from '../helpers/fixtures';
import { startLocalPushService, type BrowserSubscription, type LocalPushService } from '../../scripts/push/local-push-service';

const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:push-desk@newsroom-tests.org' };
const ADMIN = { ADMIN_EMAIL: 'push.editor@newsroom-tests.org', ADMIN_PASSWORD: 'Push-Desk-2024' };
const SUB = 'plugin::push.subscription';
const ALERT = 'plugin::push.alert';

let app: TestApp;
let push: LocalPushService;
let world: Doc;
let sport: Doc;
let adminToken: string;

const platform = () => appPlatform(app.strapi);
/** One fan-out run in this process, after any scheduled run already under way. */
const runFanOut = () => runJobNow(app.strapi, 'push-fan-out');
const body = (s: BrowserSubscription, topics: unknown = ['breaking'], extra: Record<string, unknown> = {}) => ({ endpoint: s.endpoint, expirationTime: null, keys: s.keys, topics, ...extra });
const subscribe = (payload: unknown, token?: string) => {
  const r = request(app.server).post('/api/push/subscriptions');
  if (token) r.set('Authorization', `Bearer ${token}`);
  return r.send(payload as object);
};
const count = () => app.strapi.db.query(SUB).count({});
const latestAlert = async () => (await app.strapi.db.query(ALERT).findMany({ orderBy: { id: 'desc' }, limit: 1 }))[0];
const receivedBy = (id: string) => push.received.filter((r) => r.id === id);

beforeAll(async () => {
  push = await startLocalPushService(vapid);
  app = await startApp({
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: vapid.subject,
    PUSH_ALLOWED_ORIGINS: push.origin,
    PUSH_TTL: '900',
    SITE_URL: 'https://news.example.org',
    ...ADMIN,
  });
  world = await createSection(app.strapi, 'World', { slug: 'world' });
  sport = await createSection(app.strapi, 'Sport', { slug: 'sport' });
  const login = await request(app.server).post('/admin/login').send({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }).expect(200);
  adminToken = login.body.data.token;
});

afterAll(async () => {
  await app?.stop();
  await push?.close();
});

describe('subscribing', () => {
  it('serves the VAPID public key over REST and GraphQL', async () => {
    const res = await request(app.server).get('/api/push/public-key').expect(200);
    expect(res.body).toEqual({ data: { publicKey: vapid.publicKey } });
    const gql = await request(app.server).post('/graphql').send({ query: '{ pushPublicKey }' }).expect(200);
    expect(gql.body.data.pushPublicKey).toBe(vapid.publicKey);
  });

  it('stores an anonymous subscription once per endpoint, duplicates collapsed, and updates its topics', async () => {
    const s = push.subscribe();
    const first = await subscribe(body(s, ['breaking', 'world', 'breaking'], { locale: 'en' })).expect(201);
    expect(first.body.data).toEqual({ topics: ['breaking', 'world'], locale: 'en', linkedToReader: false });
    expect(JSON.stringify(first.body)).not.toContain(s.keys.auth);
    const again = await subscribe(body(s, ['sport'])).expect(200);
    expect(again.body.data.topics).toEqual(['sport']);
    const rows = await app.strapi.db.query(SUB).findMany({ where: { endpoint: s.endpoint } });
    expect(rows).toHaveLength(1);
    expect(rows[0].topics).toBe(',sport,');
    await request(app.server).delete('/api/push/subscriptions').query({ endpoint: s.endpoint, auth: s.keys.auth }).expect(204);
  });

  it('subscribes over GraphQL with the same rules', async () => {
    const s = push.subscribe();
    const mutation = 'mutation($s: PushSubscribeInput!) { pushSubscribe(subscription: $s) { topics locale linkedToReader } }';
    const ok = await request(app.server).post('/graphql').send({ query: mutation, variables: { s: { endpoint: s.endpoint, keys: s.keys, topics: ['world'] } } }).expect(200);
    expect(ok.body.data.pushSubscribe).toEqual({ topics: ['world'], locale: null, linkedToReader: false });
    const bad = await request(app.server).post('/graphql').send({ query: mutation, variables: { s: { endpoint: 'https://evil.example.net/x', keys: s.keys, topics: ['world'] } } });
    expect(bad.body.errors[0].message).toMatch(/known push service/);
    const un = await request(app.server).post('/graphql').send({ query: 'mutation($e: String!, $a: String!) { pushUnsubscribe(endpoint: $e, auth: $a) }', variables: { e: s.endpoint, a: s.keys.auth } }).expect(200);
    expect(un.body.data.pushUnsubscribe).toBe(true);
    expect(await app.strapi.db.query(SUB).count({ where: { endpoint: s.endpoint } })).toBe(0);
  });

  describe('refuses bad input with a clear 4xx and stores nothing', () => {
    const s = () => push.subscribe();
    const cases: [string, () => unknown, RegExp][] = [
      ['an array body', () => [body(s())], /PushSubscription JSON object/],
      ['no endpoint', () => ({ keys: s().keys, topics: ['breaking'] }), /endpoint is required/],
      ['a non-https endpoint', () => body({ ...s(), endpoint: 'http://push.example.net/abc' }), /https URL/],
      ['an endpoint on no known push service', () => body({ ...s(), endpoint: 'https://attacker.example.net/abc' }), /not on a known push service/],
      ['an internal address', () => body({ ...s(), endpoint: 'http://169.254.169.254/latest/meta-data' }), /https URL/],
      ['a javascript: URL', () => body({ ...s(), endpoint: 'javascript:alert(1)' }), /https URL/],
      ['a short p256dh key', () => body({ ...s(), keys: { ...s().keys, p256dh: Buffer.alloc(33, 4).toString('base64url') } }), /keys\.p256dh must decode to 65 bytes/],
      ['a long auth secret', () => body({ ...s(), keys: { ...s().keys, auth: Buffer.alloc(32, 1).toString('base64url') } }), /keys\.auth must decode to 16 bytes/],
      ['keys that are not base64', () => body({ ...s(), keys: { p256dh: '<script>', auth: 'x y' } }), /URL-safe base64/],
      ['keys as a string', () => ({ ...body(s()), keys: 'abc' }), /keys must be an object/],
      ['100 topics', () => body(s(), Array.from({ length: 100 }, (_, i) => `topic-${i}`)), /at most 20/],
      ['no topics', () => body(s(), []), /at least one/],
      ['topics as a string', () => body(s(), 'breaking'), /topics must be an array/],
      ['an unknown topic', () => body(s(), ['breaking', 'no-such-section']), /Unknown topic: "no-such-section"/],
      ['a hostile topic', () => body(s(), ["world'; DROP TABLE push_subscriptions;--"]), /section slug/],
      ['a bad locale', () => body(s(), ['breaking'], { locale: '../../etc' }), /language tag/],
    ];
    it.each(cases)('%s', async (_name, make, message) => {
      const before = await count();
      const res = await subscribe(make());
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.data).toBeNull();
      expect(await count()).toBe(before);
    });

    it('malformed JSON', async () => {
      const before = await count();
      const res = await request(app.server).post('/api/push/subscriptions').set('Content-Type', 'application/json').send('{"endpoint": "https://fcm.googleapis.com/x",');
      expect(res.status).toBe(400);
      expect(await count()).toBe(before);
    });

    it('a huge body', async () => {
      const before = await count();
      const res = await subscribe({ ...body(s()), padding: 'x'.repeat(2 * 1024 * 1024) });
      expect(res.status).toBe(413);
      expect(await count()).toBe(before);
    });
  });

  it('accepts the browsers\' push services by default and refuses others (allow-list unit-tested; here: the configured one only)', async () => {
    const res = await subscribe(body({ ...push.subscribe(), endpoint: 'https://fcm.googleapis.com/fcm/send/abc' }));
    expect(res.status).toBe(400); // PUSH_ALLOWED_ORIGINS replaces the default list
  });

  it('refuses retargeting an existing endpoint with other keys, and unsubscribing without its secret', async () => {
    const s = push.subscribe();
    await subscribe(body(s)).expect(201);
    const other = push.subscribe();
    const hijack = await subscribe(body({ ...other, endpoint: s.endpoint })).expect(400);
    expect(hijack.body.error.message).toMatch(/already subscribed with other keys/);
    for (const query of [{ endpoint: s.endpoint, auth: other.keys.auth }, { endpoint: s.endpoint }, { endpoint: `${s.endpoint}x`, auth: s.keys.auth }, { endpoint: ['a', 'b'], auth: s.keys.auth }]) {
      const res = await request(app.server).delete('/api/push/subscriptions').query(query);
      expect([400, 404]).toContain(res.status);
      expect(res.body.error.message).toBeTruthy();
    }
    expect(await app.strapi.db.query(SUB).count({ where: { endpoint: s.endpoint } })).toBe(1);
    await request(app.server).delete('/api/push/subscriptions').query({ endpoint: s.endpoint, auth: s.keys.auth }).expect(204);
    expect(await app.strapi.db.query(SUB).count({ where: { endpoint: s.endpoint } })).toBe(0);
  });
});

describe('a reader\'s subscriptions', () => {
  it('are linked to the logged-in reader, exported with their data and erased with their account', async () => {
    const users = app.strapi.plugin('users-permissions');
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const reader = await users.service('user').add({ username: 'reader1', email: 'reader1@newsroom-tests.org', password: 'Reader-pass-1', provider: 'local', confirmed: true, role: role.id });
    const other = await users.service('user').add({ username: 'reader2', email: 'reader2@newsroom-tests.org', password: 'Reader-pass-2', provider: 'local', confirmed: true, role: role.id });
    const jwt = users.service('jwt').issue({ id: reader.id });
    const mine = push.subscribe();
    const theirs = push.subscribe();
    const anonymous = push.subscribe();
    expect((await subscribe(body(mine, ['world']), jwt).expect(201)).body.data.linkedToReader).toBe(true);
    await subscribe(body(theirs), users.service('jwt').issue({ id: other.id })).expect(201);
    await subscribe(body(anonymous)).expect(201);

    const personalData = app.strapi.plugin('push').service('personal-data');
    const exported = await personalData.export(reader.id);
    expect(exported.pushSubscriptions).toEqual([expect.objectContaining({ endpoint: mine.endpoint, topics: ['world'], locale: null })]);
    expect(JSON.stringify(exported)).not.toContain(mine.keys.auth);

    await personalData.erase(reader.id);
    expect(await app.strapi.db.query(SUB).count({ where: { endpoint: mine.endpoint } })).toBe(0);
    expect(await app.strapi.db.query(SUB).count({ where: { endpoint: { $in: [theirs.endpoint, anonymous.endpoint] } } })).toBe(2);
    expect((await personalData.export(reader.id)).pushSubscriptions).toEqual([]);

    // Deleting the account by other means (an administrator) takes its subscriptions too.
    await users.service('user').remove({ id: other.id });
    expect(await app.strapi.db.query(SUB).count({ where: { endpoint: theirs.endpoint } })).toBe(0);
    expect(await app.strapi.db.query(SUB).count({ where: { endpoint: anonymous.endpoint } })).toBe(1);
  });
});

describe('sending', () => {
  let breaking: BrowserSubscription[];
  let worldOnly: BrowserSubscription;
  let gone: BrowserSubscription;

  beforeAll(async () => {
    await app.strapi.db.query(SUB).deleteMany({});
    breaking = [push.subscribe('breaking-a'), push.subscribe('breaking-b'), push.subscribe('breaking-fr')];
    worldOnly = push.subscribe('world-only');
    gone = push.subscribe('gone');
    push.answer('gone', 410);
    await subscribe(body(breaking[0], ['breaking'])).expect(201);
    await subscribe(body(breaking[1], ['breaking', 'sport'], { locale: 'en' })).expect(201);
    await subscribe(body(breaking[2], ['breaking'], { locale: 'fr' })).expect(201);
    await subscribe(body(worldOnly, ['world'])).expect(201);
    await subscribe(body(gone, ['breaking', 'world'])).expect(201);
  });

  it('sends a breaking alert once on first publication: VAPID, TTL, Urgency high, Topic, decrypted payload; 410 prunes', async () => {
    const photo = await createPhoto(app.strapi);
    const article = await createArticle(app.strapi, { title: 'Quake hits the coast', slug: 'quake-hits-the-coast', standfirst: 'A strong earthquake struck at dawn.', section: world.documentId, leadPhoto: photo.documentId, sendPush: true, pushTopic: 'breaking' });
    const alert = await latestAlert();
    expect(alert).toMatchObject({ title: 'Quake hits the coast', topic: 'breaking', status: 'queued', locale: 'en' });
    await runFanOut();

    const got = push.received.filter((r) => r.payload?.title === 'Quake hits the coast');
    expect(got.map((r) => r.id).sort()).toEqual(['breaking-a', 'breaking-b', 'gone']); // not fr, not world-only
    for (const r of got) {
      expect(r.problems).toEqual([]);
      expect(r.ttl).toBe(900);
      expect(r.urgency).toBe('high');
      expect(r.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(r.payload).toEqual({
        title: 'Quake hits the coast',
        body: 'A strong earthquake struck at dawn.',
        url: 'https://news.example.org/world/quake-hits-the-coast',
        image: expect.stringMatching(/^http:\/\/localhost:1337\/uploads\/.+\.jpg$/),
        tag: expect.stringMatching(/^story-/),
      });
    }
    expect(new Set(got.map((r) => r.topic)).size).toBe(1);
    expect(await app.strapi.db.query(SUB).count({ where: { endpoint: gone.endpoint } })).toBe(0);
    expect(await app.strapi.db.query(ALERT).findOne({ where: { id: alert.id } })).toMatchObject({ status: 'done', recipients: 3, delivered: 2, expired: 1, failed: 0, finishedAt: expect.anything() });

    // Republishing (an update, then publish again) sends nothing more.
    const before = push.received.length;
    await app.strapi.documents('api::article.article').update({ documentId: article.documentId, data: { title: 'Quake hits the coast: update' }, status: 'published' } as never);
    await app.strapi.documents('api::article.article').publish({ documentId: article.documentId } as never);
    await runFanOut();
    expect(push.received.length).toBe(before);
    expect(await app.strapi.db.query(ALERT).count({ where: { sourceKey: { $startsWith: `article:${article.documentId}` } } })).toBe(1);
  });

  it('sends nothing while another run holds the fan-out lease (a long fan-out on another instance)', async () => {
    expect(await platform().store.claim('push:fan-out:lease', 60)).toBe(true);
    try {
      await createArticle(app.strapi, { title: 'Lease test', section: world.documentId, sendPush: true, pushTopic: 'section' });
      await runFanOut();
      expect(push.received.filter((r) => r.payload?.title === 'Lease test')).toHaveLength(0);
      expect(await latestAlert()).toMatchObject({ title: 'Lease test', status: 'queued' });
    } finally {
      await platform().store.del('push:fan-out:lease');
    }
    await runFanOut();
    expect(push.received.filter((r) => r.payload?.title === 'Lease test').map((r) => r.id)).toEqual(['world-only']);
  });

  it('sends nothing for an article published without the mark, nor when the mark is added later', async () => {
    const before = await app.strapi.db.query(ALERT).count({});
    const article = await createArticle(app.strapi, { title: 'Quiet story', section: world.documentId });
    await app.strapi.documents('api::article.article').update({ documentId: article.documentId, data: { sendPush: true }, status: 'published' } as never);
    expect(await app.strapi.db.query(ALERT).count({})).toBe(before);
  });

  it('sends a section alert to that section\'s subscribers, with normal urgency, on publishing a draft', async () => {
    const draft = await createArticle(app.strapi, { title: 'Election results in', section: world.documentId, sendPush: true, pushTopic: 'section' }, { publish: false });
    expect(await app.strapi.db.query(ALERT).count({ where: { title: 'Election results in' } })).toBe(0);
    await app.strapi.documents('api::article.article').publish({ documentId: draft.documentId } as never);
    await runFanOut();
    const got = push.received.filter((r) => r.payload?.title === 'Election results in');
    expect(got.map((r) => r.id)).toEqual(['world-only']);
    expect(got[0]).toMatchObject({ urgency: 'normal', problems: [] });
  });

  it('retries a transient failure with backoff and counts it', async () => {
    const flaky = push.subscribe('flaky');
    push.answer('flaky', 503, 201);
    await subscribe(body(flaky, ['sport'])).expect(201);
    await createArticle(app.strapi, { title: 'Cup final tonight', section: sport.documentId, sendPush: true, pushTopic: 'section' });
    await runFanOut();
    const alert = await latestAlert();
    expect(alert).toMatchObject({ status: 'retrying', recipients: 2, delivered: 1, failed: 0 });
    const list = await request(app.server).get('/push/alerts').set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(list.body.data.find((a: { id: number }) => a.id === alert.id)).toMatchObject({ retrying: 1, delivered: 1 });

    await runFanOut(); // not yet due: nothing is sent
    expect(receivedBy('flaky')).toHaveLength(1);
    await app.strapi.db.query('plugin::push.retry').updateMany({ where: { alertId: alert.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    await runFanOut();
    expect(receivedBy('flaky').map((r) => r.status)).toEqual([503, 201]);
    expect(await app.strapi.db.query(ALERT).findOne({ where: { id: alert.id } })).toMatchObject({ status: 'done', delivered: 2, failed: 0 });
  });

  it('counts a delivery as failed after the last attempt and drops a subscription failing for 30 days', async () => {
    const broken = push.subscribe('broken');
    push.answer('broken', 500);
    await subscribe(body(broken, ['sport'])).expect(201);
    await createArticle(app.strapi, { title: 'Transfer news', section: sport.documentId, sendPush: true, pushTopic: 'section' });
    await runFanOut();
    const alert = await latestAlert();
    for (let i = 0; i < 5; i += 1) {
      await app.strapi.db.query('plugin::push.retry').updateMany({ where: { alertId: alert.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
      await runFanOut();
    }
    expect(receivedBy('broken').filter((r) => r.payload?.title === 'Transfer news')).toHaveLength(5); // PUSH_MAX_ATTEMPTS
    expect(await app.strapi.db.query(ALERT).findOne({ where: { id: alert.id } })).toMatchObject({ status: 'done', failed: 1 });
    const row = await app.strapi.db.query(SUB).findOne({ where: { endpoint: broken.endpoint } });
    expect(row.failingSince).toBeTruthy();
    await app.strapi.db.query(SUB).update({ where: { id: row.id }, data: { failingSince: new Date(Date.now() - 31 * 86_400_000) } });
    await runFanOut();
    expect(await app.strapi.db.query(SUB).count({ where: { endpoint: broken.endpoint } })).toBe(0);
  });
});

describe('the admin composer', () => {
  const admin = (r: request.Test) => r.set('Authorization', `Bearer ${adminToken}`);

  it('counts recipients, sends a free alert and shows its counters', async () => {
    const topics = await admin(request(app.server).get('/push/topics')).expect(200);
    expect(topics.body.data.map((t: { value: string }) => t.value)).toEqual(['breaking', 'sport', 'world']);
    const recipients = await admin(request(app.server).get('/push/recipients').query({ topic: 'breaking', locale: 'fr' })).expect(200);
    expect(recipients.body.data.recipients).toBe(2); // the fr subscriber and the one without a locale
    const created = await admin(request(app.server).post('/push/alerts')).send({ title: 'Storm warning', body: 'Stay indoors tonight.', url: 'https://news.example.org/storm', topic: 'breaking', locale: 'fr' }).expect(201);
    expect(created.body.data).toMatchObject({ title: 'Storm warning', status: 'queued', urgency: 'high' });
    await runFanOut();
    expect(push.received.filter((r) => r.payload?.title === 'Storm warning').map((r) => r.id).sort()).toEqual(['breaking-a', 'breaking-fr']);
    const list = await admin(request(app.server).get('/push/alerts')).expect(200);
    expect(list.body.data[0]).toMatchObject({ title: 'Storm warning', recipients: 2, delivered: 2, failed: 0, expired: 0, status: 'done', retrying: 0 });
    expect(list.body.data[0].finishedAt).toBeTruthy();
  });

  it('refuses bad composer input and anonymous callers', async () => {
    for (const bad of [{ title: '', topic: 'breaking' }, { title: 'x'.repeat(121), topic: 'breaking' }, { title: 'Ok', topic: 'nope' }, { title: 'Ok', topic: 'breaking', url: 'javascript:alert(1)' }, { title: 'Ok' }]) {
      const res = await admin(request(app.server).post('/push/alerts')).send(bad);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBeTruthy();
    }
    await request(app.server).get('/push/alerts').expect(401);
    await request(app.server).post('/push/alerts').send({ title: 'Hi', topic: 'breaking' }).expect(401);
  });
});
