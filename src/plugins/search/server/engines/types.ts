// The one interface the search service talks to; SQLite FTS5 and PostgreSQL implement it,
// and an external engine (Meilisearch, OpenSearch) could implement it later.
import type { ArticleText } from '../../lib/article-text';
import type { SearchAst } from '../../lib/query-parser';

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
  /** Titles whose words start with `words` (the last one as a prefix), then titles within a typo. */
  suggest(words: string[], locale: string, limit: number): Promise<Suggestion[]>;
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
