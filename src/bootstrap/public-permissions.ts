// Grants the users-permissions public role read access to published content, idempotently.
import type { Core } from '@strapi/strapi';

/** Everything an anonymous reader may call. Features add their own actions here. */
export const PUBLIC_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::section.section.find',
  'api::section.section.findOne',
  'api::photo.photo.find',
  'api::photo.photo.findOne',
  'api::gallery.gallery.find',
  'api::gallery.gallery.findOne',
  'api::tag.tag.find',
  'api::tag.tag.findOne',
  'api::article.article.feed',
  'api::article.article.bySlug',
  'api::article.article.newsSitemap',
  'api::article.article.mostRead',
  'api::article.article.recommended',
  'api::article.article.multimedia',
  'api::section.section.feed',
  'api::gallery.gallery.thisWeekInPictures',
  'api::short-url.short-url.forArticle',
  'api::short-url.short-url.qr',
  'api::listen-live.listen-live.find',
];

export async function grantPublicPermissions(strapi: Core.Strapi, actions: string[] = PUBLIC_ACTIONS) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions public role is missing');
  const existing = await strapi.db.query('plugin::users-permissions.permission').findMany({
    where: { role: role.id, action: { $in: actions } },
    select: ['action'],
  });
  const have = new Set(existing.map((p: { action: string }) => p.action));
  for (const action of actions.filter((a) => !have.has(a))) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
}
