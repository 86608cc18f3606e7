// Grants the users-permissions public role read access to published content: each action once,
// on the first boot that knows it, recorded in the core store. An action an administrator later
// removes in Settings → Users & Permissions is never granted again, so the change survives deploys.
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
];

const STORE = { type: 'plugin', name: 'newsroom' } as const;

/**
 * The public role gets PUBLIC_ACTIONS and logged-in readers (the authenticated role, which
 * users-permissions checks instead of the public one) the same reads; each action once per role.
 */
export async function grantPublicPermissions(strapi: Core.Strapi, actions: string[] = PUBLIC_ACTIONS) {
  await grantOnce(strapi, 'public', actions, 'public_actions_granted');
  await grantOnce(strapi, 'authenticated', actions, 'authenticated_actions_granted');
}

async function grantOnce(strapi: Core.Strapi, roleType: string, actions: string[], storeKey: string) {
  const store = strapi.store(STORE);
  const granted = new Set(((await store.get({ key: storeKey })) as string[] | null) ?? []);
  const toGrant = actions.filter((a) => !granted.has(a));
  if (toGrant.length === 0) return;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) throw new Error(`The users-permissions ${roleType} role is missing`);
  const existing = await strapi.db.query('plugin::users-permissions.permission').findMany({
    where: { role: role.id, action: { $in: toGrant } },
    select: ['action'],
  });
  const have = new Set(existing.map((p: { action: string }) => p.action));
  for (const action of toGrant.filter((a) => !have.has(a))) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
  for (const action of toGrant) granted.add(action);
  await store.set({ key: storeKey, value: [...granted].sort() });
}
