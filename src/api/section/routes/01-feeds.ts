// Public feed route on the section API: one section's latest articles.
import { PUBLIC_FEED_ROUTE as PUBLIC_FEED } from '../../../policies/public-action';

export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/feeds/sections/:slug', handler: 'api::section.section.feed', config: PUBLIC_FEED }],
};
