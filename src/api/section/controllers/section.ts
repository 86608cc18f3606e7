// The core section controller plus the section feed.
import { factories } from '@strapi/strapi';
import type { Context } from 'koa';

export default factories.createCoreController('api::section.section', ({ strapi }) => ({
  async feed(ctx: Context) {
    await strapi
      .service('api::feed.feed-http')
      .serveFeed(ctx, (query: { locale?: string; limit: number; cursor?: string }) => strapi.service('api::feed.feed').sectionFeed(String(ctx.params.slug), query));
  },
}));
