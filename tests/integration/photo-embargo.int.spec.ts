// The photo embargo: readers see a photo only while something published uses it or an editor
// released it, over REST (list, one, filters, populate, counts), GraphQL, the feeds and the
// automatic picture week; editors and API tokens see every photo.
import request from 'supertest';
import { startApp, fullAccessToken, appPlatform, type TestApp } from '../helpers/strapi';
import { createArticle, createPhoto, createSection, type Doc } from '../helpers/fixtures';
import { confirmedReader } from '../helpers/accounts';
import { PHOTO_VISIBILITY_JOB } from '../../src/bootstrap/photo-visibility';

const ARTICLE = 'api::article.article';
const GALLERY = 'api::gallery.gallery';
const PHOTO = 'api::photo.photo';

let app: TestApp;
let section: Doc;
let token: string;
let readerJwt: string;
let seq = 0;

beforeAll(async () => {
  app = await startApp();
  section = await createSection(app.strapi, 'World', { slug: 'world' });
  token = await fullAccessToken(app.strapi);
  readerJwt = (await confirmedReader(app)).jwt;
});

afterAll(async () => {
  await app?.stop();
});

const bearer = () => ({ Authorization: `Bearer ${token}` });
const READERS: Array<[string, () => Record<string, string>]> = [
  ['anonymous', () => ({})],
  ['a logged-in reader', () => ({ Authorization: `Bearer ${readerJwt}` })],
];

const photo = (extra: Record<string, unknown> = {}) => createPhoto(app.strapi, { caption: `Embargo test photo ${++seq}`, ...extra });

async function restCaptions(headers: Record<string, string>, query: Record<string, unknown> | string = {}) {
  // A string for arrays: supertest would not write `$or` as indexed parameters.
  const res = await request(app.server)
    .get('/api/photos')
    .query(typeof query === 'string' ? `pagination[pageSize]=100&${query}` : { pagination: { pageSize: 100 }, ...query })
    .set(headers)
    .expect(200);
  return { captions: (res.body.data as Array<{ caption: string }>).map((p) => p.caption), total: res.body.meta.pagination.total as number };
}

async function visibleToReaders(p: Doc): Promise<boolean> {
  const one = await request(app.server).get(`/api/photos/${p.documentId}`);
  const listed = (await restCaptions({}, { filters: { caption: { $eq: p.caption } } })).captions.includes(p.caption as string);
  expect([200, 404]).toContain(one.status);
  expect(listed).toBe(one.status === 200); // list and single read agree
  return one.status === 200;
}

describe('REST and GraphQL', () => {
  let embargoed: Doc;
  let released: Doc;
  let lead: Doc;

  beforeAll(async () => {
    embargoed = await photo();
    released = await photo({ released: true });
    lead = await photo();
    await createArticle(app.strapi, { title: 'A published story', section: section.documentId, leadPhoto: lead.documentId });
    await createArticle(app.strapi, { title: 'A draft scoop', section: section.documentId, leadPhoto: embargoed.documentId }, { publish: false });
  });

  it.each(READERS)('%s sees released and published-in-use photos only: list, one, filters, populate, count', async (_name, headers) => {
    const { captions, total } = await restCaptions(headers());
    expect(captions).toEqual(expect.arrayContaining([released.caption, lead.caption]));
    expect(captions).not.toContain(embargoed.caption);
    expect(total).toBe(captions.length);
    await request(app.server).get(`/api/photos/${embargoed.documentId}`).set(headers()).expect(404);
    await request(app.server).get(`/api/photos/${released.documentId}`).set(headers()).expect(200);
    // Filters cannot probe an embargoed photo, nor can populate bring it back.
    for (const query of [
      { filters: { caption: { $eq: embargoed.caption } } },
      { filters: { caption: { $contains: 'Embargo test' } }, populate: '*' },
      `filters[$or][0][documentId]=${embargoed.documentId}&filters[$or][1][released][$eq]=false`,
    ]) {
      expect((await restCaptions(headers(), query)).captions).not.toContain(embargoed.caption);
    }
    const articles = await request(app.server).get('/api/articles').query({ populate: { leadPhoto: true }, status: 'draft' }).set(headers()).expect(200);
    expect(JSON.stringify(articles.body)).not.toContain(embargoed.caption as string);
  });

  it.each(READERS)('%s gets the same over GraphQL: photos, photo and photos_connection', async (_name, headers) => {
    const query = `query($id: ID!) {
      photos(pagination: { limit: 100 }) { caption }
      photo(documentId: $id) { caption }
      photos_connection(pagination: { limit: 100 }) { nodes { caption } pageInfo { total } }
    }`;
    const res = await request(app.server).post('/graphql').set(headers()).send({ query, variables: { id: embargoed.documentId } }).expect(200);
    expect(res.body.errors).toBeUndefined();
    const captions = res.body.data.photos.map((p: { caption: string }) => p.caption);
    expect(captions).toEqual(expect.arrayContaining([released.caption, lead.caption]));
    expect(captions).not.toContain(embargoed.caption);
    expect(res.body.data.photo).toBeNull();
    expect(res.body.data.photos_connection.nodes.map((p: { caption: string }) => p.caption)).not.toContain(embargoed.caption);
    expect(res.body.data.photos_connection.pageInfo.total).toBe(captions.length);
  });

  it('API tokens and editors in the admin see every photo', async () => {
    expect((await restCaptions(bearer())).captions).toEqual(expect.arrayContaining([embargoed.caption, released.caption, lead.caption]));
    await request(app.server).get(`/api/photos/${embargoed.documentId}`).set(bearer()).expect(200);
    const gql = await request(app.server).post('/graphql').set(bearer()).send({ query: `{ photo(documentId: "${embargoed.documentId}") { caption } }` }).expect(200);
    expect(gql.body.data.photo.caption).toBe(embargoed.caption);

    const role = await app.strapi.service('admin::role').getSuperAdmin();
    await app.strapi.service('admin::user').create({ email: 'photo-desk@example.com', firstname: 'Photo', password: 'Photo-Desk-1', isActive: true, roles: [role.id] });
    const login = await request(app.server).post('/admin/login').send({ email: 'photo-desk@example.com', password: 'Photo-Desk-1' }).expect(200);
    const admin = await request(app.server)
      .get(`/content-manager/collection-types/${PHOTO}`)
      .query({ pageSize: 100 })
      .set('Authorization', `Bearer ${login.body.data.token}`)
      .expect(200);
    expect(admin.body.results.map((p: { caption: string }) => p.caption)).toContain(embargoed.caption);
  });

  it('the computed column cannot be written: a photo claimed "in use" stays embargoed', async () => {
    const claimed = await photo({ usedInPublished: true });
    expect(await visibleToReaders(claimed)).toBe(false);
    await request(app.server).put(`/api/photos/${claimed.documentId}`).set(bearer()).send({ data: { usedInPublished: true } });
    expect(await visibleToReaders(claimed)).toBe(false);
  });
});

describe('becoming public and private again, for every way a document uses a photo', () => {
  const USES: Array<{ name: string; uid: string; data: (p: Doc) => Record<string, unknown> }> = [
    { name: 'an article’s lead photo', uid: ARTICLE, data: (p) => ({ leadPhoto: p.documentId }) },
    { name: 'an inline photo block', uid: ARTICLE, data: (p) => ({ body: [{ __component: 'blocks.photo-embed', photo: p.documentId }] }) },
    { name: 'a related-story thumbnail', uid: ARTICLE, data: (p) => ({ relatedLinks: [{ url: 'https://example.org/x', thumbnail: p.documentId }] }) },
    {
      name: 'a related-story block thumbnail',
      uid: ARTICLE,
      data: (p) => ({ body: [{ __component: 'blocks.related-story', link: { url: 'https://example.org/y', thumbnail: p.documentId } }] }),
    },
    { name: 'a gallery item', uid: GALLERY, data: (p) => ({ kind: 'general', items: [{ photo: p.documentId }] }) },
  ];

  it.each(USES)('$name', async ({ uid, data }) => {
    const p = await photo();
    const base = uid === ARTICLE ? { section: section.documentId } : {};
    const draft = (await app.strapi.documents(uid as never).create({ data: { title: `Use ${++seq}`, ...base, ...data(p) } } as never)) as Doc;
    expect(await visibleToReaders(p)).toBe(false);

    await app.strapi.documents(uid as never).publish({ documentId: draft.documentId } as never);
    expect(await visibleToReaders(p)).toBe(true);

    await app.strapi.documents(uid as never).unpublish({ documentId: draft.documentId } as never);
    expect(await visibleToReaders(p)).toBe(false);

    // Published again, then the photo taken out of the published version.
    await app.strapi.documents(uid as never).publish({ documentId: draft.documentId } as never);
    expect(await visibleToReaders(p)).toBe(true);
    const emptied = uid === ARTICLE ? { leadPhoto: null, body: [], relatedLinks: [] } : { items: [] };
    await app.strapi.documents(uid as never).update({ documentId: draft.documentId, data: emptied, status: 'published' } as never);
    expect(await visibleToReaders(p)).toBe(false);
  });

  it('stays public while another published document still uses it, and hides when the last one is deleted', async () => {
    const p = await photo();
    const a = await createArticle(app.strapi, { section: section.documentId, leadPhoto: p.documentId });
    const b = await createArticle(app.strapi, { section: section.documentId, leadPhoto: p.documentId });
    await app.strapi.documents(ARTICLE).unpublish({ documentId: a.documentId } as never);
    expect(await visibleToReaders(p)).toBe(true);
    await app.strapi.documents(ARTICLE).delete({ documentId: b.documentId } as never);
    expect(await visibleToReaders(p)).toBe(false);
  });

  it('released by an editor or a token: public without any publication, private again when unreleased', async () => {
    const p = await photo();
    await request(app.server).put(`/api/photos/${p.documentId}`).set(bearer()).send({ data: { released: true } }).expect(200);
    expect(await visibleToReaders(p)).toBe(true);
    await app.strapi.documents(PHOTO).update({ documentId: p.documentId, data: { released: false } } as never);
    expect(await visibleToReaders(p)).toBe(false);
  });

  it('the hourly check repairs a column written around the Document Service', async () => {
    const p = await photo();
    await app.strapi.db.query(PHOTO).update({ where: { id: p.id }, data: { usedInPublished: true } });
    expect(await visibleToReaders(p)).toBe(true);
    expect(await appPlatform(app.strapi).jobs.runNow(PHOTO_VISIBILITY_JOB)).toBe(true);
    expect(await visibleToReaders(p)).toBe(false);
  });
});

describe('feeds and the article page', () => {
  const week = '2018-11-20'; // Saturday 17 to Friday 23 November 2018
  const takenAt = (day: number) => new Date(Date.UTC(2018, 10, day, 12)).toISOString();

  const weekCaptions = async (date = week) => {
    const res = await request(app.server).get('/api/feeds/this-week-in-pictures').query({ date }).expect(200);
    return { captions: (res.body.data as Array<{ caption: string }>).map((i) => i.caption), cache: res.headers['x-feed-cache'] };
  };

  it('the automatic picture week lists public photos only, and refreshes the moment one turns public or private', async () => {
    const embargoed = await photo({ takenAt: takenAt(18) });
    const released = await photo({ takenAt: takenAt(19), released: true });
    const later = await photo({ takenAt: takenAt(20) });

    expect((await weekCaptions()).captions).toEqual([released.caption]);
    expect(await weekCaptions()).toEqual({ captions: [released.caption], cache: 'hit' });

    // A story using the embargoed photo is published: the cached week never showed that photo, yet it refreshes.
    const story = await createArticle(app.strapi, { title: 'The scoop', slug: 'the-scoop', section: section.documentId, leadPhoto: embargoed.documentId });
    expect((await weekCaptions()).captions).toEqual([embargoed.caption, released.caption]);
    await weekCaptions(); // cached again

    await request(app.server).put(`/api/photos/${later.documentId}`).set(bearer()).send({ data: { released: true } }).expect(200);
    expect((await weekCaptions()).captions).toEqual([embargoed.caption, released.caption, later.caption]);
    await weekCaptions();

    await app.strapi.documents(ARTICLE).unpublish({ documentId: story.documentId } as never);
    expect((await weekCaptions()).captions).toEqual([released.caption, later.caption]);

    const gql = await request(app.server).post('/graphql').send({ query: `{ thisWeekInPictures(date: "${week}") { items { caption } } }` }).expect(200);
    expect(gql.body.data.thisWeekInPictures.items.map((i: { caption: string }) => i.caption)).toEqual([released.caption, later.caption]);
    // Even asked with a token, the feed is the public artefact.
    const rss = await request(app.server).get('/api/feeds/this-week-in-pictures').query({ date: week, format: 'rss' }).set(bearer()).expect(200);
    expect(rss.text).not.toContain(embargoed.caption as string);
  });

  it('feeds and the article page show a published story’s photos, never a draft’s', async () => {
    const shown = await photo();
    const hidden = await photo();
    await createArticle(app.strapi, { title: 'Shown story', slug: 'shown-story', section: section.documentId, leadPhoto: shown.documentId, relatedLinks: [{ url: 'https://example.org/r', thumbnail: shown.documentId }] });
    const draft = await createArticle(app.strapi, { title: 'Hidden story', slug: 'hidden-story', section: section.documentId, leadPhoto: hidden.documentId }, { publish: false });
    for (const path of ['/api/feeds/articles', '/api/feeds/articles?format=rss', '/api/feeds/sections/world?format=atom', '/api/feeds/sections/world?format=jsonfeed', '/api/articles/by-slug/shown-story']) {
      const res = await request(app.server).get(path).expect(200);
      expect(res.text).toContain(shown.caption as string);
      expect(res.text).not.toContain(hidden.caption as string);
    }
    await request(app.server).get('/api/articles/by-slug/hidden-story').expect(404);
    await app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId } as never);
    expect((await request(app.server).get('/api/feeds/articles').expect(200)).text).toContain(hidden.caption as string);
  });
});
