// Typo tolerance for suggestions where the database has no trigram operator (SQLite): trigram
// similarity of each typed word with its best title word, the last typed word compared with
// title-word prefixes of about its length (the reader is still typing it).
import { wordsOf } from './query-parser';

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** 0..1: how well `typed` matches the words of `title`. */
export function wordSimilarity(typed: string, title: string): number {
  const query = wordsOf(typed);
  const words = wordsOf(title);
  if (!query.length || !words.length) return 0;
  let sum = 0;
  query.forEach((q, i) => {
    const last = i === query.length - 1;
    let best = 0;
    for (const w of words) best = Math.max(best, trigramSimilarity(q, last ? w.slice(0, q.length + 1) : w), last ? trigramSimilarity(q, w) : 0);
    sum += best;
  });
  return sum / query.length;
}

export const MIN_SIMILARITY = 0.4;

/** Candidates above MIN_SIMILARITY, best first (stable for equal scores). */
export function rankByWordSimilarity<T extends { title: string }>(typed: string, candidates: T[]): T[] {
  return candidates
    .map((c, i) => ({ c, i, s: wordSimilarity(typed, c.title) }))
    .filter((x) => x.s >= MIN_SIMILARITY)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.c);
}
