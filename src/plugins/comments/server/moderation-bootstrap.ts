// Boot step of moderation: readers may report and appeal (granted once, so an administrator's
// removal in Users & Permissions stays). Integration routes are granted to no role.
import type { Core } from '@strapi/strapi';
import { grantOnce } from '../../../platform/grant-once';
import { READER_MODERATION_ACTIONS } from './routes/moderation-routes';

export async function bootstrapModeration(strapi: Core.Strapi): Promise<void> {
  await grantOnce(strapi, 'authenticated', READER_MODERATION_ACTIONS);
}
