// Reader, public and integration (API token) routes under /api.
import moderationRoutes from './moderation-routes';

export default {
  type: 'content-api',
  prefix: '',
  routes: [
    ...moderationRoutes,
  ] as Array<Record<string, unknown>>,
};
