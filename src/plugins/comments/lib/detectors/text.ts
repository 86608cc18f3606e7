// Text normalisation shared by the detectors, the exact-text hash and the 64-bit SimHash
// fingerprint used to find near-duplicates (flash mobs of the same or nearly the same comment).
import { createHash } from 'node:crypto';

/** Lower case, NFKC, accents removed, everything but letters and digits turned into single spaces. */
export function normalise(body: string): string {
  return body
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** sha256 (hex) of the normalised text: equal for texts that differ only in case, accents, punctuation or spacing. */
export function textHash(body: string): string {
  return createHash('sha256').update(normalise(body)).digest('hex');
}

// 32-bit FNV-1a with a seed, followed by murmur3's finaliser so every output bit depends on every input bit.
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SHINGLE = 3;

/** The features a fingerprint is built from: overlapping 3-character shingles of the normalised text. */
function shingles(text: string): string[] {
  // Code points, not UTF-16 units (an emoji or a rare CJK character is one character).
  const chars = /[\uD800-\uDFFF]/.test(text) ? [...text] : null;
  const length = chars ? chars.length : text.length;
  if (length <= SHINGLE) return text ? [text] : [];
  const out: string[] = new Array(length - SHINGLE + 1);
  for (let i = 0; i + SHINGLE <= length; i += 1) out[i] = chars ? chars.slice(i, i + SHINGLE).join('') : text.slice(i, i + SHINGLE);
  return out;
}

/** 64-bit SimHash of the normalised text (16 hex characters); near-identical texts get fingerprints a few bits apart. */
export function fingerprint(body: string): string {
  const weights = new Int32Array(64);
  const features = shingles(normalise(body));
  for (const feature of features) {
    const hi = hash32(feature, 0x9e3779b9);
    const lo = hash32(feature, 0x7f4a7c15);
    for (let bit = 0; bit < 32; bit += 1) {
      weights[bit] += (hi >>> bit) & 1 ? 1 : -1;
      weights[32 + bit] += (lo >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if (weights[bit] > 0) hi |= 1 << bit;
    if (weights[32 + bit] > 0) lo |= 1 << bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

function popcount32(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** The two 32-bit halves of a 16-hex-character fingerprint; null when malformed. */
export function fingerprintHalves(print: string): [number, number] | null {
  if (typeof print !== 'string' || print.length !== 16) return null;
  const hi = Number.parseInt(print.slice(0, 8), 16);
  const lo = Number.parseInt(print.slice(8), 16);
  if (Number.isNaN(hi) || Number.isNaN(lo) || !/^[0-9a-f]{16}$/i.test(print)) return null;
  return [hi, lo];
}

/** Differing bits between two fingerprints given as halves. */
export function halvesDistance(a: [number, number], b: [number, number]): number {
  return popcount32(a[0] ^ b[0]) + popcount32(a[1] ^ b[1]);
}

/** Number of differing bits between two 16-hex-character fingerprints (64 when either is malformed). */
export function hammingDistance(a: string, b: string): number {
  const x = fingerprintHalves(a);
  const y = fingerprintHalves(b);
  return x && y ? halvesDistance(x, y) : 64;
}
