// The lists beside "All news": Most read (the views plugin's ranking), Recommended (editors'
// picks filled from most read) and Multimedia (galleries and articles told mainly in media).
// They return the same ArticleFeed the other feeds do, so every format renders them.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toFeedArticle, toFeedPhoto, newest } from '../../../lib/feeds/from-documents';
import { pictureWeekUrl, joinUrl } from '../../../lib/feeds/feed-urls';
import { markViewCounts } from '../../../lib/feeds/view-marks';
import type { ArticleFeed, FeedArticle, FeedMedia, FeedPhoto } from '../../../lib/feeds/types';
import type { CursorValue } from '../../../lib/feeds/cursor';
import type { FeedRequest } from './feed';

const ARTICLE = 'api::article.article';
const GALLERY = 'api::gallery.gallery';
const RECOMMENDED = 'api::recommended-list.recommended-list';
export const WINDOWS = ['24h', '7d', '30d'] as const;
export type Window = (typeof WINDOWS)[number];
const DOCUMENT_ID = /^[a-z0-9]{10,64}$/;
const MEDIA_KINDS = ['gallery', 'video', 'audio', 'infographic'];
const GALLERY_MEDIA_MAX = 10;
/** Lists that move without a write (views, pick expiry) are cached at most this long. */
export const LIST_MAX_TTL_MS = 60_000;

type Raw = Record<string, unknown>;

const IMAGE_FIELDS = ['url', 'width', 'height', 'mime', 'formats'];
const PHOTO_POPULATE = {
  fields: ['caption', 'altText', 'creditLine', 'takenAt', 'location', 'updatedAt'],
  populate: { image: { fields: IMAGE_FIELDS }, credit: true },
};
const FILE_FIELDS = { fields: ['url', 'width', 'height', 'mime'] };

export interface ListOptions {
  window?: unknown;
  section?: unknown;
  exclude?: unknown;
}

const once = (name: string, v: unknown): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new errors.ValidationError(`${name} must be given once, as a single value.`, { path: [name] });
  return v;
};

export function parseWindow(v: unknown): Window {
  const w = once('window', v) ?? '24h';
  if (!(WINDOWS as readonly string[]).includes(w)) throw new errors.ValidationError(`window must be one of ${WINDOWS.join(', ')}.`, { path: ['window'] });
  return w as Window;
}

export function parseExclude(v: unknown): string | undefined {
  const id = once('exclude', v);
  if (id !== undefined && !DOCUMENT_ID.test(id)) throw new errors.ValidationError('exclude must be an article documentId.', { path: ['exclude'] });
  return id;
}

/** A video/audio item (lead or block) as the feeds carry it. */
export function toFeedMedia(raw: Raw | null | undefined): FeedMedia | null {
  if (!raw) return null;
  const file = raw.file as Raw | null;
  const poster = raw.poster as Raw | null;
  const url = (raw.embedUrl as string) || (file?.url as string) || '';
  if (!url) return null;
  return {
    medium: raw.kind === 'audio' ? 'audio' : 'video',
    url,
    embed: Boolean(raw.embedUrl),
    mime: raw.embedUrl ? null : ((file?.mime as string) ?? null),
    width: typeof file?.width === 'number' ? file.width : null,
    height: typeof file?.height === 'number' ? file.height : null,
    posterUrl: (poster?.url as string) ?? null,
    caption: (raw.caption as string) || null,
    credit: (raw.credit as string) || null,
    mayRedistribute: true,
  };
}

function photoMedia(photo: FeedPhoto): FeedMedia | null {
  if (!photo.image) return null;
  return {
    medium: 'image',
    url: photo.image.url,
    embed: false,
    mime: photo.image.mime,
    width: photo.image.width,
    height: photo.image.height,
    posterUrl: null,
    caption: photo.caption || null,
    credit: photo.creditLine,
    mayRedistribute: photo.credit?.mayRedistribute !== false,
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const feeds = () => strapi.service('api::feed.feed');
  const rows = () => strapi.service('api::feed.article-rows');
  const ranking = () => strapi.plugin('views')?.service('ranking');
  const cfg = () => strapi.config.get('feeds') as { title: string; description: string; pictureWeekPathPattern: string };
  const siteUrl = () => strapi.config.get('newsroom.siteUrl') as string;

  /** Published articles by documentId in the given order (those not published in the locale dropped). */
  async function articlesInOrder(ids: string[], locale: string): Promise<FeedArticle[]> {
    if (!ids.length) return [];
    const found = (await rows().page({ locale, documentIds: ids, limit: ids.length })) as Raw[];
    const byId = new Map(found.map((r) => [String(r.documentId), r]));
    return feeds().articleItems(ids.map((id) => byId.get(id)).filter((r): r is Raw => Boolean(r)));
  }

  function keysOf(items: FeedArticle[]): string[] {
    return items.flatMap((a) => [`article:${a.documentId}`, ...(a.section ? [`section:${a.section.slug}`] : []), ...(a.leadPhoto ? [`photo:${a.leadPhoto.documentId}`] : [])]);
  }

  function feedOf(base: Pick<ArticleFeed, 'title' | 'description' | 'homeUrl' | 'feedPath' | 'pageInfo' | 'surrogateKeys' | 'feedParams' | 'cacheTtlMs'>, locale: string, items: FeedArticle[], section: ArticleFeed['section']): ArticleFeed {
    return {
      kind: 'articles',
      locale,
      updatedAt: newest(items.flatMap((a) => [a.updatedAt, a.leadPhoto?.updatedAt])),
      ...base,
      surrogateKeys: [...base.surrogateKeys, ...keysOf(items)],
      viewIds: markViewCounts(items.filter((i) => i.kind !== 'gallery')),
      section,
      items,
    };
  }

  async function sectionOf(slug: string | undefined) {
    if (slug === undefined) return null;
    const raw = await feeds().sectionBySlug(slug);
    return { id: raw.id, feed: { documentId: String(raw.documentId), name: raw.name, slug: raw.slug } };
  }

  /** The ranking's ids and how long it stays current: a list built on it is cached no longer. */
  async function mostReadIds(window: Window, locale: string, sectionId?: number): Promise<{ ids: string[]; freshForMs: number }> {
    const r = ranking();
    if (!r) return { ids: [], freshForMs: LIST_MAX_TTL_MS };
    const { ranking: ranked, freshForMs } = (await r.mostReadFresh(window, locale, sectionId)) as { ranking: Array<{ documentId: string }>; freshForMs: number };
    return { ids: ranked.map((x) => x.documentId), freshForMs };
  }

  return {
    /** Most read in a window, optionally in one section; pages by position in the ranking. */
    async mostRead(req: FeedRequest, opts: ListOptions): Promise<ArticleFeed> {
      const window = parseWindow(opts.window);
      const section = await sectionOf(once('section', opts.section));
      const locale = await feeds().resolveLocale(req.locale);
      const feedId = `most-read:${window}:${section?.feed.slug ?? ''}:${locale}`;
      const after = feeds().readCursor(req.cursor, feedId) as CursorValue[] | null;
      const offset = after ? after[0] : 0;
      if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw feeds().badCursor();
      const { ids: ranked, freshForMs } = await mostReadIds(window, locale, section?.id);
      const items = await articlesInOrder(ranked.slice(offset, offset + req.limit), locale);
      const hasMore = offset + req.limit < ranked.length;
      return feedOf(
        {
          title: `${cfg().title}: Most read`,
          description: `The most read stories of the last ${window}${section ? ` in ${section.feed.name}` : ''}`,
          homeUrl: joinUrl(siteUrl(), '/most-read'),
          feedPath: '/api/feeds/most-read',
          feedParams: { window, ...(section ? { section: section.feed.slug } : {}) },
          pageInfo: { limit: req.limit, hasMore, nextCursor: hasMore ? feeds().writeCursor(feedId, [offset + req.limit]) : null },
          surrogateKeys: ['feed', 'feed:most-read'],
          cacheTtlMs: Math.max(1000, freshForMs),
        },
        locale,
        items,
        section?.feed ?? null,
      );
    },

    /** Editors' live picks (the section's list, then the site-wide list), filled from most read. */
    async recommended(req: FeedRequest, opts: ListOptions, now = new Date()): Promise<ArticleFeed> {
      if (req.cursor) throw new errors.ValidationError('cursor is not accepted by the Recommended list (it is one page).', { path: ['cursor'] });
      const section = await sectionOf(once('section', opts.section));
      const exclude = parseExclude(opts.exclude);
      const locale = await feeds().resolveLocale(req.locale);
      const lists = (await strapi.documents(RECOMMENDED as never).findMany({
        fields: ['name'],
        populate: { section: { fields: ['slug'] }, picks: { populate: { article: { fields: ['documentId'] } } } },
        limit: 1000,
      } as never)) as Raw[];
      const sectionSlug = (l: Raw) => ((l.section as Raw | null)?.slug as string | undefined) ?? null;
      const ordered = [...lists.filter((l) => section && sectionSlug(l) === section.feed.slug), ...lists.filter((l) => sectionSlug(l) === null)];
      const seen = new Set<string>(exclude ? [exclude] : []);
      const picks: string[] = [];
      const expiries: number[] = [];
      for (const list of ordered) {
        for (const pick of (list.picks as Raw[]) ?? []) {
          const id = (pick.article as Raw | null)?.documentId as string | undefined;
          const expires = pick.expiresAt ? new Date(pick.expiresAt as string) : null;
          if (expires) expiries.push(expires.getTime());
          if (!id || seen.has(id) || (expires && expires <= now)) continue;
          seen.add(id);
          picks.push(id);
        }
      }
      const items = (await articlesInOrder(picks, locale)).slice(0, req.limit);
      // Picks expire by the clock: the response lives until the next expiry at most.
      const nextExpiry = Math.min(...expiries.filter((t) => t > now.getTime()).map((t) => t - now.getTime()), LIST_MAX_TTL_MS);
      let freshForMs = nextExpiry;
      if (items.length < req.limit) {
        const have = new Set([...seen, ...items.map((i) => i.documentId)]);
        const fromRanking = await mostReadIds('24h', locale, section?.id);
        freshForMs = Math.min(freshForMs, fromRanking.freshForMs);
        const fill = fromRanking.ids.filter((id) => !have.has(id));
        items.push(...(await articlesInOrder(fill.slice(0, req.limit - items.length), locale)));
      }
      return feedOf(
        {
          title: `${cfg().title}: Recommended`,
          description: `Recommended by the editors${section ? ` in ${section.feed.name}` : ''}`,
          homeUrl: siteUrl(),
          feedPath: '/api/feeds/recommended',
          feedParams: section ? { section: section.feed.slug } : {},
          pageInfo: { limit: req.limit, hasMore: false, nextCursor: null },
          surrogateKeys: ['feed', 'feed:recommended', 'recommended'],
          cacheTtlMs: Math.max(1000, freshForMs),
        },
        locale,
        items,
        section?.feed ?? null,
      );
    },

    /** Galleries and articles told mainly in pictures, video, audio or graphics; newest first, keyset-paged. */
    async multimedia(req: FeedRequest): Promise<ArticleFeed> {
      const locale = await feeds().resolveLocale(req.locale);
      const feedId = `multimedia:${locale}`;
      const after = feeds().readCursor(req.cursor, feedId) as CursorValue[] | null;
      let at: Date | null = null;
      let type = '';
      let lastId = 0;
      if (after) {
        const [t, k, id] = after;
        if (typeof t !== 'string' || Number.isNaN(Date.parse(t)) || (k !== 'a' && k !== 'g') || typeof id !== 'number') throw feeds().badCursor();
        [at, type, lastId] = [new Date(t), k, id];
      }
      // Order: time desc, then galleries before articles at the same instant, then id desc.
      const keyset = (field: string, mine: 'a' | 'g') => {
        if (!at) return {};
        if (mine < type) return { [field]: { $lte: at } };
        if (mine > type) return { [field]: { $lt: at } };
        return { $or: [{ [field]: { $lt: at } }, { [field]: at, id: { $lt: lastId } }] };
      };
      const [articles, galleries] = await Promise.all([
        strapi.documents(ARTICLE).findMany({
          status: 'published',
          locale,
          fields: ['title', 'slug', 'kicker', 'standfirst', 'dateline', 'firstPublishedAt', 'updatedAt', 'locale', 'mediaKind'],
          filters: { $and: [{ mediaKind: { $in: MEDIA_KINDS } }, { firstPublishedAt: { $notNull: true } }, keyset('firstPublishedAt', 'a')] },
          sort: [{ firstPublishedAt: 'desc' }, { id: 'desc' }],
          limit: req.limit + 1,
          populate: { section: { fields: ['name', 'slug'] }, leadPhoto: PHOTO_POPULATE, leadMedia: { populate: { file: FILE_FIELDS, poster: FILE_FIELDS } } },
        } as never) as Promise<Raw[]>,
        strapi.documents(GALLERY).findMany({
          status: 'published',
          fields: ['title', 'slug', 'kind', 'coversFrom', 'coversTo', 'publishedAt', 'updatedAt'],
          filters: keyset('publishedAt', 'g'),
          sort: [{ publishedAt: 'desc' }, { id: 'desc' }],
          limit: req.limit + 1,
          populate: { items: { populate: { photo: PHOTO_POPULATE } } },
        } as never) as Promise<Raw[]>,
      ]);
      const articleItems = (await feeds().articleItems(articles)) as FeedArticle[];
      const entries: Array<{ at: string; type: 'a' | 'g'; id: number; item: FeedArticle }> = articles.map((raw, i) => {
        const item = articleItems[i];
        const lead = toFeedMedia(raw.leadMedia as Raw | null);
        const photo = item.leadPhoto ? photoMedia(item.leadPhoto) : null;
        item.kind = 'article';
        item.mediaKind = String(raw.mediaKind);
        item.media = [lead, photo].filter((m): m is FeedMedia => m !== null);
        return { at: new Date(raw.firstPublishedAt as string).toISOString(), type: 'a' as const, id: raw.id as number, item };
      });
      for (const g of galleries) {
        const photos = ((g.items as Raw[]) ?? []).map((it) => toFeedPhoto(it.photo as Raw)).filter((p): p is FeedPhoto => Boolean(p?.image));
        const publishedAt = new Date(g.publishedAt as string).toISOString();
        const weekly = g.kind === 'this-week-in-pictures' && g.coversFrom;
        const url = weekly
          ? pictureWeekUrl(siteUrl(), cfg().pictureWeekPathPattern, { start: String(g.coversFrom), end: String(g.coversTo ?? g.coversFrom) })
          : joinUrl(siteUrl(), (strapi.config.get('newsroom.galleryPathPattern') as string).replace('{slug}', encodeURIComponent(String(g.slug ?? g.documentId))));
        entries.push({
          at: publishedAt,
          type: 'g',
          id: g.id as number,
          item: {
            documentId: String(g.documentId),
            locale: null,
            title: String(g.title),
            slug: String(g.slug ?? g.documentId),
            kicker: null,
            standfirst: null,
            dateline: null,
            url,
            publishedAt,
            updatedAt: new Date((g.updatedAt as string) ?? publishedAt).toISOString(),
            section: null,
            leadPhoto: photos[0] ?? null,
            shortUrl: null,
            kind: 'gallery',
            mediaKind: 'gallery',
            media: photos.slice(0, GALLERY_MEDIA_MAX).map(photoMedia).filter((m): m is FeedMedia => m !== null),
            // Galleries carry no corrections or entity notes (articles only).
            corrections: [],
            entityNotes: [],
          },
        });
      }
      entries.sort((x, y) => (x.at !== y.at ? (x.at < y.at ? 1 : -1) : x.type !== y.type ? (x.type < y.type ? 1 : -1) : y.id - x.id));
      const page = entries.slice(0, req.limit);
      const hasMore = entries.length > req.limit;
      const last = page[page.length - 1];
      return feedOf(
        {
          title: `${cfg().title}: Multimedia`,
          description: 'Galleries, video, audio and graphics',
          homeUrl: joinUrl(siteUrl(), '/multimedia'),
          feedPath: '/api/feeds/multimedia',
          pageInfo: { limit: req.limit, hasMore, nextCursor: hasMore && last ? feeds().writeCursor(feedId, [last.at, last.type, last.id]) : null },
          surrogateKeys: ['feed', 'feed:multimedia', ...page.filter((e) => e.type === 'g').map((e) => `gallery:${e.item.documentId}`)],
        },
        locale,
        page.map((e) => e.item),
        null,
      );
    },
  };
};
