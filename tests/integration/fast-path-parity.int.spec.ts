// The hand-written SQL behind the article feeds, the redirect and the short-link lookup reads
// exactly what the Document Service reads, page after page, on a fixture with every awkward case.
import path from 'path';
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { createArticle, createPhoto, createSection, type Doc } from '../helpers/fixtures';
import { toFeedArticle } from '../../src/lib/feeds/from-documents';
import { articleUrl } from '../../src/lib/urls/canonical-url';
import { metadataLookup, schemaNames } from '../../src/lib/db/schema-names';

const ARTICLE = 'api::article.article';
const SHORT = 'api::short-url.short-url';
let app: TestApp;
let world: Doc;
let culture: Doc;
const urls = { siteUrl: 'https://news.example', articlePathPattern: '/{section}/{slug}' };

const PHOTO_POPULATE = {
  fields: ['caption', 'altText', 'creditLine', 'takenAt', 'location', 'updatedAt'],
  populate: { image: { fields: ['url', 'width', 'height', 'mime', 'formats'] }, credit: true },
};

/** What the Document Service gives for one keyset page: the reference the fast path must match. */
async function referencePage(locale: string, sectionId: number | undefined, after: { at: string; id: number } | undefined, limit: number) {
  const filters: Record<string, unknown>[] = [{ firstPublishedAt: { $notNull: true } }];
  if (sectionId !== undefined) filters.push({ section: { id: sectionId } });
  if (after) filters.push({ $or: [{ firstPublishedAt: { $lt: after.at } }, { firstPublishedAt: after.at, id: { $lt: after.id } }] });
  return (await app.strapi.documents(ARTICLE).findMany({
    status: 'published',
    locale,
    filters: { $and: filters },
    fields: ['title', 'slug', 'kicker', 'standfirst', 'dateline', 'firstPublishedAt', 'updatedAt', 'locale'],
    populate: { section: { fields: ['name', 'slug'] }, leadPhoto: PHOTO_POPULATE },
    sort: [{ firstPublishedAt: 'desc' }, { id: 'desc' }],
    limit,
  } as never)) as unknown as Array<Record<string, unknown>>;
}

const view = (rows: Array<Record<string, unknown>>) => rows.map((r) => ({ id: r.id, item: toFeedArticle(r, urls, null) }));

async function comparePages(locale: string, sectionId?: number) {
  const rows = app.strapi.service('api::feed.article-rows');
  let after: { at: string; id: number } | undefined;
  let pages = 0;
  let items = 0;
  for (;;) {
    const fast = await rows.page({ locale, sectionId, after: after ? { at: new Date(after.at), id: after.id } : undefined, limit: 3 });
    const reference = await referencePage(locale, sectionId, after, 3);
    expect(view(fast)).toEqual(view(reference));
    pages += 1;
    items += fast.length;
    if (fast.length < 3) break;
    const last = fast[fast.length - 1];
    after = { at: String(last.firstPublishedAt), id: Number(last.id) };
  }
  return { pages, items };
}

beforeAll(async () => {
  app = await startApp({ SITE_URL: urls.siteUrl });
  const { strapi } = app;
  await strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' });
  world = await createSection(strapi, 'World');
  culture = await createSection(strapi, 'Culture');
  const credited = await createPhoto(strapi, { caption: 'Credited', credit: { photographer: 'Ana Ruiz', agency: 'Reuters', license: 'CC BY', mayRedistribute: false } });
  const uncredited = await createPhoto(strapi, { caption: 'No credit at all', location: 'Lyon', takenAt: new Date('2018-11-20T10:00:00Z') });
  // A photo imported before credits were required: its credit component row is gone.
  const names = schemaNames(metadataLookup(strapi.db.metadata));
  const cmps = names.componentTable('api::photo.photo', 'credit');
  await strapi.db.connection(cmps.name).where(cmps.ownerColumn, uncredited.id).andWhere(cmps.typeColumn, 'media.photo-credit').delete();
  const blank = await createPhoto(strapi, { caption: 'Blank credit', credit: { mayRedistribute: true } });
  const doomed = await createArticle(strapi, { title: 'Soon deleted', section: world.documentId });

  const hour = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
  const times = [hour(1), hour(2), hour(2), hour(3), hour(4), hour(5), hour(6), hour(7)]; // two stories share a time
  for (const [i, at] of times.entries()) {
    const doc = await createArticle(strapi, {
      title: `Story ${i}`,
      kicker: i % 2 ? 'Analysis' : null,
      standfirst: i % 3 ? `Standfirst ${i}` : null,
      dateline: i === 4 ? 'PARIS' : null,
      section: i % 3 === 2 ? culture.documentId : world.documentId,
      leadPhoto: i % 3 === 0 ? credited.documentId : i % 3 === 1 ? uncredited.documentId : i === 7 ? null : blank.documentId,
      body: [
        { __component: 'blocks.rich-text', body: `Body ${i}` },
        { __component: 'blocks.photo-embed', photo: credited.documentId, captionOverride: 'Inline' },
        { __component: 'blocks.related-story', link: { article: doomed.documentId, label: 'Earlier' } },
        { __component: 'blocks.quote', text: 'A quote.', attribution: 'Someone' },
        { __component: 'blocks.external-embed', url: 'https://www.youtube.com/watch?v=abc', provider: 'youtube' },
      ],
      relatedLinks: [{ url: 'https://example.org/background', titleOverride: 'Background' }],
    });
    await strapi.db.query(ARTICLE).updateMany({ where: { documentId: doc.documentId }, data: { firstPublishedAt: at } });
    if (i === 3) {
      // A French version, published at another time.
      await strapi.documents(ARTICLE).update({ documentId: doc.documentId, locale: 'fr', data: { title: `Histoire ${i}`, section: world.documentId }, status: 'published' } as never);
      await strapi.db.query(ARTICLE).updateMany({ where: { documentId: doc.documentId, locale: 'fr' }, data: { firstPublishedAt: hour(9) } });
    }
    if (i === 6) {
      // A published story with a newer draft: the feed shows the published text.
      await strapi.documents(ARTICLE).update({ documentId: doc.documentId, data: { title: 'Unpublished new headline', leadPhoto: uncredited.documentId } } as never);
    }
  }
  await createArticle(strapi, { title: 'Draft only', section: world.documentId }, { publish: false });
  await strapi.documents(ARTICLE).delete({ documentId: doomed.documentId } as never);
  // Short links: each published story has one from publication; add a disabled and an expired one.
  const story0 = await strapi.db.query(ARTICLE).findOne({ where: { title: 'Story 0', publishedAt: { $notNull: true } } });
  await strapi.documents(SHORT).create({ data: { code: 'off-story', articleDocumentId: story0.documentId, enabled: false } } as never);
  await strapi.documents(SHORT).create({ data: { code: 'old-story', articleDocumentId: story0.documentId, expiresAt: new Date(Date.now() - 60_000).toISOString() } } as never);
});


afterAll(async () => {
  await app?.stop();
});

describe('fast path vs strapi.documents().findMany', () => {
  it('reads the same pages of all news, in both locales', async () => {
    expect(await comparePages('en')).toEqual({ pages: 3, items: 8 });
    expect(await comparePages('fr')).toEqual({ pages: 1, items: 1 });
  });

  it('reads the same pages of each section', async () => {
    expect((await comparePages('en', world.id)).items).toBe(6);
    expect((await comparePages('en', culture.id)).items).toBe(2);
  });

  it('shows the published text of a story that has a newer draft, and photos with and without credit', async () => {
    const [page] = [await app.strapi.service('api::feed.article-rows').page({ locale: 'en', limit: 20 })];
    const titles = page.map((r: { title: string }) => r.title);
    expect(titles).toContain('Story 6');
    expect(titles).not.toContain('Unpublished new headline');
    expect(titles).not.toContain('Draft only');
    expect(titles).not.toContain('Soon deleted');
    const photos = view(page).map((v) => v.item.leadPhoto).filter(Boolean);
    expect(photos.some((p) => p!.credit === null)).toBe(true);
    expect(photos.some((p) => p!.credit?.mayRedistribute === false)).toBe(true);
  });

  it('finds the same short links and redirect targets as the Document Service', async () => {
    const published = (await app.strapi.documents(ARTICLE).findMany({ status: 'published', locale: 'en', fields: ['slug', 'firstPublishedAt', 'locale'], populate: { section: { fields: ['slug'] } } } as never)) as unknown as Array<Record<string, unknown>>;
    const ids = published.map((a) => String(a.documentId));
    const links = await app.strapi.service(SHORT).getShortLinks(ids);
    const now = Date.now();
    const active = (await app.strapi.documents(SHORT).findMany({ filters: { articleDocumentId: { $in: ids } }, sort: [{ id: 'asc' }], limit: 1000 } as never)) as unknown as Array<Record<string, unknown>>;
    const expected = new Map<string, string>();
    for (const link of active) {
      if (link.enabled === false || (link.expiresAt && Date.parse(String(link.expiresAt)) <= now)) continue;
      if (!expected.has(String(link.articleDocumentId))) expected.set(String(link.articleDocumentId), String(link.code));
    }
    expect(new Map([...links].map(([id, l]) => [id, l.code]))).toEqual(expected);
    expect(links.size).toBe(8);

    for (const article of published) {
      const code = expected.get(String(article.documentId))!;
      const target = articleUrl(urls.siteUrl, { slug: String(article.slug), section: ((article.section as Record<string, unknown> | null)?.slug as string) ?? null, documentId: String(article.documentId), locale: 'en', firstPublishedAt: new Date(String(article.firstPublishedAt)) }, urls.articlePathPattern);
      const res = await request(app.server).get(`/s/${code}`).set('User-Agent', 'curl/8').expect(301);
      expect(res.headers.location).toBe(target);
    }
  });
});

describe('the boot check', () => {
  it('passes on the real schema and names a field a developer renamed', () => {
    // The compiled app's module, as bootstrap() runs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkFastPathSchema } = require(path.join(process.env.NEWSROOM_TEST_DIST!, 'src', 'bootstrap', 'fast-path-schema')) as typeof import('../../src/bootstrap/fast-path-schema');
    expect(() => checkFastPathSchema(app.strapi)).not.toThrow();
    const attributes = (app.strapi.db.metadata.get(ARTICLE as never) as unknown as { attributes: Record<string, unknown> }).attributes;
    const standfirst = attributes.standfirst;
    delete attributes.standfirst;
    try {
      expect(() => checkFastPathSchema(app.strapi)).toThrow(/api::article\.article\.standfirst no longer exists/);
    } finally {
      attributes.standfirst = standfirst;
    }
    expect(() => checkFastPathSchema(app.strapi)).not.toThrow();
  });
});
