// Keeps computed fields (view count, first publication, credit line, hits) out of writes made
// from the admin panel: the form shows them read-only, and this holds even for a crafted
// request or a stale form saved after the site counted more views.
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_VIEWS } from '../bootstrap/admin-views';

/** Content type → its computed fields, the same list the admin views mark read-only. */
export const ADMIN_READ_ONLY: Record<string, string[]> = Object.fromEntries(
  Object.entries(CONTENT_TYPE_VIEWS)
    .filter(([, view]) => view.readOnly?.length)
    .map(([uid, view]) => [uid, view.readOnly!]),
);

const ADMIN_STRATEGIES = new Set(['admin', 'admin-token']);

function isAdminRequest(strapi: Core.Strapi): boolean {
  const ctx = strapi.requestContext.get() as { state?: { auth?: { strategy?: { name?: string } } } } | undefined;
  return ADMIN_STRATEGIES.has(ctx?.state?.auth?.strategy?.name ?? '');
}

/** Registered first, so rules further in (first publication stamp, credit line) still set them. */
export function adminReadOnly(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => {
    const fields = ADMIN_READ_ONLY[ctx.uid];
    if (fields && ['create', 'update', 'publish'].includes(ctx.action) && isAdminRequest(strapi)) {
      const data = (ctx.params as { data?: Record<string, unknown> } | undefined)?.data;
      if (data) for (const field of fields) delete data[field];
    }
    return next();
  };
}
