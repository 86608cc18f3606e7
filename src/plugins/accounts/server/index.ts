// The accounts plugin's server object: reader accounts and privacy on top of users-permissions.
import type { Core } from '@strapi/strapi';
import config, { type AccountsConfig } from './config';
import { registerOidcProvider, syncOidcGrantSettings } from './oidc';
import contentTypes from './content-types';
import routes from './routes';
import bootstrap from './bootstrap';
import account from './controllers/account';
import admin from './controllers/admin';
import pages from './controllers/pages';
import clock from './services/clock';
import captcha from './services/captcha';
import mailer from './services/mailer';
import policy from './services/policy';
import readers from './services/readers';
import authFlows from './services/auth-flows';
import deletion, { PURGE_JOB } from './services/deletion';
import profile from './services/profile';
import personalData from './services/personal-data';
import consentCurrent from './policies/consent-current';
import rateLimit from './middlewares/rate-limit';
import { assertProductionMail } from './mail-transport';
import { registerAccountsGraphql } from './graphql';
import { platform } from '../../../platform';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    assertProductionMail(process.env);
    registerAccountsGraphql(strapi);
    await registerOidcProvider(strapi, strapi.config.get('plugin::accounts') as AccountsConfig);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Here, not in register(): plugins register before the app creates the platform.
    platform(strapi).jobs.define({
      name: PURGE_JOB,
      everySeconds: 3600,
      run: async () => {
        await strapi.plugin('accounts').service('deletion').purgeDue();
      },
    });
    await bootstrap({ strapi });
    await syncOidcGrantSettings(strapi, strapi.config.get('plugin::accounts') as AccountsConfig);
  },
  config,
  contentTypes,
  routes,
  controllers: { account, admin, pages },
  services: {
    clock,
    captcha,
    mailer,
    policy,
    readers,
    'auth-flows': authFlows,
    deletion,
    profile,
    'personal-data': personalData,
  },
  policies: { 'consent-current': consentCurrent },
  middlewares: { 'rate-limit': rateLimit },
};
