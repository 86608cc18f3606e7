// The lists beside "All news" and live view counts: Most read (windows, sections, ties, formats),
// Recommended (picks, expiry, section lists, exclude, fill), Multimedia (media kinds, galleries,
// Media RSS, cursors), viewCount merged into cached pages after a flush, GraphQL, and bad input.
import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import { startApp, runJobNow, type TestApp } from '../helpers/strapi';
import { createArticle, createPhoto, createSection, type Doc } from '../helpers/fixtures';

const ARTICLE = 'api::article.article';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

let app: TestApp;
let world: Doc;
let sport: Doc;
const stories: Doc[] = [];
let ip = 0;

const hour = () => Math.floor(Date.now() / 3_600_000);
const views = () => app.strapi.plugin('views');
/** Views as the flush writes them, `hoursAgo` in the past. */
const addViews = (documentId: string, count: number, hoursAgo = 0) => views().service('view-store').add([{ documentId, hour: hour() - hoursAgo, views: count }]);
/** A new minute for the rankings and an empty response cache, as a minute later in production. */
const later = () => {
  views().service('ranking').forget();
  app.strapi.service('api::feed.feed-http').invalidate();
};
const flush = () => runJobNow(app.strapi, 'views-flush');
const beacon = (documentId: string) =>
  request(app.server).post(`/api/articles/${documentId}/views`).set('User-Agent', BROWSER).set('X-Forwarded-For', `10.9.0.${++ip}`).expect(202);
const ids = (body: { data: Array<{ documentId: string }> }) => body.data.map((a) => a.documentId);
const gql = (query: string, variables: Record<string, unknown> = {}) => request(app.server).post('/graphql').send({ query, variables });

async function publishedAt(doc: Doc, when: Date) {
  await app.strapi.db.query(ARTICLE).updateMany({ where: { documentId: doc.documentId }, data: { firstPublishedAt: when } });
}

beforeAll(async () => {
  app = await startApp({ TRUST_PROXY: 'true', VIEWS_FLUSH_INTERVAL: '3600', SITE_URL: 'https://news.example', PUBLIC_URL: 'https://cms.example' });
  world = await createSection(app.strapi, 'World', { slug: 'world' });
  sport = await createSection(app.strapi, 'Sport', { slug: 'sport' });
  for (let i = 0; i < 6; i++) {
    const doc = await createArticle(app.strapi, { title: `Ranked ${i}`, section: (i < 4 ? world : sport).documentId });
    await publishedAt(doc, new Date(Date.now() - (10 - i) * 3_600_000)); // 5 is the newest
    stories.push(doc);
  }
  // In 24h: 0 → 50, 1 → 30, 2 → 30 (tie: 2 is newer), 4 (sport) → 40; 3 only 3 days ago (7d window); 5 none.
  await addViews(stories[0].documentId, 50, 1);
  await addViews(stories[1].documentId, 30, 2);
  await addViews(stories[2].documentId, 30, 0);
  await addViews(stories[4].documentId, 40, 5);
  await addViews(stories[3].documentId, 500, 72);
});

afterAll(async () => {
  await app?.stop();
});

describe('Most read', () => {
  it('ranks the window by views, ties by first publication (newest first), published articles only', async () => {
    later();
    const res = await request(app.server).get('/api/feeds/most-read').expect(200);
    expect(ids(res.body)).toEqual([stories[0], stories[4], stories[2], stories[1]].map((s) => s.documentId));
    expect(res.body.data.map((a: { viewCount: number }) => a.viewCount)).toEqual([50, 40, 30, 30]);
    const week = await request(app.server).get('/api/feeds/most-read?window=7d').expect(200);
    expect(ids(week.body)[0]).toBe(stories[3].documentId);

    await app.strapi.documents(ARTICLE).unpublish({ documentId: stories[0].documentId } as never);
    later();
    expect(ids((await request(app.server).get('/api/feeds/most-read').expect(200)).body)).not.toContain(stories[0].documentId);
    await app.strapi.documents(ARTICLE).publish({ documentId: stories[0].documentId } as never);
  });

  it('filters by section, pages with limit and cursor, and renders RSS with Media RSS view statistics', async () => {
    later();
    const sportOnly = await request(app.server).get('/api/feeds/most-read?section=sport').expect(200);
    expect(ids(sportOnly.body)).toEqual([stories[4].documentId]);
    const first = await request(app.server).get('/api/feeds/most-read?limit=2').expect(200);
    expect(ids(first.body)).toEqual([stories[0].documentId, stories[4].documentId]);
    const next = await request(app.server).get(`/api/feeds/most-read?limit=2&cursor=${first.body.meta.pagination.nextCursor}`).expect(200);
    expect(ids(next.body)).toEqual([stories[2].documentId, stories[1].documentId]);
    expect(next.body.meta.pagination.hasMore).toBe(false);

    const rss = await request(app.server).get('/api/feeds/most-read?format=rss&window=24h').expect(200);
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    const channel = xml.parse(rss.text).rss.channel;
    expect(channel.item[0]['media:community']['media:statistics']['@views']).toBe('50');
    expect(String([channel['atom:link']].flat()[0]['@href'])).toContain('window=24h');
    const atom = await request(app.server).get('/api/feeds/most-read?format=atom').expect(200);
    expect(xml.parse(atom.text).feed.entry[0]['media:community']['media:statistics']['@views']).toBe('50');
    const jsonfeed = await request(app.server).get('/api/feeds/most-read?format=jsonfeed').expect(200);
    expect(JSON.parse(jsonfeed.text).items[0]._newsroom.viewCount).toBe(50);
  });

  it('windows are exact at their edges: whole days from day buckets, partial days from hour buckets', async () => {
    const archive = await createSection(app.strapi, 'Archive', { slug: 'archive' });
    const story = await createArticle(app.strapi, { title: 'Edges', section: archive.documentId });
    for (const [ago, n] of [[0, 1], [23, 2], [24, 4], [167, 8], [168, 16], [400, 32], [719, 64], [720, 128]]) await addViews(story.documentId, n, ago);
    later();
    const rank = (w: string) => views().service('ranking').mostRead(w, 'en', archive.id) as Promise<Array<{ views: number }>>;
    expect((await rank('24h'))[0].views).toBe(1 + 2);
    expect((await rank('7d'))[0].views).toBe(1 + 2 + 4 + 8);
    expect((await rank('30d'))[0].views).toBe(1 + 2 + 4 + 8 + 16 + 32 + 64);
  });

  it('bad input: unknown window, unknown section, repeated parameters, forged cursor are 4xx', async () => {
    const cases: Array<[string, number, string]> = [
      ['/api/feeds/most-read?window=1y', 400, 'window must be one of 24h, 7d, 30d.'],
      ['/api/feeds/most-read?window=24h&window=7d', 400, 'window must be given once, as a single value.'],
      ['/api/feeds/most-read?section=nowhere', 404, 'No section with the slug "nowhere".'],
      ["/api/feeds/most-read?section=%27%3B--", 404, 'No section with the slug'],
      ['/api/feeds/most-read?cursor=abc', 400, 'cursor'],
      ['/api/feeds/most-read?limit=0', 400, 'limit'],
      ['/api/feeds/recommended?exclude=../../etc', 400, 'exclude must be an article documentId.'],
      ['/api/feeds/recommended?cursor=abc', 400, 'cursor is not accepted'],
      ['/api/feeds/multimedia?cursor=abc', 400, 'cursor'],
    ];
    for (const [url, status, message] of cases) {
      const res = await request(app.server).get(url);
      expect([url, res.status]).toEqual([url, status]);
      expect(res.body.error.message).toContain(message);
    }
  });
});

describe('live view counts', () => {
  it('a cached article page and feed show new views after a flush, without being purged', async () => {
    const story = stories[5];
    const slug = ((await app.strapi.documents(ARTICLE).findOne({ documentId: story.documentId, status: 'published' } as never)) as Doc).slug;
    const page1 = await request(app.server).get(`/api/articles/by-slug/${slug}`).expect(200);
    expect(page1.body.data.viewCount).toBe(0);
    const feed1 = await request(app.server).get('/api/feeds/articles').expect(200);
    const item = () => (body: { data: Array<{ documentId: string; viewCount: number }> }) => body.data.find((a) => a.documentId === story.documentId)!;
    expect(item()(feed1.body).viewCount).toBe(0);

    await beacon(story.documentId);
    await beacon(story.documentId);
    await flush();

    const page2 = await request(app.server).get(`/api/articles/by-slug/${slug}`).expect(200);
    expect(page2.headers['x-feed-cache']).toBe('hit');
    expect(page2.body.data.viewCount).toBe(2);
    expect(page2.headers.etag).not.toBe(page1.headers.etag);
    const feed2 = await request(app.server).get('/api/feeds/articles').set('Accept-Encoding', 'gzip').expect(200);
    expect(feed2.headers['x-feed-cache']).toBe('hit');
    expect(item()(feed2.body).viewCount).toBe(2);
    // A conditional request with the old ETag gets the new body; with the new one, a 304.
    await request(app.server).get(`/api/articles/by-slug/${slug}`).set('If-None-Match', page1.headers.etag).expect(200);
    await request(app.server).get(`/api/articles/by-slug/${slug}`).set('If-None-Match', page2.headers.etag).expect(304);

    const g = await gql(`query($slug: String!) { articleBySlug(slug: $slug) { viewCount } articleFeed(first: 50) { items { documentId viewCount } } }`, { slug });
    expect(g.body.errors).toBeUndefined();
    expect(g.body.data.articleBySlug.viewCount).toBe(2);
    expect(g.body.data.articleFeed.items.find((i: { documentId: string }) => i.documentId === story.documentId).viewCount).toBe(2);
  });
});

describe('Recommended', () => {
  it('live picks first in the editors’ order (section list, then site-wide), expired picks skipped, filled from most read', async () => {
    later();
    const lists = app.strapi.documents('api::recommended-list.recommended-list' as never);
    await lists.create({
      data: {
        name: 'Front page',
        picks: [
          { article: stories[5].documentId },
          { article: stories[3].documentId, expiresAt: new Date(Date.now() - 60_000) },
          { article: stories[1].documentId, expiresAt: new Date(Date.now() + 3_600_000) },
        ],
      },
    } as never);
    await lists.create({ data: { name: 'World desk', section: world.documentId, picks: [{ article: stories[3].documentId }, { article: stories[1].documentId }] } } as never);

    const site = await request(app.server).get('/api/feeds/recommended?limit=4').expect(200);
    expect(ids(site.body)).toEqual([stories[5], stories[1], stories[0], stories[4]].map((s) => s.documentId));

    const worldDesk = await request(app.server).get(`/api/feeds/recommended?section=world&limit=4&exclude=${stories[1].documentId}`).expect(200);
    // World desk's picks (3; 1 is excluded), then site-wide (5), then world's most read (0, 2).
    expect(ids(worldDesk.body)).toEqual([stories[3], stories[5], stories[0], stories[2]].map((s) => s.documentId));

    const g = await gql(`query($ex: ID) { recommended(section: "world", exclude: $ex, first: 4) { items { documentId viewCount } } }`, { ex: stories[1].documentId });
    expect(g.body.errors).toBeUndefined();
    expect(g.body.data.recommended.items.map((i: { documentId: string }) => i.documentId)).toEqual(ids(worldDesk.body));
    const m = await gql(`{ mostRead(window: "24h", first: 2) { items { documentId viewCount } pageInfo { hasNextPage endCursor } } }`);
    expect(m.body.data.mostRead.items.map((i: { viewCount: number }) => i.viewCount)).toEqual([50, 40]);
    expect(m.body.data.mostRead.pageInfo.hasNextPage).toBe(true);
    const bad = await gql(`{ mostRead(window: "1y") { items { documentId } } }`);
    expect(bad.body.errors[0].message).toBe('window must be one of 24h, 7d, 30d.');
  });
});

describe('Recommended, cached', () => {
  it('a pick drops out when it expires, even from a cached response', async () => {
    later();
    const sportDesk = await app.strapi.documents('api::recommended-list.recommended-list' as never).create({
      data: { name: 'Sport desk', section: sport.documentId, picks: [{ article: stories[4].documentId, expiresAt: new Date(Date.now() + 1500) }] },
    } as never);
    const first = await request(app.server).get('/api/feeds/recommended?section=sport&limit=1').expect(200);
    expect(ids(first.body)).toEqual([stories[4].documentId]);
    expect((await request(app.server).get('/api/feeds/recommended?section=sport&limit=1').expect(200)).headers['x-feed-cache']).toBe('hit');
    await new Promise((r) => setTimeout(r, 2000));
    const after = await request(app.server).get('/api/feeds/recommended?section=sport&limit=1').expect(200);
    expect(after.headers['x-feed-cache']).toBe('miss');
    expect(ids(after.body)).toEqual([stories[5].documentId]); // the site-wide list's first pick now
    await app.strapi.documents('api::recommended-list.recommended-list' as never).delete({ documentId: (sportDesk as Doc).documentId } as never);
  });
});

describe('Multimedia', () => {
  it('carries galleries and media-kind articles with their media in every format, newest first, with cursors', async () => {
    const photo = await createPhoto(app.strapi, { caption: 'Crowds at the finish line' });
    const video = await createArticle(app.strapi, {
      title: 'Watch: the final lap',
      section: sport.documentId,
      mediaKind: 'video',
      leadMedia: { kind: 'video', embedUrl: 'https://www.youtube-nocookie.com/embed/abc123', caption: 'The last lap', credit: 'Sport TV' },
    });
    await publishedAt(video, new Date(Date.now() - 60_000));
    await createArticle(app.strapi, { title: 'Plain text story', section: sport.documentId });
    const gallery = await app.strapi.documents('api::gallery.gallery').create({
      data: { title: 'Marathon day', slug: 'marathon-day', kind: 'general', items: [{ photo: photo.documentId }] },
      status: 'published',
    } as never);
    app.strapi.service('api::feed.feed-http').invalidate();

    const res = await request(app.server).get('/api/feeds/multimedia').expect(200);
    expect(res.body.data.map((i: { title: string }) => i.title)).toEqual(['Marathon day', 'Watch: the final lap']);
    const [g, v] = res.body.data;
    expect(g).toMatchObject({ kind: 'gallery', mediaKind: 'gallery', url: 'https://news.example/galleries/marathon-day', documentId: (gallery as Doc).documentId });
    expect(g.media[0]).toMatchObject({ medium: 'image', caption: 'Crowds at the finish line' });
    expect(v).toMatchObject({ kind: 'article', mediaKind: 'video', viewCount: 0 });
    expect(v.media[0]).toMatchObject({ medium: 'video', embed: true, url: 'https://www.youtube-nocookie.com/embed/abc123', caption: 'The last lap', credit: 'Sport TV' });

    const rss = xml.parse((await request(app.server).get('/api/feeds/multimedia?format=rss').expect(200)).text).rss.channel;
    const items = Array.isArray(rss.item) ? rss.item : [rss.item];
    expect(items[0]['media:content']['@medium']).toBe('image');
    expect(items[1]['media:content']['@medium']).toBe('video');
    expect(items[1]['media:content']['@url']).toBe('https://www.youtube-nocookie.com/embed/abc123');

    const first = await request(app.server).get('/api/feeds/multimedia?limit=1').expect(200);
    expect(first.body.data[0].title).toBe('Marathon day');
    const second = await request(app.server).get(`/api/feeds/multimedia?limit=1&cursor=${first.body.meta.pagination.nextCursor}`).expect(200);
    expect(second.body.data.map((i: { title: string }) => i.title)).toEqual(['Watch: the final lap']);
    expect(second.body.meta.pagination.hasMore).toBe(false);

    const q = await gql(`{ multimedia(first: 5) { items { title kind mediaKind media { medium url } } } }`);
    expect(q.body.errors).toBeUndefined();
    expect(q.body.data.multimedia.items[1].media[0]).toEqual({ medium: 'video', url: 'https://www.youtube-nocookie.com/embed/abc123' });
  });

  it('refuses embeds from hosts outside the allow-list, plain http, and items with neither embed nor file', async () => {
    const bad = [
      { kind: 'video', embedUrl: 'https://evil.example/embed/1' },
      { kind: 'video', embedUrl: 'http://www.youtube.com/embed/1' },
      { kind: 'audio', caption: 'nothing to play' },
    ];
    for (const leadMedia of bad) {
      await expect(createArticle(app.strapi, { title: 'Bad media', section: sport.documentId, mediaKind: 'video', leadMedia })).rejects.toThrow(/embed|https|needs/);
    }
    await expect(
      createArticle(app.strapi, { title: 'Bad block', section: sport.documentId, body: [{ __component: 'blocks.media', item: { kind: 'video', embedUrl: 'https://evil.example/x' } }] }),
    ).rejects.toThrow(/not allowed/);
  });
});
