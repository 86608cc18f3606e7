// The personal-data convention: a reader's push subscriptions in their data export, and gone with their account.
import type { Core } from '@strapi/strapi';
import { decodeTopics } from '../../lib/subscription-input';
import { SUBSCRIPTION } from './subscriptions';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async export(userId: number) {
    const rows = await strapi.db.query(SUBSCRIPTION).findMany({
      where: { user: { id: userId } },
      select: ['endpoint', 'topics', 'locale', 'createdAt', 'failingSince'],
      orderBy: { id: 'asc' },
    });
    return {
      pushSubscriptions: rows.map((r: { endpoint: string; topics: string; locale: string | null; createdAt: string; failingSince: string | null }) => ({
        // The endpoint says which browser push service holds it; the keys stay out of exports.
        endpoint: r.endpoint,
        topics: decodeTopics(r.topics),
        locale: r.locale,
        subscribedAt: r.createdAt,
        failingSince: r.failingSince,
      })),
    };
  },

  async erase(userId: number) {
    await strapi.db.query(SUBSCRIPTION).deleteMany({ where: { user: { id: userId } } });
  },
});
