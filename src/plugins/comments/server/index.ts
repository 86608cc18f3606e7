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
import { bootstrapCore } from './bootstrap';
import { registerCommentsGraphql } from './graphql';
import standardsController from './controllers/standards';
import commentsController from './controllers/comments';
import standards from './services/standards';
import access from './services/access';
import comments from './services/comments';
import personalData from './services/personal-data';
import canPost from './policies/can-post';
import readerModeration from './controllers/reader-moderation';
import integration from './controllers/integration';
import { bootstrapModeration } from './moderation-bootstrap';
import { registerModerationGraphql } from './moderation-graphql';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerCommentsGraphql(strapi);
    registerModerationGraphql(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await bootstrapCore(strapi);
    await bootstrapModeration(strapi);
    await registerAdminActions(strapi);
  },
  config,
  contentTypes,
  routes,
  controllers: {
    admin: adminController,
    standards: standardsController,
    comments: commentsController,
    'reader-moderation': readerModeration,
    integration,
  },
  services: {
    'admin-lookups': adminLookups,
    moderation,
    blocks,
    standards,
    access,
    comments,
    'personal-data': personalData,
  },
  policies: {
    'can-post': canPost,
  },
  middlewares: {},
};
