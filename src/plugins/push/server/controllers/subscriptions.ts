// REST side of subscriptions: thin, validate with zod and call one service method.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { describeIssue, subscriptionInput } from '../../lib/subscription-input';
import type { SubscriptionsService } from '../services/subscriptions';
import type { VapidService } from '../services/vapid';

type Ctx = { request: { body?: unknown }; query: Record<string, unknown>; state: { user?: { id: number } }; status: number; body: unknown; set(k: string, v: string): void };

export const unsubscribeInput = z.object({
  endpoint: z.string({ required_error: 'endpoint is required.', invalid_type_error: 'endpoint must be a string.' }).min(1, 'endpoint is required.').max(2048, 'endpoint is at most 2048 characters.'),
  auth: z.string({ required_error: 'auth (the subscription\'s auth secret) is required.', invalid_type_error: 'auth must be a string.' }).min(1, 'auth is required.').max(200, 'auth is too long.'),
});

export function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new errors.ValidationError(describeIssue(result.error));
  return result.data;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('push').service('subscriptions') as SubscriptionsService;
  return {
    async publicKey(ctx: Ctx) {
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = { data: { publicKey: (strapi.plugin('push').service('vapid') as VapidService).keys().publicKey } };
    },

    async create(ctx: Ctx) {
      if (typeof ctx.request.body !== 'object' || ctx.request.body === null || Array.isArray(ctx.request.body)) {
        throw new errors.ValidationError('The body must be the PushSubscription JSON object with topics.');
      }
      const input = parse(subscriptionInput, ctx.request.body);
      const result = await service().subscribe(input, ctx.state.user?.id ?? null);
      ctx.status = result.created ? 201 : 200;
      ctx.body = { data: { topics: result.topics, locale: result.locale, linkedToReader: result.linkedToReader } };
    },

    async remove(ctx: Ctx) {
      const { endpoint, auth } = parse(unsubscribeInput, ctx.query);
      await service().unsubscribe(endpoint, auth);
      ctx.status = 204;
      ctx.body = null;
    },
  };
};
