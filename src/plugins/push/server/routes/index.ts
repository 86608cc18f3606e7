// Reader routes under /api/push (public and authenticated roles, granted at bootstrap) and the admin page's routes.
const ADMIN_POLICY = { name: 'admin::hasPermissions', config: { actions: ['plugin::push.send'] } };

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/public-key', handler: 'subscriptions.publicKey' },
      { method: 'POST', path: '/subscriptions', handler: 'subscriptions.create' },
      { method: 'DELETE', path: '/subscriptions', handler: 'subscriptions.remove' },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/alerts', handler: 'alerts.list', config: { policies: ['admin::isAuthenticatedAdmin', ADMIN_POLICY] } },
      { method: 'GET', path: '/topics', handler: 'alerts.topics', config: { policies: ['admin::isAuthenticatedAdmin', ADMIN_POLICY] } },
      { method: 'GET', path: '/recipients', handler: 'alerts.recipients', config: { policies: ['admin::isAuthenticatedAdmin', ADMIN_POLICY] } },
      { method: 'POST', path: '/alerts', handler: 'alerts.create', config: { policies: ['admin::isAuthenticatedAdmin', ADMIN_POLICY] } },
    ],
  },
};
