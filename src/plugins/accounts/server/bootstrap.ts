// Boot steps of the accounts plugin: users-permissions settings, role permissions, confirm pages,
// append-only consent ledger. The purge job is defined in register() (see ./index.ts).
import type { Core } from '@strapi/strapi';
import type { AccountsConfig } from './config';
import { grantOnce } from '../../../platform/grant-once';

/** Actions anyone may call, and those a logged-in reader may call (readers reach only their own data). */
export const PUBLIC_ACTIONS = ['challenge', 'privacyPolicy', 'confirmEmail', 'restore'].map((a) => `plugin::accounts.account.${a}`);
export const READER_ACTIONS = [...PUBLIC_ACTIONS, ...['delete', 'consent', 'export', 'profile', 'updateProfile', 'avatar'].map((a) => `plugin::accounts.account.${a}`)];

/** Once per action and role, so an administrator's later removal stays (see src/platform/grant-once.ts). */
const grant = grantOnce;

/** Registration open, e-mail confirmation required, and Strapi's own links pointing at our pages. */
async function configureUsersPermissions(strapi: Core.Strapi) {
  const config = strapi.config.get('plugin::accounts') as AccountsConfig;
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  const wanted = {
    ...advanced,
    allow_register: true,
    email_confirmation: true,
    unique_email: true,
    email_confirmation_redirection: new URL('/account/confirm-email', config.publicUrl).toString(),
    email_reset_password: new URL('/account/reset-password', config.publicUrl).toString(),
  };
  if (JSON.stringify(wanted) !== JSON.stringify(advanced)) await store.set({ key: 'advanced', value: wanted });
}

function registerPages(strapi: Core.Strapi) {
  const page = (method: string, path: string, action: string) => ({
    method,
    path,
    handler: `plugin::accounts.pages.${action}`,
    config: { auth: false, middlewares: method === 'POST' ? ['plugin::accounts.rate-limit'] : [] },
  });
  strapi.server.routes([
    page('GET', '/account/confirm-email', 'confirmEmailForm'),
    page('POST', '/account/confirm-email', 'confirmEmail'),
    page('GET', '/account/reset-password', 'resetPasswordForm'),
    page('POST', '/account/reset-password', 'resetPassword'),
    page('GET', '/account/restore', 'restoreForm'),
    page('POST', '/account/restore', 'restore'),
  ] as never);
}

function keepConsentLedgerAppendOnly(strapi: Core.Strapi) {
  const refuse = () => {
    throw new Error('The consent ledger is append-only: consents are never changed.');
  };
  strapi.db.lifecycles.subscribe({ models: ['plugin::accounts.consent'], beforeUpdate: refuse, beforeUpdateMany: refuse });
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await configureUsersPermissions(strapi);
  await grant(strapi, 'public', PUBLIC_ACTIONS);
  await grant(strapi, 'authenticated', READER_ACTIONS);
  registerPages(strapi);
  keepConsentLedgerAppendOnly(strapi);
};
