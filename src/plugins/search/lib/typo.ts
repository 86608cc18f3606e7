// Typo tolerance for suggestions, the same on every engine: the words seen in headlines (the
// engine's search_terms table, read by first letter and narrowed by the second and third,
// engines/types.ts) and one edit (insertion, deletion, substitution or a swap of neighbours)
// between what the reader typed and a headline word, the last word compared with the words'
// beginnings since the reader is still typing it.
// The first letter is taken as typed, as most spelling suggesters do.
import { wordsOf } from './query-parser';

export interface TitleTerm {
  term: string;
  weight: number;
}

/** At most one insertion, deletion, substitution or transposition of neighbours between a and b. */
export function withinOneEdit(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i += 1;
  if (i === x.length && i === y.length) return true;
  const rest = (p: number, q: number) => x.slice(p).join('') === y.slice(q).join('');
  if (x.length === y.length) return rest(i + 1, i + 1) || (x[i] === y[i + 1] && x[i + 1] === y[i] && rest(i + 2, i + 2));
  return x.length > y.length ? rest(i + 1, i) : rest(i, i + 1);
}

/** Whether the beginning of `term` is within one edit of `typed` (a word still being typed). */
export function completesWithinOneEdit(typed: string, term: string): boolean {
  const n = Array.from(typed).length;
  const chars = Array.from(term);
  for (const k of [n, n + 1, n - 1]) if (k > 0 && k <= chars.length && withinOneEdit(typed, chars.slice(0, k).join(''))) return true;
  return false;
}

/** The form of a headline word in search_terms. */
export const titleTerms = (title: string): string[] => [...new Set(wordsOf(title))];

/**
 * Up to `max` headline words one edit from `typed` (as a beginning when `prefix`), most used first;
 * empty when `typed` itself is a headline word (or begins one), since then it needs no correcting.
 */
export function corrections(typed: string, terms: TitleTerm[], prefix: boolean, max = 3): string[] {
  const known = prefix ? terms.some((t) => t.term.startsWith(typed)) : terms.some((t) => t.term === typed);
  if (known) return [];
  return terms
    .filter((t) => (prefix ? completesWithinOneEdit(typed, t.term) : withinOneEdit(typed, t.term)))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
    .slice(0, max)
    .map((t) => t.term);
}
