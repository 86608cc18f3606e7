// The feed cache as a CDN and a newsroom see it: headers that are safe in a shared cache
// (Vary, CORS, q-values, 304s) and purges that drop exactly what a write changed.
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import sharp from 'sharp';
import { startApp, type TestApp } from '../helpers/strapi';
import { createArticle, createPhoto, createSection, type Doc } from '../helpers/fixtures';
import { drawDemoImage } from '../../src/seed/seed-demo';

const SITE = 'https://news.example';
let app: TestApp;
let world: Doc;
let business: Doc;
let worldPhoto: Doc;
let businessPhoto: Doc;
let floods: Doc;
let linked: Doc;
let story: Doc;
let market: Doc;

const get = (url: string) => request(app.server).get(url);
const cacheState = async (url: string) => (await get(url).expect(200)).headers['x-feed-cache'];
const varyOf = (res: request.Response) => String(res.headers.vary ?? '').split(',').map((v) => v.trim().toLowerCase());
const corsOf = (res: request.Response) => Object.fromEntries(Object.entries(res.headers).filter(([name]) => name.startsWith('access-control-')));

/** Requests every URL until each answers from the cache. */
async function warm(urls: string[]) {
  for (const url of urls) {
    await get(url).expect(200);
    expect(await cacheState(url)).toBe('hit');
  }
}

const PAGES = {
  allNews: '/api/feeds/articles?limit=10',
  allNewsRss: '/api/feeds/articles?limit=10&format=rss',
  worldFeed: '/api/feeds/sections/world?limit=10',
  businessFeed: '/api/feeds/sections/business?limit=10',
  storyPage: '', // set once the slug is known
  linkedPage: '',
  marketPage: '',
};

beforeAll(async () => {
  app = await startApp({ SITE_URL: SITE, PUBLIC_URL: 'https://cms.example' });
  const { strapi } = app;
  world = await createSection(strapi, 'World');
  business = await createSection(strapi, 'Business');
  worldPhoto = await createPhoto(strapi, { caption: 'Flood waters rise' });
  businessPhoto = await createPhoto(strapi, { caption: 'Traders on the floor' });
  floods = (await strapi.documents('api::tag.tag').create({ data: { name: 'Floods' } } as never)) as unknown as Doc;
  linked = await createArticle(strapi, { title: 'Earlier coverage', section: world.documentId, leadPhoto: worldPhoto.documentId });
  story = await createArticle(strapi, {
    title: 'River bursts its banks',
    section: world.documentId,
    leadPhoto: worldPhoto.documentId,
    tags: [floods.documentId],
    body: [{ __component: 'blocks.related-story', link: { article: linked.documentId, label: 'Earlier' } }],
  });
  market = await createArticle(strapi, { title: 'Markets rally', section: business.documentId, leadPhoto: businessPhoto.documentId });
  PAGES.storyPage = `/api/articles/by-slug/${story.slug}`;
  PAGES.linkedPage = `/api/articles/by-slug/${linked.slug}`;
  PAGES.marketPage = `/api/articles/by-slug/${market.slug}`;
});

afterAll(async () => {
  await app?.stop();
});

describe('headers a shared cache can trust', () => {
  const url = '/api/feeds/articles?limit=10&format=rss';
  const ORIGINS = { none: undefined, allowed: SITE, other: 'https://evil.example' } as const;
  const ask = (origin: string | undefined, extra: Record<string, string> = {}) => {
    const req = get(url).set(extra);
    return origin ? req.set('Origin', origin) : req;
  };

  it('names Origin and Accept-Encoding in Vary on a miss, a warm hit, a CORS request and a 304', async () => {
    app.strapi.service('api::feed.feed-http').invalidate();
    const miss = await ask(undefined).expect(200);
    const hit = await ask(undefined).expect(200);
    const cors = await ask(SITE).expect(200);
    const notModified = await ask(undefined, { 'If-None-Match': hit.headers.etag }).expect(304);
    expect([miss.headers['x-feed-cache'], hit.headers['x-feed-cache'], cors.headers['x-feed-cache']]).toEqual(['miss', 'hit', 'hit']);
    for (const res of [miss, hit, cors, notModified]) expect(varyOf(res)).toEqual(expect.arrayContaining(['origin', 'accept-encoding']));
  });

  it('gives a warm hit the CORS headers a cold answer gets, whoever asked first', async () => {
    const cold: Record<string, Record<string, unknown>> = {};
    app.strapi.config.set('feeds.cache.enabled', false);
    try {
      for (const [name, origin] of Object.entries(ORIGINS)) cold[name] = corsOf(await ask(origin).expect(200));
    } finally {
      app.strapi.config.set('feeds.cache.enabled', true);
    }
    expect(cold.allowed['access-control-allow-origin']).toBe(SITE);
    expect(cold.none['access-control-allow-origin'] ?? '').toBe('');
    expect(cold.other['access-control-allow-origin'] ?? '').toBe('');
    for (const first of Object.values(ORIGINS)) {
      app.strapi.service('api::feed.feed-http').invalidate();
      await ask(first).expect(200);
      for (const [name, origin] of Object.entries(ORIGINS)) {
        const warmHit = await ask(origin).expect(200);
        expect(warmHit.headers['x-feed-cache']).toBe('hit');
        expect(corsOf(warmHit)).toEqual(cold[name]);
      }
    }
  });

  it('honours q-values when choosing the encoding', async () => {
    const encodingFor = async (accept: string) => (await ask(undefined, { 'Accept-Encoding': accept }).expect(200)).headers['content-encoding'] ?? 'identity';
    expect(await encodingFor('gzip;q=1, br;q=0.1')).toBe('gzip');
    expect(await encodingFor('br;q=0.1, gzip')).toBe('gzip');
    expect(await encodingFor('br, gzip;q=0.5')).toBe('br');
    expect(await encodingFor('br;q=0, gzip;q=0')).toBe('identity');
    expect(await encodingFor('gzip;q=0, *;q=0.5')).toBe('br');
  });

  it('revalidates on a matching tag, but not when the client says no-cache', async () => {
    const res = await ask(undefined).expect(200);
    await ask(undefined, { 'If-None-Match': res.headers.etag }).expect(304);
    await ask(undefined, { 'If-Modified-Since': res.headers['last-modified'] }).expect(304);
    await ask(undefined, { 'If-None-Match': res.headers.etag, 'Cache-Control': 'no-cache' }).expect(200);
  });
});

describe('precise invalidation', () => {
  const all = () => Object.values(PAGES);
  const states = async (urls: string[]) => {
    const out: Record<string, string> = {};
    for (const u of urls) out[u] = await cacheState(u); // one at a time: supertest listens per request
    return out;
  };
  /** Warms every page, runs the write, and returns which pages were purged and which stayed warm. */
  async function afterWrite(write: () => Promise<unknown>) {
    await warm(all());
    await write();
    const after = await states(all());
    return {
      purged: all().filter((u) => after[u] === 'miss'),
      warm: all().filter((u) => after[u] === 'hit'),
    };
  }

  it('a draft save that changes nothing public purges nothing', async () => {
    const { purged } = await afterWrite(() =>
      app.strapi.documents('api::article.article').update({ documentId: story.documentId, data: { title: 'Draft headline nobody sees yet' } } as never),
    );
    expect(purged).toEqual([]);
    expect((await get(PAGES.storyPage).expect(200)).body.data.title).toBe('River bursts its banks');
    // Publishing it shows it at once, on the pages that show the story, and not elsewhere.
    const publish = await afterWrite(() => app.strapi.documents('api::article.article').publish({ documentId: story.documentId } as never));
    expect(publish.purged.sort()).toEqual([PAGES.allNews, PAGES.allNewsRss, PAGES.worldFeed, PAGES.storyPage].sort());
    expect((await get(PAGES.storyPage).expect(200)).body.data.title).toBe('Draft headline nobody sees yet');
    expect((await get(PAGES.worldFeed).expect(200)).body.data.map((a: { title: string }) => a.title)).toContain('Draft headline nobody sees yet');
  });

  it('a tag rename purges exactly the pages showing the tag', async () => {
    const { purged } = await afterWrite(() => app.strapi.documents('api::tag.tag').update({ documentId: floods.documentId, data: { name: 'Flooding' } } as never));
    expect(purged).toEqual([PAGES.storyPage]);
    expect((await get(PAGES.storyPage)).body.data.tags.map((t: { name: string }) => t.name)).toEqual(['Flooding']);
  });

  it('a linked story\'s new title or slug purges the pages linking to it and its own, not the rest', async () => {
    const update = (data: Record<string, unknown>) => () =>
      app.strapi.documents('api::article.article').update({ documentId: linked.documentId, data, status: 'published' } as never);
    const retitled = await afterWrite(update({ title: 'Earlier coverage, revised' }));
    expect(retitled.purged.sort()).toEqual([PAGES.allNews, PAGES.allNewsRss, PAGES.worldFeed, PAGES.storyPage, PAGES.linkedPage].sort());
    expect(JSON.stringify((await get(PAGES.storyPage).expect(200)).body.data.body)).toContain('Earlier coverage, revised');

    await warm([PAGES.storyPage, PAGES.marketPage, PAGES.businessFeed]);
    await update({ slug: 'earlier-coverage-revised' })();
    expect(await cacheState(PAGES.storyPage)).toBe('miss');
    expect(await cacheState(PAGES.marketPage)).toBe('hit');
    expect(await cacheState(PAGES.businessFeed)).toBe('hit');
    expect(JSON.stringify((await get(PAGES.storyPage).expect(200)).body.data.body)).toContain('earlier-coverage-revised');
    await get(PAGES.linkedPage).expect(404);
    PAGES.linkedPage = '/api/articles/by-slug/earlier-coverage-revised';
  });

  it('a section rename purges every feed and page showing the section, and leaves the other section warm', async () => {
    const { purged, warm: stillWarm } = await afterWrite(() =>
      app.strapi.documents('api::section.section').update({ documentId: world.documentId, data: { name: 'World News' } } as never),
    );
    expect(purged.sort()).toEqual([PAGES.allNews, PAGES.allNewsRss, PAGES.worldFeed, PAGES.storyPage, PAGES.linkedPage].sort());
    expect(stillWarm).toEqual(expect.arrayContaining([PAGES.businessFeed, PAGES.marketPage]));
    expect((await get(PAGES.worldFeed).expect(200)).body.data[0].section.name).toBe('World News');
  });

  it('a media-library change to an image\'s metadata or file purges the entries showing that photo only', async () => {
    const photo = (await app.strapi.db.query('api::photo.photo').findOne({ where: { documentId: businessPhoto.documentId }, populate: { image: true } })) as { image: { id: number; url: string } };
    const upload = app.strapi.plugin('upload').service('upload');
    const meta = await afterWrite(() => upload.updateFileInfo(photo.image.id, { alternativeText: 'Traders, seen from the gallery', name: 'traders.jpg' }));
    expect(meta.purged.sort()).toEqual([PAGES.allNews, PAGES.allNewsRss, PAGES.businessFeed, PAGES.marketPage].sort());

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-replace-'));
    try {
      const drawn = path.join(dir, 'drawn.jpg');
      const file = path.join(dir, 'replacement.jpg');
      await drawDemoImage(drawn, 'Replacement', ['#553311', '#ccbb99'], 2);
      await sharp(drawn).resize(600, 400).toFile(file); // a smaller picture: the feed shows its new size
      const replaced = await afterWrite(() =>
        upload.replace(photo.image.id, {
          data: { fileInfo: {} },
          file: { filepath: file, originalFilename: 'replacement.jpg', mimetype: 'image/jpeg', size: fs.statSync(file).size },
        }),
      );
      expect(replaced.purged.sort()).toEqual([PAGES.allNews, PAGES.allNewsRss, PAGES.businessFeed, PAGES.marketPage].sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const image = (await get(PAGES.marketPage).expect(200)).body.data.leadPhoto.image;
    expect([image.width, image.height]).toEqual([600, 400]);
  });

  it('a new story in one section purges the lists it joins, not the other section\'s feed or pages', async () => {
    const { purged } = await afterWrite(() => createArticle(app.strapi, { title: 'Breaking: bridge reopens', section: world.documentId }));
    expect(purged.sort()).toEqual([PAGES.allNews, PAGES.allNewsRss, PAGES.worldFeed].sort());
    expect((await get(PAGES.allNews).expect(200)).body.data[0].title).toBe('Breaking: bridge reopens');
  });

  it('a photo edit purges what shows that photo only; a purge message reaches this instance through the shared store', async () => {
    const { purged } = await afterWrite(() => app.strapi.documents('api::photo.photo').update({ documentId: worldPhoto.documentId, data: { caption: 'Flood waters rise, updated' } } as never));
    expect(purged.sort()).toEqual([PAGES.allNews, PAGES.allNewsRss, PAGES.worldFeed, PAGES.storyPage, PAGES.linkedPage].sort());
    // Another instance's purge arrives as a message on the channel.
    // The compiled app's module, not a second copy from the TypeScript source.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { platform } = require(path.join(process.env.NEWSROOM_TEST_DIST!, 'src', 'platform')) as typeof import('../../src/platform');
    const bus = await afterWrite(() => platform(app.strapi).store.publish('feed-cache:purge', JSON.stringify([`section:business`])));
    expect(bus.purged.sort()).toEqual([PAGES.allNews, PAGES.allNewsRss, PAGES.businessFeed, PAGES.marketPage].sort());
  });
});
