// Admin panel API (admin JWT): pending deletions, purge at once.
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/pending-deletions', handler: 'admin.pending', config: { policies: ['admin::isAuthenticatedAdmin'] } },
    { method: 'POST', path: '/pending-deletions/:userId/purge', handler: 'admin.purge', config: { policies: ['admin::isAuthenticatedAdmin'] } },
  ],
};
