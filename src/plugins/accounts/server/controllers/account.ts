// Reader-facing REST actions: thin, each validates its body and calls one service.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { consentBody } from '../../lib/request-bodies';
import { parseBody } from '../services/auth-flows';
import type { AccountsConfig } from '../config';

export interface Ctx {
  state: { user?: { id: number } };
  request: { body?: unknown; header: Record<string, string | undefined>; files?: Record<string, unknown> };
  query: Record<string, unknown>;
  body: unknown;
  status: number;
  set(name: string, value: string): void;
}

export function currentUserId(ctx: Ctx): number {
  const id = ctx.state.user?.id;
  if (!id) throw new errors.UnauthorizedError('Log in first.');
  return id;
}

/** When the caller's bearer token was issued (ms), read from its own claims (already verified). */
function tokenIssuedAtMs(ctx: Ctx): number | null {
  const token = (ctx.request.header.authorization ?? '').split(/\s+/)[1];
  if (!token) return null;
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sat?: number; iat?: number };
    return typeof claims.sat === 'number' ? claims.sat : typeof claims.iat === 'number' ? claims.iat * 1000 : null;
  } catch {
    return null;
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('accounts').service(name);
  return {
    async challenge(ctx: Ctx) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await service('captcha').challenge();
    },

    async privacyPolicy(ctx: Ctx) {
      const current = await service('policy').current();
      if (!current) throw new errors.NotFoundError('No privacy policy has been published yet.');
      ctx.body = { data: current, meta: {} };
    },

    async confirmEmail(ctx: Ctx) {
      await service('auth-flows').confirmEmail(ctx.request.body);
      ctx.body = { ok: true };
    },

    async delete(ctx: Ctx) {
      const userId = currentUserId(ctx);
      ctx.body = { data: await service('deletion').request(userId, ctx.request.body, tokenIssuedAtMs(ctx)) };
    },

    async restore(ctx: Ctx) {
      ctx.body = { data: await service('deletion').restore(ctx.request.body) };
    },

    async consent(ctx: Ctx) {
      const userId = currentUserId(ctx);
      const { version } = parseBody(consentBody, ctx.request.body);
      const reader = await service('readers').ensure(userId);
      ctx.body = { data: await service('policy').accept(userId, version, 're-consent', reader.locale) };
    },

    async export(ctx: Ctx) {
      const userId = currentUserId(ctx);
      const config = strapi.config.get('plugin::accounts') as AccountsConfig;
      ctx.body = { data: await service('profile').exportOnce(userId, config.exportIntervalHours) };
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Content-Disposition', 'attachment; filename="my-data.json"');
    },

    async profile(ctx: Ctx) {
      ctx.body = { data: await service('profile').get(currentUserId(ctx)) };
    },

    async updateProfile(ctx: Ctx) {
      ctx.body = { data: await service('profile').update(currentUserId(ctx), ctx.request.body) };
    },

    async avatar(ctx: Ctx) {
      ctx.body = { data: await service('profile').setAvatar(currentUserId(ctx), ctx.request.files?.avatar) };
    },
  };
};
