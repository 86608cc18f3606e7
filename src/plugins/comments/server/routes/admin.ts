// Routes of the admin page "Comments" (admin JWT, the plugin's own admin permissions).
const can = (action: 'read' | 'moderate' | 'block') => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::comments.${action}`] } }],
});

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/queue', handler: 'admin.queue', config: can('read') },
    { method: 'GET', path: '/standards', handler: 'admin.standards', config: can('read') },
    { method: 'GET', path: '/comments/:id/log', handler: 'admin.commentLog', config: can('read') },
    { method: 'POST', path: '/comments/bulk', handler: 'admin.bulk', config: can('moderate') },
    { method: 'POST', path: '/comments/:id/decision', handler: 'admin.decide', config: can('moderate') },
    { method: 'GET', path: '/readers/:userId/history', handler: 'admin.history', config: can('read') },
    { method: 'POST', path: '/blocks', handler: 'admin.block', config: can('block') },
    { method: 'GET', path: '/appeals', handler: 'admin.appeals', config: can('read') },
    { method: 'POST', path: '/appeals/:id/decision', handler: 'admin.decideAppeal', config: can('block') },
  ] as Array<Record<string, unknown>>,
};
