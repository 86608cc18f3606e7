// Push plugin, admin side: a "Push alerts" page (composer and per-alert delivery counters).
import { PaperPlane } from '@strapi/icons';
import { pluginPage } from '../../../../admin/plugin-page';

export default pluginPage({
  id: 'push',
  name: 'Push alerts',
  icon: PaperPlane,
  label: { id: 'push.menu', defaultMessage: 'Push alerts' },
  permissions: [{ action: 'plugin::push.send', subject: null }],
  page: () => import('./pages/alerts-page'),
});
