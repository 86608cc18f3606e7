// Short codes: random generation from an alphabet without look-alike characters,
// the format a vanity code must have, and the codes nobody may claim.
import { customAlphabet } from 'nanoid';

/** No 0/O/o, 1/l/I/i, 2/Z/z, 5/S/s, U/u/V/v: a code read off paper or a screen survives. 45 characters. */
export const CODE_ALPHABET = '346789ABCDEFGHJKLMNPQRTWXYabcdefghjkmnpqrtwxy';
export const DEFAULT_CODE_LENGTH = 7;
export const MIN_CODE_LENGTH = 4;
export const MAX_CODE_LENGTH = 32;
export const MAX_VANITY_LENGTH = 64;

/** Paths and names a short code could be confused with, compared case-insensitively. */
export const RESERVED_CODES: ReadonlySet<string> = new Set([
  'api', 'admin', 's', 'uploads', 'upload', 'graphql', 'i18n', 'users-permissions', 'content-manager',
  'content-type-builder', 'documentation', 'favicon.ico', 'robots.txt', 'sitemap', 'sitemap.xml', 'feed',
  'feeds', 'rss', 'health', '_health', 'assets', 'static', 'public', 'login', 'logout', 'auth', 'connect',
  'qr', 'new', 'edit', 'null', 'undefined',
]);

const VANITY_FORMAT = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export type CodeGenerator = () => string;

/** A generator of random codes of `length` characters from `alphabet` (nanoid: crypto-random, unbiased). */
export function createCodeGenerator(length: number = DEFAULT_CODE_LENGTH, alphabet: string = CODE_ALPHABET): CodeGenerator {
  if (!Number.isInteger(length) || length < MIN_CODE_LENGTH || length > MAX_CODE_LENGTH) {
    throw new RangeError(`A short code length must be an integer from ${MIN_CODE_LENGTH} to ${MAX_CODE_LENGTH}, got ${length}.`);
  }
  if (new Set(alphabet).size !== alphabet.length || alphabet.length < 2) {
    throw new RangeError('A short code alphabet needs at least two distinct characters and no repeats.');
  }
  return customAlphabet(alphabet, length);
}

export function isReservedCode(code: string): boolean {
  return RESERVED_CODES.has(code.trim().toLowerCase());
}

/** Whether a string can be a code at all (used to answer hostile /s/ paths without a query). */
export function isCodeFormat(code: string): boolean {
  return code.length > 0 && code.length <= MAX_VANITY_LENGTH && VANITY_FORMAT.test(code);
}

/** The reason an editor's chosen code is refused, or null when it may be used. */
export function vanityCodeError(code: unknown): string | null {
  if (typeof code !== 'string' || code.length === 0) return 'A short code must be a non-empty string.';
  if (isReservedCode(code)) return `The short code "${code}" is reserved.`;
  if (code.length < 3) return 'A short code needs at least 3 characters.';
  if (code.length > MAX_VANITY_LENGTH) return `A short code has at most ${MAX_VANITY_LENGTH} characters.`;
  if (!VANITY_FORMAT.test(code)) return 'A short code may only contain letters, digits, "-" and "_", and starts with a letter or digit.';
  return null;
}
