// The comments plugin's server object. Each part registers here; see the README section "Comments".
import type { Core } from '@strapi/strapi';
import config from './config';
import contentTypes from './content-types';
import routes from './routes';
import adminController from './controllers/admin';
import adminLookups from './services/admin-lookups';
import { registerAdminActions } from './permissions';
import moderation from './services/moderation';
import blocks from './services/blocks';

export default {
  register(_: { strapi: Core.Strapi }) {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await registerAdminActions(strapi);
  },
  config,
  contentTypes,
  routes,
  controllers: {
    admin: adminController,
  },
  services: {
    'admin-lookups': adminLookups,
    moderation,
    blocks,
  },
  policies: {},
  middlewares: {},
};
