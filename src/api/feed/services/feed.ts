// Reads what the feeds show through the Document Service, with explicit fields and one query
// per relation level (never one per item), and hands plain data to src/lib/feeds.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { decodeCursor, encodeCursor, cursorKey, CursorError, type CursorValue } from '../../../lib/feeds/cursor';
import { newest, toFeedArticle, toFeedPhoto, toFeedSection, toFeedTags, type ArticleUrlConfig } from '../../../lib/feeds/from-documents';
import { toArticlePage, type ArticlePage } from '../../../lib/feeds/article-page';
import { pictureWeekUrl } from '../../../lib/feeds/feed-urls';
import type { ArticleFeed, FeedArticle, FeedLinks, FeedPicture, PictureFeed } from '../../../lib/feeds/types';
import { latestCompletedWeek, parseDay, pictureWeekTitle, titlePrefixFor, weekContaining, weekOfInstant, weekRange, type PictureWeek } from '../../../lib/weeks/picture-week';
import type { NewsSitemapEntry } from '../../../lib/feeds/build-news-sitemap';
import { markViewCounts } from '../../../lib/feeds/view-marks';
import { suppressedOf } from '../../entity-note/services/notes';
import { PUBLIC_PHOTO_FILTER } from '../../photo/services/visibility';

const ARTICLE = 'api::article.article';
const SECTION = 'api::section.section';
const GALLERY = 'api::gallery.gallery';
const PHOTO = 'api::photo.photo';
/** What a Strapi uid field can hold. */
const SLUG = /^[A-Za-z0-9._~-]{1,300}$/;

type Raw = Record<string, unknown>;

const IMAGE_FIELDS = ['url', 'width', 'height', 'mime', 'formats'];
const PHOTO_POPULATE = {
  fields: ['caption', 'altText', 'creditLine', 'takenAt', 'location', 'updatedAt', 'digitalSourceType', 'provenanceNote'],
  populate: { image: { fields: IMAGE_FIELDS }, credit: true },
};
const ARTICLE_FIELDS = ['title', 'slug', 'kicker', 'standfirst', 'dateline', 'firstPublishedAt', 'updatedAt', 'locale'];
// Feed items stay at one query per level: section, lead photo, its image, its credit.
const ARTICLE_POPULATE = {
  section: { fields: ['name', 'slug'] },
  leadPhoto: PHOTO_POPULATE,
};
const LINKED_ARTICLE = {
  fields: ['title', 'slug', 'firstPublishedAt', 'locale'],
  populate: { section: { fields: ['name', 'slug'] }, leadPhoto: PHOTO_POPULATE },
};
const LINK_POPULATE = { populate: { article: LINKED_ARTICLE, thumbnail: PHOTO_POPULATE } };

export interface FeedRequest {
  locale?: string;
  limit: number;
  cursor?: string;
}

interface FeedsConfig {
  title: string;
  description: string;
  siteLocale: string;
  pictureWeekStartsOn: number;
  pictureWeekTitle: string;
  /** Title prefixes by locale or language, e.g. { fr: 'Cette semaine en images' }. */
  pictureWeekTitles: Record<string, string>;
  pictureWeekPathPattern: string;
  /** IANA zone of the newsroom's calendar: picture weeks, their titles and time ranges. */
  timeZone: string;
  cmsUrl: string;
  dropAiImages: boolean;
}

const LOCALES_TTL_MS = 60_000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let locales: { codes: string[]; defaultCode: string; at: number } | null = null;
  let key: Buffer | null = null;

  const config = () => strapi.config.get('feeds') as FeedsConfig;
  const urls = (): ArticleUrlConfig => ({
    siteUrl: strapi.config.get('newsroom.siteUrl') as string,
    articlePathPattern: strapi.config.get('newsroom.articlePathPattern') as string,
  });
  const signingKey = () => (key ??= cursorKey(strapi.config.get('server.app.keys') as string[]));

  /** The requested locale, checked against the configured ones, or the default locale. Cached briefly. */
  async function resolveLocale(requested?: string): Promise<string> {
    if (!locales || Date.now() - locales.at > LOCALES_TTL_MS) {
      const service = strapi.plugin('i18n').service('locales');
      const [all, defaultCode] = await Promise.all([service.find(), service.getDefaultLocale()]);
      locales = { codes: (all as Array<{ code: string }>).map((l) => l.code), defaultCode: (defaultCode as string) ?? 'en', at: Date.now() };
    }
    if (!requested) return locales.defaultCode;
    if (!locales.codes.includes(requested)) {
      throw new errors.ValidationError(`Unknown locale "${requested}". Available: ${locales.codes.join(', ')}.`, { path: ['locale'] });
    }
    return requested;
  }

  function readCursor(cursor: string | undefined, feed: string): CursorValue[] | null {
    if (!cursor) return null;
    try {
      return decodeCursor(cursor, feed, signingKey()).after;
    } catch (e) {
      if (e instanceof CursorError) throw new errors.ValidationError(e.message, { path: ['cursor'] });
      throw e;
    }
  }

  const badCursor = () => new errors.ValidationError('The cursor is not valid for this feed.', { path: ['cursor'] });

  async function shortLinks(documentIds: string[]): Promise<Map<string, { shortUrl: string }>> {
    if (!documentIds.length) return new Map();
    let service: { getShortLinks?: unknown } | undefined;
    try {
      service = strapi.service('api::short-url.short-url') as { getShortLinks?: unknown } | undefined;
    } catch {
      service = undefined;
    }
    if (typeof service?.getShortLinks !== 'function') return new Map();
    return (await (service.getShortLinks as (ids: string[]) => Promise<Map<string, { shortUrl: string }>>)(documentIds)) ?? new Map();
  }

  /** Approved comment counts of a page of articles (one grouped query); none when the comments plugin is off. */
  async function commentCounts(documentIds: string[]): Promise<Map<string, number> | null> {
    const comments = strapi.plugin('comments')?.service('comments') as { counts?: (ids: string[]) => Promise<Map<string, number>> } | undefined;
    if (typeof comments?.counts !== 'function' || !documentIds.length) return null;
    return comments.counts(documentIds);
  }

  async function withShortUrls(raws: Raw[]): Promise<FeedArticle[]> {
    const ids = raws.map((r) => String(r.documentId));
    const [links, counts] = await Promise.all([shortLinks(ids), commentCounts(ids)]);
    return raws.map((r) => {
      const item = toFeedArticle(r, urls(), links.get(String(r.documentId))?.shortUrl ?? null);
      return counts ? { ...item, commentCount: counts.get(item.documentId) ?? 0 } : item;
    });
  }

  const notes = () => strapi.service('api::entity-note.notes');

  /** Entity notes on feed items; the articles' suppressions are read only for items that mention one. */
  async function withEntityNotes(items: FeedArticle[], locale: string): Promise<FeedArticle[]> {
    return notes().annotateFeedItems(items, async (documentIds: string[]) => {
      const rows = (await strapi.documents(ARTICLE).findMany({
        status: 'published',
        locale,
        filters: { documentId: { $in: documentIds } },
        fields: ['documentId'],
        populate: { noteSuppressions: { populate: { entity: { fields: ['documentId'] } } } },
      } as never)) as Raw[];
      return new Map(rows.map((r) => [String(r.documentId), suppressedOf(r)]));
    });
  }

  /** Last-Modified of a page of articles: the newest save of a row or its photo, or of an entity note. */
  async function changedAt(raws: Raw[]): Promise<string> {
    return newest([...raws.flatMap((r) => [r.updatedAt as string, (r.leadPhoto as Raw | null)?.updatedAt as string | undefined]), await notes().changedAt()]);
  }

  /**
   * Keyset page of published articles, newest first by first publication then id. Read by the
   * article-rows service (three queries, no per-request query building by the Document Service):
   * the hottest path of the feeds, see the Benchmarks section of the README.
   */
  async function articlePage(scope: { sectionId?: number }, feedId: string, req: FeedRequest, locale: string) {
    const cursor = readCursor(req.cursor, feedId);
    let after: { at: Date; id: number } | undefined;
    if (cursor) {
      const [at, id] = cursor;
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'number') throw badCursor();
      after = { at: new Date(at), id };
    }
    const rows = await strapi.service('api::feed.article-rows').page({ locale, sectionId: scope.sectionId, after, limit: req.limit + 1 });
    const hasMore = rows.length > req.limit;
    const page = rows.slice(0, req.limit);
    const last = page[page.length - 1];
    const nextCursor =
      hasMore && last
        ? encodeCursor({ feed: feedId, after: [new Date(last.firstPublishedAt as string).toISOString(), last.id as number] }, signingKey())
        : null;
    const items = await withEntityNotes(await withShortUrls(page), locale);
    return { items, changedAt: await changedAt(page), pageInfo: { limit: req.limit, nextCursor, hasMore } };
  }

  function articleKeys(items: FeedArticle[]): string[] {
    const keys: string[] = [];
    for (const a of items) {
      keys.push(`article:${a.documentId}`);
      if (a.section) keys.push(`section:${a.section.slug}`);
      if (a.leadPhoto) keys.push(`photo:${a.leadPhoto.documentId}`);
    }
    return keys;
  }

  /** The week's title in `locale` (the feed's, else SITE_LOCALE), with that locale's prefix. */
  function weekTitle(week: PictureWeek, locale?: string): string {
    const cfg = config();
    const language = locale || cfg.siteLocale;
    return pictureWeekTitle(week, language, titlePrefixFor(language, cfg.pictureWeekTitles ?? {}, cfg.pictureWeekTitle));
  }

  return {
    /** How RSS, Atom and JSON Feed treat photos: AI-generated ones dropped when configured, disclosure wording. */
    syndicationOptions() {
      return { dropAiImages: config().dropAiImages === true, disclosure: strapi.config.get('newsroom.disclosure') as { ai: string; composite: string } };
    },

    links(): FeedLinks {
      return { siteUrl: strapi.config.get('newsroom.siteUrl') as string, cmsUrl: config().cmsUrl };
    },

    siteLocale(): string {
      return config().siteLocale;
    },

    feedTitle(): string {
      return config().title;
    },

    resolveLocale,

    /** Feed items for article rows (as article-rows reads them), with their short links. */
    articleItems: withShortUrls,

    /** A section by slug (name, slug, description, row id); NotFoundError when there is none. */
    async sectionBySlug(slug: string): Promise<Raw & { id: number; name: string; slug: string }> {
      if (!SLUG.test(slug)) throw new errors.NotFoundError(`No section with the slug "${slug.slice(0, 200)}".`);
      const raw = (await strapi.documents(SECTION).findFirst({ filters: { slug }, fields: ['name', 'slug', 'description', 'updatedAt'] } as never)) as Raw | null;
      if (!raw || !toFeedSection(raw)) throw new errors.NotFoundError(`No section with the slug "${slug.slice(0, 200)}".`);
      return raw as Raw & { id: number; name: string; slug: string };
    },

    /** Signed cursors of one feed, for the lists that page by position. */
    readCursor,
    writeCursor: (feed: string, after: CursorValue[]) => encodeCursor({ feed, after }, signingKey()),
    badCursor,

    /** "All news": the latest published articles. */
    async articleFeed(req: FeedRequest): Promise<ArticleFeed> {
      const locale = await resolveLocale(req.locale);
      const { items, pageInfo, changedAt: itemsChangedAt } = await articlePage({}, `articles:${locale}`, req, locale);
      const cfg = config();
      return {
        kind: 'articles',
        title: cfg.title,
        description: cfg.description,
        locale,
        homeUrl: urls().siteUrl,
        feedPath: '/api/feeds/articles',
        updatedAt: itemsChangedAt,
        pageInfo,
        surrogateKeys: ['feed', 'feed:articles', ...articleKeys(items)],
        viewIds: markViewCounts(items),
        section: null,
        items,
      };
    },

    /** One section's latest articles; NotFoundError for an unknown slug. */
    async sectionFeed(slug: string, req: FeedRequest): Promise<ArticleFeed> {
      // No database round trip for what cannot be a slug (PostgreSQL answers a NUL byte with an error).
      if (!SLUG.test(slug)) throw new errors.NotFoundError(`No section with the slug "${slug.slice(0, 200)}".`);
      const locale = await resolveLocale(req.locale);
      const raw = (await strapi.documents(SECTION).findFirst({
        filters: { slug },
        fields: ['name', 'slug', 'description', 'updatedAt'],
      })) as Raw | null;
      const section = toFeedSection(raw);
      if (!raw || !section) throw new errors.NotFoundError(`No section with the slug "${slug.slice(0, 200)}".`);
      const { items, pageInfo, changedAt: itemsChangedAt } = await articlePage({ sectionId: raw.id as number }, `section:${section.slug}:${locale}`, req, locale);
      const cfg = config();
      return {
        kind: 'articles',
        title: `${cfg.title}: ${section.name}`,
        description: (raw.description as string) || `${section.name} news`,
        locale,
        homeUrl: `${urls().siteUrl.replace(/\/+$/, '')}/${encodeURIComponent(section.slug)}`,
        feedPath: `/api/feeds/sections/${encodeURIComponent(section.slug)}`,
        updatedAt: newest([raw.updatedAt as string, itemsChangedAt]),
        pageInfo,
        surrogateKeys: ['feed', `feed:section`, `feed:section:${section.slug}`, `section:${section.slug}`, ...articleKeys(items)],
        viewIds: markViewCounts(items),
        section,
        items,
      };
    },

    /** The picture week containing `date` (YYYY-MM-DD), or the latest completed one in the newsroom's time zone. */
    week(date: string | undefined, now = new Date()): PictureWeek {
      const startsOn = config().pictureWeekStartsOn;
      if (!date) return latestCompletedWeek(now, startsOn, config().timeZone);
      const day = parseDay(date);
      if (!day) throw new errors.ValidationError('date must be a real calendar day written YYYY-MM-DD.', { path: ['date'] });
      return weekContaining(date, startsOn);
    },

    /** The picture week an instant (a photo's takenAt) belongs to, by the newsroom's calendar. */
    weekOfInstant(instant: Date): PictureWeek {
      return weekOfInstant(instant, config().pictureWeekStartsOn, config().timeZone);
    },

    weekTitle,

    /** This Week in Pictures: the editors' gallery for the week when there is one, else the week's photos by time taken. */
    async thisWeekInPictures(week: PictureWeek, req: FeedRequest): Promise<PictureFeed> {
      const locale = await resolveLocale(req.locale);
      const cfg = config();
      const feedId = `pictures:${week.start}`;
      const after = readCursor(req.cursor, feedId);
      const gallery = (await strapi.documents(GALLERY).findFirst({
        status: 'published',
        filters: { kind: 'this-week-in-pictures', coversFrom: { $gte: week.start, $lte: week.end } },
        sort: [{ coversFrom: 'desc' }, { updatedAt: 'desc' }],
        fields: ['title', 'slug', 'coversFrom', 'coversTo', 'updatedAt'],
        populate: { items: { populate: { photo: PHOTO_POPULATE } } },
        // Strapi's typings force this: the shared photo populate (also used under other types) is not typed per uid.
      } as never)) as Raw | null;

      let items: FeedPicture[];
      let hasMore: boolean;
      let nextAfter: CursorValue[] | null = null;
      if (gallery) {
        const all = ((gallery.items as Raw[]) ?? [])
          .map((item) => ({ photo: toFeedPhoto(item.photo as Raw), override: item.captionOverride as string | null }))
          .filter((x) => x.photo?.image)
          .map((x, i) => ({ position: i + 1, caption: x.override || x.photo!.caption, photo: x.photo! }));
        const offset = after ? after[0] : 0;
        if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw badCursor();
        items = all.slice(offset, offset + req.limit);
        hasMore = offset + req.limit < all.length;
        if (hasMore) nextAfter = [offset + req.limit];
      } else {
        const range = weekRange(week, cfg.timeZone);
        // Embargoed photos stay out: only released ones and those something published uses.
        const where: Raw[] = [{ takenAt: { $gte: range.from, $lt: range.to } }, PUBLIC_PHOTO_FILTER];
        let position = 0;
        if (after) {
          const [at, id, pos] = after;
          if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'number' || typeof pos !== 'number') throw badCursor();
          const when = new Date(at);
          where.push({ $or: [{ takenAt: { $gt: when } }, { takenAt: when, id: { $gt: id } }] });
          position = pos;
        }
        const rows = (await strapi.documents(PHOTO).findMany({
          ...PHOTO_POPULATE,
          filters: { $and: where },
          sort: [{ takenAt: 'asc' }, { id: 'asc' }],
          limit: req.limit + 1,
          // Strapi's typings force this: the shared photo populate spread here is not typed per uid.
        } as never)) as Raw[];
        hasMore = rows.length > req.limit;
        const page = rows.slice(0, req.limit);
        items = page
          .map((r) => toFeedPhoto(r))
          .filter((p) => p?.image)
          .map((p, i) => ({ position: position + i + 1, caption: p!.caption, photo: p! }));
        const last = page[page.length - 1];
        if (hasMore && last) nextAfter = [new Date(last.takenAt as string).toISOString(), last.id as number, position + page.length];
      }
      items = await notes().annotatePictures(items, locale);
      const nextCursor = nextAfter ? encodeCursor({ feed: feedId, after: nextAfter }, signingKey()) : null;
      const galleryInfo = gallery
        ? { documentId: String(gallery.documentId), title: String(gallery.title), slug: (gallery.slug as string) ?? null }
        : null;
      return {
        kind: 'pictures',
        title: weekTitle(week, req.locale),
        description: `${cfg.pictureWeekTitle}, ${week.start} to ${week.end}`,
        locale,
        homeUrl: pictureWeekUrl(urls().siteUrl, cfg.pictureWeekPathPattern, week),
        feedPath: '/api/feeds/this-week-in-pictures',
        updatedAt: newest([gallery?.updatedAt as string | undefined, ...items.map((p) => p.photo.updatedAt), await notes().changedAt()]),
        pageInfo: { limit: req.limit, nextCursor, hasMore },
        surrogateKeys: [
          'feed',
          'feed:pictures',
          `pictures:${week.start}`,
          ...(galleryInfo ? [`gallery:${galleryInfo.documentId}`] : []),
          ...items.map((p) => `photo:${p.photo.documentId}`),
        ],
        week,
        gallery: galleryInfo,
        source: gallery ? 'curated' : 'automatic',
        items,
      };
    },

    /** The article page by slug, everything it shows resolved; NotFoundError when not published. */
    async articleBySlug(slug: string, requestedLocale?: string): Promise<{ page: ArticlePage; surrogateKeys: string[]; viewIds: string[]; changedAt: string }> {
      if (!SLUG.test(slug)) throw new errors.NotFoundError(`No published article with the slug "${slug.slice(0, 200)}".`);
      const locale = await resolveLocale(requestedLocale);
      const raw = (await strapi.documents(ARTICLE).findFirst({
        status: 'published',
        locale,
        filters: { slug },
        fields: [...ARTICLE_FIELDS, 'commentsEnabled', 'publishedAt'],
        populate: {
          ...ARTICLE_POPULATE,
          tags: { fields: ['name', 'slug'] },
          footnotes: true,
          corrections: true,
          noteSuppressions: { populate: { entity: { fields: ['documentId'] } } },
          relatedLinks: LINK_POPULATE,
          body: {
            on: {
              'blocks.rich-text': true,
              'blocks.photo-embed': { populate: { photo: PHOTO_POPULATE } },
              'blocks.related-story': { populate: { link: LINK_POPULATE } },
              'blocks.quote': true,
              'blocks.external-embed': true,
            },
          },
        },
        // Strapi's typings force this: nested component and dynamic-zone populates of shared constants.
      } as never)) as Raw | null;
      if (!raw) throw new errors.NotFoundError(`No published article with the slug "${slug.slice(0, 200)}".`);
      const links = await shortLinks([String(raw.documentId)]);
      const page: ArticlePage = await notes().annotatePage(toArticlePage(raw, urls(), links.get(String(raw.documentId))?.shortUrl ?? null), raw);
      const counts = await commentCounts([String(raw.documentId)]);
      if (counts) page.commentCount = counts.get(String(raw.documentId)) ?? 0;
      // Everything the page shows (tags, photos in blocks, linked stories, their sections and photos) by its key.
      const keys = ['feed', 'article-page', ...articleKeys([page]), ...strapi.service('api::feed.surrogate-keys').ofDocument(ARTICLE, raw)];
      const photoTimes = page.body.map((b) => (b.__component === 'blocks.photo-embed' ? b.photo.updatedAt : null));
      return { page, surrogateKeys: keys, viewIds: markViewCounts([page]), changedAt: newest([await changedAt([raw]), ...photoTimes]) };
    },

    /** Articles first published in the last 48 hours, for the Google News sitemap. */
    async newsSitemapEntries(requestedLocale: string | undefined, now = new Date()): Promise<{ entries: NewsSitemapEntry[]; locale: string; updatedAt: string; keys: string[] }> {
      const locale = await resolveLocale(requestedLocale);
      const since = new Date(now.getTime() - 48 * 3600 * 1000);
      const rows = (await strapi.documents(ARTICLE).findMany({
        status: 'published',
        locale,
        fields: ['title', 'slug', 'firstPublishedAt', 'updatedAt', 'locale'],
        filters: { firstPublishedAt: { $gte: since } },
        sort: [{ firstPublishedAt: 'desc' }, { id: 'desc' }],
        limit: 1000,
        populate: { section: { fields: ['name', 'slug'] }, tags: { fields: ['name', 'slug'] } },
      })) as Raw[];
      const tags = new Map(rows.map((r) => [String(r.documentId), toFeedTags(r.tags)]));
      // Titles marked like the feeds' (the sitemap has no room for the note itself).
      const items = await withEntityNotes(rows.map((r) => toFeedArticle(r, urls())), locale);
      return {
        locale,
        entries: items.map((a) => ({ url: a.url, title: a.title, publishedAt: a.publishedAt, keywords: (tags.get(a.documentId) ?? []).map((t) => t.name) })),
        updatedAt: newest([...items.map((a) => a.updatedAt), await notes().changedAt()]),
        keys: ['feed', 'feed:news-sitemap', ...rows.flatMap((r) => strapi.service('api::feed.surrogate-keys').ofDocument(ARTICLE, r))],
      };
    },
  };
};
