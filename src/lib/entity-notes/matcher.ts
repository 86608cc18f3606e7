// One-pass multi-name matcher (Aho–Corasick over case- and diacritic-folded text): finds every
// entity name or alias on word boundaries, outside URLs and HTML, the longest match winning.
import { fold, foldWithMap, isWordAt } from './fold';
import { overlapsAny, protectedRanges } from './protected-ranges';

export interface MatcherEntry {
  /** The entity's stable key (its documentId). */
  key: string;
  /** Its name and aliases, as editors typed them. */
  terms: string[];
}

export interface Match {
  key: string;
  /** UTF-16 offsets in the original text, end exclusive. */
  start: number;
  end: number;
}

export interface Matcher {
  /** Matches in `text`; `allow` leaves out entities (out of scope, suppressed) before overlaps are settled. */
  find(text: string, allow?: (key: string) => boolean): Match[];
  readonly size: number;
}

/** How a term is compared: folded, whitespace runs as one space, trimmed. */
export function normalizeTerm(term: string): string {
  return fold(term).replace(/\s+/g, ' ').trim();
}

interface Pattern {
  key: string;
  length: number;
  /** Order of the entry, for deterministic ties. */
  rank: number;
}

export function createMatcher(entries: MatcherEntry[]): Matcher {
  // Trie: children per node as Map<charCode, node>; fail links; outputs (pattern ids) per node.
  const children: Array<Map<number, number>> = [new Map()];
  const outputs: number[][] = [[]];
  const patterns: Pattern[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, rank) => {
    for (const raw of entry.terms) {
      const term = normalizeTerm(raw);
      if (!term || seen.has(`${entry.key}\u0000${term}`)) continue;
      seen.add(`${entry.key}\u0000${term}`);
      let node = 0;
      for (let i = 0; i < term.length; i++) {
        const c = term.charCodeAt(i);
        let next = children[node].get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          outputs.push([]);
          children[node].set(c, next);
        }
        node = next;
      }
      outputs[node].push(patterns.length);
      patterns.push({ key: entry.key, length: term.length, rank });
    }
  });

  const fail = new Int32Array(children.length);
  const queue: number[] = [];
  for (const child of children[0].values()) queue.push(child);
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi];
    for (const [c, child] of children[node]) {
      let f = fail[node];
      while (f !== 0 && !children[f].has(c)) f = fail[f];
      const target = children[f].get(c);
      fail[child] = target !== undefined && target !== child ? target : 0;
      if (outputs[fail[child]].length) outputs[child] = outputs[child].concat(outputs[fail[child]]);
      queue.push(child);
    }
  }

  function find(text: string, allow?: (key: string) => boolean): Match[] {
    if (!text || patterns.length === 0) return [];
    const folded = foldWithMap(text);
    const f = folded.text;
    const candidates: Array<Match & { rank: number }> = [];
    let guarded: Array<[number, number]> | null = null;
    let node = 0;
    for (let j = 0; j < f.length; j++) {
      const c = f.charCodeAt(j);
      let next = children[node].get(c);
      while (next === undefined && node !== 0) {
        node = fail[node];
        next = children[node].get(c);
      }
      node = next ?? 0;
      const out = outputs[node];
      if (out.length === 0) continue;
      for (const id of out) {
        const p = patterns[id];
        if (allow && !allow(p.key)) continue;
        const fs = j - p.length + 1;
        let start = fs;
        let end = j + 1;
        if (folded.start && folded.end) {
          // The match must begin and end on whole original characters.
          if (fs > 0 && folded.start[fs - 1] === folded.start[fs]) continue;
          if (j + 1 < f.length && folded.end[j + 1] === folded.end[j]) continue;
          start = folded.start[fs];
          end = folded.end[j];
        }
        if (isWordAt(text, start - 1) || isWordAt(text, end)) continue;
        guarded ??= protectedRanges(text);
        if (guarded.length && overlapsAny(guarded, start, end)) continue;
        candidates.push({ key: p.key, start, end, rank: p.rank });
      }
    }
    if (candidates.length === 0) return [];
    // Longest first, then leftmost, then the entity listed first: deterministic whatever the order of aliases.
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.rank - b.rank);
    const taken: Match[] = [];
    for (const m of candidates) {
      if (taken.some((t) => t.start < m.end && m.start < t.end)) continue;
      taken.push({ key: m.key, start: m.start, end: m.end });
    }
    return taken.sort((a, b) => a.start - b.start);
  }

  return { find, size: patterns.length };
}
