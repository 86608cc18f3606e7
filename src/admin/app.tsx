// Admin panel customisations: a read-only "Newsroom" side panel in the article editor.
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { ArticleFactsPanel } from './panels/article-facts-panel';
import { EntityNotesPanel } from './panels/entity-notes-panel';

type ContentManagerApis = ContentManagerPlugin['config']['apis'];

export default {
  config: {
    locales: [],
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as unknown as ContentManagerApis;
    contentManager.addEditViewSidePanel([ArticleFactsPanel]);
    contentManager.addEditViewSidePanel([EntityNotesPanel]);
  },
};
