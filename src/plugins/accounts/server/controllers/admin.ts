// Admin panel API: pending deletions with the days left, and purge at once on a verified request.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { parseBody } from '../services/auth-flows';

interface Ctx {
  params: Record<string, string>;
  request: { body?: unknown };
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async pending(ctx: Ctx) {
    ctx.body = { data: await strapi.plugin('accounts').service('deletion').pending() };
  },

  async purge(ctx: Ctx) {
    const userId = Number(ctx.params.userId);
    if (!Number.isInteger(userId) || userId < 1) throw new errors.ValidationError('userId must be a positive integer');
    // "Verified": the admin states how the reader's request was checked; the reason is not stored.
    parseBody(z.object({ verified: z.literal(true), reason: z.string().min(3).max(500) }).strict(), ctx.request.body);
    const pending = (await strapi.plugin('accounts').service('deletion').pending()) as { userId: number }[];
    if (!pending.some((p) => p.userId === userId)) throw new errors.NotFoundError('No pending deletion for this account.');
    await strapi.plugin('accounts').service('deletion').purgeOne(userId);
    strapi.log.info('accounts purge: 1 account erased at once by an administrator');
    ctx.body = { data: { purged: true } };
  },
});
