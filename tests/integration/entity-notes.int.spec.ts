// Entity notes, corrections and photo provenance as readers, feeds, integrations and editors see
// them: marked mentions and notes on the page, GraphQL and every feed format, in the story's
// locale; suppression; the purge after an entity edit; bad input refused; the disclosure line.
import request from 'supertest';
import Parser from 'rss-parser';
import { XMLParser } from 'fast-xml-parser';
import { startApp, fullAccessToken, type TestApp } from '../helpers/strapi';
import { createArticle, createPhoto, createSection, type Doc } from '../helpers/fixtures';

const ARTICLE = 'api::article.article';
const ENTITY = 'api::entity-note.entity-note';
const ADMIN = { ADMIN_EMAIL: 'notes.editor@example.com', ADMIN_PASSWORD: 'Newsroom-2024' };

let app: TestApp;
let token: string;
let world: Doc;
let sport: Doc;
let isis: Doc;
let mentioning: Doc;
let unrelated: Doc;
let suppressedStory: Doc;
let aiPhoto: Doc;

const rss = new Parser({ customFields: { item: [['media:content', 'mediaContent', { keepArray: true }]] } });
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const api = () => request(app.server);
const authed = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
const gql = (query: string, variables: Record<string, unknown> = {}, auth = false) => {
  const r = api().post('/graphql').send({ query, variables });
  return auth ? authed(r) : r;
};
const count = () => app.strapi.db.query(ENTITY).count({});

const NOTE_EN = '*Terrorist group outlawed in Russia and many other countries.';
const NOTE_RU = '*Террористическая организация, запрещена в России.';

beforeAll(async () => {
  app = await startApp({ ...ADMIN, SITE_URL: 'https://news.example', PUBLIC_URL: 'https://cms.example' });
  const { strapi } = app;
  token = await fullAccessToken(strapi);
  await strapi.plugin('i18n').service('locales').create({ code: 'ru', name: 'Russian (ru)' });
  world = await createSection(strapi, 'World');
  sport = await createSection(strapi, 'Sport');
  isis = (await strapi.documents(ENTITY).create({
    data: {
      name: 'Islamic State',
      marker: '*',
      translations: [
        { locale: 'en', aliases: ['ISIS', 'ISIL'], note: NOTE_EN },
        { locale: 'ru', aliases: ['ИГИЛ', 'Исламское государство', 'Исламского государства', 'Исламским государством'], note: NOTE_RU },
      ],
    },
  } as never)) as Doc;
  const photo = await createPhoto(strapi, { caption: 'ISIS fighters near the border' });
  mentioning = await createArticle(strapi, {
    title: 'ISIS claims attack',
    standfirst: 'The Islamic State said it was behind it; see https://example.org/isis for the claim.',
    section: world.documentId,
    leadPhoto: photo.documentId,
    footnotes: [{ marker: '†', text: 'Names changed for safety.' }],
    body: [
      { __component: 'blocks.rich-text', body: 'Officials said ISIS had planned it. <a href="/isis" title="ISIS">link</a>' },
      { __component: 'blocks.quote', text: 'We blame the Islamic State', attribution: 'A minister' },
    ],
  });
  await strapi.documents(ARTICLE).update({
    documentId: mentioning.documentId,
    locale: 'ru',
    status: 'published',
    data: { title: 'Боевики Исламского государства взяли ответственность', slug: 'boeviki-ig', standfirst: 'ИГИЛ заявило об атаке.', section: world.documentId },
  } as never);
  unrelated = await createArticle(strapi, { title: 'Markets rally', standfirst: 'Stocks rose. A crisis averted.', section: world.documentId });
  suppressedStory = await createArticle(strapi, {
    title: 'ISIS history explained',
    section: sport.documentId,
    noteSuppressions: [{ entity: isis.documentId, reason: 'Academic explainer; the legal note runs in the sidebar' }],
  });
  aiPhoto = await createPhoto(strapi, {
    caption: 'An illustration of the summit',
    credit: { agency: 'Newsroom Studio', photographer: 'Image model', mayRedistribute: true },
    digitalSourceType: 'trainedAlgorithmicMedia',
    provenanceNote: 'Generated with an image model from an editor\'s prompt',
  });
  await createArticle(strapi, { title: 'Summit preview', section: sport.documentId, leadPhoto: aiPhoto.documentId });
});

afterAll(async () => {
  await app?.stop();
  for (const key of Object.keys(ADMIN)) delete process.env[key];
});

describe('the article page', () => {
  it('marks the first mention, lists the note once after the editor\'s footnotes, never inside a URL or HTML attribute', async () => {
    const res = await api().get(`/api/articles/by-slug/${mentioning.slug}`).expect(200);
    const page = res.body.data;
    expect(page.title).toBe('ISIS* claims attack');
    expect(page.standfirst).toBe('The Islamic State said it was behind it; see https://example.org/isis for the claim.');
    expect(page.body[0].body).toBe('Officials said ISIS had planned it. <a href="/isis" title="ISIS">link</a>');
    expect(page.footnotes).toEqual([
      { marker: '†', text: 'Names changed for safety.', entity: null },
      { marker: '*', text: NOTE_EN, entity: isis.documentId },
    ]);
    const title = page.entityMentions.find((m: { path: string }) => m.path === 'title');
    expect(title).toMatchObject({ entity: isis.documentId, start: 0, end: 4, marked: true, marker: '*' });
    expect(page.entityMentions.map((m: { path: string }) => m.path)).toEqual(['title', 'standfirst', 'leadPhoto.caption', 'body.0.body', 'body.1.text']);
  });

  it('uses the Russian aliases and note for the Russian version', async () => {
    // The Russian version has its own slug; look it up.
    const ru = (await app.strapi.documents(ARTICLE).findOne({ documentId: mentioning.documentId, locale: 'ru', status: 'published' } as never)) as Doc;
    const page = (await api().get(`/api/articles/by-slug/${ru.slug}?locale=ru`).expect(200)).body.data;
    expect(page.title).toBe('Боевики Исламского государства* взяли ответственность');
    expect(page.standfirst).toBe('ИГИЛ заявило об атаке.');
    expect(page.footnotes).toEqual([{ marker: '*', text: NOTE_RU, entity: isis.documentId }]);
  });

  it('shows no note where an editor suppressed it, and the suppression is kept with its reason', async () => {
    const page = (await api().get(`/api/articles/by-slug/${suppressedStory.slug}`).expect(200)).body.data;
    expect(page.title).toBe('ISIS history explained');
    expect(page.footnotes).toEqual([]);
    const notes = (await authed(api().get(`/api/articles/${suppressedStory.documentId}/entity-notes`)).expect(200)).body.data;
    expect(notes).toEqual([expect.objectContaining({ entity: isis.documentId, suppressed: true, reason: expect.stringMatching(/Academic/) })]);
  });

  it('leaves a story that mentions nothing alone ("crisis" is not ISIS)', async () => {
    const page = (await api().get(`/api/articles/by-slug/${unrelated.slug}`).expect(200)).body.data;
    expect(page.standfirst).toBe('Stocks rose. A crisis averted.');
    expect(page.footnotes).toEqual([]);
  });

  it('returns the same over GraphQL', async () => {
    const res = await gql(`query($slug: String!) { articleBySlug(slug: $slug) { title footnotes { marker text entity } entityMentions } }`, { slug: mentioning.slug }).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articleBySlug.title).toBe('ISIS* claims attack');
    expect(res.body.data.articleBySlug.footnotes[1]).toEqual({ marker: '*', text: NOTE_EN, entity: isis.documentId });
  });
});

describe('feeds', () => {
  it('JSON: marked title and the note on the item', async () => {
    const res = await api().get('/api/feeds/articles').expect(200);
    const item = res.body.data.find((a: { documentId: string }) => a.documentId === mentioning.documentId);
    expect(item.title).toBe('ISIS* claims attack');
    expect(item.entityNotes).toEqual([{ marker: '*', text: NOTE_EN, entity: isis.documentId }]);
    const plain = res.body.data.find((a: { documentId: string }) => a.documentId === unrelated.documentId);
    expect(plain.entityNotes).toEqual([]);
  });

  it('RSS, Atom and JSON Feed: marker after the mention, note appended to the summary', async () => {
    const parsed = await rss.parseString((await api().get('/api/feeds/articles?format=rss').expect(200)).text);
    const item = parsed.items.find((i) => i.guid?.includes(mentioning.documentId))!;
    expect(item.title).toBe('ISIS* claims attack');
    expect(item.contentSnippet ?? item.content).toContain(NOTE_EN);

    const atom = xml.parse((await api().get('/api/feeds/articles?format=atom').expect(200)).text);
    const entries = [atom.feed.entry].flat();
    const entry = entries.find((e: { id: string }) => e.id.includes(mentioning.documentId));
    expect(JSON.stringify(entry.title)).toContain('ISIS* claims attack');
    expect(JSON.stringify(entry.summary)).toContain('Terrorist group outlawed');

    const feed = JSON.parse((await api().get('/api/feeds/articles?format=jsonfeed').expect(200)).text);
    const jf = feed.items.find((i: { id: string }) => i.id.includes(mentioning.documentId));
    expect(jf.title).toBe('ISIS* claims attack');
    expect(jf.summary).toContain(NOTE_EN);
    expect(jf._newsroom.entityNotes[0].entity).toBe(isis.documentId);
  });
});

describe('picture weeks and the news sitemap', () => {
  const WEEK = '/api/feeds/this-week-in-pictures?date=2017-03-15';
  let pictured: Doc;
  beforeAll(async () => {
    // Released, so readers see it although no published story uses it; a week with no editors' gallery.
    pictured = await createPhoto(app.strapi, { caption: 'ISIL fighters leave the city', takenAt: '2017-03-15T10:00:00.000Z', released: true });
  });
  const pictureOf = (items: Array<{ photo: { documentId: string } }>) => items.find((p) => p.photo.documentId === pictured.documentId) as { caption: string; entityNotes: unknown[] } | undefined;

  it('marks captions in the automatic picture week, with the note, in JSON and RSS', async () => {
    const res = await api().get(WEEK).expect(200);
    expect(res.body.meta.feed.source).toBe('automatic');
    const item = pictureOf(res.body.data)!;
    expect(item.caption).toBe('ISIL* fighters leave the city');
    expect(item.entityNotes).toEqual([{ marker: '*', text: NOTE_EN, entity: isis.documentId }]);

    const parsed = await rss.parseString((await api().get(`${WEEK}&format=rss`).expect(200)).text);
    const entry = parsed.items.find((i) => i.guid?.includes(pictured.documentId))!;
    expect(entry.title).toBe('ISIL* fighters leave the city');
    expect(entry.contentSnippet ?? entry.content).toContain(NOTE_EN);
  });

  it('marks the titles of the news sitemap', async () => {
    const res = await api().get('/api/feeds/news-sitemap').expect(200);
    expect(res.text).toContain('ISIS* claims attack');
    expect(res.text).not.toContain('Markets rally*');
  });

  it('refreshes the picture week after an entity edit', async () => {
    await api().get(WEEK).expect(200);
    expect((await api().get(WEEK).expect(200)).headers['x-feed-cache']).toBe('hit');
    const rule = await app.strapi.service('api::entity-note.notes').rule(isis.documentId);
    const en = rule.locales.find((l: { locale: string }) => l.locale === 'en');
    const ru = rule.locales.find((l: { locale: string }) => l.locale === 'ru');
    await authed(api().put(`/api/entity-notes/${isis.documentId}`))
      .send({ data: { translations: [{ locale: 'en', aliases: en.aliases, note: '*Picture week note.' }, { locale: 'ru', aliases: ru.aliases, note: ru.note }] } })
      .expect(200);
    const fresh = await api().get(WEEK).expect(200);
    expect(fresh.headers['x-feed-cache']).toBe('miss');
    expect(pictureOf(fresh.body.data)!.entityNotes).toEqual([{ marker: '*', text: '*Picture week note.', entity: isis.documentId }]);
    await authed(api().put(`/api/entity-notes/${isis.documentId}`))
      .send({ data: { translations: [{ locale: 'en', aliases: en.aliases, note: en.note }, { locale: 'ru', aliases: ru.aliases, note: ru.note }] } })
      .expect(200);
  });
});

describe('an entity edit', () => {
  it('shows at once on every affected story and feed, without republishing, and lists the stories it appears in', async () => {
    // Prime the caches.
    await api().get(`/api/articles/by-slug/${mentioning.slug}`).expect(200);
    const hit = await api().get(`/api/articles/by-slug/${mentioning.slug}`).expect(200);
    expect(hit.headers['x-feed-cache']).toBe('hit');
    await api().get('/api/feeds/articles?format=rss').expect(200);
    await api().get(`/api/articles/by-slug/${unrelated.slug}`).expect(200);
    expect((await api().get(`/api/articles/by-slug/${unrelated.slug}`).expect(200)).headers['x-feed-cache']).toBe('hit');

    const res = await authed(api().put(`/api/entity-notes/${isis.documentId}`)).send({
      data: {
        translations: [
          { locale: 'en', aliases: ['ISIS', 'ISIL', 'Daesh'], note: '*Designated a terrorist organisation.' },
          { locale: 'ru', aliases: ['ИГИЛ', 'Исламского государства'], note: NOTE_RU },
        ],
      },
    });
    expect(res.status).toBe(200);

    // The story that does not mention it is still served from the cache: only affected entries were purged.
    expect((await api().get(`/api/articles/by-slug/${unrelated.slug}`).expect(200)).headers['x-feed-cache']).toBe('hit');
    const fresh = await api().get(`/api/articles/by-slug/${mentioning.slug}`).expect(200);
    expect(fresh.headers['x-feed-cache']).toBe('miss');
    const page = fresh.body.data;
    expect(page.footnotes[1]).toEqual({ marker: '*', text: '*Designated a terrorist organisation.', entity: isis.documentId });
    const feed = await rss.parseString((await api().get('/api/feeds/articles?format=rss').expect(200)).text);
    expect(feed.items.find((i) => i.guid?.includes(mentioning.documentId))!.contentSnippet).toContain('Designated a terrorist organisation.');

    const stories = (await authed(api().get(`/api/entity-notes/${isis.documentId}/stories`)).expect(200)).body.data as Array<{ documentId: string; locale: string }>;
    const ids = stories.map((s) => `${s.documentId}:${s.locale}`);
    expect(ids).toEqual(expect.arrayContaining([`${mentioning.documentId}:en`, `${mentioning.documentId}:ru`, `${suppressedStory.documentId}:en`]));
    expect(ids).not.toContain(`${unrelated.documentId}:en`);
  });

  it('purges nothing when the edited entity is mentioned nowhere', async () => {
    const quiet = (await app.strapi.documents(ENTITY).create({ data: { name: 'Nowhere Mentioned Org', translations: [{ locale: 'en', aliases: [], note: 'A note' }] } } as never)) as Doc;
    await api().get(`/api/articles/by-slug/${unrelated.slug}`).expect(200);
    expect((await api().get(`/api/articles/by-slug/${unrelated.slug}`).expect(200)).headers['x-feed-cache']).toBe('hit');
    await authed(api().put(`/api/entity-notes/${quiet.documentId}`)).send({ data: { translations: [{ locale: 'en', aliases: ['Still Nowhere'], note: 'Another note' }] } }).expect(200);
    expect((await api().get(`/api/articles/by-slug/${unrelated.slug}`).expect(200)).headers['x-feed-cache']).toBe('hit');
    await app.strapi.documents(ENTITY).delete({ documentId: quiet.documentId } as never);
  });

  it('computes the affected stories from the aliases before and after (a removed alias still purges)', async () => {
    const notes = app.strapi.service('api::entity-note.notes');
    const daesh = await app.strapi.documents(ENTITY).create({
      data: { name: 'Daesh Watch', translations: [{ locale: 'en', aliases: ['Markets rally'], note: 'A test note' }] },
    } as never);
    const found = (await notes.storiesMentioning([await notes.rule(daesh.documentId)])) as Array<{ documentId: string }>;
    expect(found.map((s) => s.documentId)).toEqual([unrelated.documentId]);
    await app.strapi.documents(ENTITY).delete({ documentId: daesh.documentId } as never);
    const page = (await api().get(`/api/articles/by-slug/${unrelated.slug}`).expect(200)).body.data;
    expect(page.footnotes).toEqual([]);
  });

  it('is listed for editors in the admin, behind the admin login', async () => {
    await api().get(`/newsroom/entity-notes/${isis.documentId}/stories`).expect(401);
    const login = await api().post('/admin/login').send({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }).expect(200);
    const admin = login.body.data.token as string;
    const res = await api().get(`/newsroom/entity-notes/${isis.documentId}/stories`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(res.body.data.map((s: { documentId: string }) => s.documentId)).toContain(mentioning.documentId);
    const applied = await api().get(`/newsroom/articles/${mentioning.documentId}/entity-notes?locale=en`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(applied.body.data).toEqual([expect.objectContaining({ entity: isis.documentId, name: 'Islamic State', suppressed: false })]);
  });

  it('is not readable by the public role', async () => {
    await api().get(`/api/entity-notes/${isis.documentId}/stories`).expect(403);
    await api().get('/api/entity-notes').expect(403);
    const res = await gql(`query($id: ID!) { entityNoteStories(documentId: $id) { documentId } }`, { id: isis.documentId });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('bad input on save', () => {
  const good = { locale: 'en', aliases: ['Some Org'], note: 'A note' };
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an empty alias', { name: 'Org A', translations: [{ ...good, aliases: [''] }] }, /empty/],
    ['a one-character alias', { name: 'Org A', translations: [{ ...good, aliases: ['X'] }] }, /single character/],
    ['an alias that would match everything', { name: 'Org A', translations: [{ ...good, aliases: ['the'] }] }, /common word/],
    ['punctuation only', { name: 'Org A', translations: [{ ...good, aliases: ['***'] }] }, /no letters/],
    ['a locale the site does not have', { name: 'Org A', translations: [{ ...good, locale: 'xx' }] }, /not a locale of this site/],
    ['a marker longer than 3 characters', { name: 'Org A', marker: '****', translations: [good] }, /at most 3/],
    ['a one-letter name', { name: 'Q', translations: [good] }, /single character/],
    ['aliases that are not a list', { name: 'Org A', translations: [{ ...good, aliases: 'Org' }] }, /list/],
    ['an empty note', { name: 'Org A', translations: [{ ...good, note: '  ' }] }, /note/],
    ['a locale twice', { name: 'Org A', translations: [good, good] }, /twice/],
  ];

  it.each(cases)('REST refuses %s with a 400 and creates nothing', async (_label, data, message) => {
    const before = await count();
    const res = await authed(api().post('/api/entity-notes')).send({ data });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(res.body.error.message).toMatch(message);
    expect(await count()).toBe(before);
  });

  it.each(cases.slice(0, 6))('GraphQL refuses %s as a client error', async (_label, data, message) => {
    const before = await count();
    const res = await gql(`mutation($data: EntityNoteInput!) { createEntityNote(data: $data) { documentId } }`, { data }, true);
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].message).toMatch(message);
    expect(await count()).toBe(before);
  });

  it('the admin refuses them too, with the same message', async () => {
    const login = await api().post('/admin/login').send({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }).expect(200);
    const before = await count();
    const res = await api()
      .post(`/content-manager/collection-types/${ENTITY}`)
      .set('Authorization', `Bearer ${login.body.data.token}`)
      .send({ name: 'Org A', marker: '*', scope: 'everywhere', firstMentionOnly: true, translations: [{ locale: 'en', aliases: ['a'], note: 'A note' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/single character/);
    expect(await count()).toBe(before);
  });

  it('GraphQL refuses a suppression without a reason', async () => {
    const res = await gql(
      `mutation($id: ID!, $data: ArticleInput!) { updateArticle(documentId: $id, data: $data) { documentId } }`,
      { id: unrelated.documentId, data: { noteSuppressions: [{ entity: isis.documentId, reason: ' ' }] } },
      true,
    );
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].message).toMatch(/reason/);
  });

  it('refuses a suppression without a reason', async () => {
    const res = await authed(api().put(`/api/articles/${unrelated.documentId}`)).send({ data: { noteSuppressions: [{ entity: isis.documentId, reason: '' }] } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/reason/);
  });
});

describe('corrections and updates', () => {
  it('sets the reader-visible update time, lists newest first, and moves the feed modified date only for them', async () => {
    const doc = await createArticle(app.strapi, { title: 'Bridge reopens', section: world.documentId });
    const silent = await app.strapi.documents(ARTICLE).update({ documentId: doc.documentId, status: 'published', data: { standfirst: 'Typo fixed quietly' } } as never) as Doc;
    let page = (await api().get(`/api/articles/by-slug/${doc.slug}`).expect(200)).body.data;
    expect(page.updatedAt).toBe(page.publishedAt);
    expect(page.corrections).toEqual([]);
    let jf = JSON.parse((await api().get('/api/feeds/articles?format=jsonfeed').expect(200)).text);
    expect(jf.items.find((i: { id: string }) => i.id.includes(doc.documentId)).date_modified).toBeUndefined();
    expect(silent.documentId).toBe(doc.documentId);

    await app.strapi.documents(ARTICLE).update({
      documentId: doc.documentId,
      status: 'published',
      data: {
        corrections: [
          { at: '2026-03-01T10:00:00.000Z', kind: 'correction', text: 'An earlier version gave the wrong span.' },
          { at: '2026-03-02T08:30:00.000Z', kind: 'update', text: 'Traffic now flows both ways.' },
        ],
      },
    } as never);
    page = (await api().get(`/api/articles/by-slug/${doc.slug}`).expect(200)).body.data;
    expect(page.updatedAt).toBe('2026-03-02T08:30:00.000Z');
    expect(page.corrections.map((c: { kind: string }) => c.kind)).toEqual(['update', 'correction']);

    jf = JSON.parse((await api().get('/api/feeds/articles?format=jsonfeed').expect(200)).text);
    const item = jf.items.find((i: { id: string }) => i.id.includes(doc.documentId));
    expect(item.date_modified).toBe('2026-03-02T08:30:00.000Z');
    expect(item.content_text.indexOf('Update (2026-03-02')).toBeLessThan(item.content_text.indexOf('Correction (2026-03-01'));
    const atom = xml.parse((await api().get('/api/feeds/articles?format=atom').expect(200)).text);
    const entry = [atom.feed.entry].flat().find((e: { id: string }) => e.id.includes(doc.documentId));
    expect(new Date(entry.updated).toISOString()).toBe('2026-03-02T08:30:00.000Z');
    const gq = await gql(`query($slug: String!) { articleBySlug(slug: $slug) { updatedAt corrections { at kind text } } }`, { slug: doc.slug }).expect(200);
    expect(gq.body.data.articleBySlug.corrections[0]).toEqual({ at: '2026-03-02T08:30:00.000Z', kind: 'update', text: 'Traffic now flows both ways.' });
  });
});

describe('photo provenance', () => {
  it('puts the disclosure in the rendered credit everywhere, and in Media RSS credit and description', async () => {
    const photo = (await app.strapi.documents('api::photo.photo').findOne({ documentId: aiPhoto.documentId } as never)) as Doc;
    expect(photo.creditLine).toBe('© Newsroom Studio / Image model · AI-generated image');
    const res = await api().get('/api/feeds/articles?format=rss').expect(200);
    const item = (await rss.parseString(res.text)).items.find((i) => i.title === 'Summit preview')!;
    const media = (item as unknown as { mediaContent: Array<Record<string, unknown>> }).mediaContent[0];
    expect(JSON.stringify(media['media:credit'])).toContain('AI-generated image');
    expect(JSON.stringify(media['media:description'])).toContain('An illustration of the summit (AI-generated image)');
  });

  it('re-renders the line when only the source type changes', async () => {
    const updated = (await app.strapi.documents('api::photo.photo').update({ documentId: aiPhoto.documentId, data: { digitalSourceType: 'composite' } } as never)) as Doc;
    expect(updated.creditLine).toBe('© Newsroom Studio / Image model · Composite image');
    await app.strapi.documents('api::photo.photo').update({ documentId: aiPhoto.documentId, data: { digitalSourceType: 'trainedAlgorithmicMedia' } } as never);
  });

  it('drops AI-generated images from syndication feeds when configured, keeping the story', async () => {
    app.strapi.config.set('feeds.dropAiImages', true);
    app.strapi.service('api::feed.feed-http').invalidate();
    try {
      const feed = JSON.parse((await api().get('/api/feeds/articles?format=jsonfeed').expect(200)).text);
      const item = feed.items.find((i: { title: string }) => i.title === 'Summit preview');
      expect(item).toBeDefined();
      expect(item.image).toBeUndefined();
      expect(item._newsroom.photos).toEqual([]);
      const other = feed.items.find((i: { id: string }) => i.id.includes(mentioning.documentId));
      expect(other._newsroom.photos).toHaveLength(1);
    } finally {
      app.strapi.config.set('feeds.dropAiImages', false);
      app.strapi.service('api::feed.feed-http').invalidate();
    }
  });
});
