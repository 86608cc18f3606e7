// Precise feed-cache invalidation: the one function every writer calls with the surrogate keys
// it touched, delivered to every instance through the shared store's pub/sub.
import type { Core } from '@strapi/strapi';
import { platform } from '../../platform';
import { enqueueCdnPurge } from '../../platform/cdn-outbox';

export const FEED_CACHE_PURGE_CHANNEL = 'feed-cache:purge';
/** Every cached feed and page carries this key: purging it empties the cache (and a CDN's, by the same key). */
export const ALL_FEEDS_KEY = 'feed';

// Seam for scale-out and CDN purges: publish(keys) reaches each instance's subscriber below, which drops its matching entries.
export async function purgeFeedCache(strapi: Core.Strapi, keys: string[]): Promise<void> {
  const unique = [...new Set(keys.filter((k) => typeof k === 'string' && k.length > 0))];
  if (!unique.length) return;
  try {
    // The CDN too (CDN_PURGE): an outbox row in the caller's transaction, sent by any instance.
    await enqueueCdnPurge(strapi, unique);
    await platform(strapi).store.publish(FEED_CACHE_PURGE_CHANNEL, JSON.stringify(unique));
  } catch (error) {
    // The write it follows is already saved: report, and let FEED_CACHE_TTL bound the staleness.
    strapi.log.error(`feed cache: purge of ${unique.length} keys not delivered: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Each instance drops its own entries for the keys another (or this) instance purged. Called once in register(). */
export function subscribeFeedCachePurges(strapi: Core.Strapi): () => void {
  return platform(strapi).store.subscribe(FEED_CACHE_PURGE_CHANNEL, (message) => {
    let keys: unknown;
    try {
      keys = JSON.parse(message);
    } catch {
      strapi.log.warn(`feed cache: ignored a purge message that is not JSON`);
      return;
    }
    if (!Array.isArray(keys)) return;
    strapi.service('api::feed.feed-http').purgeLocal(keys.filter((k): k is string => typeof k === 'string'));
  });
}
