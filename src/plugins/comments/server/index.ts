// The comments plugin's server object. Each part registers here; see the README section "Comments".
import type { Core } from '@strapi/strapi';
import config from './config';
import contentTypes from './content-types';
import routes from './routes';
import moderation from './services/moderation';
import blocks from './services/blocks';
import readerModeration from './controllers/reader-moderation';
import integration from './controllers/integration';
import { bootstrapModeration } from './moderation-bootstrap';
import { registerModerationGraphql } from './moderation-graphql';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerModerationGraphql(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await bootstrapModeration(strapi);
  },
  config,
  contentTypes,
  routes,
  controllers: {
    'reader-moderation': readerModeration,
    integration,
  },
  services: {
    moderation,
    blocks,
  },
  policies: {},
  middlewares: {},
};
