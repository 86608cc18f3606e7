// Drafts are for editors: a content-API read without an API token (anonymous or a
// logged-in reader) always gets the published version, whatever `status` it asks for.
import type { Core } from '@strapi/strapi';

const READS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

/**
 * Names of the content-API strategies that authenticate an API token (an integration, not a
 * reader): Strapi 5.54 registers `content-api-token` (@strapi/admin strategies/content-api-token);
 * releases before it called the same strategy `api-token`.
 */
export const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export type RequestState = { route?: { info?: { type?: string } }; auth?: { strategy?: { name?: string } } };

/** A request made with an API token (integrations, scripts over HTTP). */
export function isApiTokenRequest(state: RequestState | undefined): boolean {
  return API_TOKEN_STRATEGIES.has(state?.auth?.strategy?.name ?? '');
}

export function isReaderRequest(state: RequestState | undefined): boolean {
  if (!state) return false; // internal call from a service or a script
  if (state.route?.info?.type !== 'content-api') return false; // the admin panel's own APIs
  return !isApiTokenRequest(state);
}

/** Whether the Document Service call being made now serves a reader (public role or logged-in reader). */
export function inReaderRequest(strapi: Core.Strapi): boolean {
  const request = strapi.requestContext.get() as { state?: RequestState } | undefined;
  return isReaderRequest(request?.state);
}

export function publishedOnly(strapi: Core.Strapi) {
  return async (ctx: { action: string; contentType?: { options?: { draftAndPublish?: boolean } }; params: unknown }, next: () => Promise<unknown>) => {
    if (READS.has(ctx.action) && ctx.contentType?.options?.draftAndPublish && inReaderRequest(strapi)) {
      ctx.params = { ...((ctx.params as object) ?? {}), status: 'published' };
    }
    return next();
  };
}
