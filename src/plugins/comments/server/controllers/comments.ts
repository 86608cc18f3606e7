// REST: a thread's comments (public), posting (can-post policy), the author's edit and delete.
import type { Core } from '@strapi/strapi';
import { editBody, listQuery, postBody } from '../../lib/request-bodies';
import { currentUserId, parse, type Ctx } from './parse';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const comments = () => strapi.plugin('comments').service('comments');
  return {
    async list(ctx: Ctx) {
      const query = parse(listQuery, ctx.query ?? {}, 'The query');
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = await comments().list(ctx.params.documentId, query, ctx.state.user?.id ?? null);
    },

    async post(ctx: Ctx) {
      const userId = currentUserId(ctx);
      const { data } = parse(postBody, ctx.request.body);
      ctx.body = { data: await comments().post(userId, ctx.params.documentId, data, { address: ctx.request.ip }) };
      ctx.status = 201;
    },

    async edit(ctx: Ctx) {
      const userId = currentUserId(ctx);
      const { data } = parse(editBody, ctx.request.body);
      ctx.body = { data: await comments().edit(userId, ctx.params.id, data) };
    },

    async remove(ctx: Ctx) {
      const userId = currentUserId(ctx);
      ctx.body = { data: await comments().remove(userId, ctx.params.id) };
    },
  };
};
