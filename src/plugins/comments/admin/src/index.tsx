// Admin entry of the comments plugin: the "Comments" moderation page in the main menu.
type AdminApp = {
  addMenuLink(link: unknown): void;
  registerPlugin(plugin: { id: string; name: string }): void;
};

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: 'comments', name: 'comments' });
  },
};
