// Renders a parsed query as a PostgreSQL tsquery built in SQL from bound parameters: each term
// is `to_tsquery(config, 'lexeme')` with the lexeme quoted, combined with && || !!, so reader
// text is only ever a bound value and never tsquery syntax.
import type { SearchAst, Term } from './query-parser';

export interface SqlFragment {
  sql: string;
  bindings: string[];
}

const lexeme = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

function leaf(term: Term, config: string): SqlFragment {
  if (term.kind === 'phrase') return { sql: 'to_tsquery(?::regconfig, ?)', bindings: [config, term.words.map(lexeme).join(' <-> ')] };
  // A word being typed is matched unstemmed ("electio" is no stem of anything) against the simple lexemes.
  // Or the whole word, stemmed, when the reader has finished it ("elections" finds "election").
  if (term.prefix) return { sql: "(to_tsquery('simple', ?) || to_tsquery(?::regconfig, ?))", bindings: [`${lexeme(term.text)}:*`, config, lexeme(term.text)] };
  return { sql: 'to_tsquery(?::regconfig, ?)', bindings: [config, lexeme(term.text)] };
}

function join(parts: SqlFragment[], op: string): SqlFragment {
  if (parts.length === 1) return parts[0];
  return { sql: `(${parts.map((p) => p.sql).join(` ${op} `)})`, bindings: parts.flatMap((p) => p.bindings) };
}

/** The tsquery expression, or null when the AST has no positive term. */
export function renderTsquery(ast: SearchAst, config: string): SqlFragment | null {
  if (ast.must.length === 0) return null;
  const positive = join(
    ast.must.map((g) => join(g.map((t) => leaf(t, config)), '||')),
    '&&',
  );
  if (ast.not.length === 0) return positive;
  const excluded = join(ast.not.map((t) => leaf({ ...t, ...(t.kind === 'word' ? { prefix: false } : {}) } as Term, config)), '||');
  return { sql: `(${positive.sql} && !!${excluded.sql})`, bindings: [...positive.bindings, ...excluded.bindings] };
}

/**
 * What a query of one group of terms (words, phrases, `or`) is ranked by: every word of its positive
 * terms, whole and in the locale's configuration, OR-ed. A word being typed ranks as the word itself
 * (its completions still match), a phrase by its words, and excluded words not at all, so that
 * ts_rank sums per-word weights (its OR formula) and a story that has none of them in its head has
 * a score no higher than BODY_ONLY_MAX (engines/postgres.ts). Null for a query of several groups
 * (ranked by the whole query, ts_rank's AND formula) or with nothing to rank.
 */
export function renderRankQuery(ast: SearchAst, config: string): SqlFragment | null {
  if (ast.must.length !== 1) return null;
  const words = [...new Set(ast.must[0].flatMap((t) => (t.kind === 'phrase' ? t.words : [t.text])))];
  if (!words.length) return null;
  return join(words.map((w) => leaf({ kind: 'word', text: w, prefix: false } as Term, config)), '||');
}

const CONFIGS: Record<string, string> = {
  ar: 'arabic', hy: 'armenian', eu: 'basque', ca: 'catalan', da: 'danish', nl: 'dutch', en: 'english', fi: 'finnish',
  fr: 'french', de: 'german', el: 'greek', hi: 'hindi', hu: 'hungarian', id: 'indonesian', ga: 'irish', it: 'italian',
  lt: 'lithuanian', ne: 'nepali', no: 'norwegian', nb: 'norwegian', nn: 'norwegian', pt: 'portuguese', ro: 'romanian',
  ru: 'russian', sr: 'serbian', es: 'spanish', sv: 'swedish', ta: 'tamil', tr: 'turkish', yi: 'yiddish',
};

/** The PostgreSQL text-search configuration for an i18n locale code ("fr-CA" → french), `simple` otherwise. */
export function pgConfigFor(locale: string): string {
  return CONFIGS[locale.toLowerCase().split(/[-_]/)[0]] ?? 'simple';
}
