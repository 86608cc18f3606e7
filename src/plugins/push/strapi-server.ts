// Push plugin, server side: Web Push subscriptions, alerts on first publication, the fan-out job.
import type { Core } from '@strapi/strapi';
import config, { type PushConfig } from './server/config';
import contentTypes from './server/content-types';
import controllers from './server/controllers';
import routes from './server/routes';
import services from './server/services';
import { articleAlerts } from './server/article-alerts';
import { registerPushGraphql } from './server/graphql';
import { grantReaderPermissions, registerAdminActions } from './server/permissions';
import { eraseSubscriptionsWithAccount } from './server/erase-with-account';
import type { FanOutService } from './server/services/fan-out';
// Jobs go through the app's shared-state platform, so the fan-out runs once across instances.
import { platform } from '../../platform';

export const FAN_OUT_JOB = 'push-fan-out';

export default {
  config,
  contentTypes,
  controllers,
  routes,
  services,

  register({ strapi }: { strapi: Core.Strapi }) {
    (strapi.plugin('push').service('vapid') as { load(): void }).load();
    strapi.documents.use(articleAlerts(strapi) as never);
    registerPushGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await grantReaderPermissions(strapi);
    await registerAdminActions(strapi);
    eraseSubscriptionsWithAccount(strapi);
    const { jobEverySeconds } = strapi.config.get('plugin::push') as PushConfig;
    platform(strapi).jobs.define({
      name: FAN_OUT_JOB,
      everySeconds: jobEverySeconds,
      run: () => (strapi.plugin('push').service('fan-out') as FanOutService).run(),
    });
  },
};
