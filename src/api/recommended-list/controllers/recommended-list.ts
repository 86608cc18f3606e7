import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::recommended-list.recommended-list');
