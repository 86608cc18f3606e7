// The comments plugin's server object. Each part registers here; see the README section "Comments".
import type { Core } from '@strapi/strapi';
import config from './config';
import contentTypes from './content-types';
import routes from './routes';
import moderation from './services/moderation';
import blocks from './services/blocks';

export default {
  register(_: { strapi: Core.Strapi }) {},
  async bootstrap(_: { strapi: Core.Strapi }) {},
  config,
  contentTypes,
  routes,
  controllers: {},
  services: {
    moderation,
    blocks,
  },
  policies: {},
  middlewares: {},
};
