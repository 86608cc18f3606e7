// GET shows a confirm page; POST (its button) uses the token through the same service as the API.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formPage, messagePage, type PageField } from '../../lib/pages';
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

  /** One page per one-time link: its form (GET), and the step its button runs (POST). */
  const PAGES = {
    'confirm-email': {
      title: 'Confirm your e-mail address',
      intro: 'Press the button to confirm this address and activate your account.',
      button: 'Confirm my address',
      token: 'confirmation',
      passwords: false,
      done: 'Your address is confirmed: you can now log in.',
      run: (body: Record<string, string>) => plugin().service('auth-flows').confirmEmail({ confirmation: body.confirmation }),
    },
    'reset-password': {
      title: 'Choose a new password',
      intro: 'Enter your new password twice. Your other sessions will be logged out.',
      button: 'Save the new password',
      token: 'code',
      passwords: true,
      done: 'Your password has been changed: you can now log in with it.',
      run: (body: Record<string, string>) => plugin().service('auth-flows').resetPassword({ code: body.code, password: body.password, passwordConfirmation: body.passwordConfirmation }),
    },
    restore: {
      title: 'Restore your account',
      intro: 'Press the button to cancel the deletion and bring your account back as it was.',
      button: 'Restore my account',
      token: 'token',
      passwords: false,
      done: 'Your account is restored: you can log in again.',
      run: (body: Record<string, string>) => plugin().service('deletion').restore({ token: body.token }),
    },
  } as const;
  type PageName = keyof typeof PAGES;

  const form = (name: PageName) => async (ctx: Ctx) => {
    const page = PAGES[name];
    const fields: PageField[] = [{ name: page.token, type: 'hidden', label: '', value: one(ctx.query[page.token]) }];
    if (page.passwords) fields.push({ name: 'password', type: 'password', label: 'New password' }, { name: 'passwordConfirmation', type: 'password', label: 'New password again' });
    html(ctx, 200, formPage(site(), { title: page.title, intro: page.intro, action: `/account/${name}`, button: page.button, fields }));
  };

  const submit = (name: PageName) => async (ctx: Ctx) => {
    const page = PAGES[name];
    const raw = ctx.request.body ?? {};
    const body = Object.fromEntries([page.token, 'password', 'passwordConfirmation'].map((key) => [key, one(raw[key])]));
    await outcome(ctx, page.title, page.done, () => page.run(body));
  };

  return {
    confirmEmailForm: form('confirm-email'),
    confirmEmail: submit('confirm-email'),
    resetPasswordForm: form('reset-password'),
    resetPassword: submit('reset-password'),
    restoreForm: form('restore'),
    restore: submit('restore'),
  };
};
