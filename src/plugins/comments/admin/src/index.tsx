// Admin entry of the comments plugin: the "Comments" moderation page in the main menu.
import { Discuss } from '@strapi/icons';

type AdminApp = {
  addMenuLink(link: unknown): void;
  registerPlugin(plugin: { id: string; name: string }): void;
};

export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: 'plugins/comments',
      icon: Discuss,
      intlLabel: { id: 'comments.menu', defaultMessage: 'Comments' },
      permissions: [{ action: 'plugin::comments.read', subject: null }],
      Component: () => import('./pages/moderation-page'),
    });
    app.registerPlugin({ id: 'comments', name: 'comments' });
  },
};
