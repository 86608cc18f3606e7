// The one interface the search service talks to; SQLite FTS5 and PostgreSQL implement it,
// and an external engine (Meilisearch, OpenSearch) could implement it later.
import type { ArticleText } from '../../lib/article-text';
import type { SearchAst } from '../../lib/query-parser';
import { titleTerms, type TitleTerm } from '../../lib/typo';

export interface IndexRow {
  documentId: string;
  locale: string;
  sectionSlug: string | null;
  tagSlugs: string[];
  /** What the row shows besides itself ("section:<documentId>", "tag:…", "photo:…"): re-indexed when they change. */
  refs: string[];
  publishedAt: Date;
  text: ArticleText;
  /** The hit as the API returns it (feed article shape, without score and snippet), as JSON. */
  payload: string;
}

export interface EngineQuery {
  ast: SearchAst;
  locale: string;
  section?: string;
  tag?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export interface EngineHit {
  documentId: string;
  payload: string;
  score: number;
  /** Raw text with MARK_START/MARK_END around matches (see lib/snippet). */
  snippet: string;
}

export interface Suggestion {
  documentId: string;
  title: string;
  payload: string;
}

export interface SearchEngine {
  readonly name: 'sqlite' | 'postgres';
  /**
   * For each document, replaces every indexed locale with its rows (none: it leaves the index),
   * all in one transaction (one commit per batch, not per article, during a rebuild).
   */
  replace(documents: Map<string, IndexRow[]>): Promise<void>;
  /** Documents whose rows show `ref` (see IndexRow.refs). */
  referencing(ref: string): Promise<string[]>;
  /** Removes rows indexed before `beforeMs` (a full rebuild's leftovers). */
  removeStale(beforeMs: number): Promise<number>;
  /** After a bulk rebuild: planner statistics, merged index segments. */
  optimize(): Promise<void>;
  search(query: EngineQuery): Promise<{ hits: EngineHit[]; total: number }>;
  /** Newest titles with all of `words` (the last one as a prefix). */
  suggest(words: string[], locale: string, limit: number): Promise<Suggestion[]>;
  /** Headline words of the locale that may be one edit from `typed` and are at least `minLength` characters long (for typo tolerance; readTitleTerms). */
  titleTerms(locale: string, typed: string, minLength: number): Promise<TitleTerm[]>;
  stats(): Promise<{ documents: number; bytes: number | null }>;
  getState(name: string): Promise<string | null>;
  setState(name: string, value: string | null): Promise<void>;
}

/** The total is counted up to this many matches, then reported as at least this many. */
export const TOTAL_CAP = 10_000;

/** Space-delimited word list, so `LIKE '% word %'` finds whole entries. */
export const spaced = (words: string[]) => (words.length ? ` ${words.join(' ')} ` : '');

/** The LIKE pattern of one whole entry of a spaced list. */
export const likeWord = (word: string) => `% ${word.replace(/[%_\\]/g, (c) => `\\${c}`)} %`;

/** Headline words of these rows, counted per locale and word, for the search_terms upsert. */
export function termCounts(rows: IndexRow[]): Array<{ locale: string; term: string; weight: number }> {
  const counts = new Map<string, { locale: string; term: string; weight: number }>();
  for (const r of rows) {
    for (const term of titleTerms(r.text.title)) {
      const key = `${r.locale}\u0000${term}`;
      const c = counts.get(key);
      if (c) c.weight += 1;
      else counts.set(key, { locale: r.locale, term, weight: 1 });
    }
  }
  return [...counts.values()];
}

/** Upserts headline words in chunks (one statement per chunk, weights added): the same SQL on both databases. */
export async function upsertTerms(trx: { raw(sql: string, bindings: unknown[]): Promise<unknown> }, rows: IndexRow[]): Promise<void> {
  const counts = termCounts(rows);
  for (let i = 0; i < counts.length; i += 500) {
    const chunk = counts.slice(i, i + 500);
    await trx.raw(
      `INSERT INTO search_terms (locale, term, weight) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
       ON CONFLICT (locale, term) DO UPDATE SET weight = search_terms.weight + excluded.weight`,
      chunk.flatMap((c) => [c.locale, c.term, c.weight]),
    );
  }
}

/**
 * An index built before search_terms existed has no headline words (typo-tolerant suggestions
 * would find nothing until a reindex): fill them once from the indexed headlines, in batches.
 * A no-op when any term is there. Resolves with the number of headlines read.
 */
export async function backfillTitleTerms(knex: { raw(sql: string, bindings?: unknown[]): Promise<unknown> }, batch = 1000): Promise<number> {
  const [present] = resultRows<{ n: unknown }>(await knex.raw('SELECT count(*) AS n FROM (SELECT 1 FROM search_terms LIMIT 1) t'));
  if (Number(present?.n) > 0) return 0;
  let after = 0;
  let read = 0;
  for (;;) {
    const rows = resultRows<{ id: unknown; locale: string; title: string }>(await knex.raw('SELECT id, locale, title FROM search_documents WHERE id > ? ORDER BY id LIMIT ?', [after, batch]));
    if (rows.length === 0) return read;
    await upsertTerms(knex, rows.map((r) => ({ locale: r.locale, text: { title: r.title } }) as unknown as IndexRow));
    after = Number(rows[rows.length - 1].id);
    read += rows.length;
  }
}

/** Headline words of a locale beginning with the character `first`, by code-point range (see the search-suggest migration). */
/**
 * The headline words of the locale that could be one edit from `typed` (the first letter taken as
 * typed): beginning with its first letter, at least `minLength` long and, since one edit after the
 * first letter leaves the word's second or third letter equal to the typed second or third (an edit
 * further on keeps the second; a substitution, deletion, insertion or swap at the second moves it by
 * at most one place), with one of those there. That is a tenth of the first letter's words.
 */
export async function readTitleTerms(knex: { raw(sql: string, bindings: unknown[]): Promise<unknown> }, locale: string, typed: string, minLength: number): Promise<TitleTerm[]> {
  const chars = Array.from(typed);
  const first = chars[0];
  const next = String.fromCodePoint(first.codePointAt(0)! + 1);
  const near = chars.length >= 3 ? ' AND (substr(term, 2, 1) IN (?, ?) OR substr(term, 3, 1) IN (?, ?))' : '';
  const result = await knex.raw(`SELECT term, weight FROM search_terms WHERE locale = ? AND term >= ? AND term < ? AND length(term) >= ?${near}`, [
    locale,
    first,
    next,
    minLength,
    ...(near ? [chars[1], chars[2], chars[1], chars[2]] : []),
  ]);
  return resultRows<TitleTerm>(result).map((t) => ({ term: t.term, weight: Number(t.weight) }));
}

type Raw = { raw(sql: string, bindings?: unknown[]): Promise<unknown> };

/** Result rows of knex.raw on either database (an array on SQLite, `{ rows }` on PostgreSQL). */
export const resultRows = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []));

/** The WHERE clauses of a query's filters on search_documents `d`, the same SQL on both databases. */
export function filterClauses(q: EngineQuery): { sql: string[]; bindings: unknown[] } {
  const sql: string[] = ['d.locale = ?'];
  const bindings: unknown[] = [q.locale];
  if (q.section) sql.push('d.section_slug = ?'), bindings.push(q.section);
  if (q.tag) sql.push("d.tag_slugs LIKE ? ESCAPE '\\'"), bindings.push(likeWord(q.tag));
  if (q.from) sql.push('d.published_ms >= ?'), bindings.push(q.from.getTime());
  if (q.to) sql.push('d.published_ms <= ?'), bindings.push(q.to.getTime());
  return { sql, bindings };
}

/** Engine hits as the service wants them (numeric score). */
export const toHits = (rows: Array<EngineHit>): EngineHit[] => rows.map((r) => ({ documentId: r.documentId, payload: r.payload, score: Number(r.score), snippet: r.snippet }));

/** What both engines do with the same SQL: rows referencing a section/tag/photo, and the rebuild's state. */
export function commonParts(knex: Raw): Pick<SearchEngine, 'referencing' | 'getState' | 'setState' | 'titleTerms'> {
  return {
    async referencing(ref) {
      return resultRows<{ id: string }>(await knex.raw("SELECT DISTINCT document_id AS id FROM search_documents WHERE refs LIKE ? ESCAPE '\\'", [likeWord(ref)])).map((r) => r.id);
    },
    async getState(name) {
      return resultRows<{ value: string }>(await knex.raw('SELECT value FROM search_state WHERE name = ?', [name]))[0]?.value ?? null;
    },
    async setState(name, value) {
      if (value === null) await knex.raw('DELETE FROM search_state WHERE name = ?', [name]);
      else await knex.raw('INSERT INTO search_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]);
    },
    titleTerms(locale, typed, minLength) {
      return readTitleTerms(knex, locale, typed, minLength);
    },
  };
}
