// Short URLs at boot: the public /s/:code redirect, and a short link for every published
// article that predates the feature (new publications get theirs in the document middleware).
import type { Core } from '@strapi/strapi';
import { registerShortUrlRedirect } from '../api/short-url/redirect-route';

export async function setUpShortUrls(strapi: Core.Strapi) {
  registerShortUrlRedirect(strapi);
  const service = strapi.service('api::short-url.short-url') as unknown as { backfillPublishedArticles(): Promise<number> };
  const created = await service.backfillPublishedArticles();
  if (created > 0) strapi.log.info(`[short-urls] created short links for ${created} published article(s)`);
}
