// Purges exactly the cached feeds and pages a write changes, by surrogate key: each write's
// public state before and after (published rows only for draft & publish types) names the keys,
// and purgeFeedCache() drops the entries tagged with them. A draft save purges nothing.
import type { Core } from '@strapi/strapi';
import { publishPermissionChange } from '../platform/cache-bus';
import { ALL_FEEDS_KEY, purgeFeedCache } from '../api/feed/purge-feed-cache';
import { schemaNames, metadataLookup } from '../lib/db/schema-names';

const ARTICLE = 'api::article.article';
const PHOTO = 'api::photo.photo';
const SECTION = 'api::section.section';
const GALLERY = 'api::gallery.gallery';
const TAG = 'api::tag.tag';
const SHORT_URL = 'api::short-url.short-url';
const FILE = 'plugin::upload.file';
const RECOMMENDED = 'api::recommended-list.recommended-list';

// Short URLs too: feeds carry each article's short link (made just after first publish, or disabled by an editor).
export const FEED_CONTENT_TYPES = new Set([ARTICLE, PHOTO, SECTION, GALLERY, TAG, SHORT_URL, RECOMMENDED]);
const DRAFT_AND_PUBLISH = new Set([ARTICLE, GALLERY]);

type Row = Record<string, unknown>;
interface DocumentContext {
  uid: string;
  action: string;
  params?: { documentId?: string; status?: string; locale?: string };
}

/** Whether this action can change what the public reads; draft saves, clones and discards cannot. */
function changesPublicState(uid: string, action: string, status: string | undefined): boolean {
  if (!DRAFT_AND_PUBLISH.has(uid)) return ['create', 'update', 'delete'].includes(action);
  if (action === 'publish' || action === 'unpublish' || action === 'delete') return true;
  return (action === 'create' || action === 'update') && status === 'published';
}

/** The surrogate keys a document's current public state appears under. */
async function publicKeys(strapi: Core.Strapi, uid: string, documentId: string): Promise<string[]> {
  const feeds = strapi.service('api::feed.feed');
  switch (uid) {
    case ARTICLE: {
      const rows = (await strapi.db.query(ARTICLE).findMany({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['documentId'],
        populate: { section: { select: ['slug'] } },
      })) as Row[];
      // Lists that include or may now include it; pages and feeds showing it carry article:<id>.
      // Recommended and Multimedia may now include it (a pick published late, a video story).
      const keys = [`article:${documentId}`, 'feed:articles', 'feed:news-sitemap', 'feed:recommended', 'feed:multimedia'];
      for (const row of rows) {
        const slug = (row.section as Row | null)?.slug;
        if (slug) keys.push(`feed:section:${slug}`);
      }
      return keys;
    }
    case PHOTO: {
      const row = (await strapi.db.query(PHOTO).findOne({ where: { documentId }, select: ['takenAt'] })) as Row | null;
      const taken = row?.takenAt ? new Date(row.takenAt as string) : null;
      return [`photo:${documentId}`, ...(taken && !Number.isNaN(taken.getTime()) ? [`pictures:${feeds.weekOfInstant(taken).start}`] : [])];
    }
    case GALLERY: {
      const rows = (await strapi.db.query(GALLERY).findMany({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['coversFrom'],
      })) as Row[];
      const weeks = rows.map((r) => (typeof r.coversFrom === 'string' ? feeds.week(r.coversFrom.slice(0, 10)).start : null));
      return [`gallery:${documentId}`, 'feed:multimedia', ...weeks.filter(Boolean).map((w) => `pictures:${w}`)];
    }
    case SECTION: {
      const row = (await strapi.db.query(SECTION).findOne({ where: { documentId }, select: ['slug'] })) as Row | null;
      return row?.slug ? [`section:${row.slug}`, `feed:section:${row.slug}`] : [];
    }
    case TAG:
      return [`tag:${documentId}`];
    case RECOMMENDED:
      return ['feed:recommended'];
    case SHORT_URL: {
      const row = (await strapi.db.query(SHORT_URL).findOne({ where: { documentId }, select: ['articleDocumentId'] })) as Row | null;
      return row?.articleDocumentId ? [`article:${row.articleDocumentId}`] : [];
    }
    default:
      return [];
  }
}

export function feedCacheInvalidation(strapi: Core.Strapi) {
  return async (ctx: DocumentContext, next: () => Promise<unknown>) => {
    if (!FEED_CONTENT_TYPES.has(ctx.uid) || !changesPublicState(ctx.uid, ctx.action, ctx.params?.status)) return next();
    const known = ctx.params?.documentId;
    const before = known ? await publicKeys(strapi, ctx.uid, known) : [];
    const result = await next();
    const created = (result as { documentId?: string } | null)?.documentId;
    const documentId = known ?? created;
    const keys = [...before, ...(documentId ? await publicKeys(strapi, ctx.uid, documentId) : [])];
    await purgeFeedCache(strapi, keys);
    // Inside a transaction other requests still read the old rows until it commits: purge again then.
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => purgeFeedCache(strapi, keys)));
    return result;
  };
}

/** The photos showing an uploaded file: the media library writes files outside the Document Service. */
async function photoKeysOfFile(strapi: Core.Strapi, fileId: unknown): Promise<string[]> {
  if (fileId === null || fileId === undefined) return [];
  const morph = schemaNames(metadataLookup(strapi.db.metadata)).morphTable(FILE, 'related');
  const links = (await strapi.db
    .connection(morph.name)
    .select({ id: morph.ownerIdColumn })
    .where(morph.fileColumn, fileId)
    .andWhere(morph.ownerTypeColumn, PHOTO)) as Array<{ id: number }>;
  if (!links.length) return [];
  const photos = (await strapi.db.query(PHOTO).findMany({ where: { id: { $in: links.map((l) => l.id) } }, select: ['documentId'] })) as Row[];
  return photos.map((p) => `photo:${p.documentId}`);
}

interface LifecycleEvent {
  params?: { where?: { id?: unknown } };
  result?: { id?: unknown } | null;
  state: Record<string, unknown>;
}

/**
 * A replaced image or edited file metadata (alt text, caption, name) in the media library purges
 * the photos that show the file; bulk file writes purge every feed.
 */
export function purgeFeedsOnFileChange(strapi: Core.Strapi) {
  const idOf = (event: LifecycleEvent) => event.result?.id ?? event.params?.where?.id;
  strapi.db.lifecycles.subscribe({
    models: [FILE],
    afterUpdate: async (event: LifecycleEvent) => purgeFeedCache(strapi, await photoKeysOfFile(strapi, idOf(event))),
    beforeDelete: async (event: LifecycleEvent) => {
      event.state.feedKeys = await photoKeysOfFile(strapi, idOf(event));
    },
    afterDelete: async (event: LifecycleEvent) => purgeFeedCache(strapi, (event.state.feedKeys as string[] | undefined) ?? []),
    afterUpdateMany: () => purgeFeedCache(strapi, [ALL_FEEDS_KEY]),
    afterDeleteMany: () => purgeFeedCache(strapi, [ALL_FEEDS_KEY]),
  });
}

/**
 * Cached feeds are served before the router checks permissions, so a change to the public
 * role's permissions drops them all, on every instance; the next request is checked afresh.
 */
export function invalidateFeedsOnPermissionChange(strapi: Core.Strapi) {
  // Every instance forgets its public-action cache and drops its feeds (src/platform/cache-bus.ts).
  const forget = async () => {
    try {
      await publishPermissionChange(strapi);
    } catch (error) {
      strapi.log.error(`permission change not delivered: ${(error as Error).message}`);
    }
  };
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.permission', 'plugin::users-permissions.role'],
    afterCreate: forget,
    afterUpdate: forget,
    afterDelete: forget,
    afterCreateMany: forget,
    afterUpdateMany: forget,
    afterDeleteMany: forget,
  });
}
