// The photo embargo on every Document Service call (REST, GraphQL, feeds, scripts): a reader's
// photo query only finds public photos (released, or used by a published document), and every
// write that can change what is published recomputes the photos it touches. Editors (admin),
// API tokens and internal calls see every photo. The rule itself lives in api::photo.visibility.
import type { Core } from '@strapi/strapi';
import { inReaderRequest } from './published-only';
import { PHOTO, PUBLIC_PHOTO_FILTER, type PhotoVisibility } from '../api/photo/services/visibility';
import { purgeFeedCache } from '../api/feed/purge-feed-cache';

const READS = new Set(['findMany', 'findOne', 'findFirst', 'count']);
/** Actions that change the published rows of a document (create/update only with status 'published'). */
const PUBLICATION_CHANGES = new Set(['publish', 'unpublish', 'delete']);

type Params = { data?: Record<string, unknown>; documentId?: string; status?: string; filters?: unknown } & Record<string, unknown>;
type Ctx = { uid: string; action: string; params: unknown };

export function photoEmbargo(strapi: Core.Strapi) {
  const visibility = () => strapi.service('api::photo.visibility') as unknown as PhotoVisibility;

  /**
   * A photo turning public or private changes its automatic picture week, whose cached entry
   * never carried that photo's key: purge the week (and the photo) by surrogate key.
   */
  async function afterFlips(flipped: number[]) {
    if (flipped.length === 0) return;
    const rows = (await strapi.db.query(PHOTO).findMany({ where: { id: { $in: flipped } }, select: ['documentId', 'takenAt'] })) as Array<{ documentId: string; takenAt?: string | null }>;
    const feeds = strapi.service('api::feed.feed') as unknown as { weekOfInstant(at: Date): { start: string } };
    const keys = rows.flatMap((row) => {
      const taken = row.takenAt ? new Date(row.takenAt) : null;
      return [`photo:${row.documentId}`, ...(taken && !Number.isNaN(taken.getTime()) ? [`pictures:${feeds.weekOfInstant(taken).start}`] : [])];
    });
    await purgeFeedCache(strapi, keys);
    // Other requests read the old rows until the transaction commits: purge again then.
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => purgeFeedCache(strapi, keys)));
  }

  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    const params = (ctx.params ?? {}) as Params;

    if (ctx.uid === PHOTO) {
      if (READS.has(ctx.action) && inReaderRequest(strapi)) {
        ctx.params = { ...params, filters: params.filters ? { $and: [params.filters, PUBLIC_PHOTO_FILTER] } : PUBLIC_PHOTO_FILTER };
        return next();
      }
      if (ctx.action === 'create' || ctx.action === 'update') {
        if (params.data) delete params.data.usedInPublished; // computed, never written by hand
        if (ctx.action === 'update' && params.data && 'released' in params.data) {
          return strapi.db.transaction(async () => {
            const before = await photoRowIds(strapi, params.documentId);
            const wasPublic = await visibility().publicIds(before);
            const result = await next();
            const nowPublic = await visibility().publicIds(before);
            await afterFlips(before.filter((id) => wasPublic.has(id) !== nowPublic.has(id)));
            return result;
          });
        }
      }
      return next();
    }

    const changesPublication =
      PUBLICATION_CHANGES.has(ctx.action) || ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    if (!changesPublication || !visibility().referencingTypes.has(ctx.uid)) return next();

    // One transaction, so no reader sees the new publication with the old photo visibility.
    return strapi.db.transaction(async () => {
      const before = params.documentId ? await visibility().photosOf(ctx.uid, params.documentId) : [];
      const result = (await next()) as { documentId?: string } | null;
      const documentId = params.documentId ?? result?.documentId;
      const after = documentId ? await visibility().photosOf(ctx.uid, documentId) : [];
      await afterFlips(await visibility().refresh([...before, ...after]));
      return result;
    });
  };
}

async function photoRowIds(strapi: Core.Strapi, documentId?: string): Promise<number[]> {
  if (!documentId) return [];
  const rows = (await strapi.db.query(PHOTO).findMany({ where: { documentId }, select: ['id'] })) as Array<{ id: number }>;
  return rows.map((r) => r.id);
}

/** At boot and hourly: the computed column agrees with the published content, whatever wrote it. */
export function reconcilePhotoVisibility(strapi: Core.Strapi): Promise<number> {
  return (strapi.service('api::photo.visibility') as unknown as PhotoVisibility).reconcileAll();
}
