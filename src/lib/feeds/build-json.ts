// Strapi's own { data, meta } shape for the site's front-end: every photo kept, upload URLs as stored.
import type { AnyFeed } from './types';

export function buildJson(feed: AnyFeed): string {
  const { items, pageInfo, surrogateKeys: _keys, viewIds: _views, cacheTtlMs: _ttl, ...about } = feed;
  return JSON.stringify({ data: items, meta: { feed: about, pagination: pageInfo } });
}
