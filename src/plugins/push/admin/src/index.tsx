// Push plugin, admin side: a "Push alerts" page (composer and per-alert delivery counters).
import { PaperPlane } from '@strapi/icons';

export default {
  register(app: any) {
    app.addMenuLink({
      to: 'plugins/push',
      icon: PaperPlane,
      intlLabel: { id: 'push.menu', defaultMessage: 'Push alerts' },
      permissions: [{ action: 'plugin::push.send', subject: null }],
      Component: () => import('./pages/alerts-page'),
    });
    app.registerPlugin({ id: 'push', name: 'Push alerts' });
  },
};
