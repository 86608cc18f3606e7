// Registration, e-mail confirmation, resend, forgot and reset password: the users-permissions
// auth routes call these (see src/extensions/users-permissions). Answers never tell whether an
// address has an account; one-time tokens are used only by a POST.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { confirmBody, describeIssues, emailWithCaptchaBody, registerBody, REGISTER_FIELDS } from '../../lib/request-bodies';
import { newToken } from '../../lib/tokens';
import type { AccountsConfig } from '../config';

const USER = 'plugin::users-permissions.user';

type Body = Record<string, unknown>;

export function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new errors.ValidationError('The request body must be a JSON object.');
  const result = schema.safeParse(body);
  if (!result.success) {
    const { message, errors: details } = describeIssues(result.error);
    throw new errors.ValidationError(message, { errors: details });
  }
  return result.data;
}

export const REGISTERED_ANSWER = {
  ok: true,
  message: 'Thank you. If this address can be used, a confirmation mail is on its way: follow its link to activate the account.',
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('accounts');
  const config = () => strapi.config.get('plugin::accounts') as AccountsConfig;
  const upUser = () => strapi.plugin('users-permissions').service('user');

  return {
    async register(body: unknown) {
      // The captcha comes first: no other work (parsing, queries, hashing) for unsolved requests.
      await plugin().service('captcha').verify((body as Body | null)?.altcha);
      if (body && typeof body === 'object') {
        const unknown = Object.keys(body).filter((k) => !(REGISTER_FIELDS as readonly string[]).includes(k));
        if (unknown.length) throw new errors.ValidationError(`Invalid parameters: ${unknown.join(', ')}`, { allowed: REGISTER_FIELDS });
      }
      const input = parseBody(registerBody, body);
      const policy = await plugin().service('policy').current();
      if (policy && input.acceptedPolicyVersion !== policy.version) {
        // Missing or stale: the reader must have seen the version in force now.
        throw new errors.ValidationError(`Accept the current privacy policy (version ${policy.version}) to register.`, { currentVersion: policy.version });
      }

      const upStore = strapi.store({ type: 'plugin', name: 'users-permissions' });
      const advanced = (await upStore.get({ key: 'advanced' })) as { allow_register?: boolean; default_role?: string };
      if (!advanced?.allow_register) throw new errors.ApplicationError('Register action is currently disabled');

      const byEmail = await strapi.db.query(USER).findOne({ where: { $or: [{ email: input.email }, { username: input.email }] }, select: ['id', 'email'] });
      if (byEmail) {
        const reader = byEmail.email === input.email ? await plugin().service('readers').find(byEmail.id) : null;
        if (byEmail.email === input.email && reader?.status !== 'pending-deletion') {
          await plugin().service('mailer').sendQuietly('already-registered', byEmail.email, reader?.locale, {
            link: new URL('/account/forgot-password', config().siteUrl).toString(),
          });
        }
        return REGISTERED_ANSWER;
      }
      const byUsername = await strapi.db.query(USER).count({ where: { $or: [{ username: input.username }, { email: input.username.toLowerCase() }] } });
      if (byUsername > 0) throw new errors.ValidationError('This username is taken: choose another one.', { field: 'username' });

      const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: advanced.default_role ?? 'authenticated' } });
      if (!role) throw new errors.ApplicationError('Impossible to find the default role');
      const confirmationToken = newToken();
      const user = await upUser().add({
        username: input.username,
        email: input.email,
        password: input.password,
        provider: 'local',
        role: role.id,
        confirmed: false,
        blocked: false,
        confirmationToken,
      });
      const locale = input.locale ?? null;
      await plugin().service('readers').update(user.id, { locale });
      if (policy) await plugin().service('policy').accept(user.id, policy.version, 'registration', locale);
      await plugin().service('mailer').sendQuietly('confirm-email', user.email, locale, {
        username: user.username,
        link: plugin().service('mailer').pageLink('confirm-email', { confirmation: confirmationToken }),
      });
      return REGISTERED_ANSWER;
    },

    /** Uses a confirmation token (POST only: the confirm page's button, or the API). */
    async confirmEmail(body: unknown): Promise<{ id: number }> {
      const { confirmation } = parseBody(confirmBody, body);
      const user = await strapi.db.query(USER).findOne({ where: { confirmationToken: confirmation }, select: ['id', 'blocked'] });
      if (!user || user.blocked) throw new errors.ValidationError('This confirmation link is invalid or was already used.');
      await upUser().edit(user.id, { confirmed: true, confirmationToken: null });
      return { id: user.id };
    },

    async resendConfirmation(body: unknown) {
      await plugin().service('captcha').verify((body as Body | null)?.altcha);
      const { email } = parseBody(emailWithCaptchaBody, body);
      const user = await strapi.db.query(USER).findOne({ where: { email }, select: ['id', 'email', 'username', 'confirmed', 'blocked'] });
      if (user && !user.confirmed && !user.blocked) {
        const confirmationToken = newToken();
        await upUser().edit(user.id, { confirmationToken });
        const reader = await plugin().service('readers').find(user.id);
        await plugin().service('mailer').sendQuietly('confirm-email', user.email, reader?.locale, {
          username: user.username,
          link: plugin().service('mailer').pageLink('confirm-email', { confirmation: confirmationToken }),
        });
      }
      return { email, sent: true };
    },

    async forgotPassword(body: unknown) {
      await plugin().service('captcha').verify((body as Body | null)?.altcha);
      const { email } = parseBody(emailWithCaptchaBody, body);
      const user = await strapi.db.query(USER).findOne({ where: { email }, select: ['id', 'email', 'username', 'blocked', 'provider'] });
      if (user && !user.blocked) {
        const resetPasswordToken = newToken();
        await upUser().edit(user.id, { resetPasswordToken });
        const reader = await plugin().service('readers').find(user.id);
        await plugin().service('mailer').sendQuietly('reset-password', user.email, reader?.locale, {
          username: user.username,
          link: plugin().service('mailer').pageLink('reset-password', { code: resetPasswordToken }),
        });
      }
      return { ok: true };
    },

    /** Sets a new password from a reset code; the reader's other sessions end. */
    async resetPassword(body: unknown): Promise<{ id: number }> {
      const input = parseBody(
        z.object({ code: z.string().min(1).max(500), password: z.string().max(500), passwordConfirmation: z.string().max(500) }).strict(),
        body,
      );
      const { password } = parseBody(registerBody.pick({ password: true }), { password: input.password });
      if (password !== input.passwordConfirmation) throw new errors.ValidationError('Passwords do not match');
      const user = await strapi.db.query(USER).findOne({ where: { resetPasswordToken: input.code }, select: ['id', 'blocked'] });
      if (!user || user.blocked) throw new errors.ValidationError('This reset link is invalid or was already used.');
      await upUser().edit(user.id, { resetPasswordToken: null, password });
      await plugin().service('readers').revokeSessions(user.id);
      return { id: user.id };
    },
  };
};
