// The comments plugin's server object. Each part registers here; see the README section "Comments".
import type { Core } from '@strapi/strapi';
import config from './config';
import contentTypes from './content-types';
import routes from './routes';
import { bootstrapCore } from './bootstrap';
import { registerCommentsGraphql } from './graphql';
import standardsController from './controllers/standards';
import commentsController from './controllers/comments';
import standards from './services/standards';
import access from './services/access';
import comments from './services/comments';
import personalData from './services/personal-data';
import canPost from './policies/can-post';
import moderation from './services/moderation';
import blocks from './services/blocks';
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
  },
  config,
  contentTypes,
  routes,
  controllers: {
    standards: standardsController,
    comments: commentsController,
    'reader-moderation': readerModeration,
    integration,
  },
  services: {
    standards,
    access,
    comments,
    'personal-data': personalData,
    moderation,
    blocks,
  },
  policies: {
    'can-post': canPost,
  },
  middlewares: {},
};
