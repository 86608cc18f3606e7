// Admin entry of the accounts plugin: a "Pending deletions" page in the main menu.
import { Trash } from '@strapi/icons';
import { pluginPage } from '../../../../admin/plugin-page';

export default pluginPage({
  id: 'accounts',
  name: 'accounts',
  icon: Trash,
  label: { id: 'accounts.menu.pending-deletions', defaultMessage: 'Pending deletions' },
  permissions: [],
  page: () => import('./pages/pending-deletions'),
});
