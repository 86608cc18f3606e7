// The core article controller plus the feed actions: "All news", the news sitemap and the article page by slug.
import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildNewsSitemap } from '../../../lib/feeds/build-news-sitemap';

export default factories.createCoreController('api::article.article', ({ strapi }) => {
  const feeds = () => strapi.service('api::feed.feed');
  const http = () => strapi.service('api::feed.feed-http');
  return {
    async feed(ctx: Context) {
      await http().serveFeed(ctx, (query: { locale?: string; limit: number; cursor?: string }) => feeds().articleFeed(query));
    },

    async bySlug(ctx: Context) {
      await http().serve(ctx, async () => {
        const locale = http().parseQuery({ locale: ctx.query.locale }).locale;
        const { page, surrogateKeys } = await feeds().articleBySlug(String(ctx.params.slug), locale);
        return {
          body: JSON.stringify({ data: page, meta: {} }),
          contentType: 'application/json; charset=utf-8',
          lastModified: new Date(page.updatedAt),
          surrogateKeys,
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
