// PostgreSQL implementation: a weighted tsvector per row (the locale's configuration for
// stemming plus `simple` lexemes for the word being typed) with a GIN index, ts_rank,
// ts_headline for snippets, and headline completion on the titles' own `simple` tsvector.
import type { Knex } from 'knex';
import { renderRankQuery, renderTsquery } from '../../lib/render-tsquery';
import { pgConfigFor } from '../../lib/render-tsquery';
import { MARK_END, MARK_START } from '../../lib/snippet';
import { commonParts, filterClauses, spaced, toHits, TOTAL_CAP, upsertTerms, type EngineHit, type SearchEngine, type Suggestion } from './types';

const TSV = `setweight(to_tsvector(CAST(:cfg AS regconfig), :title), 'A') || setweight(to_tsvector(CAST(:cfg AS regconfig), :lede), 'B')
  || setweight(to_tsvector(CAST(:cfg AS regconfig), :body), 'C') || setweight(to_tsvector(CAST(:cfg AS regconfig), :extra), 'D')
  || setweight(to_tsvector('simple', :title), 'A') || setweight(to_tsvector('simple', :lede), 'B')
  || setweight(to_tsvector('simple', :body), 'C') || setweight(to_tsvector('simple', :extra), 'D')`;

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`;
/**
 * The highest ts_rank (default weights D 0.1, C 0.2, B 0.4, A 1.0; OR formula, normalisation 0) of a
 * story whose words of the rank query are all in its body, captions or tags (weight C or lower): per
 * word at most (w + w·π²/6) / (π²/6) with w = 0.2, that is 0.3216, and the score is their mean. Any
 * story with one of them in its title or standfirst is in the head pass (postgres.ts search()).
 */
const BODY_ONLY_MAX = 0.3217;
/** ts_headline reparses the text: the lede and the start of the body are enough for a snippet. */
const HEADLINE_CHARS = 3_000;

export function postgresEngine(knex: Knex): SearchEngine {
  return {
    ...commonParts(knex),
    name: 'postgres',

    async replace(documents) {
      const now = Date.now();
      await knex.transaction(async (trx) => {
        for (const [documentId, rows] of documents) {
          await trx.raw('DELETE FROM search_documents WHERE document_id = ?', [documentId]);
          for (const r of rows) {
            const cfg = pgConfigFor(r.locale);
            await trx.raw(
              `INSERT INTO search_documents (document_id, locale, config, section_slug, tag_slugs, refs, published_ms, title, lede, body, captions, tags, payload, indexed_ms, tsv)
               VALUES (:documentId, :locale, CAST(:cfg AS regconfig), :section, :tagSlugs, :refs, :published, :title, :lede, :body, :captions, :tags, :payload, :now, ${TSV})`,
              {
                documentId: r.documentId,
                locale: r.locale,
                cfg,
                section: r.sectionSlug,
                tagSlugs: spaced(r.tagSlugs),
                refs: spaced(r.refs),
                published: r.publishedAt.getTime(),
                title: r.text.title,
                lede: r.text.lede,
                body: r.text.body,
                captions: r.text.captions,
                tags: r.text.tags,
                extra: `${r.text.captions} ${r.text.tags}`,
                payload: r.payload,
                now,
              },
            );
          }
        }
        await upsertTerms(trx, [...documents.values()].flat());
      });
    },

    async removeStale(beforeMs) {
      const result = await knex.raw('DELETE FROM search_documents WHERE indexed_ms < ?', [beforeMs]);
      return (result as { rowCount: number }).rowCount;
    },

    async optimize() {
      // Without statistics the planner prefers the locale index over GIN (30 ms instead of 2 at 10,000 rows).
      await knex.raw('ANALYZE search_documents');
    },

    async search(q) {
      const cfg = pgConfigFor(q.locale);
      const tsq = renderTsquery(q.ast, cfg);
      if (!tsq) return { hits: [], total: 0 };
      const f = filterClauses(q);
      const rank = renderRankQuery(q.ast, cfg) ?? tsq;
      const base = `WITH q AS (SELECT ${tsq.sql} AS query, ${rank.sql} AS rq)`;
      const bindings = [...tsq.bindings, ...rank.bindings, ...f.bindings];
      const page = async (where: string[]) =>
        ((await knex.raw(
          `${base}, page AS (
             SELECT d.id, d.document_id, d.payload, d.published_ms, d.lede, d.body, ts_rank(d.tsv, q.rq) AS score
             FROM search_documents d, q WHERE ${[...where, ...f.sql].join(' AND ')} ORDER BY score DESC, d.published_ms DESC, d.id DESC LIMIT ? OFFSET ?)
           SELECT page.document_id AS "documentId", page.payload, page.score,
                  ts_headline(?::regconfig, page.lede || ' … ' || left(page.body, ${HEADLINE_CHARS}), q.query, ?) AS snippet,
                  strpos(q.rq::text, '&') + strpos(q.rq::text, '<') = 0 AS "orOnly"
           FROM page, q ORDER BY page.score DESC, page.published_ms DESC, page.id DESC`,
          [...bindings, q.limit, q.offset, cfg, HEADLINE],
        )) as { rows: Array<EngineHit & { orOnly: boolean }> }).rows;

      if (rank !== tsq) {
        // One group of terms: the stories with one of its words in their head first (tsv_head, its
        // own GIN index). When their page is full and its last score is above anything a story
        // without them can reach, that page is the exact answer: a common word's thousands of
        // body-only matches are never read and ranked. The total is then the planner's estimate.
        const rows = await page(['d.tsv_head @@ q.rq', 'd.tsv @@ q.query']);
        // (orOnly: a word the configuration splits, "abc123def", would rank by the AND formula, unbounded.)
        const last = rows[rows.length - 1];
        if (rows.length === q.limit && last.orOnly && Number(last.score) > BODY_ONLY_MAX) {
          const plan = (await knex.raw(`EXPLAIN (FORMAT JSON) SELECT 1 FROM search_documents d WHERE d.tsv @@ ${tsq.sql} AND ${f.sql.join(' AND ')}`, [...tsq.bindings, ...f.bindings])) as {
            rows: Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>;
          };
          const estimate = Math.round(plan.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']);
          return { hits: toHits(rows), total: Math.min(TOTAL_CAP, Math.max(estimate, q.offset + rows.length + 1)) };
        }
      }
      const rows = await page(['d.tsv @@ q.query']);
      const count = (await knex.raw(`${base} SELECT count(*) AS total FROM (SELECT 1 FROM search_documents d, q WHERE ${['d.tsv @@ q.query', ...f.sql].join(' AND ')} LIMIT ${TOTAL_CAP}) t`, bindings)) as {
        rows: Array<{ total: string }>;
      };
      return { hits: toHits(rows), total: Number(count.rows[0].total) };
    },

    async suggest(words, locale, limit) {
      if (!words.length) return [];
      const lexemes = words.map((w, i) => `'${w.replace(/'/g, "''").replace(/\\/g, '\\\\')}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
      // The headline's own tsvector has a GIN index (search-suggest migration): no recheck of the document's.
      const found = (await knex.raw(
        `SELECT document_id AS "documentId", title, payload FROM search_documents
         WHERE to_tsvector('simple'::regconfig, title) @@ to_tsquery('simple', ?) AND locale = ? ORDER BY published_ms DESC LIMIT ?`,
        [lexemes, locale, limit],
      )) as { rows: Suggestion[] };
      return found.rows;
    },

    async stats() {
      const { rows } = (await knex.raw("SELECT count(*) AS n, pg_total_relation_size('search_documents') AS bytes FROM search_documents")) as {
        rows: Array<{ n: string; bytes: string }>;
      };
      return { documents: Number(rows[0].n), bytes: Number(rows[0].bytes) };
    },
  };
}
