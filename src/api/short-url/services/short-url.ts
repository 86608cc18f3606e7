import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::short-url.short-url');
