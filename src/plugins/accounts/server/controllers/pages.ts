// GET shows a confirm page; POST (its button) uses the token through the same service as the API.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formPage, messagePage } from '../../lib/pages';
import type { AccountsConfig } from '../config';

interface Ctx {
  query: Record<string, unknown>;
  request: { body?: Record<string, unknown> };
  status: number;
  type: string;
  body: unknown;
  set(name: string, value: string): void;
}

const one = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::accounts') as AccountsConfig;
  const site = () => config().siteName;
  const plugin = () => strapi.plugin('accounts');

  const html = (ctx: Ctx, status: number, body: string) => {
    ctx.status = status;
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer'); // the token is in the URL
    ctx.body = body;
  };

  /** Runs a token-using step and shows its outcome; bad or used tokens get a 400 page, never a 500. */
  const outcome = async (ctx: Ctx, title: string, success: string, step: () => Promise<unknown>) => {
    try {
      await step();
      html(ctx, 200, messagePage(site(), title, success, { href: config().siteUrl, label: `Back to ${site()}` }));
    } catch (error) {
      if (!(error instanceof errors.ApplicationError)) throw error;
      html(ctx, 400, messagePage(site(), title, error.message));
    }
  };

  return {
    async confirmEmailForm(ctx: Ctx) {
      html(ctx, 200, formPage(site(), {
        title: 'Confirm your e-mail address',
        intro: 'Press the button to confirm this address and activate your account.',
        action: '/account/confirm-email',
        button: 'Confirm my address',
        fields: [{ name: 'confirmation', type: 'hidden', label: '', value: one(ctx.query.confirmation) }],
      }));
    },
    async confirmEmail(ctx: Ctx) {
      await outcome(ctx, 'Confirm your e-mail address', 'Your address is confirmed: you can now log in.', () =>
        plugin().service('auth-flows').confirmEmail({ confirmation: one(ctx.request.body?.confirmation) }),
      );
    },
    async resetPasswordForm(ctx: Ctx) {
      html(ctx, 200, formPage(site(), {
        title: 'Choose a new password',
        intro: 'Enter your new password twice. Your other sessions will be logged out.',
        action: '/account/reset-password',
        button: 'Save the new password',
        fields: [
          { name: 'code', type: 'hidden', label: '', value: one(ctx.query.code) },
          { name: 'password', type: 'password', label: 'New password' },
          { name: 'passwordConfirmation', type: 'password', label: 'New password again' },
        ],
      }));
    },
    async resetPassword(ctx: Ctx) {
      const body = ctx.request.body ?? {};
      await outcome(ctx, 'Choose a new password', 'Your password has been changed: you can now log in with it.', () =>
        plugin().service('auth-flows').resetPassword({ code: one(body.code), password: one(body.password), passwordConfirmation: one(body.passwordConfirmation) }),
      );
    },
    async restoreForm(ctx: Ctx) {
      html(ctx, 200, formPage(site(), {
        title: 'Restore your account',
        intro: 'Press the button to cancel the deletion and bring your account back as it was.',
        action: '/account/restore',
        button: 'Restore my account',
        fields: [{ name: 'token', type: 'hidden', label: '', value: one(ctx.query.token) }],
      }));
    },
    async restore(ctx: Ctx) {
      await outcome(ctx, 'Restore your account', 'Your account is restored: you can log in again.', () =>
        plugin().service('deletion').restore({ token: one(ctx.request.body?.token) }),
      );
    },
  };
};
