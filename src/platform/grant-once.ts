// Role permissions granted once per action, for the app and its plugins alike: the first boot
// that knows an action grants it and records it (core store, one list per role); later boots
// never grant a recorded action again, so an administrator's removal in Settings → Users &
// Permissions survives restarts and deploys.
import type { Core } from '@strapi/strapi';

const STORE = { type: 'plugin', name: 'newsroom' } as const;

export async function grantOnce(strapi: Core.Strapi, roleType: string, actions: string[]): Promise<void> {
  const storeKey = `${roleType}_actions_granted`;
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
