import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::recommended-list.recommended-list');
