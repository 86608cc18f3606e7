// Readers' push subscriptions: subscribe (idempotent per endpoint), unsubscribe with the
// subscription's own auth secret, and which subscriptions an alert goes to.
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { endpointProblem, parseAllowedOrigins } from '../../lib/allowed-origins';
import { BREAKING, decodeTopics, encodeTopics, type SubscriptionInput } from '../../lib/subscription-input';
import type { PushConfig } from '../config';

export const SUBSCRIPTION = 'plugin::push.subscription';

export interface StoredSubscription {
  id: number;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface Audience {
  topic: string;
  locale?: string | null;
  includeUnlocalized?: boolean | null;
}

export const endpointHash = (endpoint: string) => crypto.createHash('sha256').update(endpoint).digest('hex');

function sameSecret(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

const subscriptions = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::push') as PushConfig;
  const rules = () => parseAllowedOrigins(config().allowedOrigins);

  return {
    /** Refuses (400) topics that are neither "breaking" nor a section's slug, naming them. */
    async assertTopicsExist(topics: string[]) {
      const slugs = topics.filter((t) => t !== BREAKING);
      if (!slugs.length) return;
      const found = await strapi.db.query(config().articles.sectionUid).findMany({ where: { slug: { $in: slugs } }, select: ['slug'] });
      const known = new Set(found.map((s: { slug: string }) => s.slug));
      const unknown = slugs.filter((s) => !known.has(s));
      if (unknown.length) {
        throw new errors.ValidationError(`Unknown topic${unknown.length > 1 ? 's' : ''}: ${unknown.map((u) => `"${u}"`).join(', ')} (use "breaking" or a section slug).`);
      }
    },

    assertEndpointAllowed(endpoint: string) {
      const problem = endpointProblem(endpoint, rules());
      if (problem) throw new errors.ValidationError(problem);
    },

    async subscribe(input: SubscriptionInput, userId: number | null): Promise<{ created: boolean; topics: string[]; locale: string | null; linkedToReader: boolean }> {
      this.assertEndpointAllowed(input.endpoint);
      await this.assertTopicsExist(input.topics);
      const hash = endpointHash(input.endpoint);
      const data = { topics: encodeTopics(input.topics), locale: input.locale ?? null, failingSince: null };
      const existing = await strapi.db.query(SUBSCRIPTION).findOne({ where: { endpointHash: hash }, select: ['id', 'auth'], populate: { user: { select: ['id'] } } });
      if (existing) {
        // Only the browser holding the subscription knows its auth secret: nobody else may retarget it.
        if (!sameSecret(existing.auth, input.keys.auth)) {
          throw new errors.ValidationError('This endpoint is already subscribed with other keys: unsubscribe it first.');
        }
        await strapi.db.query(SUBSCRIPTION).update({
          where: { id: existing.id },
          data: { ...data, p256dh: input.keys.p256dh, ...(userId ? { user: userId } : {}) },
        });
        return { created: false, topics: input.topics, locale: data.locale, linkedToReader: Boolean(userId ?? existing.user?.id) };
      }
      try {
        await strapi.db.query(SUBSCRIPTION).create({
          data: { ...data, endpoint: input.endpoint, endpointHash: hash, p256dh: input.keys.p256dh, auth: input.keys.auth, user: userId },
        });
      } catch (error) {
        // Two identical requests at once: the unique endpoint hash let one through; the other is the same subscription.
        if (await strapi.db.query(SUBSCRIPTION).findOne({ where: { endpointHash: hash }, select: ['id'] })) return this.subscribe(input, userId);
        throw error;
      }
      return { created: true, topics: input.topics, locale: data.locale, linkedToReader: Boolean(userId) };
    },

    /** Deletes the subscription when `auth` is its secret; the same 404 for an unknown endpoint and a wrong secret. */
    async unsubscribe(endpoint: string, auth: string) {
      const existing = await strapi.db.query(SUBSCRIPTION).findOne({ where: { endpointHash: endpointHash(endpoint) }, select: ['id', 'auth'] });
      if (!existing || !sameSecret(existing.auth, auth)) throw new errors.NotFoundError('No subscription with this endpoint and auth secret.');
      await strapi.db.query(SUBSCRIPTION).delete({ where: { id: existing.id } });
    },

    audienceWhere(audience: Audience): Record<string, unknown> {
      const where: Record<string, unknown> = { topics: { $contains: `,${audience.topic},` } };
      if (audience.locale) where.$or = [{ locale: audience.locale }, ...(audience.includeUnlocalized ? [{ locale: null }] : [])];
      return where;
    },

    async countAudience(audience: Audience): Promise<number> {
      return strapi.db.query(SUBSCRIPTION).count({ where: this.audienceWhere(audience) });
    },

    /** One page of an audience in id order after `afterId` (the fan-out's resumable cursor). */
    async audiencePage(audience: Audience, afterId: number, limit: number): Promise<StoredSubscription[]> {
      return strapi.db.query(SUBSCRIPTION).findMany({
        where: { ...this.audienceWhere(audience), id: { $gt: afterId } },
        select: ['id', 'endpoint', 'p256dh', 'auth'],
        orderBy: { id: 'asc' },
        limit,
      });
    },

    decodeTopics,
  };
};

export default subscriptions;
export type SubscriptionsService = ReturnType<typeof subscriptions>;
