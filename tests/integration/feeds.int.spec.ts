// The feeds as front-ends and aggregators consume them: every format parsed by a third-party
// parser, order, cursors across a publish, HTTP caching, invalidation and bad input.
import request from 'supertest';
import Parser from 'rss-parser';
import { XMLParser } from 'fast-xml-parser';
import { startApp, type TestApp } from '../helpers/strapi';
import { createArticle, createPhoto, createSection, type Doc } from '../helpers/fixtures';

let app: TestApp;
let world: Doc;
let business: Doc;
let openPhoto: Doc;
let restrictedPhoto: Doc;
const worldStories: Doc[] = [];
let businessStory: Doc;
let restrictedStory: Doc;

const rss = new Parser({ customFields: { item: [['media:content', 'mediaContent', { keepArray: true }]] } });
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** Sets an article's publication times, as the seed does, so the order is known. */
async function publishedAt(doc: Doc, when: Date) {
  await app.strapi.db.query('api::article.article').updateMany({ where: { documentId: doc.documentId }, data: { firstPublishedAt: when, updatedAt: when } });
  app.strapi.service('api::feed.feed-http').invalidate();
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600 * 1000);

beforeAll(async () => {
  app = await startApp({ SITE_URL: 'https://news.example', PUBLIC_URL: 'https://cms.example' });
  const { strapi } = app;
  world = await createSection(strapi, 'World');
  business = await createSection(strapi, 'Business');
  openPhoto = await createPhoto(strapi, {
    caption: 'Flood waters rise in the old town',
    credit: { photographer: 'Ana Ruiz', agency: 'Reuters', copyrightHolder: 'Reuters Ltd', mayRedistribute: true },
  });
  restrictedPhoto = await createPhoto(strapi, {
    caption: 'Exclusive: the minister arrives',
    credit: { photographer: 'Kim Lee', agency: 'Getty Images', license: 'No syndication', mayRedistribute: false },
  });
  for (let i = 0; i < 5; i++) {
    const doc = await createArticle(strapi, {
      title: `World story ${i}`,
      standfirst: `Standfirst ${i}`,
      section: world.documentId,
      leadPhoto: openPhoto.documentId,
    });
    await publishedAt(doc, hoursAgo(10 - i)); // story 4 is the newest
    worldStories.push(doc);
  }
  businessStory = await createArticle(strapi, { title: 'Markets rally', section: business.documentId });
  await publishedAt(businessStory, hoursAgo(30));
  restrictedStory = await createArticle(strapi, { title: 'Minister arrives', section: business.documentId, leadPhoto: restrictedPhoto.documentId });
  await publishedAt(restrictedStory, hoursAgo(72));
  await createArticle(strapi, { title: 'Embargoed draft', section: world.documentId }, { publish: false });
});

afterAll(async () => {
  await app?.stop();
});

describe('All news as JSON', () => {
  it('lists published articles newest first, in Strapi\'s { data, meta } shape, without drafts', async () => {
    const res = await request(app.server).get('/api/feeds/articles').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const titles = res.body.data.map((a: { title: string }) => a.title);
    expect(titles).toEqual(['World story 4', 'World story 3', 'World story 2', 'World story 1', 'World story 0', 'Markets rally', 'Minister arrives']);
    expect(titles).not.toContain('Embargoed draft');
    expect(res.body.meta.pagination).toEqual({ limit: 20, nextCursor: null, hasMore: false });
    expect(res.body.meta.feed).toMatchObject({ kind: 'articles', locale: 'en' });
    const first = res.body.data[0];
    expect(first).toMatchObject({
      documentId: worldStories[4].documentId,
      url: 'https://news.example/world/world-story-4',
      section: { name: 'World', slug: 'world' },
      leadPhoto: { caption: 'Flood waters rise in the old town', creditLine: expect.stringContaining('Reuters') },
    });
    expect(first.leadPhoto.image.url).toMatch(/^\/uploads\//);
    expect(first.leadPhoto.image.formats.thumbnail.url).toMatch(/^\/uploads\//);
  });

  it('keeps photos that may not be redistributed for the site\'s own front-end', async () => {
    const res = await request(app.server).get('/api/feeds/articles').expect(200);
    const minister = res.body.data.find((a: { title: string }) => a.title === 'Minister arrives');
    expect(minister.leadPhoto.credit).toMatchObject({ agency: 'Getty Images', mayRedistribute: false });
  });
});

describe('syndication formats, read by third-party parsers', () => {
  it('RSS 2.0 with Media RSS: content, thumbnail, caption, credit and copyright', async () => {
    const res = await request(app.server).get('/api/feeds/articles?format=rss').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/rss\+xml/);
    const feed = await rss.parseString(res.text);
    expect(feed.items.map((i) => i.title)).toEqual(['World story 4', 'World story 3', 'World story 2', 'World story 1', 'World story 0', 'Markets rally', 'Minister arrives']);
    expect(feed.items[0].link).toBe('https://news.example/world/world-story-4');
    expect(feed.items[0].guid).toBe(`urn:newsroom:article:${worldStories[4].documentId}:en`);
    expect(new Date(feed.items[0].isoDate!).getTime()).toBeGreaterThan(new Date(feed.items[1].isoDate!).getTime());

    const doc = xml.parse(res.text);
    const items = doc.rss.channel.item;
    const media = items[0]['media:content'];
    expect(media['@url']).toMatch(/^https:\/\/cms\.example\/uploads\/.+\.jpe?g$/);
    expect(media['@medium']).toBe('image');
    expect(media['media:description']['#text'] ?? media['media:description']).toBe('Flood waters rise in the old town');
    expect(media['media:thumbnail']['@url']).toMatch(/^https:\/\/cms\.example\/uploads\/thumbnail_/);
    const credits = [media['media:credit']].flat().map((c: { '#text': string; '@role': string }) => [c['@role'], c['#text']]);
    expect(credits).toEqual([['photographer', 'Ana Ruiz'], ['distributor', 'Reuters']]);
    expect(media['media:copyright']['#text'] ?? media['media:copyright']).toBe('Reuters Ltd');
  });

  it('leaves photos that may not be redistributed out of RSS, Atom and JSON Feed, but keeps the story', async () => {
    for (const format of ['rss', 'atom', 'jsonfeed']) {
      const res = await request(app.server).get(`/api/feeds/articles?format=${format}`).expect(200);
      expect(res.text).toContain('Minister arrives');
      expect(res.text).not.toContain('Exclusive: the minister arrives');
      expect(res.text).not.toContain('Getty Images');
    }
  });

  it('Atom 1.0', async () => {
    const res = await request(app.server).get('/api/feeds/articles?format=atom').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = await rss.parseString(res.text);
    expect(feed.title).toBe('Newsroom');
    expect(feed.items.map((i) => i.title).slice(0, 2)).toEqual(['World story 4', 'World story 3']);
    expect(feed.items[0].link).toBe('https://news.example/world/world-story-4');
    const doc = xml.parse(res.text);
    expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.feed.entry[0]['media:content']['@url']).toMatch(/^https:\/\/cms\.example\/uploads\//);
    const self = [doc.feed.link].flat().find((l: { '@rel': string }) => l['@rel'] === 'self');
    expect(self['@href']).toBe('https://cms.example/api/feeds/articles?format=atom&locale=en');
  });

  it('JSON Feed 1.1, with the short URL and photo credit in the _newsroom extension', async () => {
    const { parseJsonFeed } = await import('feedsmith');
    const res = await request(app.server).get('/api/feeds/articles?format=jsonfeed').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/feed\+json/);
    const feed = parseJsonFeed(JSON.parse(res.text));
    expect(JSON.parse(res.text).version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items!.map((i) => i.title).slice(0, 2)).toEqual(['World story 4', 'World story 3']);
    const raw = JSON.parse(res.text).items[0];
    expect(raw.image).toMatch(/^https:\/\/cms\.example\/uploads\//);
    expect(raw._newsroom.photos[0]).toMatchObject({ photographer: 'Ana Ruiz', agency: 'Reuters', caption: 'Flood waters rise in the old town' });
    expect(raw._newsroom).toHaveProperty('shortUrl');
  });
});

describe('section feed', () => {
  it('lists only that section\'s articles', async () => {
    const res = await request(app.server).get('/api/feeds/sections/business').expect(200);
    expect(res.body.data.map((a: { title: string }) => a.title)).toEqual(['Markets rally', 'Minister arrives']);
    expect(res.body.meta.feed.section).toMatchObject({ slug: 'business', name: 'Business' });
    const feed = await rss.parseString((await request(app.server).get('/api/feeds/sections/world?format=rss&limit=2')).text);
    expect(feed.items.map((i) => i.title)).toEqual(['World story 4', 'World story 3']);
  });

  it('answers 404 in Strapi\'s error shape for an unknown section', async () => {
    const res = await request(app.server).get('/api/feeds/sections/atlantis').expect(404);
    expect(res.body).toEqual({ data: null, error: expect.objectContaining({ status: 404, name: 'NotFoundError', message: expect.stringContaining('atlantis') }) });
  });
});

describe('cursors', () => {
  it('pages through the feed without gaps or repeats even when a story is published between pages', async () => {
    const first = await request(app.server).get('/api/feeds/articles?limit=3').expect(200);
    expect(first.body.data.map((a: { title: string }) => a.title)).toEqual(['World story 4', 'World story 3', 'World story 2']);
    expect(first.body.meta.pagination.hasMore).toBe(true);
    const cursor = first.body.meta.pagination.nextCursor;

    const breaking = await createArticle(app.strapi, { title: 'Breaking between pages', section: world.documentId });
    const second = await request(app.server).get('/api/feeds/articles').query({ limit: 3, cursor }).expect(200);
    expect(second.body.data.map((a: { title: string }) => a.title)).toEqual(['World story 1', 'World story 0', 'Markets rally']);
    const third = await request(app.server).get('/api/feeds/articles').query({ limit: 3, cursor: second.body.meta.pagination.nextCursor }).expect(200);
    expect(third.body.data.map((a: { title: string }) => a.title)).toEqual(['Minister arrives']);
    expect(third.body.meta.pagination).toMatchObject({ hasMore: false, nextCursor: null });

    const fresh = await request(app.server).get('/api/feeds/articles?limit=1').expect(200);
    expect(fresh.body.data[0].title).toBe('Breaking between pages');
    await app.strapi.documents('api::article.article').delete({ documentId: breaking.documentId } as never);
  });

  it('gives the RSS and Atom feeds a rel=next link carrying the cursor', async () => {
    const res = await request(app.server).get('/api/feeds/articles?format=atom&limit=2').expect(200);
    const next = [xml.parse(res.text).feed.link].flat().find((l: { '@rel': string }) => l['@rel'] === 'next');
    const url = new URL(next['@href']);
    const page = await request(app.server).get(`${url.pathname}${url.search}`).expect(200);
    expect((await rss.parseString(page.text)).items.map((i) => i.title)).toEqual(['World story 2', 'World story 1']);
  });

  it('refuses a forged or foreign cursor with 400', async () => {
    const page = await request(app.server).get('/api/feeds/articles?limit=1').expect(200);
    const cursor: string = page.body.meta.pagination.nextCursor;
    const [body, sig] = cursor.split('.');
    const forgedBody = Buffer.from(JSON.stringify(['articles:en', ['2000-01-01T00:00:00.000Z', 1]])).toString('base64url');
    // Change the signature's first character (6 full bits), so the tampered one always differs:
    // replacing the last two with "AA" matched the real signature in 1 run out of 256.
    const tamperedSig = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    expect(tamperedSig).not.toBe(sig);
    for (const bad of [`${forgedBody}.${sig}`, `${body}.${tamperedSig}`, 'not-a-cursor', `${body}`]) {
      const res = await request(app.server).get('/api/feeds/articles').query({ cursor: bad }).expect(400);
      expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(res.body.error.message).toMatch(/cursor/);
    }
    const foreign = await request(app.server).get('/api/feeds/sections/world').query({ cursor }).expect(400);
    expect(foreign.body.error.message).toMatch(/another feed/);
  });
});

describe('HTTP caching', () => {
  it('sends ETag, Last-Modified, Cache-Control and Surrogate-Key, and 304s on a match', async () => {
    const res = await request(app.server).get('/api/feeds/sections/world?format=rss').expect(200);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(new Date(res.headers['last-modified']).getTime()).toBeGreaterThan(0);
    expect(res.headers['cache-control']).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
    const keys = res.headers['surrogate-key'].split(' ');
    expect(keys).toEqual(expect.arrayContaining(['section:world', `article:${worldStories[0].documentId}`, `photo:${openPhoto.documentId}`]));
    await request(app.server).get('/api/feeds/sections/world?format=rss').set('If-None-Match', res.headers.etag).expect(304);
    await request(app.server).get('/api/feeds/sections/world?format=rss').set('If-Modified-Since', res.headers['last-modified']).expect(304);
    await request(app.server).get('/api/feeds/sections/world?format=rss').set('If-None-Match', '"something-else"').expect(200);
    const before = new Date(new Date(res.headers['last-modified']).getTime() - 3600_000).toUTCString();
    await request(app.server).get('/api/feeds/sections/world?format=rss').set('If-Modified-Since', before).expect(200);
  });

  it('computes the ETag from the items: a different page has a different tag, the same page the same', async () => {
    const a = await request(app.server).get('/api/feeds/articles?limit=2');
    const b = await request(app.server).get('/api/feeds/articles?limit=3');
    const c = await request(app.server).get('/api/feeds/articles?limit=2&utm_source=x');
    expect(a.headers.etag).not.toBe(b.headers.etag);
    expect(c.headers.etag).toBe(a.headers.etag);
  });

  it('serves gzip and brotli variants with their own ETag, and 304s on either', async () => {
    const gz = await request(app.server).get('/api/feeds/articles?format=rss').set('Accept-Encoding', 'gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/Accept-Encoding/);
    expect(await rss.parseString(gz.text)).toBeTruthy();
    const br = await request(app.server).get('/api/feeds/articles?format=rss').set('Accept-Encoding', 'br').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).not.toBe(gz.headers.etag);
    await request(app.server).get('/api/feeds/articles?format=rss').set('Accept-Encoding', 'gzip').set('If-None-Match', br.headers.etag).expect(304);
  });

  it('answers from memory, and drops the cache the moment an article is published, updated or unpublished', async () => {
    const url = '/api/feeds/sections/world?limit=5';
    await request(app.server).get(url).expect(200);
    const warm = await request(app.server).get(url).expect(200);
    expect(warm.headers['x-feed-cache']).toBe('hit');

    const fresh = await createArticle(app.strapi, { title: 'Just published', section: world.documentId });
    const afterPublish = await request(app.server).get(url).expect(200);
    expect(afterPublish.headers['x-feed-cache']).toBe('miss');
    expect(afterPublish.body.data[0].title).toBe('Just published');
    expect(afterPublish.headers.etag).not.toBe(warm.headers.etag);

    await app.strapi.documents('api::article.article').update({ documentId: fresh.documentId, data: { title: 'Just published, updated' }, status: 'published' } as never);
    expect((await request(app.server).get(url)).body.data[0].title).toBe('Just published, updated');

    await app.strapi.documents('api::article.article').unpublish({ documentId: fresh.documentId } as never);
    const afterUnpublish = await request(app.server).get(url).expect(200);
    expect(afterUnpublish.body.data.map((a: { title: string }) => a.title)).not.toContain('Just published, updated');
  });

  it('answers warm hits ahead of the stack with the same security headers, and leaves CORS requests to it', async () => {
    const url = '/api/feeds/articles?limit=3&format=atom';
    const miss = await request(app.server).get(url).expect(200);
    const hit = await request(app.server).get(url).expect(200);
    expect(hit.headers['x-feed-cache']).toBe('hit');
    for (const header of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy']) {
      expect(miss.headers[header]).toBeTruthy();
      expect(hit.headers[header]).toBe(miss.headers[header]);
    }
    expect(hit.headers['x-powered-by']).toBeUndefined();
    expect(hit.headers['set-cookie']).toBeUndefined();
    const foreign = await request(app.server).get(url).set('Origin', 'https://evil.example').expect(200);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('drops the cache when a photo or a section changes', async () => {
    const url = '/api/feeds/sections/world?limit=4';
    await request(app.server).get(url).expect(200);
    await app.strapi.documents('api::photo.photo').update({ documentId: openPhoto.documentId, data: { caption: 'Flood waters rise, updated' } } as never);
    expect((await request(app.server).get(url)).body.data[0].leadPhoto.caption).toBe('Flood waters rise, updated');
    await app.strapi.documents('api::section.section').update({ documentId: world.documentId, data: { name: 'World News' } } as never);
    expect((await request(app.server).get(url)).body.data[0].section.name).toBe('World News');
    await app.strapi.documents('api::section.section').update({ documentId: world.documentId, data: { name: 'World' } } as never);
    await app.strapi.documents('api::photo.photo').update({ documentId: openPhoto.documentId, data: { caption: 'Flood waters rise in the old town' } } as never);
  });

  it('can be switched off (FEED_CACHE=false): every request is computed, HTTP caching still works', async () => {
    app.strapi.config.set('feeds.cache.enabled', false);
    try {
      const url = '/api/feeds/articles?limit=2&format=atom';
      const a = await request(app.server).get(url).expect(200);
      const b = await request(app.server).get(url).expect(200);
      expect([a.headers['x-feed-cache'], b.headers['x-feed-cache']]).toEqual(['off', 'off']);
      expect(b.headers.etag).toBe(a.headers.etag);
      await request(app.server).get(url).set('If-None-Match', a.headers.etag).expect(304);
    } finally {
      app.strapi.config.set('feeds.cache.enabled', true);
    }
  });

  it('never answers a request with credentials from the shared cache', async () => {
    const url = '/api/feeds/articles?limit=4';
    await request(app.server).get(url).expect(200);
    const res = await request(app.server).get(url).set('Authorization', 'Bearer not-a-real-token');
    expect(res.headers['x-feed-cache']).not.toBe('hit');
  });
});

describe('bounded SQL per cold request', () => {
  /** Reads of content tables (not BEGIN/COMMIT, nor the users-permissions role check every route makes). */
  async function countQueries(url: string): Promise<number> {
    app.strapi.service('api::feed.feed-http').invalidate();
    let n = 0;
    const listener = (q: { sql: string }) => {
      if (/^select/i.test(q.sql) && !/\bup_(permissions|roles)\b/.test(q.sql)) n += 1;
    };
    app.strapi.db.connection.on('query', listener);
    try {
      await request(app.server).get(url).expect(200);
    } finally {
      app.strapi.db.connection.off('query', listener);
    }
    return n;
  }

  it('runs the same small number of queries for 1 item and for all of them', async () => {
    await request(app.server).get('/api/feeds/articles').expect(200); // warm the locale list
    // articles, sections, lead photos, their images, their credits, short URLs
    const one = await countQueries('/api/feeds/articles?limit=1&format=rss');
    const many = await countQueries('/api/feeds/articles?limit=50&format=rss');
    expect(one).toBeGreaterThan(0);
    expect(many).toBe(one);
    expect(many).toBeLessThanOrEqual(6);
    // plus the section itself
    const section = await countQueries('/api/feeds/sections/world?limit=50&format=atom');
    expect(section).toBe(one + 1);
  });
});

describe('bad input answers 4xx with a clear message, never 500', () => {
  const cases: Array<[string, number, RegExp]> = [
    ['/api/feeds/articles?limit=0', 400, /limit must be a whole number from 1 to 50/],
    ['/api/feeds/articles?limit=1000', 400, /limit must be a whole number from 1 to 50/],
    ['/api/feeds/articles?limit=abc', 400, /limit must be a whole number/],
    ['/api/feeds/articles?limit=-1', 400, /limit must be a whole number/],
    ['/api/feeds/articles?limit=1&limit=2', 400, /limit must be given once/],
    ['/api/feeds/articles?limit[]=1', 400, /limit must be given once/],
    ['/api/feeds/articles?format=xml', 400, /format must be one of json, rss, atom, jsonfeed/],
    ['/api/feeds/articles?cursor=forged', 400, /cursor/],
    ['/api/feeds/articles?locale=xx', 400, /Unknown locale "xx"/],
    ['/api/feeds/articles?locale=%3Cscript%3E', 400, /locale must be a locale code/],
    ['/api/feeds/articles?date=2018-11-20', 400, /date is only accepted/],
    ['/api/feeds/this-week-in-pictures?date=2018-02-30', 400, /date must be a real calendar day/],
    ['/api/feeds/this-week-in-pictures?date=yesterday', 400, /date must be a real calendar day/],
    ['/api/feeds/sections/nowhere', 404, /No section with the slug "nowhere"/],
    ['/api/feeds/sections/%27%20OR%201%3D1--', 404, /No section/],
    ['/api/articles/by-slug/no-such-story', 404, /No published article/],
  ];
  it.each(cases)('%s → %i', async (url, status, message) => {
    const res = await request(app.server).get(url).expect(status);
    expect(res.body.data).toBeNull();
    expect(res.body.error).toMatchObject({ status });
    expect(res.body.error.message).toMatch(message);
  });
});

describe('permissions (runs last: it revokes a public permission)', () => {
  it('stops serving a cached feed as soon as the public role loses access to it', async () => {
    const url = '/api/feeds/articles?limit=2';
    await request(app.server).get(url).expect(200);
    expect((await request(app.server).get(url).expect(200)).headers['x-feed-cache']).toBe('hit');
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { action: 'api::article.article.feed', role: role.id } });
    await request(app.server).get(url).expect(403);
    await request(app.server).get('/api/feeds/sections/world?limit=2').expect(200);
  });
});
