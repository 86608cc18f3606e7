// Admin entry of the accounts plugin: a "Pending deletions" page in the main menu.
import { Trash } from '@strapi/icons';

type AdminApp = {
  addMenuLink(link: unknown): void;
  registerPlugin(plugin: { id: string; name: string }): void;
};

export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: 'plugins/accounts',
      icon: Trash,
      intlLabel: { id: 'accounts.menu.pending-deletions', defaultMessage: 'Pending deletions' },
      Component: () => import('./pages/pending-deletions'),
      permissions: [],
    });
    app.registerPlugin({ id: 'accounts', name: 'accounts' });
  },
};
