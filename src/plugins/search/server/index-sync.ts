// Document Service middleware: after an article is created, updated, published, unpublished,
// discarded or deleted, and after a section, tag or photo changes (a rename, a caption), the
// articles concerned are re-indexed from their published versions. Runs after the write has
// committed and never fails it: a failed indexing waits in the retry queue.
import type { Core } from '@strapi/strapi';
import type { SearchPluginConfig } from './config';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

type Ctx = { uid: string; action: string; params?: { documentId?: string } };

export function searchIndexSync(strapi: Core.Strapi) {
  const config = () => strapi.config.get('plugin::search') as SearchPluginConfig;
  const indexer = () => strapi.plugin('search').service('indexer');

  async function affected(ctx: Ctx, result: unknown): Promise<string[]> {
    const documentId = ctx.params?.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return [];
    const c = config();
    if (ctx.uid === c.articleUid) return [documentId];
    const kind = ctx.uid === c.sectionUid ? 'section' : ctx.uid === c.tagUid ? 'tag' : 'photo';
    return indexer().referencing(kind, documentId);
  }

  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    const c = config();
    if (!WRITES.has(ctx.action) || ![c.articleUid, c.sectionUid, c.tagUid, c.photoUid].includes(ctx.uid)) return next();
    const result = await next();
    const run = async () => {
      try {
        await indexer().sync(await affected(ctx, result));
      } catch (error) {
        strapi.log.warn(`search: could not work out what to re-index after ${ctx.action} on ${ctx.uid}: ${(error as Error).message}`);
      }
    };
    // Inside a transaction the published rows are not visible to other connections yet.
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(run));
    else await run();
    return result;
  };
}
