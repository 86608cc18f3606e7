// Reader, public and integration (API token) routes under /api. Public ones are granted to the
// public role, reader ones to the authenticated role (see ../bootstrap.ts).
import moderationRoutes from './moderation-routes';

const canPost = { policies: ['plugin::comments.can-post'] };

export default {
  type: 'content-api',
  prefix: '',
  routes: [
    { method: 'GET', path: '/community-standards', handler: 'standards.list', config: {} },
    { method: 'POST', path: '/community-standards/accept', handler: 'standards.accept', config: {} },
    { method: 'GET', path: '/articles/:documentId/comments', handler: 'comments.list', config: {} },
    { method: 'POST', path: '/articles/:documentId/comments', handler: 'comments.post', config: canPost },
    { method: 'PUT', path: '/comments/:id', handler: 'comments.edit', config: canPost },
    { method: 'DELETE', path: '/comments/:id', handler: 'comments.remove', config: {} },
    ...moderationRoutes,
  ] as Array<Record<string, unknown>>,
};
