import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::recommended-list.recommended-list');
