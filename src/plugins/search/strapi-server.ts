// Server entry of the search plugin: ranked full-text search of published articles on the
// database's own engine (SQLite FTS5 or PostgreSQL full-text search), kept in step by a
// Document Service middleware, over REST (/api/search, /api/search/suggest) and GraphQL.
import type { Core } from '@strapi/strapi';
import config, { type SearchPluginConfig } from './server/config';
import contentApi from './server/routes/content-api';
import searchController from './server/controllers/search';
import indexer from './server/services/indexer';
import search from './server/services/search';
import { searchIndexSync } from './server/index-sync';
import { registerSearchGraphql } from './server/graphql';
import { platform } from '../../platform';
import { backfillTitleTerms } from './server/engines/types';

export const TERMS_BACKFILL_JOB = 'search-terms-backfill';

export default {
  config,
  routes: { 'content-api': contentApi },
  controllers: { search: searchController },
  services: { indexer, search },

  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(searchIndexSync(strapi) as never);
    registerSearchGraphql(strapi);
  },

  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const { retryEverySeconds } = strapi.config.get('plugin::search') as SearchPluginConfig;
    platform(strapi).jobs.define({
      name: 'search-index-retry',
      everySeconds: retryEverySeconds,
      run: async () => {
        await strapi.plugin('search').service('indexer').retryPending();
      },
    });
    // Once per upgrade: headline words for suggestions from an index built before they were kept.
    // A job, so instances sharing a database never fill them twice at once.
    platform(strapi).jobs.define({ name: TERMS_BACKFILL_JOB, everySeconds: 6 * 3600, run: async () => void (await backfillTitleTerms(strapi.db.connection)) });
    void platform(strapi).jobs.runNow(TERMS_BACKFILL_JOB).catch((error) => strapi.log.warn(`search: filling headline words failed: ${(error as Error).message}`));
  },
};
