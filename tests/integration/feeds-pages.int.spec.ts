// This Week in Pictures, the article page by slug, the Google News sitemap, and the same
// feeds over GraphQL.
import request from 'supertest';
import Parser from 'rss-parser';
import { XMLParser } from 'fast-xml-parser';
import { startApp, type TestApp } from '../helpers/strapi';
import { createArticle, createPhoto, createSection, type Doc } from '../helpers/fixtures';
import { latestCompletedWeek, pictureWeekTitle } from '../../src/lib/weeks/picture-week';

let app: TestApp;
let world: Doc;
let first: Doc;
let second: Doc;
let restricted: Doc;
let sundayPhoto: Doc;
let thursdayPhoto: Doc;
let older: Doc;
let story: Doc;
let inline: Doc;

const rss = new Parser();
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

async function gql(query: string, variables: Record<string, unknown> = {}) {
  return request(app.server).post('/graphql').send({ query, variables });
}

beforeAll(async () => {
  // A small GraphQL maxLimit so the test below can see it cap a page (this suite has 9 photos).
  app = await startApp({ SITE_URL: 'https://news.example', PUBLIC_URL: 'https://cms.example', GRAPHQL_MAX_LIMIT: '4' });
  const { strapi } = app;
  world = await createSection(strapi, 'World');
  first = await createPhoto(strapi, { caption: 'First caption', takenAt: new Date(2018, 10, 18, 9) });
  second = await createPhoto(strapi, { caption: 'Second caption', takenAt: new Date(2018, 10, 19, 9) });
  restricted = await createPhoto(strapi, {
    caption: 'Restricted caption',
    credit: { agency: 'Getty Images', photographer: 'Kim Lee', mayRedistribute: false },
  });
  // The curated week, Saturday 17 to Friday 23 November 2018: the editors' order and captions win.
  await strapi.documents('api::gallery.gallery').create({
    data: {
      title: 'Week of November 17',
      kind: 'this-week-in-pictures',
      coversFrom: '2018-11-17',
      coversTo: '2018-11-23',
      items: [
        { photo: second.documentId, captionOverride: 'Editor’s pick of the week' },
        { photo: first.documentId },
        { photo: restricted.documentId },
      ],
    },
    status: 'published',
  } as never);
  // The next week has only photos (and a draft gallery nobody published).
  // Released: automatic weeks show only photos that are public (released, or used by something published).
  sundayPhoto = await createPhoto(strapi, { caption: 'Sunday market', takenAt: new Date(2018, 10, 25, 10), released: true });
  thursdayPhoto = await createPhoto(strapi, { caption: 'Thursday storm', takenAt: new Date(2018, 10, 29, 18), released: true });
  await createPhoto(strapi, { caption: 'Saturday after', takenAt: new Date(2018, 11, 1, 8), released: true });
  await strapi.documents('api::gallery.gallery').create({
    data: { title: 'Unfinished', kind: 'this-week-in-pictures', coversFrom: '2018-11-24', coversTo: '2018-11-30', items: [{ photo: first.documentId }] },
  } as never);

  inline = await createPhoto(strapi, { caption: 'Inline caption', credit: { agency: 'AFP', photographer: 'Jo Park' } });
  older = await createArticle(strapi, { title: 'Earlier coverage', section: world.documentId, leadPhoto: first.documentId });
  const tag = await strapi.documents('api::tag.tag').create({ data: { name: 'Floods' } } as never);
  story = await createArticle(strapi, {
    title: 'River bursts its banks',
    kicker: 'Floods',
    standfirst: 'Thousands leave their homes.',
    section: world.documentId,
    leadPhoto: second.documentId,
    tags: [(tag as unknown as Doc).documentId],
    body: [
      { __component: 'blocks.rich-text', body: 'The river rose overnight.' },
      { __component: 'blocks.photo-embed', photo: inline.documentId, captionOverride: 'Inline override' },
      { __component: 'blocks.related-story', link: { article: older.documentId, label: 'Earlier' } },
      { __component: 'blocks.quote', text: 'We lost everything.', attribution: 'A farmer' },
    ],
    relatedLinks: [{ url: 'https://example.org/background', titleOverride: 'Background', label: 'External' }],
    footnotes: [{ marker: '*', text: 'Figures are provisional.' }],
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('This Week in Pictures', () => {
  it('uses the editors\' gallery for the week that contains the date: their order and captions', async () => {
    const res = await request(app.server).get('/api/feeds/this-week-in-pictures?date=2018-11-20').expect(200);
    expect(res.body.meta.feed).toMatchObject({
      title: 'This Week in Pictures: November 17 - 23',
      week: { start: '2018-11-17', end: '2018-11-23' },
      source: 'curated',
      homeUrl: 'https://news.example/pictures/2018-11-17',
    });
    expect(res.body.data.map((p: { caption: string }) => p.caption)).toEqual(['Editor’s pick of the week', 'First caption', 'Restricted caption']);
    expect(res.body.data.map((p: { position: number }) => p.position)).toEqual([1, 2, 3]);
    expect(res.body.data[0].photo.image.url).toMatch(/^\/uploads\//);
  });

  it('collects the week\'s photos by time taken when no gallery is published for it', async () => {
    const res = await request(app.server).get('/api/feeds/this-week-in-pictures?date=2018-11-30').expect(200);
    expect(res.body.meta.feed).toMatchObject({ title: 'This Week in Pictures: November 24 - 30', source: 'automatic', gallery: null });
    expect(res.body.data.map((p: { photo: { documentId: string } }) => p.photo.documentId)).toEqual([sundayPhoto.documentId, thursdayPhoto.documentId]);
  });

  it('titles a week across the turn of the year', async () => {
    const res = await request(app.server).get('/api/feeds/this-week-in-pictures?date=2019-01-01').expect(200);
    expect(res.body.meta.feed.title).toBe('This Week in Pictures: December 29 - January 4');
    expect(res.body.data).toEqual([]);
  });

  it('defaults to the latest completed week', async () => {
    const week = latestCompletedWeek(new Date());
    const [y, m, d] = week.start.split('-').map(Number);
    const photo = await createPhoto(app.strapi, { caption: 'Last week', takenAt: new Date(y, m - 1, d + 1, 12), released: true });
    const res = await request(app.server).get('/api/feeds/this-week-in-pictures').expect(200);
    expect(res.body.meta.feed.title).toBe(pictureWeekTitle(week));
    expect(res.body.data.map((p: { photo: { documentId: string } }) => p.photo.documentId)).toContain(photo.documentId);
  });

  it('pages with a cursor, in the curated order and in the automatic one', async () => {
    const page1 = await request(app.server).get('/api/feeds/this-week-in-pictures?date=2018-11-20&limit=2').expect(200);
    expect(page1.body.meta.pagination.hasMore).toBe(true);
    const page2 = await request(app.server)
      .get('/api/feeds/this-week-in-pictures')
      .query({ date: '2018-11-20', limit: 2, cursor: page1.body.meta.pagination.nextCursor })
      .expect(200);
    expect(page2.body.data.map((p: { caption: string; position: number }) => [p.position, p.caption])).toEqual([[3, 'Restricted caption']]);
    // A cursor of one week does not page another.
    await request(app.server).get('/api/feeds/this-week-in-pictures').query({ date: '2018-11-30', cursor: page1.body.meta.pagination.nextCursor }).expect(400);

    const auto1 = await request(app.server).get('/api/feeds/this-week-in-pictures?date=2018-11-30&limit=1').expect(200);
    const auto2 = await request(app.server)
      .get('/api/feeds/this-week-in-pictures')
      .query({ date: '2018-11-30', limit: 1, cursor: auto1.body.meta.pagination.nextCursor })
      .expect(200);
    expect([auto1.body.data[0].caption, auto2.body.data[0].caption]).toEqual(['Sunday market', 'Thursday storm']);
    expect(auto2.body.data[0].position).toBe(2);
  });

  it('leaves photos that may not be redistributed out of RSS, with Media RSS for the rest', async () => {
    const res = await request(app.server).get('/api/feeds/this-week-in-pictures?date=2018-11-20&format=rss').expect(200);
    const feed = await rss.parseString(res.text);
    expect(feed.title).toBe('This Week in Pictures: November 17 - 23');
    expect(feed.items.map((i) => i.title)).toEqual(['Editor’s pick of the week', 'First caption']);
    const item = xml.parse(res.text).rss.channel.item[0];
    expect(item['media:content']['@url']).toMatch(/^https:\/\/cms\.example\/uploads\//);
    expect(res.text).not.toContain('Restricted caption');
    const atom = await rss.parseString((await request(app.server).get('/api/feeds/this-week-in-pictures?date=2018-11-20&format=atom')).text);
    expect(atom.items).toHaveLength(2);
    const jsonFeed = JSON.parse((await request(app.server).get('/api/feeds/this-week-in-pictures?date=2018-11-20&format=jsonfeed')).text);
    expect(jsonFeed.items.map((i: { title: string }) => i.title)).toEqual(['Editor’s pick of the week', 'First caption']);
  });

  it('names the gallery and its photos in Surrogate-Key, and drops the cache when the gallery changes', async () => {
    const url = '/api/feeds/this-week-in-pictures?date=2018-11-20';
    const before = await request(app.server).get(url).expect(200);
    const galleryId = before.body.meta.feed.gallery.documentId;
    expect(before.headers['surrogate-key'].split(' ')).toEqual(expect.arrayContaining([`gallery:${galleryId}`, `photo:${first.documentId}`]));
    await app.strapi.documents('api::gallery.gallery').update({
      documentId: galleryId,
      data: { items: [{ photo: first.documentId, captionOverride: 'Reordered' }, { photo: second.documentId }] },
      status: 'published',
    } as never);
    const after = await request(app.server).get(url).expect(200);
    expect(after.body.data.map((p: { caption: string }) => p.caption)).toEqual(['Reordered', 'Second caption']);
  });
});

describe('the article page by slug', () => {
  it('returns everything the page shows in one request', async () => {
    const res = await request(app.server).get('/api/articles/by-slug/river-bursts-its-banks').expect(200);
    const a = res.body.data;
    expect(a).toMatchObject({
      documentId: story.documentId,
      title: 'River bursts its banks',
      kicker: 'Floods',
      canonicalUrl: 'https://news.example/world/river-bursts-its-banks',
      section: { name: 'World', slug: 'world' },
      tags: [{ name: 'Floods', slug: 'floods' }],
      viewCount: 0,
      footnotes: [{ marker: '*', text: 'Figures are provisional.' }],
    });
    expect(a.leadPhoto).toMatchObject({ caption: 'Second caption', altText: expect.any(String), creditLine: expect.stringContaining('AP Photo') });
    expect(a.leadPhoto.credit).toMatchObject({ agency: 'AP Photo', mayRedistribute: true });
    expect(Object.keys(a.leadPhoto.image.formats)).toContain('thumbnail');
    expect(a.body.map((b: { __component: string }) => b.__component)).toEqual(['blocks.rich-text', 'blocks.photo-embed', 'blocks.related-story', 'blocks.quote']);
    expect(a.body[1]).toMatchObject({ caption: 'Inline override', photo: { creditLine: expect.stringContaining('AFP'), image: { url: expect.stringMatching(/^\/uploads\//) } } });
    expect(a.body[2].link).toMatchObject({
      title: 'Earlier coverage',
      url: 'https://news.example/world/earlier-coverage',
      external: false,
      thumbnail: { url: expect.stringMatching(/^\/uploads\/thumbnail_/) },
    });
    expect(a.relatedLinks).toEqual([expect.objectContaining({ title: 'Background', url: 'https://example.org/background', external: true })]);
  });

  it('carries the short URL when the article has one', async () => {
    const shortUrls = app.strapi.service('api::short-url.short-url') as unknown as { getShortLinks?: unknown; ensureForArticle?: (id: string) => Promise<{ code: string }> };
    expect(typeof shortUrls.getShortLinks).toBe('function');
    const link = await shortUrls.ensureForArticle!(story.documentId);
    app.strapi.service('api::feed.feed-http').invalidate();
    const res = await request(app.server).get('/api/articles/by-slug/river-bursts-its-banks').expect(200);
    expect(res.body.data.shortUrl).toEqual(expect.stringContaining(link.code));
    const feed = await request(app.server).get('/api/feeds/articles').expect(200);
    expect(feed.body.data.find((x: { documentId: string }) => x.documentId === story.documentId).shortUrl).toContain(link.code);
  });

  it('does not show drafts', async () => {
    await createArticle(app.strapi, { title: 'Secret draft', section: world.documentId }, { publish: false });
    await request(app.server).get('/api/articles/by-slug/secret-draft').expect(404);
  });

  it('answers 304 to its own ETag', async () => {
    const res = await request(app.server).get('/api/articles/by-slug/river-bursts-its-banks').expect(200);
    await request(app.server).get('/api/articles/by-slug/river-bursts-its-banks').set('If-None-Match', res.headers.etag).expect(304);
    expect(res.headers['surrogate-key']).toContain(`article:${story.documentId}`);
  });
});

describe('Google News sitemap', () => {
  it('lists articles of the last 48 hours with news:news entries', async () => {
    await app.strapi.db.query('api::article.article').updateMany({
      where: { documentId: older.documentId },
      data: { firstPublishedAt: new Date(Date.now() - 72 * 3600 * 1000) },
    });
    app.strapi.service('api::feed.feed-http').invalidate();
    const res = await request(app.server).get('/api/feeds/news-sitemap').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const doc = xml.parse(res.text);
    const urls = [doc.urlset.url].flat();
    const locs = urls.map((u: { loc: string }) => u.loc);
    expect(locs).toContain('https://news.example/world/river-bursts-its-banks');
    expect(locs).not.toContain('https://news.example/world/earlier-coverage');
    const entry = urls.find((u: { loc: string }) => u.loc.endsWith('river-bursts-its-banks'));
    expect(entry['news:news']['news:title']).toBe('River bursts its banks');
    expect(entry['news:news']['news:publication']).toMatchObject({ 'news:name': 'Newsroom', 'news:language': 'en' });
    expect(res.headers.etag).toBeTruthy();
  });
});

describe('the feeds over GraphQL', () => {
  const FEED = `query($section: String, $first: Int, $after: String) {
    articleFeed(section: $section, first: $first, after: $after) {
      title
      items { documentId title url section { slug } leadPhoto { caption credit { mayRedistribute } image { url formats { thumbnail { url } } } } shortUrl }
      pageInfo { endCursor hasNextPage }
    }
  }`;

  it('returns the same items and cursors as the REST JSON feed', async () => {
    const rest = await request(app.server).get('/api/feeds/articles?limit=1').expect(200);
    const page1 = await gql(FEED, { first: 1 });
    expect(page1.body.errors).toBeUndefined();
    expect(page1.body.data.articleFeed.items.map((i: { documentId: string }) => i.documentId)).toEqual(rest.body.data.map((i: { documentId: string }) => i.documentId));
    expect(page1.body.data.articleFeed.pageInfo).toEqual({ endCursor: rest.body.meta.pagination.nextCursor, hasNextPage: true });
    const page2 = await gql(FEED, { first: 1, after: page1.body.data.articleFeed.pageInfo.endCursor });
    const rest2 = await request(app.server).get('/api/feeds/articles').query({ limit: 1, cursor: rest.body.meta.pagination.nextCursor }).expect(200);
    expect(page2.body.data.articleFeed.items[0].documentId).toBe(rest2.body.data[0].documentId);
  });

  it('filters by section and reports an unknown one', async () => {
    const ok = await gql(FEED, { section: 'world', first: 5 });
    expect(ok.body.data.articleFeed.items.every((i: { section: { slug: string } }) => i.section.slug === 'world')).toBe(true);
    const missing = await gql(FEED, { section: 'atlantis' });
    expect(missing.body.errors[0].message).toMatch(/No section with the slug "atlantis"/);
  });

  it('thisWeekInPictures and articleBySlug', async () => {
    const res = await gql(`{
      thisWeekInPictures(date: "2018-11-30") { title source week { start end } items { position caption photo { documentId } } }
      articleBySlug(slug: "river-bursts-its-banks") { title canonicalUrl tags { slug } body relatedLinks { title url } footnotes { marker } }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.thisWeekInPictures).toMatchObject({ title: 'This Week in Pictures: November 24 - 30', source: 'automatic', week: { start: '2018-11-24' } });
    expect(res.body.data.thisWeekInPictures.items.map((i: { caption: string }) => i.caption)).toEqual(['Sunday market', 'Thursday storm']);
    expect(res.body.data.articleBySlug).toMatchObject({ title: 'River bursts its banks', canonicalUrl: 'https://news.example/world/river-bursts-its-banks', tags: [{ slug: 'floods' }] });
    expect(res.body.data.articleBySlug.body[2].link.title).toBe('Earlier coverage');
  });

  it('refuses bad arguments with clear messages', async () => {
    const cases: Array<[string, RegExp]> = [
      ['{ articleFeed(first: 0) { title } }', /first must be a whole number from 1 to 50/],
      ['{ articleFeed(first: 1000) { title } }', /first must be a whole number from 1 to 50/],
      ['{ articleFeed(after: "forged.cursor") { title } }', /cursor is not valid/],
      ['{ thisWeekInPictures(date: "2018-02-30") { title } }', /date must be a real calendar day/],
      ['{ articleBySlug(slug: "nope") { title } }', /No published article/],
    ];
    for (const [query, message] of cases) {
      const res = await gql(query);
      expect(res.status).toBeLessThan(500);
      expect(res.body.errors?.[0]?.message).toMatch(message);
    }
  });

  it('enforces the endpoint\'s depth limit', async () => {
    // Nested deeper than GRAPHQL_DEPTH_LIMIT (10) through article → section → articles → …
    const deep = '{ articles { section { articles { section { articles { section { articles { section { articles { section { articles { title } } } } } } } } } } } }';
    const res = await gql(deep);
    expect(res.body.errors?.[0]?.message).toMatch(/exceeds maximum operation depth|depth/i);
    expect(res.body.data?.articles).toBeFalsy();
  });

  it('caps page size at the endpoint\'s maxLimit', async () => {
    expect(await app.strapi.db.query('api::photo.photo').count({})).toBeGreaterThan(4);
    const res = await gql('{ photos(pagination: { limit: 1000 }) { documentId } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.photos).toHaveLength(4);
  });
});
