// Route policy for the public feed routes, which run with `auth: false`: users-permissions'
// per-request authentication (a role query plus building a permission engine) was the
// largest single cost of a cold feed (`npm run bench`). The route passes only while the
// public role holds its action, so Settings → Users & Permissions still turns a feed off.
// The public role's actions are cached in memory, reloaded after any permission or role
// change in this process and at the latest after PUBLIC_ACTIONS_TTL_MS (other processes).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const PUBLIC_ACTIONS_TTL_MS = 30_000;

/** Route config of a public feed: no users-permissions authentication, this policy instead. */
export const PUBLIC_FEED_ROUTE = { auth: false as const, policies: ['global::public-action'] };

let cache: { actions: Promise<Set<string>>; loadedAt: number } | null = null;

/** Called when permissions or roles change. */
export function forgetPublicActions(): void {
  cache = null;
}

function publicActions(strapi: Core.Strapi, now = Date.now()): Promise<Set<string>> {
  if (!cache || now - cache.loadedAt > PUBLIC_ACTIONS_TTL_MS) {
    const actions = strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { role: { type: 'public' } }, select: ['action'] })
      .then((rows: Array<{ action: string }>) => new Set(rows.map((r) => r.action)));
    actions.catch(() => forgetPublicActions()); // never keep a failed load
    cache = { actions, loadedAt: now };
  }
  return cache.actions;
}

export default async (policyContext: { state?: { route?: { handler?: unknown } } }, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const action = policyContext.state?.route?.handler;
  if (typeof action === 'string' && (await publicActions(strapi)).has(action)) return true;
  throw new errors.ForbiddenError('Forbidden');
};
