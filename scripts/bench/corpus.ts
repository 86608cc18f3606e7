// A deterministic benchmark corpus: headlines, kickers, standfirsts and bodies drawn from a
// vocabulary with a Zipf-like word distribution (the demo stories' words, most frequent first,
// then made-up words for the long tail), so a one-word query matches a realistic share of the
// stories instead of every fortieth one. Story n is the same on every run and every machine.
import { ARTICLES } from '../../src/seed/demo-content';

/** Words in the vocabulary; the tail beyond the demo stories' own words is made up. */
const VOCABULARY_SIZE = 40_000;
/** Zipf exponent: word of rank r has weight 1 / r^s. */
const ZIPF_S = 1.0;
/** Headlines and kickers skip the most frequent words (articles, prepositions). */
const CONTENT_FROM_RANK = 60;

const SYLLABLES = ['ba', 'ko', 'mer', 'lin', 'sta', 'vo', 'ren', 'tal', 'di', 'po', 'sar', 'nel', 'qui', 'zo', 'fa', 'gor', 'hu', 'lem', 'tri', 'wen', 'cas', 'dor', 'ex', 'mi'];

/** Small, fast, seedable PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildVocabulary(): string[] {
  const counts = new Map<string, number>();
  for (const a of ARTICLES) {
    for (const w of [a.title, a.kicker, a.standfirst, ...a.paragraphs].join(' ').toLowerCase().match(/\p{L}+/gu) ?? []) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const words = [...counts].filter(([w]) => w.length > 1 || w === 'a').sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([w]) => w);
  const seen = new Set(words);
  for (let k = 0; words.length < VOCABULARY_SIZE; k += 1) {
    // 2 to 4 syllables, the syllables read as digits of k.
    let rest = k;
    let word = '';
    const parts = 2 + (k % 3);
    for (let i = 0; i < parts; i += 1) {
      word += SYLLABLES[rest % SYLLABLES.length];
      rest = Math.floor(rest / SYLLABLES.length) + i * 7;
    }
    if (!seen.has(word)) seen.add(word), words.push(word);
  }
  return words;
}

export const VOCABULARY: string[] = buildVocabulary();

function cumulative(from: number): Float64Array {
  const c = new Float64Array(VOCABULARY.length - from);
  let sum = 0;
  for (let r = from; r < VOCABULARY.length; r += 1) c[r - from] = sum += 1 / Math.pow(r + 1, ZIPF_S);
  for (let i = 0; i < c.length; i += 1) c[i] /= sum;
  return c;
}

const ALL = cumulative(0);
const CONTENT = cumulative(CONTENT_FROM_RANK);

function draw(c: Float64Array, offset: number, random: () => number): string {
  const x = random();
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo + offset];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const int = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function words(random: () => number, n: number, content: boolean): string[] {
  return Array.from({ length: n }, () => (content ? draw(CONTENT, CONTENT_FROM_RANK, random) : draw(ALL, 0, random)));
}

function sentences(random: () => number, n: number): string {
  const out: string[] = [];
  let left = n;
  while (left > 0) {
    const len = Math.min(left, int(random, 8, 22));
    out.push(`${capital(words(random, len, false).join(' '))}.`);
    left -= len;
  }
  return out.join(' ');
}

export interface BenchStory {
  title: string;
  kicker: string;
  standfirst: string;
  paragraphs: string[];
}

/** Story n of the benchmark corpus (the same for the same n). */
export function benchStory(n: number): BenchStory {
  const random = prng(n * 2654435761 + 1);
  return {
    title: capital(words(random, int(random, 5, 9), true).join(' ')),
    kicker: capital(words(random, int(random, 1, 2), true).join(' ')),
    standfirst: sentences(random, int(random, 15, 25)),
    paragraphs: Array.from({ length: 3 }, () => sentences(random, int(random, 50, 90))),
  };
}
