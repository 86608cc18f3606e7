// Public feed route on the gallery API: This Week in Pictures.
export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/feeds/this-week-in-pictures', handler: 'api::gallery.gallery.thisWeekInPictures', config: {} }],
};
