// The core gallery controller plus "This Week in Pictures".
import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { nextWeekBoundary } from '../../../lib/weeks/picture-week';

export default factories.createCoreController('api::gallery.gallery', ({ strapi }) => ({
  async thisWeekInPictures(ctx: Context) {
    const feeds = strapi.service('api::feed.feed');
    await strapi.service('api::feed.feed-http').serveFeed(
      ctx,
      (query: { date?: string; locale?: string; limit: number; cursor?: string }) => feeds.thisWeekInPictures(feeds.week(query.date), query),
      {
        allowDate: true,
        // Without a date the feed follows the clock: keep it no longer than the current week lasts.
        ttlMs: (query: { date?: string }) => (query.date ? undefined : nextWeekBoundary(new Date(), strapi.config.get('feeds.pictureWeekStartsOn') as number, strapi.config.get('feeds.timeZone') as string).getTime() - Date.now()),
      },
    );
  },
}));
