// Which external targets a short URL may redirect to: absolute http(s) URLs only.
import { isSafeHttpUrl } from '../links/related-story-link';

export const MAX_TARGET_LENGTH = 2048;
export const ALLOWED_REDIRECT_STATUSES = [301, 302, 307, 308] as const;

/** The reason an external target is refused, or null when it is a safe absolute http(s) URL. */
export function targetUrlError(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0) return 'A short URL target must be a non-empty string.';
  if (url.length > MAX_TARGET_LENGTH) return `A short URL target has at most ${MAX_TARGET_LENGTH} characters.`;
  const shown = JSON.stringify(url.slice(0, 200));
  if (!isSafeHttpUrl(url)) {
    return `The short URL target ${shown} is refused: only absolute http:// or https:// URLs are allowed (no javascript:, data:, vbscript:, file:, protocol-relative "//" URLs, spaces or control characters).`;
  }
  // "https://bank.example@evil.example" reads as the bank but goes to evil.example.
  const parsed = new URL(url);
  if (parsed.username || parsed.password) return `The short URL target ${shown} is refused: URLs with a user name or password are not allowed.`;
  return null;
}

export function redirectStatusError(status: unknown): string | null {
  if (status === undefined || status === null) return null;
  if (!ALLOWED_REDIRECT_STATUSES.includes(status as (typeof ALLOWED_REDIRECT_STATUSES)[number])) {
    return `A short URL redirect status must be one of ${ALLOWED_REDIRECT_STATUSES.join(', ')}.`;
  }
  return null;
}
