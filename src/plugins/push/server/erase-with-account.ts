// A reader's subscriptions go with their account however it is deleted (the accounts plugin's
// purge calls personal-data.erase; an administrator deleting the user lands here).
import type { Core } from '@strapi/strapi';

const USER = 'plugin::users-permissions.user';

type Event = { params: { where?: Record<string, unknown> } };

export function eraseSubscriptionsWithAccount(strapi: Core.Strapi) {
  const erase = async (where: Record<string, unknown> | undefined) => {
    if (!where) return;
    const users = await strapi.db.query(USER).findMany({ where, select: ['id'] });
    const personalData = strapi.plugin('push').service('personal-data') as { erase(id: number): Promise<void> };
    for (const user of users) await personalData.erase(user.id);
  };
  strapi.db.lifecycles.subscribe({
    models: [USER],
    beforeDelete: (event: Event) => erase(event.params.where),
    beforeDeleteMany: (event: Event) => erase(event.params.where),
  } as never);
}
