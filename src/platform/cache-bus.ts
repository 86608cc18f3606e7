// Keeps every instance's local caches in agreement through the shared store's pub/sub: permission
// changes are published once and applied by every instance (this one at once), and everything is
// dropped after a break in the link to the others. Feed purges by key travel the same way, through
// purgeFeedCache() (src/api/feed/purge-feed-cache.ts).
import type { Core } from '@strapi/strapi';
import { forgetPublicActions } from '../policies/public-action';
import { ALL_FEEDS_KEY } from '../api/feed/purge-feed-cache';
import { platform } from './index';
import { enqueueCdnPurge } from './cdn-outbox';

export const PERMISSIONS_CHANNEL = 'permissions:changed';

/** Tells every instance that users-permissions roles or permissions changed. */
export async function publishPermissionChange(strapi: Core.Strapi): Promise<void> {
  await enqueueCdnPurge(strapi, [ALL_FEEDS_KEY]); // a feed the public may no longer read leaves the CDN too
  await platform(strapi).store.publish(PERMISSIONS_CHANNEL, '{}');
}

type FeedHttp = { invalidate(): void };

/** Register step: this instance applies every permission change, wherever it was made, and resyncs after a break. */
export function applySharedInvalidations(strapi: Core.Strapi): void {
  const feeds = () => strapi.service('api::feed.feed-http') as unknown as FeedHttp;
  const permissionsChanged = () => {
    forgetPublicActions();
    feeds().invalidate();
  };
  const { store } = platform(strapi);
  store.subscribe(PERMISSIONS_CHANNEL, permissionsChanged);
  store.onResync(() => {
    strapi.log.info('Shared state reconnected: dropping local feed and permission caches');
    permissionsChanged();
  });
}
