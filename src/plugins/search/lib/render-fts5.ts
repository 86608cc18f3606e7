// Renders a parsed query as an SQLite FTS5 MATCH expression. Every term is a double-quoted
// FTS5 string, so nothing (NEAR, column filters, ^, *, parentheses) is read as FTS5 syntax
// except the operators this module writes itself.
import type { SearchAst, Term } from './query-parser';

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Words that complete a prefix, read from the unstemmed vocabulary: a stemming tokenizer
 * cannot match a half-typed word ("electio" is the stem of nothing), its completions can.
 */
export type PrefixExpansions = Record<string, string[]>;

export function fts5Term(term: Term, expansions: PrefixExpansions = {}): string {
  if (term.kind === 'phrase') return quote(term.words.join(' '));
  if (!term.prefix) return quote(term.text);
  const words = (expansions[term.text] ?? []).filter((w) => w !== term.text);
  const own = `${quote(term.text)}*`;
  return words.length ? `(${[own, ...words.map(quote)].join(' OR ')})` : own;
}

/** The MATCH expression, or null when the AST has no positive term (FTS5 cannot express "not x" alone). */
export function renderFts5(ast: SearchAst, expansions: PrefixExpansions = {}): string | null {
  if (ast.must.length === 0) return null;
  const term = (t: Term) => fts5Term(t, expansions);
  const positive = ast.must.map((g) => (g.length === 1 ? term(g[0]) : `(${g.map(term).join(' OR ')})`)).join(' AND ');
  if (ast.not.length === 0) return positive;
  return `(${positive}) NOT (${ast.not.map((t) => fts5Term(t.kind === 'word' ? { ...t, prefix: false } : t)).join(' OR ')})`;
}

/** The form of a word in the unstemmed vocabulary (remove_diacritics): lower case, no marks. */
export function vocabularyForm(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
