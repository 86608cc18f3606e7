// users-permissions, extended for reader accounts (the logic lives in src/plugins/accounts):
// - register, forgot-password and confirmation resend need a captcha, take only known fields and
//   answer the same whether or not the address has an account (no account-existence oracle);
// - one-time links open confirm pages; the stock GET email-confirmation only forwards to that page;
// - password reset and change end the reader's other sessions; tokens carry their issue time in ms;
// - GET /users/me says which privacy policy version the reader accepted and whether a new one waits.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Ctx = {
  request: { body?: unknown };
  query: Record<string, unknown>;
  state: { user?: { id: number }; auth?: unknown };
  body: unknown;
  send(body: unknown): void;
  redirect(url: string): void;
};
type Action = (ctx: Ctx, next?: unknown, flag?: unknown) => Promise<unknown>;
type Controller = Record<string, Action>;
type Factory<T> = (deps: { strapi: Core.Strapi }) => T;
type Jwt = { issue(payload: Record<string, unknown>, options?: unknown): unknown; verify(token: string): Promise<Record<string, unknown>> };
type Plugin = { controllers: Record<string, Factory<Controller>>; services: Record<string, Factory<Record<string, unknown>>> };

const USER = 'plugin::users-permissions.user';

const accounts = (strapi: Core.Strapi) => strapi.plugin('accounts');

async function userResponse(strapi: Core.Strapi, ctx: Ctx, userId: number) {
  const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: userId });
  const user = await strapi.db.query(USER).findOne({ where: { id: userId } });
  const sanitized = await strapi.contentAPI.sanitize.output(user, strapi.getModel(USER as never), { auth: ctx.state.auth } as never);
  return { jwt, user: sanitized };
}

export default (plugin: Plugin) => {
  const createAuth = plugin.controllers.auth;
  plugin.controllers.auth = (deps) => {
    const { strapi } = deps;
    const auth = createAuth(deps);
    return {
      ...auth,
      async register(ctx: Ctx) {
        ctx.send(await accounts(strapi).service('auth-flows').register(ctx.request.body));
      },
      async forgotPassword(ctx: Ctx) {
        ctx.send(await accounts(strapi).service('auth-flows').forgotPassword(ctx.request.body));
      },
      async sendEmailConfirmation(ctx: Ctx) {
        ctx.send(await accounts(strapi).service('auth-flows').resendConfirmation(ctx.request.body));
      },
      async emailConfirmation(ctx: Ctx, next: unknown, returnUser: unknown) {
        const confirmation = typeof ctx.query.confirmation === 'string' ? ctx.query.confirmation : '';
        if (!returnUser) {
          // A GET (a mail scanner, an old link): show the confirm page; only its button uses the token.
          ctx.redirect(accounts(strapi).service('mailer').pageLink('confirm-email', { confirmation }));
          return;
        }
        // The GraphQL emailConfirmation mutation: a deliberate call, it may use the token.
        const { id } = await accounts(strapi).service('auth-flows').confirmEmail({ confirmation });
        ctx.send(await userResponse(strapi, ctx, id));
      },
      async resetPassword(ctx: Ctx) {
        const { id } = await accounts(strapi).service('auth-flows').resetPassword(ctx.request.body);
        ctx.send(await userResponse(strapi, ctx, id));
      },
      async changePassword(ctx: Ctx, next: unknown) {
        await auth.changePassword(ctx, next);
        const userId = ctx.state.user?.id;
        if (!userId) return;
        // Every other session ends; this one gets a token issued after the cut-off.
        await accounts(strapi).service('readers').revokeSessions(userId);
        const body = ctx.body as { jwt?: unknown } | undefined;
        if (body && typeof body === 'object' && 'jwt' in body) body.jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: userId });
      },
    };
  };

  // The user controller is a plain object (the auth controller a factory); the global strapi is set by now.
  const user = plugin.controllers.user as unknown as Controller;
  plugin.controllers.user = {
    ...user,
    async me(ctx: Ctx, next: unknown) {
      await user.me(ctx, next);
      const body = ctx.body as Record<string, unknown> | undefined;
      if (!ctx.state.user || !body || typeof body !== 'object') return;
      const service = accounts((globalThis as unknown as { strapi: Core.Strapi }).strapi);
      const [privacy, profile] = await Promise.all([service.service('policy').state(ctx.state.user.id), service.service('profile').get(ctx.state.user.id)]);
      ctx.body = { ...body, displayName: profile.displayName, locale: profile.locale, avatar: profile.avatar, privacy };
    },
  } as unknown as Factory<Controller>;

  const createJwt = plugin.services.jwt as Factory<Jwt>;
  plugin.services.jwt = (deps) => {
    const jwt = createJwt(deps);
    return {
      ...jwt,
      // `sat`: issue time in ms, so a session cut-off (password change, deletion) is exact.
      issue(payload: Record<string, unknown>, options?: unknown) {
        return jwt.issue.call(jwt, { ...payload, sat: Date.now() }, options);
      },
      async verify(token: string) {
        const claims = await jwt.verify.call(jwt, token);
        const id = Number(claims.id);
        const issuedAt = typeof claims.sat === 'number' ? claims.sat : Number(claims.iat ?? 0) * 1000;
        if (Number.isInteger(id) && id > 0 && !(await accounts(deps.strapi).service('readers').tokenIsCurrent(id, issuedAt))) {
          throw new errors.UnauthorizedError('Invalid token.');
        }
        return claims;
      },
    };
  };

  return plugin;
};
