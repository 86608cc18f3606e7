// Public feed routes on the article API: "All news", the Google News sitemap and the article page by slug.
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/feeds/articles', handler: 'api::article.article.feed', config: {} },
    { method: 'GET', path: '/feeds/news-sitemap', handler: 'api::article.article.newsSitemap', config: {} },
    { method: 'GET', path: '/articles/by-slug/:slug', handler: 'api::article.article.bySlug', config: {} },
  ],
};
