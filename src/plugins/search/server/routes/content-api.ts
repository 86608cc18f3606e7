// Public search routes: /api/search and /api/search/suggest (no plugin prefix). Like the feeds
// they skip users-permissions authentication; global::public-action lets them through only
// while the public role holds plugin::search.search.search / .suggest.
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/search', handler: 'plugin::search.search.search', config: { prefix: '', auth: false as const, policies: ['global::public-action'] } },
    { method: 'GET', path: '/search/suggest', handler: 'plugin::search.search.suggest', config: { prefix: '', auth: false as const, policies: ['global::public-action'] } },
  ],
};
