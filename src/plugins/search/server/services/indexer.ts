// Keeps the search index in step with published articles: loads what a published article
// shows (its own text, its section, tags and the captions of the photos it shows) and hands
// rows to the engine. Drafts never reach it: it reads with status 'published' only.
import type { Core } from '@strapi/strapi';
import { articleText } from '../../lib/article-text';
import { toFeedArticle, type ArticleUrlConfig } from '../../../../lib/feeds/from-documents';
import type { IndexRow, SearchEngine } from '../engines/types';
import { sqliteEngine } from '../engines/sqlite';
import { postgresEngine } from '../engines/postgres';
import type { SearchPluginConfig } from '../config';
import { platform } from '../../../../platform';
import { metadataLookup, schemaNames } from '../../../../lib/db/schema-names';
import { purgeFeedCache } from '../../../../api/feed/purge-feed-cache';

/** Surrogate key of every cached search answer (REST search and suggest). */
export const SEARCH_CACHE_KEY = 'search';

type Raw = Record<string, unknown>;

const PHOTO = {
  fields: ['caption', 'altText', 'creditLine', 'takenAt', 'location', 'updatedAt'],
  populate: { image: { fields: ['url', 'width', 'height', 'mime', 'formats'] }, credit: true },
};

const ARTICLE_QUERY = {
  fields: ['title', 'slug', 'kicker', 'standfirst', 'dateline', 'firstPublishedAt', 'publishedAt', 'updatedAt', 'locale'],
  populate: {
    section: { fields: ['name', 'slug'] },
    tags: { fields: ['name', 'slug'] },
    leadPhoto: PHOTO,
    body: {
      on: {
        'blocks.rich-text': true,
        'blocks.quote': true,
        'blocks.photo-embed': { populate: { photo: { fields: ['caption'] } } },
      },
    },
  },
};

export const RETRY_HASH = 'search:retry';
/** More affected articles than this are re-indexed by the search-index-retry job instead of inline. */
export const INLINE_LIMIT = 200;

/** The index row of one published locale of an article. */
export function toIndexRow(raw: Raw, urls: ArticleUrlConfig): IndexRow {
  const { shortUrl: _shortUrl, ...hit } = toFeedArticle(raw, urls);
  const section = raw.section as Raw | null;
  const tags = Array.isArray(raw.tags) ? (raw.tags as Raw[]) : [];
  const photos = [raw.leadPhoto as Raw | null, ...(Array.isArray(raw.body) ? (raw.body as Raw[]) : []).map((b) => (b?.__component === 'blocks.photo-embed' ? (b.photo as Raw | null) : null))];
  const refs = [
    ...(section?.documentId ? [`section:${section.documentId}`] : []),
    ...tags.filter((t) => t?.documentId).map((t) => `tag:${t.documentId}`),
    ...photos.filter((p): p is Raw => !!p?.documentId).map((p) => `photo:${p.documentId}`),
  ];
  return {
    documentId: String(raw.documentId),
    locale: String(raw.locale ?? ''),
    sectionSlug: typeof section?.slug === 'string' ? section.slug : null,
    tagSlugs: tags.map((t) => t?.slug).filter((s): s is string => typeof s === 'string'),
    refs: [...new Set(refs)],
    publishedAt: new Date(hit.publishedAt),
    text: articleText(raw),
    payload: JSON.stringify(hit),
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let engine: SearchEngine | null = null;
  const config = () => strapi.config.get('plugin::search') as SearchPluginConfig;
  const urls = (): ArticleUrlConfig => ({
    siteUrl: strapi.config.get('newsroom.siteUrl') as string,
    articlePathPattern: strapi.config.get('newsroom.articlePathPattern') as string,
  });

  return {
    engine(): SearchEngine {
      if (!engine) {
        const knex = strapi.db.connection as never;
        engine = strapi.db.dialect.client === 'postgres' ? postgresEngine(knex) : sqliteEngine(knex);
      }
      return engine;
    },

    /** The published locales of these articles, as index rows, in one query per relation level. */
    async rowsOf(documentIds: string[]): Promise<Map<string, IndexRow[]>> {
      const out = new Map<string, IndexRow[]>(documentIds.map((id) => [id, []]));
      if (!documentIds.length) return out;
      const raws = (await strapi.documents(config().articleUid as never).findMany({
        ...ARTICLE_QUERY,
        filters: { documentId: { $in: documentIds } },
        locale: '*',
        status: 'published',
        limit: documentIds.length * 50,
      } as never)) as Raw[];
      for (const raw of raws) out.get(String(raw.documentId))?.push(toIndexRow(raw, urls()));
      return out;
    },

    /** Re-reads these articles and replaces their rows (none when no longer published). Throws on failure. */
    async syncNow(documentIds: string[]): Promise<void> {
      const rows = await this.rowsOf(documentIds);
      await this.engine().replace(rows);
      // Cached search answers (tagged `search`) may now miss or show stale rows, in every instance.
      await purgeFeedCache(strapi, [SEARCH_CACHE_KEY]);
    },

    /**
     * Re-indexes without ever throwing: a failure is logged and the documents wait in the
     * retry queue (shared state), which the `search-index-retry` job drains.
     */
    async sync(documentIds: string[]): Promise<void> {
      const ids = [...new Set(documentIds.filter(Boolean))];
      if (!ids.length) return;
      // A renamed section can touch thousands of stories: the job re-indexes those, not the editor's request.
      if (ids.length > INLINE_LIMIT) return this.enqueue(ids);
      try {
        await this.syncNow(ids);
      } catch (error) {
        strapi.log.warn(`search: indexing ${ids.length} article(s) failed, queued for retry: ${(error as Error).message}`);
        await this.enqueue(ids);
      }
    },

    async enqueue(documentIds: string[]): Promise<void> {
      const store = platform(strapi).store;
      for (const id of documentIds) await store.increment(RETRY_HASH, id);
    },

    /** One pass of the retry queue; what fails again goes back in. */
    async retryPending(): Promise<{ retried: number; failed: number }> {
      const pending = Object.keys(await platform(strapi).store.drain(RETRY_HASH));
      let failed = 0;
      for (let i = 0; i < pending.length; i += 100) {
        const batch = pending.slice(i, i + 100);
        try {
          await this.syncNow(batch);
        } catch (error) {
          failed += batch.length;
          strapi.log.warn(`search: retry of ${batch.length} article(s) failed again: ${(error as Error).message}`);
          await this.enqueue(batch);
        }
      }
      return { retried: pending.length - failed, failed };
    },

    /** Articles whose index rows show this section, tag or photo. */
    async referencing(kind: 'section' | 'tag' | 'photo', documentId: string): Promise<string[]> {
      return this.engine().referencing(`${kind}:${documentId}`);
    },

    /**
     * Rebuilds the index from the published articles, upserting batch by batch (the site keeps
     * answering from the rows already there), then drops rows of articles no longer published.
     * Resumable: the last finished document id is kept in search_state until the run completes.
     */
    async reindex(opts: { batchSize?: number; fresh?: boolean; onProgress?: (done: number, total: number) => void } = {}) {
      const engine = this.engine();
      const batchSize = opts.batchSize ?? 200;
      const saved = opts.fresh ? null : await engine.getState('reindex');
      const state = saved ? (JSON.parse(saved) as { startedMs: number; after: string; done: number }) : { startedMs: Date.now(), after: '', done: 0 };
      const uid = config().articleUid;
      const names = schemaNames(metadataLookup(strapi.db.metadata as never));
      const [table, documentIdColumn, publishedAtColumn] = [names.table(uid), names.column(uid, 'documentId'), names.column(uid, 'publishedAt')];
      const knex = strapi.db.connection;
      const [{ total }] = (await knex(table).whereNotNull(publishedAtColumn).countDistinct({ total: documentIdColumn })) as Array<{ total: number | string }>;
      let done = state.done;
      for (;;) {
        const ids = (
          (await knex(table)
            .distinct({ id: documentIdColumn })
            .whereNotNull(publishedAtColumn)
            .andWhere(documentIdColumn, '>', state.after)
            .orderBy(documentIdColumn, 'asc')
            .limit(batchSize)) as Array<{ id: string }>
        ).map((r) => r.id);
        if (!ids.length) break;
        const rows = await this.rowsOf(ids);
        await engine.replace(rows);
        done += ids.length;
        state.after = ids[ids.length - 1];
        state.done = done;
        await engine.setState('reindex', JSON.stringify(state));
        opts.onProgress?.(done, Number(total));
      }
      const removed = await engine.removeStale(state.startedMs);
      await engine.optimize();
      await engine.setState('reindex', null);
      await purgeFeedCache(strapi, [SEARCH_CACHE_KEY]);
      return { indexed: done, removed, ...(await engine.stats()) };
    },
  };
};
