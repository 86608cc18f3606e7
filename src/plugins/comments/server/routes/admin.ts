// Routes of the admin page "Comments" (admin JWT, the plugin's own admin permissions).
export default {
  type: 'admin',
  routes: [] as Array<Record<string, unknown>>,
};
