// Reader accounts end to end, through a real SMTP server: register → confirm → log in;
// forgot → reset; delete → restore; delete → 30 days later → purge; new policy → consent; export.
import path from 'path';
import request from 'supertest';
import sharp from 'sharp';
import { startApp, type TestApp } from '../helpers/strapi';
import { confirmedReader, linkIn, solveCaptcha, startMailbox, unique, type Mailbox } from '../helpers/accounts';

let app: TestApp;
let mailbox: Mailbox;
const POLICY = 'plugin::accounts.privacy-policy';
const PASSWORD = 'Reader-passw0rd!';

async function publishPolicy(version: number, text: string) {
  return app.strapi.documents(POLICY as never).create({ data: { version, text, changeSummary: `Version ${version}` } as never, status: 'published' } as never);
}

/** Follows a one-time link as a browser would: GET the page (must not use the token), then press its button. */
async function pressButton(link: URL, fields: Record<string, string> = {}) {
  const page = await request(app.server).get(link.pathname + link.search).expect(200);
  expect(page.headers['content-type']).toMatch(/text\/html/);
  const hidden = [...page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)];
  const form: Record<string, string> = { ...Object.fromEntries(hidden.map((m) => [m[1], m[2].replace(/&amp;/g, '&')])), ...fields };
  return request(app.server).post(link.pathname).type('form').send(form);
}

/** The platform module the running app uses (the compiled one, not the TypeScript source). */
function compiledPlatform(testApp: TestApp): { jobs: { runNow(name: string): Promise<boolean> } } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { platform } = require(path.join(process.env.NEWSROOM_TEST_DIST as string, 'src', 'platform'));
  return platform(testApp.strapi);
}

async function register(body: Record<string, unknown>) {
  return request(app.server).post('/api/auth/local/register').send(body);
}

async function login(identifier: string, password = PASSWORD) {
  return request(app.server).post('/api/auth/local').send({ identifier, password });
}

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mailbox.port), SMTP_SECURE: 'false', EMAIL_FROM: 'Newsroom <news@example.com>', PUBLIC_URL: 'http://cms.example.test', FEED_TITLE: 'Daily Test', AVATAR_MAX_BYTES: '300000', ADMIN_EMAIL: 'privacy.admin@example.com', ADMIN_PASSWORD: 'Privacy-Adm1n' });
  await publishPolicy(1, 'We keep little about you.');
});

afterAll(async () => {
  await app?.stop();
  await mailbox?.close();
});

describe('registration, confirmation and login', () => {
  it('registers with a solved captcha, mails a confirm link that only the page button uses, then logs in', async () => {
    const username = `ana${unique()}`;
    const email = `${username}@example.com`;
    const res = await register({ username, email, password: PASSWORD, locale: 'fr', acceptedPolicyVersion: 1, altcha: await solveCaptcha(app) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, message: expect.any(String) });
    expect((await login(email)).status).toBe(400); // not confirmed yet

    const mail = await mailbox.next(email, /Confirm/);
    expect(mail.subject).toBe('Confirmez votre adresse e-mail pour Daily Test'); // the reader's locale
    expect(mail.text).toContain('Daily Test');
    expect(mail.html).toContain('Daily Test');
    expect(mail.from?.text).toContain('news@example.com');
    const link = linkIn(mail, '/account/confirm-email');
    expect(link.origin).toBe('http://cms.example.test');

    // Scanners open links: Strapi's stock GET route and the page itself leave the token alone.
    const stock = await request(app.server).get('/api/auth/email-confirmation').query({ confirmation: link.searchParams.get('confirmation') });
    expect(stock.status).toBe(302);
    expect(stock.headers.location).toContain('/account/confirm-email?confirmation=');
    await request(app.server).get(link.pathname + link.search).expect(200);
    expect((await login(email)).status).toBe(400);

    const confirmed = await pressButton(link);
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toMatch(/confirmed/);
    const ok = await login(email);
    expect(ok.status).toBe(200);
    expect(ok.body.jwt).toEqual(expect.any(String));

    const again = await pressButton(link); // used
    expect(again.status).toBe(400);
    expect(again.text).toMatch(/invalid or was already used/);

    // The acceptance at registration is in the ledger.
    const consents = await app.strapi.db.query('plugin::accounts.consent').findMany({ where: { userId: ok.body.user.id } });
    expect(consents).toEqual([expect.objectContaining({ policyVersion: 1, method: 'registration', locale: 'fr', textHash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
  });

  it('answers the same for an address that is already registered, and mails its owner instead', async () => {
    const first = await confirmedReader(app);
    const fresh = await register({ username: `new${unique()}`, email: `new${unique()}@example.com`, password: PASSWORD, acceptedPolicyVersion: 1, altcha: await solveCaptcha(app) });
    const taken = await register({ username: `other${unique()}`, email: first.email, password: PASSWORD, acceptedPolicyVersion: 1, altcha: await solveCaptcha(app) });
    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    const notice = await mailbox.next(first.email, /Someone tried/);
    expect(notice.subject).toMatch(/Someone tried to register with your address/);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { email: first.email } })).toBe(1);
  });

  it('refuses missing, forged, replayed captchas and extra fields before creating anything', async () => {
    const count = () => app.strapi.db.query('plugin::users-permissions.user').count();
    const before = await count();
    const body = () => ({ username: `bob${unique()}`, email: `bob${unique()}@example.com`, password: PASSWORD, acceptedPolicyVersion: 1 });

    const missing = await register(body());
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual(expect.objectContaining({ name: 'CaptchaError', details: expect.objectContaining({ reason: 'missing' }) }));

    const solved = await solveCaptcha(app);
    const payload = JSON.parse(Buffer.from(solved, 'base64').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, solution: { ...payload.solution, derivedKey: payload.solution.derivedKey.replace(/^./, (c: string) => (c === '0' ? '1' : '0')) } })).toString('base64');
    expect((await register({ ...body(), altcha: forged })).body.error.details.reason).toBe('invalid');
    const tampered = Buffer.from(JSON.stringify({ ...payload, challenge: { ...payload.challenge, parameters: { ...payload.challenge.parameters, expiresAt: payload.challenge.parameters.expiresAt + 3600 } } })).toString('base64');
    expect((await register({ ...body(), altcha: tampered })).body.error.details.reason).toBe('invalid');
    for (const junk of ['not-base64-json', 12, { a: 1 }, 'x'.repeat(30000)]) {
      const res = await register({ ...body(), altcha: junk });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('CaptchaError');
    }

    for (const extra of [{ confirmed: true }, { role: 1 }, { blocked: false }]) {
      const res = await register({ ...body(), ...extra, altcha: await solveCaptcha(app) });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(new RegExp(`Invalid parameters: ${Object.keys(extra)[0]}`));
    }
    const stale = await register({ ...body(), acceptedPolicyVersion: 7, altcha: await solveCaptcha(app) });
    expect(stale.status).toBe(400);
    expect(stale.body.error.details).toEqual({ currentVersion: 1 });
    for (const bad of [{ username: 'a\u0007b' + unique() }, { email: 'not-an-address' }, { password: 'short' }, { username: 'x'.repeat(5000) }, { locale: '<script>' }]) {
      const res = await register({ ...body(), ...bad, altcha: await solveCaptcha(app) });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    expect(await count()).toBe(before);

    // A solution works once, across the whole cluster (the shared store's claim).
    const ok = await register({ ...body(), altcha: solved });
    expect(ok.status).toBe(200);
    const replay = await register({ ...body(), altcha: solved });
    expect(replay.status).toBe(400);
    expect(replay.body.error.details.reason).toBe('replayed');
    expect(await count()).toBe(before + 1);
  });

  it('resends the confirmation only with a captcha, answering the same for unknown addresses', async () => {
    const noCaptcha = await request(app.server).post('/api/auth/send-email-confirmation').send({ email: 'ghost@example.com' });
    expect(noCaptcha.status).toBe(400);
    const username = `cy${unique()}`;
    const email = `${username}@example.com`;
    expect((await register({ username, email, password: PASSWORD, acceptedPolicyVersion: 1, altcha: await solveCaptcha(app) })).status).toBe(200);
    await mailbox.next(email, /Confirm/);
    const known = await request(app.server).post('/api/auth/send-email-confirmation').send({ email, altcha: await solveCaptcha(app) });
    const unknown = await request(app.server).post('/api/auth/send-email-confirmation').send({ email: 'ghost@example.com', altcha: await solveCaptcha(app) });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(Object.keys(known.body)).toEqual(Object.keys(unknown.body));
    expect(await pressButton(linkIn(await mailbox.next(email), '/account/confirm-email'))).toHaveProperty('status', 200);
    expect((await login(email)).status).toBe(200);
  });
});

describe('password recovery', () => {
  it('forgot → mail → reset page → new password; the other sessions end', async () => {
    const reader = await confirmedReader(app);
    await request(app.server).get('/api/users/me').set('Authorization', `Bearer ${reader.jwt}`).expect(200);

    expect((await request(app.server).post('/api/auth/forgot-password').send({ email: reader.email })).status).toBe(400); // captcha
    const known = await request(app.server).post('/api/auth/forgot-password').send({ email: reader.email, altcha: await solveCaptcha(app) });
    const unknown = await request(app.server).post('/api/auth/forgot-password').send({ email: 'ghost@example.com', altcha: await solveCaptcha(app) });
    expect(known.status).toBe(200);
    expect(unknown.body).toEqual(known.body);

    const link = linkIn(await mailbox.next(reader.email, /Reset/), '/account/reset-password');
    const mismatch = await pressButton(link, { password: 'N3w-password!', passwordConfirmation: 'other-Passw0rd' });
    expect(mismatch.status).toBe(400);
    const reset = await pressButton(link, { password: 'N3w-password!', passwordConfirmation: 'N3w-password!' });
    expect(reset.status).toBe(200);

    await request(app.server).get('/api/users/me').set('Authorization', `Bearer ${reader.jwt}`).expect(401);
    expect((await login(reader.email)).status).toBe(400);
    expect((await login(reader.email, 'N3w-password!')).status).toBe(200);
    expect((await pressButton(link, { password: 'Th1rd-password!', passwordConfirmation: 'Th1rd-password!' })).status).toBe(400); // used
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const reader = await confirmedReader(app);
    const other = (await login(reader.email)).body.jwt as string;
    const res = await request(app.server)
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${reader.jwt}`)
      .send({ currentPassword: PASSWORD, password: 'Changed-passw0rd!', passwordConfirmation: 'Changed-passw0rd!' });
    expect(res.status).toBe(200);
    await request(app.server).get('/api/users/me').set('Authorization', `Bearer ${other}`).expect(401);
    await request(app.server).get('/api/users/me').set('Authorization', `Bearer ${res.body.jwt}`).expect(200);
  });
});

describe('deleting and restoring an account', () => {
  it('delete → logged out everywhere, cannot log in, shown as deleted → restore link → back as it was', async () => {
    const reader = await confirmedReader(app);
    await request(app.server).put('/api/account/profile').set('Authorization', `Bearer ${reader.jwt}`).send({ displayName: 'Ana Reads' }).expect(200);
    const wrong = await request(app.server).post('/api/account/delete').set('Authorization', `Bearer ${reader.jwt}`).send({ password: 'wrong-password' });
    expect(wrong.status).toBe(400);
    const del = await request(app.server).post('/api/account/delete').set('Authorization', `Bearer ${reader.jwt}`).send({ password: PASSWORD });
    expect(del.status).toBe(200);
    expect(del.body.data.status).toBe('pending-deletion');

    await request(app.server).get('/api/users/me').set('Authorization', `Bearer ${reader.jwt}`).expect(401);
    const twice = await request(app.server).post('/api/account/delete').set('Authorization', `Bearer ${reader.jwt}`).send({ password: PASSWORD });
    expect(twice.status).toBe(401);
    expect((await login(reader.email)).status).toBe(400);
    expect(await app.strapi.plugin('accounts').service('readers').publicAuthor(reader.id)).toEqual({ displayName: 'deleted reader', deleted: true });
    // No mail but the deletion notice, even when asked for one.
    await request(app.server).post('/api/auth/forgot-password').send({ email: reader.email, altcha: await solveCaptcha(app) }).expect(200);

    const notice = await mailbox.next(reader.email, /deleted/);
    expect(notice.subject).toMatch(/will be deleted on \d{4}-\d{2}-\d{2}/);
    expect(notice.text).toContain('30 days');
    const link = linkIn(notice, '/account/restore');
    const tampered = await request(app.server).post('/api/account/restore').send({ token: `${link.searchParams.get('token')}x` });
    expect(tampered.status).toBe(400);
    for (const bad of [{}, { token: 5 }, { token: 'a'.repeat(600) }, { token: 'ok', extra: 1 }]) {
      expect((await request(app.server).post('/api/account/restore').send(bad)).status).toBe(400);
    }

    expect((await pressButton(link)).status).toBe(200);
    expect((await pressButton(link)).status).toBe(400); // used
    const back = await login(reader.email);
    expect(back.status).toBe(200);
    const me = await request(app.server).get('/api/users/me').set('Authorization', `Bearer ${back.body.jwt}`).expect(200);
    expect(me.body.displayName).toBe('Ana Reads');
    expect(await app.strapi.plugin('accounts').service('readers').publicAuthor(reader.id)).toEqual({ displayName: 'Ana Reads', deleted: false });
    expect(mailbox.to(reader.email).filter((m) => /reset/i.test(m.subject ?? ''))).toEqual([]);
  });

  it('delete → 30 days later the purge erases everything personal; the restore link is dead; re-running is harmless', async () => {
    const reader = await confirmedReader(app);
    await request(app.server).put('/api/account/profile').set('Authorization', `Bearer ${reader.jwt}`).send({ displayName: `Purged ${reader.username}` }).expect(200);
    await request(app.server).post('/api/account/delete').set('Authorization', `Bearer ${reader.jwt}`).send({ password: PASSWORD }).expect(200);
    const link = linkIn(await mailbox.next(reader.email, /deleted/), '/account/restore');
    const clock = app.strapi.plugin('accounts').service('clock');
    const start = Date.now();
    try {
      clock.set(() => new Date(start + 29 * 24 * 3600 * 1000));
      await app.strapi.plugin('accounts').service('deletion').purgeDue();
      expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { id: reader.id } })).toBe(1); // not yet

      clock.set(() => new Date(start + 31 * 24 * 3600 * 1000));
      expect((await pressButton(link)).status).toBe(400); // period over
      const jobs = compiledPlatform(app).jobs;
      expect(await jobs.runNow('accounts-purge')).toBe(true);
      expect(await jobs.runNow('accounts-purge')).toBe(true); // idempotent
    } finally {
      clock.set();
    }

    // Nothing personal left in any table.
    const tables: string[] = await app.strapi.db.dialect.schemaInspector.getTables();
    const needles = [reader.email, reader.username, `Purged ${reader.username}`];
    for (const table of tables) {
      const rows = await app.strapi.db.connection(table).select('*');
      const text = JSON.stringify(rows);
      for (const needle of needles) expect({ table, found: text.includes(needle) }).toEqual({ table, found: false });
    }
    expect(await app.strapi.db.query('plugin::accounts.consent').count({ where: { userId: reader.id } })).toBe(0);
    expect((await pressButton(link)).status).toBe(400);
    expect((await login(reader.email)).status).toBe(400);
  });
});

describe('consent to a new privacy policy', () => {
  it('v2 published → ConsentRequired on calls that need consent → accept → allowed; /users/me tells', async () => {
    const reader = await confirmedReader(app);
    const auth = { Authorization: `Bearer ${reader.jwt}` };
    const meBefore = await request(app.server).get('/api/users/me').set(auth).expect(200);
    expect(meBefore.body.privacy).toEqual({ acceptedVersion: 1, currentVersion: 1, consentRequired: false });

    await publishPolicy(2, 'We now keep a little more.');
    const current = await request(app.server).get('/api/privacy-policy').expect(200);
    expect(current.body.data).toEqual(expect.objectContaining({ version: 2, text: 'We now keep a little more.', changeSummary: 'Version 2', publishedAt: expect.any(String) }));

    const blocked = await request(app.server).put('/api/account/profile').set(auth).send({ displayName: 'New name' });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error).toEqual(expect.objectContaining({ name: 'ConsentRequired', details: expect.objectContaining({ version: 2 }) }));
    expect((await request(app.server).get('/api/users/me').set(auth)).body.privacy).toEqual({ acceptedVersion: 1, currentVersion: 2, consentRequired: true });

    expect((await request(app.server).post('/api/account/consent').set(auth).send({ version: 1 })).status).toBe(400);
    expect((await request(app.server).post('/api/account/consent').set(auth).send({ version: '2' })).status).toBe(400);
    expect((await request(app.server).post('/api/account/consent').send({ version: 2 })).status).toBe(403); // anonymous
    const accepted = await request(app.server).post('/api/account/consent').set(auth).send({ version: 2 });
    expect(accepted.status).toBe(200);
    await request(app.server).put('/api/account/profile').set(auth).send({ displayName: 'New name' }).expect(200);
    expect((await request(app.server).get('/api/users/me').set(auth)).body.privacy.consentRequired).toBe(false);

    const ledger = await app.strapi.db.query('plugin::accounts.consent').findMany({ where: { userId: reader.id }, orderBy: { id: 'asc' } });
    expect(ledger.map((c: { policyVersion: number; method: string }) => [c.policyVersion, c.method])).toEqual([[1, 'registration'], [2, 're-consent']]);
    await expect(app.strapi.db.query('plugin::accounts.consent').update({ where: { id: ledger[0].id }, data: { policyVersion: 9 } })).rejects.toThrow(/append-only/);
  });
});

describe('profile, export and privacy of other readers', () => {
  it('changes only the own profile, refuses bad input, and exports everything once per 24 h', async () => {
    const reader = await confirmedReader(app);
    const other = await confirmedReader(app);
    const auth = { Authorization: `Bearer ${reader.jwt}` };
    for (const bad of [{ displayName: 'x'.repeat(61) }, { displayName: 'a\u0000b' }, { displayName: 'a\nb' }, { locale: 'english!' }, { role: 1 }, {}, { displayName: 42 }]) {
      const res = await request(app.server).put('/api/account/profile').set(auth).send(bad);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
    await request(app.server).put('/api/account/profile').set(auth).send({ displayName: 'Reader One', locale: 'fr' }).expect(200);
    expect((await request(app.server).get('/api/account/profile').set(auth)).body.data).toEqual(expect.objectContaining({ displayName: 'Reader One', locale: 'fr' }));
    expect((await request(app.server).get('/api/account/profile').set('Authorization', `Bearer ${other.jwt}`)).body.data.displayName).toBeNull();
    expect((await request(app.server).put('/api/account/profile').send({ displayName: 'Anon' })).status).toBe(403);

    await request(app.server).get('/api/users').set(auth).expect(403);
    await request(app.server).get(`/api/users/${other.id}`).set(auth).expect(403);
    await request(app.server).get('/api/users').expect(403);

    const exported = await request(app.server).get('/api/account/export').set(auth);
    expect(exported.status).toBe(200);
    const data = exported.body.data.accounts;
    expect(data.account).toEqual(expect.objectContaining({ username: reader.username, email: reader.email }));
    expect(data.profile).toEqual(expect.objectContaining({ displayName: 'Reader One', locale: 'fr' }));
    expect(data.loginProviders).toEqual(['local']);
    expect(data.consents).toEqual([expect.objectContaining({ policyVersion: expect.any(Number), method: 'registration' })]);
    expect(JSON.stringify(exported.body)).not.toContain(other.email);
    expect(JSON.stringify(exported.body)).not.toMatch(/"password"|\$2[aby]\$/);
    const again = await request(app.server).get('/api/account/export').set(auth);
    expect(again.status).toBe(429);
  });
});

describe('avatar', () => {
  it('accepts an image only, re-encodes it to a small WebP without its metadata, and replaces the previous one', async () => {
    const reader = await confirmedReader(app);
    const auth = { Authorization: `Bearer ${reader.jwt}` };
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3366aa' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'GPS-and-name-of-the-reader', Artist: 'Reader Secret' } })
      .toBuffer();
    expect(photo.toString('latin1')).toContain('Reader Secret');
    const res = await request(app.server).post('/api/account/avatar').set(auth).attach('avatar', photo, { filename: 'me.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(200);
    const url = res.body.data.avatar.url as string;
    const image = await request(app.server).get(url).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const meta = await sharp(image.body as Buffer).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif }).toEqual({ format: 'webp', width: 256, height: 256, exif: undefined });
    expect((image.body as Buffer).toString('latin1')).not.toContain('Reader Secret');

    const second = await request(app.server).post('/api/account/avatar').set(auth).attach('avatar', photo, { filename: 'me2.jpg', contentType: 'image/jpeg' }).expect(200);
    expect(second.body.data.avatar.url).not.toBe(url);
    await request(app.server).get(url).expect(404); // the old file is gone

    const files = () => app.strapi.db.query('plugin::upload.file').count();
    const before = await files();
    const notImage = await request(app.server).post('/api/account/avatar').set(auth).attach('avatar', Buffer.from('<svg onload=alert(1)>'), { filename: 'x.png', contentType: 'image/png' });
    expect(notImage.status).toBe(400);
    const noise = await sharp(Buffer.from(Array.from({ length: 400 * 400 * 3 }, () => Math.floor(Math.random() * 256))), { raw: { width: 400, height: 400, channels: 3 } }).png().toBuffer();
    expect(noise.length).toBeGreaterThan(300000);
    const tooBig = await request(app.server).post('/api/account/avatar').set(auth).attach('avatar', noise, { filename: 'big.png', contentType: 'image/png' });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.message).toMatch(/at most 300000 bytes/);
    expect((await request(app.server).post('/api/account/avatar').set(auth).send({ avatar: 'x' })).status).toBe(400);
    expect((await request(app.server).post('/api/account/avatar').attach('avatar', photo, 'a.jpg')).status).toBe(403);
    expect(await files()).toBe(before);
  });
});

describe('admin: pending deletions', () => {
  it('lists pending deletions with the days left and purges one at once on a verified request', async () => {
    const admin = await request(app.server).post('/admin/login').send({ email: 'privacy.admin@example.com', password: 'Privacy-Adm1n' }).expect(200);
    const auth = { Authorization: `Bearer ${admin.body.data.token}` };
    const reader = await confirmedReader(app);
    await request(app.server).post('/api/account/delete').set('Authorization', `Bearer ${reader.jwt}`).send({ password: PASSWORD }).expect(200);

    await request(app.server).get('/accounts/pending-deletions').expect(401);
    await request(app.server).get('/accounts/pending-deletions').set('Authorization', `Bearer ${reader.jwt}`).expect(401);
    const list = await request(app.server).get('/accounts/pending-deletions').set(auth).expect(200);
    expect(list.body.data).toContainEqual(expect.objectContaining({ userId: reader.id, daysLeft: 30 }));

    expect((await request(app.server).post(`/accounts/pending-deletions/${reader.id}/purge`).set(auth).send({})).status).toBe(400);
    expect((await request(app.server).post('/accounts/pending-deletions/abc/purge').set(auth).send({ verified: true, reason: 'Request by mail' })).status).toBe(400);
    expect((await request(app.server).post('/accounts/pending-deletions/999999/purge').set(auth).send({ verified: true, reason: 'Request by mail' })).status).toBe(404);
    await request(app.server).post(`/accounts/pending-deletions/${reader.id}/purge`).set(auth).send({ verified: true, reason: 'Identity checked by phone' }).expect(200);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { id: reader.id } })).toBe(0);
    expect((await request(app.server).get('/accounts/pending-deletions').set(auth)).body.data).not.toContainEqual(expect.objectContaining({ userId: reader.id }));
  });
});

describe('GraphQL', () => {
  const gql = (query: string, variables?: Record<string, unknown>, jwt?: string) => {
    const req = request(app.server).post('/graphql').send({ query, variables });
    return jwt ? req.set('Authorization', `Bearer ${jwt}`) : req;
  };

  it('offers the policy, profile, consent, deletion and restore with the REST rules and permissions', async () => {
    const policy = await gql('{ privacyPolicy { version text publishedAt } }').expect(200);
    expect(policy.body.data.privacyPolicy.version).toBeGreaterThanOrEqual(1);

    const anon = await gql('{ accountProfile { displayName } }');
    expect(anon.body.errors[0].extensions.error.name).toBe('ForbiddenError');
    const anonUpdate = await gql('mutation { updateAccountProfile(displayName: "X") { displayName } }');
    expect(anonUpdate.body.errors[0].extensions.error.name).toBe('ForbiddenError');

    const reader = await confirmedReader(app);
    const updated = await gql('mutation($n: String) { updateAccountProfile(displayName: $n) { displayName username } }', { n: 'Graph Reader' }, reader.jwt).expect(200);
    expect(updated.body.data.updateAccountProfile).toEqual({ displayName: 'Graph Reader', username: reader.username });
    const bad = await gql('mutation { updateAccountProfile(displayName: "a\\nb") { displayName } }', undefined, reader.jwt);
    expect(bad.body.errors[0].extensions.error.name).toBe('ValidationError');

    const privacy = await gql('{ accountPrivacy { acceptedVersion currentVersion consentRequired } }', undefined, reader.jwt).expect(200);
    expect(privacy.body.data.accountPrivacy.consentRequired).toBe(false);

    const wrong = await gql('mutation { deleteAccount(password: "nope-nope") { status } }', undefined, reader.jwt);
    expect(wrong.body.errors[0].extensions.error.name).toBe('ValidationError');
    const deleted = await gql(`mutation { deleteAccount(password: "${PASSWORD}") { status restorableUntil } }`, undefined, reader.jwt).expect(200);
    expect(deleted.body.data.deleteAccount.status).toBe('pending-deletion');
    const token = linkIn(await mailbox.next(reader.email, /deleted/), '/account/restore').searchParams.get('token');
    const badRestore = await gql('mutation { restoreAccount(token: "forged-token-forged-token") { status } }');
    expect(badRestore.body.errors[0].extensions.error.name).toBe('ValidationError');
    const restored = await gql('mutation($t: String!) { restoreAccount(token: $t) { status } }', { t: token }).expect(200);
    expect(restored.body.data.restoreAccount.status).toBe('active');
  });

  it('keeps the plugin types out of the generated CRUD, and registration over GraphQL behind the captcha', async () => {
    for (const query of ['{ readers { userId } }', '{ consents { userId } }', '{ privacyPolicies { version } }']) {
      const res = await gql(query);
      expect(res.status).toBe(400);
    }
    const register = await gql(`mutation { register(input: { username: "gqlreader${unique()}", email: "gql${unique()}@example.com", password: "${PASSWORD}" }) { jwt } }`);
    expect(register.body.errors[0].extensions.error.name).toBe('CaptchaError');
  });
});
