// Case and diacritic folding with a map back to the original text, so matches found in the
// folded text can be marked in the original ("Ёлкин" and "елкин", "Société" and "societe").

const MARKS = /\p{M}/gu;
const foldCache = new Map<string, string>();

/** The folded form of one code point: decomposed, marks dropped, lower-cased (may be empty or longer). */
export function foldChar(ch: string): string {
  let out = foldCache.get(ch);
  if (out === undefined) {
    // Any space (no-break, thin, a line break) compares as one plain space.
    out = /\s/u.test(ch) ? ' ' : ch.normalize('NFD').replace(MARKS, '').toLowerCase().normalize('NFC');
    if (foldCache.size < 10_000) foldCache.set(ch, out);
  }
  return out;
}

/** Folds a whole string (aliases, names). */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

export interface Folded {
  text: string;
  /**
   * For each UTF-16 index of `text`, the UTF-16 index in the original where its code point starts
   * (and just after it ends); null when folding kept every index (the usual case), so i maps to i.
   */
  start: Int32Array | null;
  end: Int32Array | null;
}

// Folded UTF-16 code of each BMP code unit whose fold is exactly one code unit; -1 not computed, -2 not one unit.
const SINGLE = new Int32Array(0x10000).fill(-1);
const decoder = new TextDecoder('utf-16le');

function singleFold(c: number): number {
  let f = SINGLE[c];
  if (f === -1) {
    const folded = foldChar(String.fromCharCode(c));
    f = folded.length === 1 ? folded.charCodeAt(0) : -2;
    SINGLE[c] = f;
  }
  return f;
}

/** Folds `text`, remembering where each folded character came from. */
export function foldWithMap(text: string): Folded {
  // Fast path: every code unit folds to one code unit, so offsets are unchanged.
  const out = new Uint16Array(text.length);
  let simple = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[i] = c >= 65 && c <= 90 ? c + 32 : c === 9 || c === 10 || c === 13 ? 32 : c;
    else if (c >= 0xd800 && c <= 0xdfff) {
      simple = false;
      break;
    } else {
      const f = singleFold(c);
      if (f < 0) {
        simple = false;
        break;
      }
      out[i] = f;
    }
  }
  if (simple) return { text: decoder.decode(out), start: null, end: null };

  const parts: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = width === 1 ? text[i] : text.slice(i, i + 2);
    const f = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 9 || code === 10 || code === 13 ? ' ' : ch) : foldChar(ch);
    parts.push(f);
    for (let k = 0; k < f.length; k++) {
      start.push(i);
      end.push(i + width);
    }
    i += width;
  }
  return { text: parts.join(''), start: Int32Array.from(start), end: Int32Array.from(end) };
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

/** Whether the code point around UTF-16 index `i` of `text` is part of a word (letters, digits, marks). */
export function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  // Step back onto the high surrogate of a pair.
  const at = c >= 0xdc00 && c <= 0xdfff && i > 0 ? i - 1 : i;
  return WORD.test(String.fromCodePoint(text.codePointAt(at)!));
}
