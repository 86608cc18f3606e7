// Whether a stored short link may redirect now, and the printed short URL for a code.

export interface LinkState {
  enabled?: boolean | null;
  expiresAt?: string | Date | null;
}

export type LinkAvailability = 'active' | 'disabled' | 'expired';

export function linkAvailability(link: LinkState, now: Date): LinkAvailability {
  if (link.enabled === false) return 'disabled';
  if (link.expiresAt) {
    const expires = new Date(link.expiresAt);
    if (!Number.isNaN(expires.getTime()) && expires.getTime() <= now.getTime()) return 'expired';
  }
  return 'active';
}

/** `https://nws.example` + `Ab3x9Kq` → `https://nws.example/s/Ab3x9Kq` (a base with a path keeps it). */
export function shortLinkUrl(base: string, code: string): string {
  return `${base.replace(/\/+$/, '')}/s/${encodeURIComponent(code)}`;
}
