// The readers' query language, parsed into a small AST that each engine renders itself:
// words (all must match), "exact phrase", `or` between terms, -excluded, and a prefix match on
// the last word while the reader types. Whatever the input, only letters, digits and marks
// survive as terms, so no reader syntax ever reaches FTS5 or tsquery.

export type Term = { kind: 'word'; text: string; prefix: boolean } | { kind: 'phrase'; words: string[] };

export interface SearchAst {
  /** Every group must match; a group matches when any of its terms does. */
  must: Term[][];
  /** None of these may match. */
  not: Term[];
}

export class QueryError extends Error {}

export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 12;
export const MAX_PHRASE_WORDS = 8;
/** A shorter last word is matched exactly: a one-letter prefix matches half the archive. */
const MIN_PREFIX_CHARS = 2;

// A mark only belongs to a word after a letter or digit (an emoji's variation selector is a mark too).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
// Controls, format characters (zero-width, bidi), private-use (our snippet markers), unpaired surrogates.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;

/** Letters, digits and marks of `raw`, lower-cased, NFKC-normalised. */
export function wordsOf(raw: string): string[] {
  return raw.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/** Removes characters that never belong in indexed or searched text. */
export function cleanText(raw: string): string {
  return raw.replace(UNSAFE, ' ');
}

type Item = { term: Term; negated: boolean } | 'or';

function termOf(words: string[]): Term | null {
  if (words.length === 0) return null;
  if (words.length === 1) return { kind: 'word', text: words[0], prefix: false };
  return { kind: 'phrase', words: words.slice(0, MAX_PHRASE_WORDS) };
}

/**
 * Parses a reader's query. Throws QueryError for input too long to be a query; otherwise
 * always returns an AST, possibly with nothing to match (`isEmpty`), for "*", "-" or `""`.
 */
export function parseQuery(input: string, opts: { prefixLast?: boolean } = {}): SearchAst {
  if (input.length > MAX_QUERY_CHARS * 4) throw new QueryError(`q is too long: at most ${MAX_QUERY_CHARS} characters.`);
  const text = cleanText(input.normalize('NFKC')).trim();
  if ([...text].length > MAX_QUERY_CHARS) throw new QueryError(`q is too long: at most ${MAX_QUERY_CHARS} characters.`);

  const items: Item[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    let negated = false;
    let j = i;
    if (ch === '-') {
      negated = true;
      j++;
    }
    if (text[j] === '"') {
      const close = text.indexOf('"', j + 1);
      const end = close === -1 ? text.length : close; // an unbalanced quote runs to the end
      const term = termOf(wordsOf(text.slice(j + 1, end)));
      if (term) items.push({ term: term.kind === 'word' ? { ...term } : term, negated });
      i = close === -1 ? text.length : close + 1;
      continue;
    }
    let end = j;
    while (end < text.length && !/\s/u.test(text[end]) && text[end] !== '"') end++;
    const chunk = text.slice(j, end);
    i = end;
    if (!negated && /^or$/i.test(chunk)) {
      items.push('or');
      continue;
    }
    const term = termOf(wordsOf(chunk));
    if (term) items.push({ term, negated });
  }

  const ast: SearchAst = { must: [], not: [] };
  let count = 0;
  let joinNext = false;
  for (const item of items) {
    if (item === 'or') {
      joinNext = ast.must.length > 0;
      continue;
    }
    if (++count > MAX_TERMS) throw new QueryError(`q has too many terms: at most ${MAX_TERMS}.`);
    if (item.negated) {
      ast.not.push(item.term);
      continue;
    }
    if (joinNext) ast.must[ast.must.length - 1].push(item.term);
    else ast.must.push([item.term]);
    joinNext = false;
  }

  // Prefix only while typing the last word: not after a space, a closing quote or inside an or.
  const last = ast.must[ast.must.length - 1];
  const lastItem = items[items.length - 1];
  if (opts.prefixLast !== false && last && last.length === 1 && last[0].kind === 'word' && lastItem !== 'or' && !lastItem.negated) {
    const typingWord = /[\p{L}\p{N}\p{M}]$/u.test(cleanText(input.normalize('NFKC'))); // not after a trailing space
    if (typingWord && last[0].text.length >= MIN_PREFIX_CHARS) last[0] = { ...last[0], prefix: true };
  }
  return ast;
}

/** Nothing to look for: no positive term (a query of only exclusions matches nothing here). */
export function isEmpty(ast: SearchAst): boolean {
  return ast.must.length === 0;
}

/** A stable text form of the AST: cache keys and cursor scopes. */
export function canonical(ast: SearchAst): string {
  const t = (term: Term) => (term.kind === 'word' ? term.text + (term.prefix ? '*' : '') : `"${term.words.join(' ')}"`);
  return [...ast.must.map((g) => g.map(t).join('|')), ...ast.not.map((n) => `-${t(n)}`)].join(' ');
}
