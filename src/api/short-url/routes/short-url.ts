import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::short-url.short-url');
