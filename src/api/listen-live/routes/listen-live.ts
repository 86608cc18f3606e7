import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::listen-live.listen-live');
