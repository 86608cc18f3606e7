// Public feed route on the section API: one section's latest articles.
export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/feeds/sections/:slug', handler: 'api::section.section.feed', config: {} }],
};
