// Short URLs end to end: publish → code → redirect → hit count, the payloads that carry the
// link, collisions, concurrent hits, refused targets and codes, 404 and 410.
import request from 'supertest';
import { startApp, fullAccessToken, appPlatform, type TestApp } from '../helpers/strapi';
import { createArticle, createSection, type Doc } from '../helpers/fixtures';
import { CODE_ALPHABET } from '../../src/lib/short-urls/short-code';
import { BACKFILL_JOB } from '../../src/api/short-url/services/short-url';

const SHORT = 'api::short-url.short-url';
const ARTICLE = 'api::article.article';
const BASE = 'https://nws.example';
const SITE = 'https://news.example';

type Service = {
  getShortLinks(ids: string[]): Promise<Map<string, { code: string; shortUrl: string }>>;
  useCodeGenerator(gen: (() => string) | null): void;
  ensureForArticle(articleDocumentId: string): Promise<{ code: string }>;
};

let app: TestApp;
let token: string;
let section: Doc;

const service = () => app.strapi.service(SHORT) as unknown as Service;
const linkRows = (articleDocumentId: string) =>
  app.strapi.db.query(SHORT).findMany({ where: { articleDocumentId }, select: ['code', 'hits'] }) as Promise<Array<{ code: string; hits: number | string }>>;
const hitsOf = async (code: string) => Number(((await app.strapi.db.query(SHORT).findOne({ where: { code }, select: ['hits'] })) as { hits: number | string }).hits);
const codeOf = async (articleDocumentId: string) => (await service().getShortLinks([articleDocumentId])).get(articleDocumentId)!.code;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

beforeAll(async () => {
  app = await startApp({ SHORT_URL_BASE: BASE, SITE_URL: SITE, SHORT_CODE_LENGTH: '7' });
  token = await fullAccessToken(app.strapi);
  section = await createSection(app.strapi, 'World', { slug: 'world' });
});

afterAll(async () => {
  await app?.stop();
});

describe('publishing an article', () => {
  it('creates a short URL once, with a 7-character code from the no-look-alike alphabet', async () => {
    const draft = await createArticle(app.strapi, { title: 'Draft only', section: section.documentId }, { publish: false });
    expect(await linkRows(draft.documentId)).toHaveLength(0);

    await app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId } as never);
    const rows = await linkRows(draft.documentId);
    expect(rows).toHaveLength(1);
    expect(rows[0].code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{7}$`));

    // Republishing and editing keep the one link and its code.
    await app.strapi.documents(ARTICLE).update({ documentId: draft.documentId, data: { kicker: 'Updated' }, status: 'published' } as never);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: draft.documentId } as never);
    await app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId } as never);
    const after = await linkRows(draft.documentId);
    expect(after.map((r) => r.code)).toEqual([rows[0].code]);
  });

  it('create with status published makes the link too', async () => {
    const story = await createArticle(app.strapi, { title: 'Published at once', section: section.documentId });
    expect(await linkRows(story.documentId)).toHaveLength(1);
  });
});

describe('one automatic link per article, enforced by the database', () => {
  const automatic = (articleDocumentId: string) =>
    app.strapi.db.query(SHORT).count({ where: { articleDocumentId, madeOnPublish: true } }) as Promise<number>;

  it('two simultaneous first publishes of one article make one link', async () => {
    for (let round = 0; round < 5; round++) {
      const draft = await createArticle(app.strapi, { section: section.documentId }, { publish: false });
      const results = await Promise.allSettled([0, 1].map(() => app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId } as never)));
      expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
      expect(await linkRows(draft.documentId)).toHaveLength(1);
      expect(await automatic(draft.documentId)).toBe(1);
    }
  });

  it('concurrent ensureForArticle calls all return the one link', async () => {
    const story = await createArticle(app.strapi, { section: section.documentId });
    await app.strapi.db.query(SHORT).deleteMany({ where: { articleDocumentId: story.documentId } });
    const links = await Promise.all(Array.from({ length: 8 }, () => service().ensureForArticle(story.documentId)));
    expect(new Set(links.map((l) => l.code)).size).toBe(1);
    expect(await linkRows(story.documentId)).toHaveLength(1);
  });

  it('the database itself refuses a second automatic link for the same article document', async () => {
    const table = () => app.strapi.db.getConnection('short_urls');
    const article = `racearticle${Date.now()}`.padEnd(24, '0');
    const row = (n: number, madeOnPublish: boolean) => ({
      document_id: `dup${n}${Date.now()}`.padEnd(24, '0'),
      code: `DUP${n}x${Date.now() % 100000}`,
      article_document_id: article,
      hits: 0,
      enabled: true,
      redirect_status: 301,
      made_on_publish: madeOnPublish,
    });
    await table().insert(row(1, true));
    // Awaited into a value: knex builders are thenables, not promises.
    const refusal = await table().insert(row(2, true)).then(() => null, (error: unknown) => error);
    expect(String(refusal)).toMatch(/unique/i);
    // An editor's vanity link to the same article is not automatic and stays allowed.
    await table().insert(row(3, false));
    expect(await linkRows(article)).toHaveLength(2);
  });
});

describe('GET /s/:code', () => {
  it('redirects (301) to the canonical URL, counts the hit, and follows slug and section changes', async () => {
    const story = await createArticle(app.strapi, { title: 'Quake hits coast', slug: 'quake-hits-coast', section: section.documentId });
    const code = await codeOf(story.documentId);

    const res = await request(app.server).get(`/s/${code}`).set('User-Agent', BROWSER).expect(301);
    expect(res.headers.location).toBe(`${SITE}/world/quake-hits-coast`);
    expect(await hitsOf(code)).toBe(1);

    const sport = await createSection(app.strapi, 'Sport', { slug: 'sport' });
    await app.strapi.documents(ARTICLE).update({
      documentId: story.documentId,
      data: { slug: 'quake-hits-coast-updated', section: sport.documentId },
      status: 'published',
    } as never);
    expect(await codeOf(story.documentId)).toBe(code);
    const moved = await request(app.server).get(`/s/${code}`).set('User-Agent', BROWSER).expect(301);
    expect(moved.headers.location).toBe(`${SITE}/sport/quake-hits-coast-updated`);
    expect(await hitsOf(code)).toBe(2);
  });

  it('does not count obvious bots, nor HEAD requests', async () => {
    const story = await createArticle(app.strapi, { section: section.documentId });
    const code = await codeOf(story.documentId);
    await request(app.server).get(`/s/${code}`).set('User-Agent', 'Googlebot/2.1 (+http://www.google.com/bot.html)').expect(301);
    await request(app.server).get(`/s/${code}`).set('User-Agent', 'facebookexternalhit/1.1').expect(301);
    await request(app.server).get(`/s/${code}`).set('User-Agent', 'curl/8.5.0').expect(301);
    await request(app.server).head(`/s/${code}`).set('User-Agent', BROWSER).expect(301); // link checkers, previews
    expect(await hitsOf(code)).toBe(0);
    await request(app.server).get(`/s/${code}`).set('User-Agent', BROWSER).expect(301);
    expect(await hitsOf(code)).toBe(1);
  });

  it('counts 200 parallel requests exactly', async () => {
    const story = await createArticle(app.strapi, { section: section.documentId });
    const code = await codeOf(story.documentId);
    // One listening server for all 200 (supertest would otherwise open a server per request);
    // strapi.destroy() closes it.
    if (!app.server.listening) await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const { port } = app.server.address() as import('net').AddressInfo;
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => request(`http://127.0.0.1:${port}`).get(`/s/${code}`).set('User-Agent', BROWSER)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(301));
    expect(await hitsOf(code)).toBe(200);
  });

  it('uses the link status (302) and redirects external links', async () => {
    await app.strapi.documents(SHORT).create({ data: { code: 'ext-302', url: 'https://example.org/report?id=7', redirectStatus: 302 } } as never);
    const res = await request(app.server).get('/s/ext-302').set('User-Agent', BROWSER).expect(302);
    expect(res.headers.location).toBe('https://example.org/report?id=7');
  });

  it('answers 404 for an unknown code, as HTML or as JSON in Strapi’s error shape', async () => {
    const html = await request(app.server).get('/s/NoSuchCode').expect(404);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('Short link not found');
    const json = await request(app.server).get('/s/NoSuchCode').set('Accept', 'application/json').expect(404);
    expect(json.body).toEqual({ data: null, error: expect.objectContaining({ status: 404, name: 'NotFoundError' }) });
    await request(app.server).get(`/s/${encodeURIComponent('<script>alert(1)</script>')}`).expect(404);
    await request(app.server).get(`/s/${'x'.repeat(300)}`).expect(404);
  });

  it('answers 410 for a disabled or expired link, and counts nothing', async () => {
    await app.strapi.documents(SHORT).create({ data: { code: 'off-link', url: 'https://example.org/a', enabled: false } } as never);
    await app.strapi.documents(SHORT).create({ data: { code: 'old-link', url: 'https://example.org/b', expiresAt: new Date(Date.now() - 60_000).toISOString() } } as never);
    const off = await request(app.server).get('/s/off-link').set('User-Agent', BROWSER).expect(410);
    expect(off.text).toContain('no longer available');
    const old = await request(app.server).get('/s/old-link').set('Accept', 'application/json').expect(410);
    expect(old.body.error).toMatchObject({ status: 410, name: 'GoneError' });
    expect(await hitsOf('off-link')).toBe(0);
    expect(await hitsOf('old-link')).toBe(0);
  });

  it('answers 404 once the article is unpublished', async () => {
    const story = await createArticle(app.strapi, { section: section.documentId });
    const code = await codeOf(story.documentId);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: story.documentId } as never);
    await request(app.server).get(`/s/${code}`).expect(404);
  });
});

describe('collisions', () => {
  afterEach(() => service().useCodeGenerator(null));

  it('retries with a new code when the generated one is taken', async () => {
    await app.strapi.documents(SHORT).create({ data: { code: 'TAKEN77', url: 'https://example.org/t' } } as never);
    const codes = ['TAKEN77', 'TAKEN77', 'FRESH77'];
    service().useCodeGenerator(() => codes.shift() ?? 'NEVER77');
    const story = await createArticle(app.strapi, { section: section.documentId });
    expect((await linkRows(story.documentId)).map((r) => r.code)).toEqual(['FRESH77']);
  });

  it('retries after losing a race on the unique index, even inside the publishing transaction', async () => {
    // Another transaction holds an uncommitted row with the code: Strapi's uniqueness pre-check
    // cannot see it, so on PostgreSQL the insert waits on the unique index and then fails with a
    // unique violation; the savepoint keeps the publishing transaction usable for the retry.
    const knex = app.strapi.db.connection;
    const schema = app.strapi.db.getSchemaName();
    const other = await knex.transaction();
    const table = schema ? other.withSchema(schema).table('short_urls') : other.table('short_urls');
    await table.insert({ document_id: 'raceholder00000000000001', code: 'RACEX01', url: 'https://example.org/r', hits: 0, enabled: true, redirect_status: 301 });
    const codes = ['RACEX01', 'RACEX02'];
    service().useCodeGenerator(() => codes.shift() ?? 'NEVER77');
    setTimeout(() => void other.commit(), 400);
    const story = await createArticle(app.strapi, { section: section.documentId });
    expect((await linkRows(story.documentId)).map((r) => r.code)).toEqual(['RACEX02']);
    expect(await app.strapi.db.query(SHORT).count({ where: { code: 'RACEX01' } })).toBe(1);
  });

  it('gives every one of many articles published at once its own code, even when the generator repeats itself', async () => {
    // Each code comes out three times in a row, so concurrent publishes race for the same code.
    let n = 0;
    service().useCodeGenerator(() => `RACE${String(Math.floor(n++ / 3)).padStart(3, '0')}`);
    const drafts = await Promise.all(Array.from({ length: 12 }, () => createArticle(app.strapi, { section: section.documentId }, { publish: false })));
    await Promise.all(drafts.map((d) => app.strapi.documents(ARTICLE).publish({ documentId: d.documentId } as never)));
    const links = await service().getShortLinks(drafts.map((d) => d.documentId));
    expect(links.size).toBe(12);
    const codes = [...links.values()].map((l) => l.code);
    expect(new Set(codes).size).toBe(12);
    expect(n).toBeGreaterThan(12); // collisions really happened and were retried
  });
});

describe('GET /api/articles/:documentId/short-url and the article payloads', () => {
  it('returns code, shortUrl, target and hits to an anonymous reader', async () => {
    const story = await createArticle(app.strapi, { title: 'Floods in the north', slug: 'floods-in-the-north', section: section.documentId });
    const code = await codeOf(story.documentId);
    await request(app.server).get(`/s/${code}`).set('User-Agent', BROWSER).expect(301);
    const res = await request(app.server).get(`/api/articles/${story.documentId}/short-url`).expect(200);
    expect(res.body.data).toEqual({ code, shortUrl: `${BASE}/s/${code}`, target: `${SITE}/world/floods-in-the-north`, hits: 1 });
  });

  it('404 for a draft or unknown article, 400 for a hostile id', async () => {
    const draft = await createArticle(app.strapi, { section: section.documentId }, { publish: false });
    const res = await request(app.server).get(`/api/articles/${draft.documentId}/short-url`).expect(404);
    expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    await request(app.server).get('/api/articles/doesnotexist000000000000/short-url').expect(404);
    const bad = await request(app.server).get(`/api/articles/${encodeURIComponent("x' OR 1=1 --")}/short-url`).expect(400);
    expect(bad.body.error.name).toBe('ValidationError');
  });

  it('is read-only: a link an editor deleted does not come back on the next read', async () => {
    const story = await createArticle(app.strapi, { section: section.documentId });
    await request(app.server).get(`/api/articles/${story.documentId}/short-url`).expect(200);
    const link = (await app.strapi.db.query(SHORT).findOne({ where: { articleDocumentId: story.documentId }, select: ['documentId'] })) as { documentId: string };
    await app.strapi.documents(SHORT).delete({ documentId: link.documentId } as never);
    await request(app.server).get(`/api/articles/${story.documentId}/short-url`).expect(404);
    const gql = await request(app.server).post('/graphql').send({ query: `{ articleShortUrl(documentId: "${story.documentId}") { code } }` }).expect(200);
    expect(gql.body.data?.articleShortUrl ?? null).toBeNull();
    expect(await linkRows(story.documentId)).toHaveLength(0);
  });

  it('the backfill job gives a published article without a link one, and looks only at rows it has not checked', async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'newsroom' });
    const old = await createArticle(app.strapi, { section: section.documentId });
    await appPlatform(app.strapi).jobs.runNow(BACKFILL_JOB); // checked up to here
    const checkedUpTo = Number(await store.get({ key: 'short_urls_backfill_after_id' }));
    await app.strapi.db.query(SHORT).deleteMany({ where: { articleDocumentId: old.documentId } });

    // A publication whose link creation failed (simulated by deleting it) after the last run.
    const missed = await createArticle(app.strapi, { section: section.documentId });
    await app.strapi.db.query(SHORT).deleteMany({ where: { articleDocumentId: missed.documentId } });
    expect(await appPlatform(app.strapi).jobs.runNow(BACKFILL_JOB)).toBe(true);
    expect(await linkRows(missed.documentId)).toHaveLength(1);
    // Older rows are not scanned again: the deleted link of an article checked before stays deleted.
    expect(await linkRows(old.documentId)).toHaveLength(0);
    expect(Number(await store.get({ key: 'short_urls_backfill_after_id' }))).toBeGreaterThan(checkedUpTo);
    // Idempotent: a second run makes nothing.
    await appPlatform(app.strapi).jobs.runNow(BACKFILL_JOB);
    expect(await linkRows(missed.documentId)).toHaveLength(1);
  });

  it('REST article list and page include shortUrl', async () => {
    const story = await createArticle(app.strapi, { section: section.documentId });
    const code = await codeOf(story.documentId);
    const one = await request(app.server).get(`/api/articles/${story.documentId}`).expect(200);
    expect(one.body.data.shortUrl).toBe(`${BASE}/s/${code}`);
    const list = await request(app.server).get('/api/articles').query({ pagination: { pageSize: 100 } }).expect(200);
    const item = list.body.data.find((a: { documentId: string }) => a.documentId === story.documentId);
    expect(item.shortUrl).toBe(`${BASE}/s/${code}`);
  });

  it('the article page by slug carries the short URL, and drops it at once when an editor disables the link', async () => {
    const story = await createArticle(app.strapi, { title: 'Page with link', slug: 'page-with-link', section: section.documentId });
    const code = await codeOf(story.documentId);
    const page = await request(app.server).get('/api/articles/by-slug/page-with-link').expect(200);
    expect(page.body.data.shortUrl).toBe(`${BASE}/s/${code}`);

    const link = (await app.strapi.db.query(SHORT).findOne({ where: { code }, select: ['documentId'] })) as { documentId: string };
    await app.strapi.documents(SHORT).update({ documentId: link.documentId, data: { enabled: false } } as never);
    const again = await request(app.server).get('/api/articles/by-slug/page-with-link').expect(200);
    expect(again.body.data.shortUrl).toBeNull();
    await request(app.server).get(`/s/${code}`).expect(410);
  });

  it('GraphQL exposes shortUrl on articles and the articleShortUrl query', async () => {
    const story = await createArticle(app.strapi, { section: section.documentId });
    const code = await codeOf(story.documentId);
    const res = await request(app.server)
      .post('/graphql')
      .send({ query: `{ articles(pagination: { limit: 100 }) { documentId shortUrl } articleShortUrl(documentId: "${story.documentId}") { code shortUrl hits } }` })
      .expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles.find((a: { documentId: string }) => a.documentId === story.documentId).shortUrl).toBe(`${BASE}/s/${code}`);
    expect(res.body.data.articleShortUrl).toEqual({ code, shortUrl: `${BASE}/s/${code}`, hits: 0 });
  });

  it('getShortLinks is served by an index on short_urls(article_document_id)', async () => {
    const knex = app.strapi.db.connection;
    const name = 'short_urls_article_document_idx';
    const found =
      app.strapi.db.dialect.client === 'sqlite'
        ? await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?`, [name])
        : (await knex.raw('SELECT indexname FROM pg_indexes WHERE indexname = ? AND schemaname = ?', [name, app.strapi.db.getSchemaName()])).rows;
    expect(found).toHaveLength(1);
  });

  it('getShortLinks answers many ids with one map and skips unknown ones', async () => {
    const a = await createArticle(app.strapi, { section: section.documentId });
    const b = await createArticle(app.strapi, { section: section.documentId });
    const links = await service().getShortLinks([a.documentId, b.documentId, 'unknown-id']);
    expect([...links.keys()].sort()).toEqual([a.documentId, b.documentId].sort());
    expect(links.get(a.documentId)!.shortUrl).toBe(`${BASE}/s/${links.get(a.documentId)!.code}`);
  });
});

describe('GET /api/short-urls/:code/qr', () => {
  it('returns an SVG QR code of the short link', async () => {
    const story = await createArticle(app.strapi, { section: section.documentId });
    const code = await codeOf(story.documentId);
    const res = await request(app.server).get(`/api/short-urls/${code}/qr`).buffer(true).parse((r, cb) => {
      let s = '';
      r.on('data', (c: Buffer) => (s += c.toString()));
      r.on('end', () => cb(null, s));
    }).expect(200);
    expect(res.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(res.body as string).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it('404 for an unknown code, 400 for a malformed one', async () => {
    await request(app.server).get('/api/short-urls/Unknown99/qr').expect(404);
    const bad = await request(app.server).get(`/api/short-urls/${encodeURIComponent('a b')}/qr`).expect(400);
    expect(bad.body.error.name).toBe('ValidationError');
  });
});

describe('editors’ short URLs', () => {
  const HOSTILE = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    'javascript\n:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/path',
    '\\\\evil.example',
    'https:evil.example',
    'https:///evil.example',
    'ftp://example.org/file',
    'https://bank.example@evil.example/',
    '/relative/path',
    'https://exa mple.org',
  ];

  it.each(HOSTILE)('refuses the target %j through the API with a clear 400', async (url) => {
    const before = await app.strapi.db.query(SHORT).count({});
    const res = await request(app.server)
      .post('/api/short-urls')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { url } })
      .expect(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.message).toMatch(/http/);
    expect(await app.strapi.db.query(SHORT).count({})).toBe(before);
  });

  it('refuses a hostile target on update too (the admin and the API share the Document Service)', async () => {
    const link = (await app.strapi.documents(SHORT).create({ data: { code: 'upd-link', url: 'https://example.org/ok' } } as never)) as Doc;
    await expect(app.strapi.documents(SHORT).update({ documentId: link.documentId, data: { url: 'javascript:alert(1)' } } as never)).rejects.toThrow(/http/);
    const stored = (await app.strapi.db.query(SHORT).findOne({ where: { documentId: link.documentId }, select: ['url'] })) as { url: string };
    expect(stored.url).toBe('https://example.org/ok');
  });

  it('creates an external link with a vanity code, or a random one', async () => {
    const vanity = await request(app.server)
      .post('/api/short-urls')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { url: 'https://example.org/elections', code: 'elections' } })
      .expect(201);
    expect(vanity.body.data.code).toBe('elections');
    await request(app.server).get('/s/elections').set('User-Agent', BROWSER).expect(301).expect('Location', 'https://example.org/elections');

    const random = await request(app.server)
      .post('/api/short-urls')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { url: 'https://example.org/budget' } })
      .expect(201);
    expect(random.body.data.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{7}$`));
  });

  it.each(['api', 'ADMIN', 's', 'uploads', 'graphql'])('refuses the reserved code %j', async (code) => {
    const res = await request(app.server)
      .post('/api/short-urls')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { url: 'https://example.org/x', code } })
      .expect(400);
    expect(res.body.error.message).toMatch(/reserved/);
  });

  it('refuses a taken code, a malformed code, a code change, two targets, no target and an odd status', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    await request(app.server).post('/api/short-urls').set(auth).send({ data: { url: 'https://example.org/1', code: 'dup-code' } }).expect(201);
    const dup = await request(app.server).post('/api/short-urls').set(auth).send({ data: { url: 'https://example.org/2', code: 'dup-code' } }).expect(400);
    expect(dup.body.error.message).toMatch(/taken|unique/i);
    await request(app.server).post('/api/short-urls').set(auth).send({ data: { url: 'https://example.org/3', code: 'bad code!' } }).expect(400);

    const link = (await app.strapi.documents(SHORT).create({ data: { code: 'fixed-code', url: 'https://example.org/f' } } as never)) as Doc;
    const change = await request(app.server).put(`/api/short-urls/${link.documentId}`).set(auth).send({ data: { code: 'other-code' } }).expect(400);
    expect(change.body.error.message).toMatch(/cannot be changed/);

    const story = await createArticle(app.strapi, { section: section.documentId });
    const both = await request(app.server).post('/api/short-urls').set(auth).send({ data: { url: 'https://example.org/4', articleDocumentId: story.documentId } }).expect(400);
    expect(both.body.error.message).toMatch(/not both/);
    const none = await request(app.server).post('/api/short-urls').set(auth).send({ data: { code: 'no-target' } }).expect(400);
    expect(none.body.error.message).toMatch(/needs a target/);
    const status = await request(app.server).post('/api/short-urls').set(auth).send({ data: { url: 'https://example.org/5', redirectStatus: 304 } }).expect(400);
    expect(status.body.error.message).toMatch(/redirect status/);
  });

  it('an editor can point a vanity code at an article through the relation', async () => {
    const story = await createArticle(app.strapi, { title: 'Vanity story', slug: 'vanity-story', section: section.documentId });
    const link = (await app.strapi.documents(SHORT).create({ data: { code: 'vanity-story', article: story.documentId } } as never)) as Doc;
    const stored = (await app.strapi.db.query(SHORT).findOne({ where: { documentId: link.documentId }, select: ['articleDocumentId'] })) as { articleDocumentId: string };
    expect(stored.articleDocumentId).toBe(story.documentId);
    await request(app.server).get('/s/vanity-story').expect(301).expect('Location', `${SITE}/world/vanity-story`);
  });

  it('the admin (content manager) refuses a hostile target and creates a link with a random code', async () => {
    const role = await app.strapi.service('admin::role').getSuperAdmin();
    await app.strapi.service('admin::user').create({ email: 'desk@example.com', firstname: 'Desk', password: 'Desk-Editor-1', isActive: true, roles: [role.id] });
    const login = await request(app.server).post('/admin/login').send({ email: 'desk@example.com', password: 'Desk-Editor-1' }).expect(200);
    const admin = { Authorization: `Bearer ${login.body.data.token}` };
    const path = '/content-manager/collection-types/api::short-url.short-url';

    const bad = await request(app.server).post(path).set(admin).send({ code: '', url: 'JavaScript:alert(document.domain)' }).expect(400);
    expect(bad.body.error.message).toMatch(/only absolute http/);
    const ok = await request(app.server).post(path).set(admin).send({ code: '', url: 'https://example.org/live', redirectStatus: 302 }).expect(201);
    const code = ok.body.data.code as string;
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{7}$`));
    await request(app.server).get(`/s/${code}`).expect(302).expect('Location', 'https://example.org/live');
  });

  it('keeps the short-url CRUD away from anonymous readers', async () => {
    await request(app.server).get('/api/short-urls').expect(403);
    await request(app.server).post('/api/short-urls').send({ data: { url: 'https://example.org/x' } }).expect(403);
  });
});
