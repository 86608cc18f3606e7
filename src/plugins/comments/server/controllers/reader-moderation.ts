// Reader routes of moderation: report a comment, appeal a block (account id from the JWT).
import type { Core } from '@strapi/strapi';
import { dataOf, idParam, optionalString, readerId, type RequestState } from '../moderation-actors';
import type { ModerationService } from '../services/moderation';
import type { BlocksService } from '../services/blocks';

type Ctx = { state: RequestState; params: Record<string, string>; request: { body?: unknown }; status: number; body: unknown };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(ctx: Ctx) {
    const userId = readerId(ctx.state);
    const commentId = idParam(ctx.params.id);
    const data = dataOf(ctx.request.body);
    const report = await (strapi.plugin('comments').service('moderation') as ModerationService).report(commentId, userId, { code: optionalString(data, 'code'), note: data.note });
    ctx.status = 201;
    ctx.body = { data: report };
  },

  async fileAppeal(ctx: Ctx) {
    const userId = readerId(ctx.state);
    const data = dataOf(ctx.request.body);
    const appeal = await (strapi.plugin('comments').service('blocks') as BlocksService).fileAppeal(userId, data.explanation);
    ctx.status = 201;
    ctx.body = { data: { id: appeal.id, status: appeal.status, explanation: appeal.explanation, createdAt: appeal.createdAt } };
  },

  /** The reader's own block state (whether they may appeal). */
  async blockState(ctx: Ctx) {
    const userId = readerId(ctx.state);
    const state = await (strapi.plugin('comments').service('blocks') as BlocksService).state(userId);
    ctx.body = { data: { blocked: state.blocked, permanent: state.permanent, canAppeal: state.canAppeal, code: state.block?.code ?? null, blockedAt: state.block?.blockedAt ?? null } };
  },
});
