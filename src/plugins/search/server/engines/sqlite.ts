// SQLite FTS5 implementation: ranked with bm25 over the stemmed table (weights: title, kicker
// and standfirst, body, captions, tags), the word being typed completed from the
// unstemmed table's vocabulary, suggestions by title prefix then by shared trigrams.
import type { Knex } from 'knex';
import { renderFts5, vocabularyForm, type PrefixExpansions } from '../../lib/render-fts5';
import type { SearchAst } from '../../lib/query-parser';
import { MARK_END, MARK_START } from '../../lib/snippet';
import { rankByWordSimilarity } from '../../lib/similarity';
import { likeWord, spaced, TOTAL_CAP, type EngineHit, type EngineQuery, type IndexRow, type SearchEngine, type Suggestion } from './types';

const WEIGHTS = '10.0, 5.0, 2.0, 1.0, 1.0';
/** Completions of a half-typed word looked up in the vocabulary (the most common ones). */
const MAX_EXPANSIONS = 32;
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function sqliteEngine(knex: Knex): SearchEngine {
  function filters(q: EngineQuery) {
    const sql: string[] = ['d.locale = ?'];
    const bindings: unknown[] = [q.locale];
    if (q.section) sql.push('d.section_slug = ?'), bindings.push(q.section);
    if (q.tag) sql.push("d.tag_slugs LIKE ? ESCAPE '\\'"), bindings.push(likeWord(q.tag));
    if (q.from) sql.push('d.published_ms >= ?'), bindings.push(q.from.getTime());
    if (q.to) sql.push('d.published_ms <= ?'), bindings.push(q.to.getTime());
    return { sql: sql.join(' AND '), bindings };
  }

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
    name: 'sqlite',

    async replace(documents) {
      const now = Date.now();
      await knex.transaction(async (trx) => {
        for (const [documentId, rows] of documents) {
          await trx.raw('DELETE FROM search_documents WHERE document_id = ?', [documentId]);
          for (const r of rows) {
            await trx.raw(
              `INSERT INTO search_documents (document_id, locale, section_slug, tag_slugs, refs, published_ms, title, lede, body, captions, tags, payload, indexed_ms)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              [r.documentId, r.locale, r.sectionSlug, spaced(r.tagSlugs), spaced(r.refs), r.publishedAt.getTime(), r.text.title, r.text.lede, r.text.body, r.text.captions, r.text.tags, r.payload, now],
            );
          }
        }
      });
    },

    async referencing(ref) {
      const rows = (await knex.raw("SELECT DISTINCT document_id AS id FROM search_documents WHERE refs LIKE ? ESCAPE '\\'", [likeWord(ref)])) as Array<{ id: string }>;
      return rows.map((r) => r.id);
    },

    async removeStale(beforeMs) {
      const result = (await knex.raw('DELETE FROM search_documents WHERE indexed_ms < ? RETURNING id', [beforeMs])) as unknown[];
      return result.length;
    },

    async optimize() {
      for (const table of ['search_fts', 'search_plain', 'search_trigram']) await knex.raw(`INSERT INTO ${table}(${table}) VALUES ('optimize')`);
      await knex.raw('ANALYZE search_documents');
    },

    async search(q) {
      const match = renderFts5(q.ast, await expansions(q.ast));
      if (!match) return { hits: [], total: 0 };
      const f = filters(q);
      const bindings: unknown[] = [match, ...f.bindings];
      const from = `FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid WHERE search_fts MATCH ? AND ${f.sql}`;
      const rows = (await knex.raw(
        `SELECT d.document_id AS documentId, d.payload AS payload, -bm25(search_fts, ${WEIGHTS}) AS score,
                snippet(search_fts, -1, ?, ?, '…', 24) AS snippet
         ${from} ORDER BY score DESC, d.published_ms DESC, d.id DESC LIMIT ? OFFSET ?`,
        [MARK_START, MARK_END, ...bindings, q.limit, q.offset],
      )) as EngineHit[];
      const [{ total }] = (await knex.raw(`SELECT count(*) AS total FROM (SELECT 1 ${from} LIMIT ${TOTAL_CAP})`, bindings)) as Array<{ total: number }>;
      return { hits: rows.map((r) => ({ ...r, score: Number(r.score) })), total: Number(total) };
    },

    async suggest(words, locale, limit) {
      if (!words.length) return [];
      const match = `{title} : (${words.map((w, i) => quote(w) + (i === words.length - 1 ? '*' : '')).join(' AND ')})`;
      const found = (await knex.raw(
        `SELECT d.document_id AS documentId, d.title AS title, d.payload AS payload FROM search_plain JOIN search_documents d ON d.id = search_plain.rowid
         WHERE search_plain MATCH ? AND d.locale = ? ORDER BY d.published_ms DESC LIMIT ?`,
        [match, locale, limit],
      )) as Suggestion[];
      if (found.length >= limit) return found;
      // One typo: titles sharing the most trigrams with the typed text, re-ranked by word similarity.
      const typed = words.join(' ');
      const grams = [...new Set(words.flatMap((w) => (w.length < 3 ? [] : Array.from({ length: w.length - 2 }, (_, i) => w.slice(i, i + 3)))))];
      if (!grams.length) return found;
      const candidates = (await knex.raw(
        `SELECT d.document_id AS documentId, d.title AS title, d.payload AS payload FROM search_trigram JOIN search_documents d ON d.id = search_trigram.rowid
         WHERE search_trigram MATCH ? AND d.locale = ? ORDER BY bm25(search_trigram) LIMIT 200`,
        [grams.map(quote).join(' OR '), locale],
      )) as Suggestion[];
      const seen = new Set(found.map((s) => s.documentId));
      const fuzzy = rankByWordSimilarity(typed, candidates.filter((c) => !seen.has(c.documentId)));
      return [...found, ...fuzzy].slice(0, limit);
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

    async getState(name) {
      const rows = (await knex.raw('SELECT value FROM search_state WHERE name = ?', [name])) as Array<{ value: string }>;
      return rows[0]?.value ?? null;
    },

    async setState(name, value) {
      if (value === null) await knex.raw('DELETE FROM search_state WHERE name = ?', [name]);
      else await knex.raw('INSERT INTO search_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]);
    },
  };
}
