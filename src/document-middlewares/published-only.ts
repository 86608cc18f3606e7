// Drafts are for editors: a content-API read without an API token (anonymous or a
// logged-in reader) always gets the published version, whatever `status` it asks for.
import type { Core } from '@strapi/strapi';

const READS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

type RequestState = { route?: { info?: { type?: string } }; auth?: { strategy?: { name?: string } } };

export function isReaderRequest(state: RequestState | undefined): boolean {
  if (!state) return false; // internal call from a service or a script
  if (state.route?.info?.type !== 'content-api') return false; // the admin panel's own APIs
  return state.auth?.strategy?.name !== 'api-token';
}

export function publishedOnly(strapi: Core.Strapi) {
  return async (ctx: { action: string; contentType?: { options?: { draftAndPublish?: boolean } }; params: unknown }, next: () => Promise<unknown>) => {
    if (READS.has(ctx.action) && ctx.contentType?.options?.draftAndPublish) {
      const request = strapi.requestContext.get() as { state?: RequestState } | undefined;
      if (isReaderRequest(request?.state)) ctx.params = { ...((ctx.params as object) ?? {}), status: 'published' };
    }
    return next();
  };
}
