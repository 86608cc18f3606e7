import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::entity-note.entity-note');
