// The core article controller plus the feed actions: "All news", the news sitemap, the article page
// by slug, and the Most read, Recommended and Multimedia lists.
import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildNewsSitemap } from '../../../lib/feeds/build-news-sitemap';
import type { FeedQuery } from '../../../lib/feeds/feed-query';

export default factories.createCoreController('api::article.article', ({ strapi }) => {
  const feeds = () => strapi.service('api::feed.feed');
  const http = () => strapi.service('api::feed.feed-http');
  const lists = () => strapi.service('api::feed.lists');
  return {
    async feed(ctx: Context) {
      await http().serveFeed(ctx, (query: { locale?: string; limit: number; cursor?: string }) => feeds().articleFeed(query));
    },

    // Lists that move without a write (views, pick expiry) say themselves how long they may be cached.
    async mostRead(ctx: Context) {
      await http().serveFeed(ctx, (query: FeedQuery) => lists().mostRead(query, ctx.query));
    },

    async recommended(ctx: Context) {
      await http().serveFeed(ctx, (query: FeedQuery) => lists().recommended(query, ctx.query));
    },

    async multimedia(ctx: Context) {
      await http().serveFeed(ctx, (query: FeedQuery) => lists().multimedia(query));
    },

    async bySlug(ctx: Context) {
      await http().serve(ctx, async () => {
        const locale = http().parseQuery({ locale: ctx.query.locale }).locale;
        const { page, surrogateKeys, viewIds, changedAt } = await feeds().articleBySlug(String(ctx.params.slug), locale);
        return {
          body: JSON.stringify({ data: page, meta: {} }),
          contentType: 'application/json; charset=utf-8',
          lastModified: new Date(changedAt),
          surrogateKeys,
          viewIds,
        };
      });
    },

    async newsSitemap(ctx: Context) {
      await http().serve(ctx, async () => {
        const locale = http().parseQuery({ locale: ctx.query.locale }).locale;
        const { entries, locale: resolved, updatedAt, keys } = await feeds().newsSitemapEntries(locale);
        return {
          body: await buildNewsSitemap(entries, { name: feeds().feedTitle(), locale: resolved }),
          contentType: 'application/xml; charset=utf-8',
          lastModified: new Date(updatedAt),
          surrogateKeys: keys,
          // Entries age out of the 48-hour window without any write to invalidate them.
          ttlMs: 60_000,
        };
      });
    },
  };
});
