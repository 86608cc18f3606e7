// Public beacon routes (at /api/articles/..., no plugin prefix) and the admin's stats route.
export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'POST', path: '/articles/:documentId/views', handler: 'beacon.record', config: { auth: false, prefix: '' } },
      { method: 'GET', path: '/articles/:documentId/views.gif', handler: 'beacon.pixel', config: { auth: false, prefix: '' } },
    ],
  },
  admin: {
    type: 'admin',
    routes: [{ method: 'GET', path: '/articles/:documentId/stats', handler: 'stats.article', config: { policies: ['admin::isAuthenticatedAdmin'] } }],
  },
};
