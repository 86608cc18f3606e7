// Content-API reads: wherever a photo is returned, its credit and image come with it.
import type { Core, UID } from '@strapi/strapi';
import { withPhotoDetails, type GetAttributes } from '../lib/populate/photo-details';

const READS = new Set(['findMany', 'findOne', 'findFirst']);

export function photoDetails(strapi: Core.Strapi) {
  const getAttributes: GetAttributes = (uid) => (strapi.getModel(uid as UID.Schema) as { attributes?: ReturnType<GetAttributes> } | undefined)?.attributes;
  return async (ctx: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => {
    if (READS.has(ctx.action)) {
      const request = strapi.requestContext.get() as { state?: { route?: { info?: { type?: string } } } } | undefined;
      if (request?.state?.route?.info?.type === 'content-api') {
        const params = (ctx.params ?? {}) as { populate?: unknown };
        const populate = withPhotoDetails(ctx.uid, params.populate, getAttributes);
        if (populate !== params.populate) ctx.params = { ...params, populate };
      }
    }
    return next();
  };
}
