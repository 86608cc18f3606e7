// Public feed routes on the article API: "All news", the Google News sitemap and the article page by slug.
import { PUBLIC_FEED_ROUTE as PUBLIC_FEED } from '../../../policies/public-action';

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/feeds/articles', handler: 'api::article.article.feed', config: PUBLIC_FEED },
    { method: 'GET', path: '/feeds/news-sitemap', handler: 'api::article.article.newsSitemap', config: PUBLIC_FEED },
    { method: 'GET', path: '/articles/by-slug/:slug', handler: 'api::article.article.bySlug', config: PUBLIC_FEED },
  ],
};
