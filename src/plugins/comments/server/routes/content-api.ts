// Reader, public and integration (API token) routes under /api.
export default {
  type: 'content-api',
  prefix: '',
  routes: [] as Array<Record<string, unknown>>,
};
