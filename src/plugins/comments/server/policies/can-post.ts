// Route policy `plugin::comments.can-post`: logged in, consent current, community standards
// accepted, not blocked (see ../services/access.ts). Other parts attach it:
//   config: { policies: ['plugin::comments.can-post'] }
import type { Core } from '@strapi/strapi';

export default async (policyContext: { state: { user?: { id: number } } }, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('comments').service('access').assertCanPost(policyContext.state.user?.id);
  return true;
};
