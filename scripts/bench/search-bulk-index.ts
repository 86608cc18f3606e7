// Benchmark shortcut for big databases (search.ts --bulk-index): fills the search index straight
// from the seeded tables (title, kicker, standfirst, the rich-text body, section and the lead
// photo's caption, through the indexer's own toIndexRow) instead of reading every article back
// through the Document Service, and on SQLite builds the FTS5 tables in one pass ('rebuild')
// instead of row by row through the triggers, and on PostgreSQL the GIN indexes after the rows. Same text columns and ranking as `search:reindex`,
// without tags or the embedded photos' captions (the seed has no tags). Only for a fresh index.
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { toIndexRow } from '../../src/plugins/search/server/services/indexer';
import type { IndexRow } from '../../src/plugins/search/server/engines/types';
import { appDir } from './boot';

const CHUNK = 2000;
const FTS_TABLES = ['search_fts', 'search_plain', 'search_trigram'];

export async function bulkIndex(strapi: Core.Strapi, log: (line: string) => void): Promise<void> {
  const knex = strapi.db.connection as unknown as Knex;
  const sqlite = strapi.db.dialect.client !== 'postgres';
  const engine = strapi.plugin('search').service('indexer').engine();
  const urls = { siteUrl: strapi.config.get('newsroom.siteUrl') as string, articlePathPattern: strapi.config.get('newsroom.articlePathPattern') as string };
  await knex.raw('DELETE FROM search_documents');
  await knex.raw('DELETE FROM search_terms');
  if (sqlite) for (const t of ['ai', 'ad', 'au']) await knex.raw(`DROP TRIGGER IF EXISTS search_documents_${t}`);
  // PostgreSQL: the GIN indexes are built once at the end instead of row by row (fastupdate is off).
  else for (const i of ['tsv', 'title_trgm', 'title_tsv', 'head']) await knex.raw(`DROP INDEX IF EXISTS search_documents_${i}_idx`);
  let after = 0;
  let done = 0;
  for (;;) {
    const raws = (await knex.raw(
      `SELECT a.id, a.document_id, a.title, a.slug, a.kicker, a.standfirst, a.dateline, a.locale, a.first_published_at, a.published_at, a.updated_at,
              s.document_id AS section_document_id, s.name AS section_name, s.slug AS section_slug, p.document_id AS photo_document_id, p.caption AS photo_caption, rt.body AS body
       FROM articles a
       LEFT JOIN articles_section_lnk sl ON sl.article_id = a.id LEFT JOIN sections s ON s.id = sl.section_id
       LEFT JOIN articles_lead_photo_lnk pl ON pl.article_id = a.id LEFT JOIN photos p ON p.id = pl.photo_id
       LEFT JOIN articles_cmps c ON c.entity_id = a.id AND c.component_type = 'blocks.rich-text' LEFT JOIN components_blocks_rich_texts rt ON rt.id = c.cmp_id
       WHERE a.published_at IS NOT NULL AND a.id > ? ORDER BY a.id LIMIT ?`,
      [after, CHUNK],
    )) as Array<Record<string, unknown>> | { rows: Array<Record<string, unknown>> };
    const rows = Array.isArray(raws) ? raws : raws.rows;
    if (!rows.length) break;
    const date = (v: unknown) => (v === null || v === undefined ? null : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number)));
    const docs = new Map<string, IndexRow[]>();
    for (const r of rows) {
      const raw = {
        documentId: r.document_id,
        title: r.title,
        slug: r.slug,
        kicker: r.kicker,
        standfirst: r.standfirst,
        dateline: r.dateline,
        locale: r.locale,
        firstPublishedAt: date(r.first_published_at),
        publishedAt: date(r.published_at),
        updatedAt: date(r.updated_at),
        section: r.section_slug ? { documentId: r.section_document_id, name: r.section_name, slug: r.section_slug } : null,
        tags: [],
        leadPhoto: r.photo_document_id ? { documentId: r.photo_document_id, caption: r.photo_caption } : null,
        body: [{ __component: 'blocks.rich-text', body: r.body ?? '' }],
      };
      docs.set(String(r.document_id), [...(docs.get(String(r.document_id)) ?? []), toIndexRow(raw, urls)]);
    }
    await engine.replace(docs);
    after = Number(rows[rows.length - 1].id);
    done += rows.length;
    if (done % 20_000 < CHUNK) log(`  bulk-indexed ${done} rows`);
  }
  if (sqlite) for (const t of FTS_TABLES) await knex.raw(`INSERT INTO ${t}(${t}) VALUES ('rebuild')`);
  // The triggers or indexes again, as the migrations make them.
  for (const m of ['2026.12.01T00.00.00.search-index.js', '2026.12.02T00.00.00.search-suggest.js', '2026.12.03T00.00.00.search-head.js']) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    await (require(path.join(appDir, 'database', 'migrations', m)) as { up(k: Knex): Promise<void> }).up(knex);
  }
  await engine.optimize();
}
