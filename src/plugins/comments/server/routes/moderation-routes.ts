// Moderation routes under /api: reader ones (granted to the authenticated role) and integration
// ones (API tokens only: no role is granted them, and the controller refuses anything but a token).
const consent = { policies: ['plugin::accounts.consent-current'] };

export const READER_MODERATION_ACTIONS = ['report', 'fileAppeal', 'blockState'].map((a) => `plugin::comments.reader-moderation.${a}`);

export default [
  { method: 'POST', path: '/comments/:id/reports', handler: 'reader-moderation.report', config: consent },
  { method: 'POST', path: '/account/appeals', handler: 'reader-moderation.fileAppeal', config: consent },
  { method: 'GET', path: '/account/comments-block', handler: 'reader-moderation.blockState', config: {} },
  { method: 'POST', path: '/moderation/comments/:id', handler: 'integration.decide', config: {} },
  { method: 'POST', path: '/moderation/blocks', handler: 'integration.block', config: {} },
  { method: 'POST', path: '/moderation/appeals/:id', handler: 'integration.decideAppeal', config: {} },
  { method: 'GET', path: '/moderation/appeals', handler: 'integration.appeals', config: {} },
  { method: 'GET', path: '/moderation/queue', handler: 'integration.queue', config: {} },
  { method: 'GET', path: '/moderation/history/:user', handler: 'integration.history', config: {} },
];
