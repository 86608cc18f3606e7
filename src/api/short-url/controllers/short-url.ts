import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::short-url.short-url');
