// Admin entry of the comments plugin: the "Comments" moderation page in the main menu.
import { Discuss } from '@strapi/icons';
import { pluginPage } from '../../../../admin/plugin-page';

export default pluginPage({
  id: 'comments',
  name: 'comments',
  icon: Discuss,
  label: { id: 'comments.menu', defaultMessage: 'Comments' },
  permissions: [{ action: 'plugin::comments.read', subject: null }],
  page: () => import('./pages/moderation-page'),
});
