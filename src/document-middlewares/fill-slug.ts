// Fills an empty slug from the title or name on every save (admin and API alike),
// transliterated and made unique per locale.
import type { Core, UID } from '@strapi/strapi';
import { makeSlug, uniqueSlug } from '../lib/slugs/make-slug';

/** Content type → the field its slug is made from. */
export const SLUG_SOURCES: Record<string, string> = {
  'api::article.article': 'title',
  'api::section.section': 'name',
  'api::tag.tag': 'name',
  'api::gallery.gallery': 'title',
};

type Params = { data?: Record<string, unknown>; documentId?: string; locale?: string };

export function fillSlug(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => {
    const source = SLUG_SOURCES[ctx.uid];
    if (source && (ctx.action === 'create' || ctx.action === 'update')) {
      await fill(strapi, ctx.uid, source, ctx.params as Params);
    }
    return next();
  };
}

async function fill(strapi: Core.Strapi, uid: string, source: string, params: Params) {
  const data = (params.data ??= {});
  const given = typeof data.slug === 'string' ? data.slug.trim() : data.slug;
  if (given) return;
  if (given === undefined && params.documentId) return; // a partial update that leaves the slug alone
  const text = data[source];
  if (typeof text !== 'string' || !text.trim()) return; // the required-field validation reports this
  const locale = params.locale ?? (data.locale as string | undefined);
  const fallback = uid.split('.').pop()!;
  data.slug = await uniqueSlug(makeSlug(text), async (slug) => {
    const where: Record<string, unknown> = { slug };
    if (locale && isLocalized(strapi, uid)) where.locale = locale;
    if (params.documentId) where.documentId = { $ne: params.documentId };
    return (await strapi.db.query(uid as UID.Schema).count({ where })) > 0;
  }, fallback);
}

function isLocalized(strapi: Core.Strapi, uid: string): boolean {
  const model = strapi.getModel(uid as UID.Schema) as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined;
  return model?.pluginOptions?.i18n?.localized === true;
}
