// The admin permissions of the "Comments" page: see the queues, decide on comments, block accounts and decide appeals.
import type { Core } from '@strapi/strapi';

export const ADMIN_ACTIONS = {
  read: 'plugin::comments.read',
  moderate: 'plugin::comments.moderate',
  block: 'plugin::comments.block',
} as const;

export async function registerAdminActions(strapi: Core.Strapi) {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Read the moderation queues, comment logs and readers\' histories', uid: 'read', pluginName: 'comments' },
    { section: 'plugins', displayName: 'Approve, reject and edit comments', uid: 'moderate', pluginName: 'comments' },
    { section: 'plugins', displayName: 'Block accounts and decide appeals', uid: 'block', pluginName: 'comments' },
  ]);
}
