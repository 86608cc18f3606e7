// Moderation for integrations holding an API token: the same services as the admin page.
import type { Core } from '@strapi/strapi';
import { dataOf, idParam, integrationActor, optionalString, type RequestState } from '../moderation-actors';
import { invalid } from '../moderation-errors';
import type { ModerationService, Decision } from '../services/moderation';
import type { BlocksService } from '../services/blocks';

type Ctx = { state: RequestState; params: Record<string, string>; query: Record<string, unknown>; request: { body?: unknown }; status: number; body: unknown };

const one = (value: unknown, key: string): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`${key} must be given once.`, { field: key });
  return value;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const moderation = () => strapi.plugin('comments').service('moderation') as ModerationService;
  const blocks = () => strapi.plugin('comments').service('blocks') as BlocksService;
  return {
    async decide(ctx: Ctx) {
      const actor = integrationActor(ctx.state);
      const id = idParam(ctx.params.id);
      const data = dataOf(ctx.request.body);
      const decision: Decision = { action: optionalString(data, 'action') as Decision['action'], code: optionalString(data, 'code'), note: optionalString(data, 'note'), body: data.body as string };
      ctx.body = { data: await moderation().decide(id, decision, actor) };
    },

    async block(ctx: Ctx) {
      const actor = integrationActor(ctx.state);
      const data = dataOf(ctx.request.body);
      if (data.user === undefined || data.user === null || data.user === '') throw invalid('user is required (an account id or documentId).', { field: 'user' });
      const block = await blocks().block({ user: data.user as number | string, code: optionalString(data, 'code') as string, note: optionalString(data, 'note') }, actor);
      ctx.status = 201;
      ctx.body = { data: block };
    },

    async decideAppeal(ctx: Ctx) {
      const actor = integrationActor(ctx.state);
      const id = idParam(ctx.params.id);
      const data = dataOf(ctx.request.body);
      ctx.body = { data: await blocks().decideAppeal(id, { decision: optionalString(data, 'decision') as 'lift' | 'refuse', note: optionalString(data, 'note') }, actor) };
    },

    async queue(ctx: Ctx) {
      integrationActor(ctx.state);
      const q = ctx.query;
      const status = one(q.status, 'status') ?? 'pending';
      if (status !== 'pending' && status !== 'reported') throw invalid('status must be pending or reported.', { field: 'status' });
      const result = await moderation().queue({
        status,
        article: one(q.article, 'article'),
        user: one(q.user, 'user'),
        code: one(q.code, 'code'),
        from: one(q.from, 'from'),
        to: one(q.to, 'to'),
        page: one(q.page, 'page'),
        pageSize: one(q.pageSize, 'pageSize'),
      });
      ctx.body = { data: result.results, meta: { pagination: result.pagination } };
    },

    async history(ctx: Ctx) {
      integrationActor(ctx.state);
      const userId = await blocks().resolveUser(ctx.params.user);
      ctx.body = { data: await moderation().history(userId) };
    },

    async appeals(ctx: Ctx) {
      integrationActor(ctx.state);
      const status = one(ctx.query.status, 'status') as 'open' | 'lifted' | 'refused' | undefined;
      const result = await blocks().appeals({ status, page: one(ctx.query.page, 'page') as never, pageSize: one(ctx.query.pageSize, 'pageSize') as never });
      ctx.body = { data: result.results, meta: { pagination: result.pagination } };
    },
  };
};
