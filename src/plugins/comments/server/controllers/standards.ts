// REST: the community standards (public) and their acceptance (logged-in readers).
import type { Core } from '@strapi/strapi';
import { acceptBody } from '../../lib/request-bodies';
import { currentUserId, parse, type Ctx } from './parse';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const standards = () => strapi.plugin('comments').service('standards');
  return {
    async list(ctx: Ctx) {
      const { standards: rules, ...meta } = await standards().list(ctx.query.locale);
      ctx.body = { data: rules, meta };
    },

    async accept(ctx: Ctx) {
      const userId = currentUserId(ctx);
      const { version } = parse(acceptBody, ctx.request.body);
      ctx.body = { data: await standards().accept(userId, version) };
    },
  };
};
