// SQLite FTS5 implementation: ranked with bm25 over the stemmed table for English, the unstemmed
// one (diacritics removed, every word a prefix) for other locales (weights: title, kicker and
// standfirst, body, captions, tags); the English word being typed completed from the unstemmed
// table's vocabulary; suggestions by title prefix, newest first.
import type { Knex } from 'knex';
import { renderFts5, vocabularyForm, type PrefixExpansions } from '../../lib/render-fts5';
import type { SearchAst } from '../../lib/query-parser';
import { MARK_END, MARK_START } from '../../lib/snippet';
import { pgConfigFor } from '../../lib/render-tsquery';
import { commonParts, filterClauses, spaced, toHits, TOTAL_CAP, upsertTerms, type EngineHit, type SearchEngine, type Suggestion } from './types';

const WEIGHTS = '10.0, 5.0, 2.0, 1.0, 1.0';
/** Completions of a half-typed word looked up in the vocabulary (the most common ones). */
const MAX_EXPANSIONS = 32;
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** Matches ranked by bm25 inside FTS5 before the filters and the tie-break (see search()). */
const CANDIDATES = 500;
/** Shorter words of a non-English query stay whole words (a one-letter prefix matches everything). */
const MIN_PREFIX_CHARS = 3;

/** Every word of the query matched as a prefix (excluded words stay whole). */
export function prefixEveryWord(ast: SearchAst): SearchAst {
  return { ...ast, must: ast.must.map((g) => g.map((t) => (t.kind === 'word' && [...t.text].length >= MIN_PREFIX_CHARS ? { ...t, prefix: true } : t))) };
}

export function sqliteEngine(knex: Knex): SearchEngine {
  /** Completions of each prefix term from the unstemmed vocabulary (most frequent first). */
  async function expansions(ast: SearchAst): Promise<PrefixExpansions> {
    const out: PrefixExpansions = {};
    for (const group of ast.must) {
      for (const term of group) {
        if (term.kind !== 'word' || !term.prefix) continue;
        const from = vocabularyForm(term.text);
        const rows = (await knex.raw('SELECT term FROM search_plain_vocab WHERE term >= ? AND term < ? ORDER BY doc DESC LIMIT ?', [from, `${from}\u{10FFFF}`, MAX_EXPANSIONS])) as Array<{ term: string }>;
        out[term.text] = rows.map((r) => r.term);
      }
    }
    return out;
  }

  return {
    ...commonParts(knex),
    name: 'sqlite',

    async replace(documents) {
      const now = Date.now();
      await knex.transaction(async (trx) => {
        // The FTS5 tables are written by triggers, and FTS5 writes a new segment at the end of each
        // statement (its savepoint), then merges 16 at once: half a second per table on a
        // 100,000-story index. So a batch is a few statements, not two per story: the old rows go in
        // one DELETE per 500, the new rows in one INSERT per 200.
        const ids = [...documents.keys()];
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          await trx.raw(`DELETE FROM search_documents WHERE document_id IN (${chunk.map(() => '?').join(', ')})`, chunk);
        }
        const rows = [...documents.values()].flat();
        for (let i = 0; i < rows.length; i += 200) {
          const chunk = rows.slice(i, i + 200);
          await trx.raw(
            `INSERT INTO search_documents (document_id, locale, section_slug, tag_slugs, refs, published_ms, title, lede, body, captions, tags, payload, indexed_ms)
             VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
            chunk.flatMap((r) => [r.documentId, r.locale, r.sectionSlug, spaced(r.tagSlugs), spaced(r.refs), r.publishedAt.getTime(), r.text.title, r.text.lede, r.text.body, r.text.captions, r.text.tags, r.payload, now]),
          );
        }
        await upsertTerms(trx, rows);
      });
    },

    async removeStale(beforeMs) {
      const result = (await knex.raw('DELETE FROM search_documents WHERE indexed_ms < ? RETURNING id', [beforeMs])) as unknown[];
      return result.length;
    },

    async optimize() {
      for (const table of ['search_fts', 'search_plain']) await knex.raw(`INSERT INTO ${table}(${table}) VALUES ('optimize')`);
      await knex.raw('ANALYZE search_documents');
    },

    async search(q) {
      // English is stemmed (porter); other locales have no stemmer in FTS5: the unstemmed table,
      // diacritics removed, and every word matched as a prefix ("выбор" finds "выборы").
      const stemmed = pgConfigFor(q.locale) === 'english';
      const table = stemmed ? 'search_fts' : 'search_plain';
      const ast = stemmed ? q.ast : prefixEveryWord(q.ast);
      const match = renderFts5(ast, stemmed ? await expansions(ast) : {});
      if (!match) return { hits: [], total: 0 };
      const f = { ...filterClauses(q), sql: filterClauses(q).sql.join(' AND ') };
      // Ranked with bm25 inside FTS5 (ORDER BY rank) for a bounded set of the best candidates, then
      // filtered and ordered with the tie-break (newest first). That is exact unless the page
      // reaches the candidates' worst score or the filters leave it short: then every match is ranked.
      type Row = EngineHit & { id: number; filtered: number; candidates: number; worst: number | null };
      const page = (bounded: boolean) =>
        knex.raw(
          `WITH top AS MATERIALIZED (SELECT rowid AS id, rank FROM ${table} WHERE ${table} MATCH ? AND rank MATCH 'bm25(${WEIGHTS})' ORDER BY rank${bounded ? ` LIMIT ${CANDIDATES}` : ''}),
                stats AS (SELECT count(*) AS candidates, max(rank) AS worst FROM top)
           SELECT d.id AS id, d.document_id AS documentId, d.payload AS payload, -top.rank AS score, count(*) OVER () AS filtered, stats.candidates AS candidates, stats.worst AS worst
           FROM top JOIN search_documents d ON d.id = top.id, stats WHERE ${f.sql}
           ORDER BY top.rank ASC, d.published_ms DESC, d.id DESC LIMIT ? OFFSET ?`,
          [match, ...f.bindings, q.limit, q.offset],
        ) as Promise<Row[]>;
      let rows = await page(true);
      let total: number;
      const last = rows[rows.length - 1];
      if (!last || Number(last.candidates) < CANDIDATES) {
        // Every match was a candidate: exact, and so is the count (unless the page is past the end).
        if (!last && q.offset > 0) rows = await page(false);
        total = Number(rows[0]?.filtered ?? 0);
      } else {
        const exact = rows.length === q.limit && -last.score < Number(last.worst);
        if (!exact) rows = await page(false);
        const [{ matches }] = (await knex.raw(`SELECT count(*) AS matches FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ? LIMIT ${TOTAL_CAP})`, [match])) as Array<{ matches: number }>;
        // Estimated: the matches (counted up to TOTAL_CAP) times the share of candidates the filters keep.
        total = exact ? Math.round((Number(matches) * Number(last.filtered)) / CANDIDATES) : Number(rows[0]?.filtered ?? 0);
        total = Math.min(TOTAL_CAP, total);
      }
      if (!rows.length) return { hits: [], total: Number(total) };
      // Snippets for the page only, in one statement: snippet() needs the rows' own MATCH cursor, and
      // FTS5 looks rowids up directly only when they are integers (inlined: our own integer ids).
      const ids = rows.map((r) => Number(r.id)).filter(Number.isSafeInteger);
      const snippets = new Map<number, string>(
        ((await knex.raw(`SELECT rowid AS id, snippet(${table}, -1, ?, ?, '…', 24) AS snippet FROM ${table} WHERE ${table} MATCH ? AND rowid IN (${ids.join(', ')})`, [MARK_START, MARK_END, match])) as Array<{ id: number; snippet: string }>).map((r) => [Number(r.id), r.snippet]),
      );
      return { hits: toHits(rows.map((r) => ({ ...r, snippet: snippets.get(Number(r.id)) ?? '' }))), total: Number(total) };
    },

    async suggest(words, locale, limit) {
      if (!words.length) return [];
      const match = `{title} : (${words.map((w, i) => quote(w) + (i === words.length - 1 ? '*' : '')).join(' AND ')})`;
      const found = (await knex.raw(
        `SELECT d.document_id AS documentId, d.title AS title, d.payload AS payload FROM search_plain JOIN search_documents d ON d.id = search_plain.rowid
         WHERE search_plain MATCH ? AND d.locale = ? ORDER BY d.published_ms DESC LIMIT ?`,
        [match, locale, limit],
      )) as Suggestion[];
      return found;
    },

    async stats() {
      const [{ n }] = (await knex.raw('SELECT count(*) AS n FROM search_documents')) as Array<{ n: number }>;
      let bytes: number | null = null;
      try {
        const rows = (await knex.raw(
          "SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search\\_%' ESCAPE '\\' OR name LIKE 'sqlite_autoindex_search%'",
        )) as Array<{ bytes: number }>;
        bytes = rows[0]?.bytes ?? null;
      } catch {
        bytes = null; // dbstat is a compile-time option of SQLite
      }
      return { documents: Number(n), bytes };
    },
  };
}
