// Public feed routes on the article API: "All news", the Google News sitemap, the article page by slug,
// and the lists beside them: Most read, Recommended, Multimedia.
import { PUBLIC_FEED_ROUTE as PUBLIC_FEED } from '../../../policies/public-action';

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/feeds/articles', handler: 'api::article.article.feed', config: PUBLIC_FEED },
    { method: 'GET', path: '/feeds/news-sitemap', handler: 'api::article.article.newsSitemap', config: PUBLIC_FEED },
    { method: 'GET', path: '/articles/by-slug/:slug', handler: 'api::article.article.bySlug', config: PUBLIC_FEED },
    { method: 'GET', path: '/feeds/most-read', handler: 'api::article.article.mostRead', config: PUBLIC_FEED },
    { method: 'GET', path: '/feeds/recommended', handler: 'api::article.article.recommended', config: PUBLIC_FEED },
    { method: 'GET', path: '/feeds/multimedia', handler: 'api::article.article.multimedia', config: PUBLIC_FEED },
  ],
};
