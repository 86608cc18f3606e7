// Reader routes under /api (flat JSON bodies, like users-permissions' auth routes). Public ones
// are granted to the public role, the rest to the authenticated role (see ../bootstrap.ts).
const limited = { middlewares: ['plugin::accounts.rate-limit'] };
const consent = { policies: ['plugin::accounts.consent-current'] };

export default {
  type: 'content-api',
  prefix: '',
  routes: [
    { method: 'GET', path: '/captcha/challenge', handler: 'account.challenge', config: limited },
    { method: 'GET', path: '/privacy-policy', handler: 'account.privacyPolicy', config: {} },
    { method: 'POST', path: '/account/confirm-email', handler: 'account.confirmEmail', config: limited },
    { method: 'POST', path: '/account/restore', handler: 'account.restore', config: limited },
    { method: 'POST', path: '/account/delete', handler: 'account.delete', config: limited },
    { method: 'POST', path: '/account/consent', handler: 'account.consent', config: {} },
    { method: 'GET', path: '/account/export', handler: 'account.export', config: {} },
    { method: 'GET', path: '/account/profile', handler: 'account.profile', config: {} },
    { method: 'PUT', path: '/account/profile', handler: 'account.updateProfile', config: consent },
    { method: 'POST', path: '/account/avatar', handler: 'account.avatar', config: { ...consent, ...limited } },
  ],
};
