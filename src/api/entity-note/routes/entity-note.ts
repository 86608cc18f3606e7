import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::entity-note.entity-note');
