// Grants the users-permissions public role read access to published content: each action once,
// on the first boot that knows it, recorded in the core store. An action an administrator later
// removes in Settings → Users & Permissions is never granted again, so the change survives deploys.
import type { Core } from '@strapi/strapi';
import { grantOnce } from '../platform/grant-once';

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
  'plugin::search.search.search',
  'plugin::search.search.suggest',
  'api::listen-live.listen-live.find',
];

/**
 * The public role gets PUBLIC_ACTIONS and logged-in readers (the authenticated role, which
 * users-permissions checks instead of the public one) the same reads; each action once per role
 * (src/platform/grant-once.ts).
 */
export async function grantPublicPermissions(strapi: Core.Strapi, actions: string[] = PUBLIC_ACTIONS) {
  await grantOnce(strapi, 'public', actions);
  await grantOnce(strapi, 'authenticated', actions);
}
