// Readers may fetch the public key, subscribe and unsubscribe, logged in or not; editors get a "Send push alerts" permission.
import type { Core } from '@strapi/strapi';

const READER_ACTIONS = ['plugin::push.subscriptions.publicKey', 'plugin::push.subscriptions.create', 'plugin::push.subscriptions.remove'];

export async function grantReaderPermissions(strapi: Core.Strapi) {
  const roles = await strapi.db.query('plugin::users-permissions.role').findMany({ where: { type: { $in: ['public', 'authenticated'] } }, select: ['id'] });
  for (const role of roles) {
    const have = await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id, action: { $in: READER_ACTIONS } }, select: ['action'] });
    const held = new Set(have.map((p: { action: string }) => p.action));
    for (const action of READER_ACTIONS.filter((a) => !held.has(a))) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  }
}

export async function registerAdminActions(strapi: Core.Strapi) {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Send push alerts and see their delivery', uid: 'send', pluginName: 'push' },
  ]);
}
