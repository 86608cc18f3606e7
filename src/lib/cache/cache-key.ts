// The response-cache key of a feed request: path plus the feed parameters, sorted, so that
// the early cache middleware and the controllers agree on it without parsing the request twice.

export const FEED_PARAMS = ['cursor', 'date', 'exclude', 'format', 'limit', 'locale', 'section', 'window'] as const;

/**
 * Path and known parameters in a fixed order; parameters the feeds ignore are left out.
 * Null (do not cache) when a known parameter is given more than once or in bracket form.
 */
export function feedCacheKey(path: string, querystring: string, known: readonly string[] = FEED_PARAMS): string | null {
  const params = new URLSearchParams(querystring);
  // limit[]=1 or locale[x]=y reach the controller as arrays or objects (a 400 there): never a cache hit.
  for (const name of params.keys()) {
    if (known.some((k) => name !== k && name.startsWith(k))) return null;
  }
  const parts: string[] = [];
  for (const name of known) {
    const values = params.getAll(name);
    if (values.length > 1) return null;
    if (values.length === 1) parts.push(`${name}=${encodeURIComponent(values[0])}`);
  }
  return `${path}?${parts.join('&')}`;
}
