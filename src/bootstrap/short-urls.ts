// Short URLs at boot: the public /s/:code redirect, and short links for published articles that
// predate the feature (new publications get theirs in the document middleware): one bounded
// backfill pass at boot, resumed by the `short-urls-backfill` job from where it stopped.
import type { Core } from '@strapi/strapi';
import { registerShortUrlRedirect } from '../api/short-url/redirect-route';
import { BACKFILL_JOB } from '../api/short-url/services/short-url';
import { platform } from '../platform';

export async function setUpShortUrls(strapi: Core.Strapi) {
  registerShortUrlRedirect(strapi);
  const service = strapi.service('api::short-url.short-url') as unknown as { backfillPublishedArticles(): Promise<number> };
  const backfill = async () => {
    const created = await service.backfillPublishedArticles();
    if (created > 0) strapi.log.info(`[short-urls] created short links for ${created} published article(s)`);
  };
  platform(strapi).jobs.define({ name: BACKFILL_JOB, everySeconds: 600, run: backfill });
  await backfill();
}
