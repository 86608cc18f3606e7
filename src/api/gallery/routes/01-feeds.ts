// Public feed route on the gallery API: This Week in Pictures.
import { PUBLIC_FEED_ROUTE as PUBLIC_FEED } from '../../../policies/public-action';

export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/feeds/this-week-in-pictures', handler: 'api::gallery.gallery.thisWeekInPictures', config: PUBLIC_FEED }],
};
