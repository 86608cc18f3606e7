// Invalidates the feed response cache the moment feed content changes: any write to an
// article, photo, section or gallery (create, update, delete, publish, unpublish, discard).
import type { Core } from '@strapi/strapi';
import { forgetPublicActions } from '../policies/public-action';

// Short URLs too: feeds carry each article's short link (made just after first publish, or disabled by an editor).
export const FEED_CONTENT_TYPES = new Set(['api::article.article', 'api::photo.photo', 'api::section.section', 'api::gallery.gallery', 'api::short-url.short-url']);
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

export function feedCacheInvalidation(strapi: Core.Strapi) {
  const invalidate = () => strapi.service('api::feed.feed-http').invalidate();
  return async (ctx: { uid: string; action: string }, next: () => Promise<unknown>) => {
    if (!FEED_CONTENT_TYPES.has(ctx.uid) || !WRITES.has(ctx.action)) return next();
    const result = await next();
    invalidate();
    // Inside a transaction other requests still read the old rows until it commits: drop again then.
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(invalidate));
    return result;
  };
}

/**
 * Cached feeds are served before the router checks permissions, so a change to the public
 * role's permissions drops them too; the next request is checked afresh.
 */
export function invalidateFeedsOnPermissionChange(strapi: Core.Strapi) {
  const forget = () => {
    forgetPublicActions();
    strapi.service('api::feed.feed-http').invalidate();
  };
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.permission', 'plugin::users-permissions.role'],
    afterCreate: forget,
    afterUpdate: forget,
    afterDelete: forget,
    afterCreateMany: forget,
    afterUpdateMany: forget,
    afterDeleteMany: forget,
  });
}
