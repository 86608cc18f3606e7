// The demo newsroom a newcomer sees on first `npm run develop`, and the list indexes a fresh database gets.
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { seedDemoNewsroom } from '../../src/seed/seed-demo';

let app: TestApp;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'true' });
});

afterAll(async () => {
  await app?.stop();
});

describe('demo newsroom', () => {
  it('shows readers\' numbers: most read with view counts, Recommended picks and a Multimedia list', async () => {
    const mostRead = await request(app.server).get('/api/feeds/most-read?window=30d').expect(200);
    expect(mostRead.body.data.length).toBeGreaterThanOrEqual(10);
    const counts = mostRead.body.data.map((a: { viewCount: number }) => a.viewCount);
    expect(counts[0]).toBeGreaterThan(0);
    expect([...counts].sort((a: number, b: number) => b - a)).toEqual(counts);
    const recommended = await request(app.server).get('/api/feeds/recommended?limit=5').expect(200);
    expect(recommended.body.data).toHaveLength(5);
    const multimedia = await request(app.server).get('/api/feeds/multimedia').expect(200);
    const kinds = multimedia.body.data.map((i: { mediaKind: string }) => i.mediaKind);
    expect(kinds).toEqual(expect.arrayContaining(['video', 'infographic', 'gallery']));
  });

  it('has sections, about 40 published articles over several weeks, and two picture galleries', async () => {
    const sections = await request(app.server).get('/api/sections').expect(200);
    expect(sections.body.data.length).toBeGreaterThanOrEqual(5);
    const articles = await request(app.server).get('/api/articles').query({ pagination: { pageSize: 100 }, sort: 'firstPublishedAt:asc' }).expect(200);
    expect(articles.body.data.length).toBeGreaterThanOrEqual(35);
    const times = articles.body.data.map((a: { firstPublishedAt: string }) => Date.parse(a.firstPublishedAt));
    expect((Math.max(...times) - Math.min(...times)) / 86_400_000).toBeGreaterThan(14);
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
    const galleries = await request(app.server).get('/api/galleries').query({ filters: { kind: 'this-week-in-pictures' } }).expect(200);
    expect(galleries.body.data).toHaveLength(2);
    for (const g of galleries.body.data) expect(g.title).toMatch(/^This Week in Pictures: [A-Z][a-z]+ \d{1,2} - ([A-Z][a-z]+ )?\d{1,2}$/);
  });

  it('gives every article a lead photo backed by a real image, inline photos and related-story links', async () => {
    const res = await request(app.server).get('/api/articles').query({
      pagination: { pageSize: 100 },
      populate: { leadPhoto: true, relatedLinks: true, footnotes: true, body: { on: { 'blocks.photo-embed': { populate: { photo: true } }, 'blocks.related-story': { populate: { link: { populate: { article: true } } } } } } },
    }).expect(200);
    const articles = res.body.data as any[];
    for (const a of articles) {
      expect(a.leadPhoto.caption).toBeTruthy();
      expect(a.leadPhoto.altText).toBeTruthy();
      expect(a.leadPhoto.creditLine).toMatch(/^© .+ \/ .+$/);
      expect(a.body.some((b: any) => b.__component === 'blocks.photo-embed' && b.photo)).toBe(true);
    }
    expect(articles.filter((a) => a.body.some((b: any) => b.__component === 'blocks.related-story' && b.link.article)).length).toBeGreaterThan(30);
    expect(articles.filter((a) => a.footnotes.length > 0).length).toBeGreaterThan(0);
    const image = await request(app.server).get(articles[0].leadPhoto.image.url).expect(200);
    expect(image.headers['content-type']).toMatch(/^image\/jpeg/);
    expect(Number(image.headers['content-length'])).toBeGreaterThan(5000);
  });

  it('publishes a privacy policy version, so a newcomer can register and consent', async () => {
    const res = await request(app.server).get('/api/privacy-policy').expect(200);
    expect(res.body.data).toEqual(expect.objectContaining({ version: 1, text: expect.stringContaining('Privacy policy'), publishedAt: expect.any(String) }));
  });

  it('shows an entity note, a correction and a disclosed AI-generated photo', async () => {
    const feed = await request(app.server).get('/api/feeds/articles').query({ limit: 50 }).expect(200);
    const items = feed.body.data as any[];
    const electoral = items.find((a) => a.title.startsWith('Electoral commission†'));
    expect(electoral.entityNotes[0].text).toMatch(/^†The Electoral Commission/);
    const budget = items.find((a) => a.title.startsWith('Parliament passes budget'));
    expect(budget.corrections.map((c: any) => c.kind)).toEqual(['update', 'correction']);
    expect(budget.updatedAt).toBe(budget.corrections[0].at);
    const photos = await request(app.server).get('/api/photos').query({ filters: { digitalSourceType: 'trainedAlgorithmicMedia' } }).expect(200);
    expect(photos.body.data[0].creditLine).toMatch(/· AI-generated image$/);
  });

  it('shows every demo photo to readers: each one is used by published content (the embargo hides none)', async () => {
    const all = await app.strapi.db.query('api::photo.photo').count({});
    const res = await request(app.server).get('/api/photos').query({ pagination: { pageSize: 1 } }).expect(200);
    expect(all).toBeGreaterThanOrEqual(80);
    expect(res.body.meta.pagination.total).toBe(all);
  });

  it('has a radio station with streams and a weekly schedule for Listen Live', async () => {
    const res = await request(app.server).get('/api/listen-live').expect(200);
    expect(res.body.data.station).toBe('Newsroom Radio');
    expect(res.body.data.streams.map((s: { mimeType: string }) => s.mimeType)).toEqual(['application/vnd.apple.mpegurl', 'audio/mpeg']);
    expect(res.body.data.next).toEqual(expect.objectContaining({ title: expect.any(String), startsAt: expect.any(String) }));
    const schedule = (await app.strapi.documents('api::listen-live.listen-live').findFirst({ populate: ['schedule'] } as never)) as { schedule: { weekday: number }[] };
    expect(new Set(schedule.schedule.map((p) => p.weekday))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
  });

  it('has the 20 community standards in English and French, version 1, and demo comments with a reply and a held one', async () => {
    const en = await request(app.server).get('/api/community-standards').expect(200);
    expect(en.body.meta.version).toBe(1);
    expect(en.body.data).toHaveLength(20);
    expect(en.body.data.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['off-topic', 'hate', 'flash-mob', 'foreign-language', 'language-rules']));
    const fr = await request(app.server).get('/api/community-standards?locale=fr').expect(200);
    expect(fr.body.data).toHaveLength(20);
    expect(fr.body.data[0].title).not.toBe(en.body.data[0].title);
    const comments = await app.strapi.db.query('plugin::comments.comment').findMany({});
    expect(comments.some((c: { threadId: number | null }) => c.threadId !== null)).toBe(true);
    expect(comments.filter((c: { status: string }) => c.status === 'pending')).toEqual([expect.objectContaining({ heldFor: ['language-rules'] })]);
    const withThread = comments.find((c: { threadId: number | null }) => c.threadId !== null)!;
    const thread = await request(app.server).get(`/api/articles/${withThread.articleDocumentId}/comments`).expect(200);
    expect(thread.body.data[0].replies[0].author.displayName).toBe('Sam Neighbour');
  });

  it('is idempotent', async () => {
    const before = await app.strapi.db.query('api::article.article').count({});
    await seedDemoNewsroom(app.strapi);
    expect(await app.strapi.db.query('api::article.article').count({})).toBe(before);
  });

  it('is never seeded in production', async () => {
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await app.strapi.db.query('api::article.article').deleteMany({});
      await seedDemoNewsroom(app.strapi);
      expect(await app.strapi.db.query('api::article.article').count({})).toBe(0);
    } finally {
      process.env.NODE_ENV = env;
    }
  });
});

describe('list indexes on a fresh database', () => {
  it('exist for publication time, section, slug and code', async () => {
    const knex = app.strapi.db.connection;
    const client = app.strapi.db.dialect.client;
    const names: string[] =
      client === 'postgres'
        ? (await knex.raw(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()`)).rows.map((r: { name: string }) => r.name)
        : (await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'index'`)).map((r: { name: string }) => r.name);
    for (const index of ['articles_first_published_idx', 'articles_slug_idx', 'articles_section_lnk_section_idx', 'sections_slug_idx', 'short_urls_code_uidx', 'short_urls_article_document_idx']) {
      expect(names).toContain(index);
    }
  });
});
