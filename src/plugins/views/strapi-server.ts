// The views plugin: beacons, de-duplication, batched flushes into its own tables, hourly
// buckets rolled up after the retention period, live totals and the most-read ranking.
import type { Core } from '@strapi/strapi';
import { platform } from '../../platform';
import config, { type ViewsConfig } from './server/config';
import routes from './server/routes';
import beacon from './server/controllers/beacon';
import stats from './server/controllers/stats';
import earlyBeacon from './server/middlewares/early-beacon';
import viewStore from './server/services/view-store';
import counter from './server/services/counter';
import flush from './server/services/flush';
import liveTotals from './server/services/live-totals';
import ranking from './server/services/ranking';

const ROLLUP_EVERY_SECONDS = 3600;

export default {
  config,
  routes,
  controllers: { beacon, stats },
  middlewares: { 'early-beacon': earlyBeacon },
  services: { 'view-store': viewStore, counter, flush, 'live-totals': liveTotals, ranking },

  register({ strapi }: { strapi: Core.Strapi }) {
    // A publish, unpublish or delete changes which beacons count: forget the cached answers.
    const uid = (strapi.config.get('plugin::views') as ViewsConfig).articleUid;
    strapi.documents.use((async (ctx: { uid: string; action: string }, next: () => Promise<unknown>) => {
      const result = await next();
      if (ctx.uid === uid && ctx.action !== 'findOne' && ctx.action !== 'findMany' && ctx.action !== 'findFirst' && ctx.action !== 'count') {
        strapi.plugin('views').service('counter').forgetPublished();
      }
      return result;
    }) as never);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const plugin = strapi.plugin('views');
    await plugin.service('view-store').ensureTables();
    plugin.service('live-totals').listen();
    const cfg = strapi.config.get('plugin::views') as ViewsConfig;
    platform(strapi).jobs.define({ name: 'views-flush', everySeconds: cfg.flushIntervalSeconds, run: async () => { await plugin.service('flush').flush(); } });
    platform(strapi).jobs.define({ name: 'views-rollup', everySeconds: ROLLUP_EVERY_SECONDS, run: async () => { await plugin.service('flush').rollUp(); } });
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    const plugin = strapi.plugin('views');
    plugin.service('live-totals').stop();
    // A clean shutdown writes what is pending instead of losing one interval.
    await plugin
      .service('flush')
      .flush()
      .catch((error: unknown) => strapi.log.warn(`views: final flush failed: ${(error as Error).message}`));
  },
};
