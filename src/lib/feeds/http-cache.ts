// HTTP caching helpers: content ETags, conditional-request checks, Cache-Control and Surrogate-Key.
import crypto from 'crypto';

export type Encoding = 'br' | 'gzip' | 'identity';

/** A strong ETag from the rendered body, which is itself a pure function of the feed's items. */
export function etagFor(body: string | Buffer): string {
  return `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** The ETag a compressed variant is sent with: the same tag with the encoding appended. */
export function variantEtag(etag: string, encoding: Encoding): string {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding === 'gzip' ? 'gz' : 'br'}"`;
}

function baseTag(tag: string): string {
  return tag.trim().replace(/^W\//, '').replace(/-(gz|br)"$/, '"');
}

/**
 * Whether a GET may be answered 304: If-None-Match wins when present (weak comparison, any
 * encoding variant matches); otherwise If-Modified-Since against Last-Modified, to the second.
 */
export function isNotModified(headers: { ifNoneMatch?: string; ifModifiedSince?: string }, etag: string, lastModified: Date): boolean {
  if (headers.ifNoneMatch) {
    if (headers.ifNoneMatch.trim() === '*') return true;
    const wanted = baseTag(etag);
    return headers.ifNoneMatch.split(',').some((t) => baseTag(t) === wanted);
  }
  if (headers.ifModifiedSince) {
    const since = Date.parse(headers.ifModifiedSince);
    if (Number.isNaN(since)) return false;
    return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

export function cacheControl(opts: { maxAge: number; sMaxAge: number; staleWhileRevalidate: number }): string {
  return `public, max-age=${opts.maxAge}, s-maxage=${opts.sMaxAge}, stale-while-revalidate=${opts.staleWhileRevalidate}`;
}

/** Space-separated, deduplicated keys, each reduced to characters CDNs accept. */
export function surrogateKeyHeader(keys: string[]): string {
  return [...new Set(keys.map((k) => k.replace(/[^A-Za-z0-9:_\-.]/g, '_')).filter(Boolean))].join(' ');
}
