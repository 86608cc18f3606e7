// GraphQL side of push for readers: pushPublicKey, pushSubscribe and pushUnsubscribe, with the same
// validation and users-permissions actions as the REST routes.
import type { Core } from '@strapi/strapi';
import { subscriptionInput } from '../lib/subscription-input';
import { parse, unsubscribeInput } from './controllers/subscriptions';
import type { SubscriptionsService } from './services/subscriptions';
import type { VapidService } from './services/vapid';

const typeDefs = /* GraphQL */ `
  input PushSubscribeKeysInput { p256dh: String! auth: String! }
  input PushSubscribeInput {
    endpoint: String!
    expirationTime: Float
    keys: PushSubscribeKeysInput!
    "breaking and/or section slugs"
    topics: [String!]!
    locale: String
  }
  type PushSubscribeResult { topics: [String!]! locale: String linkedToReader: Boolean! }
  extend type Query { pushPublicKey: String! }
  extend type Mutation {
    pushSubscribe(subscription: PushSubscribeInput!): PushSubscribeResult!
    pushUnsubscribe(endpoint: String!, auth: String!): Boolean!
  }
`;

type Context = { state?: { user?: { id: number }; auth?: { strategy?: { name?: string } } } };

/** The logged-in reader, never an API token's owner. */
const readerId = (context: Context) => (context.state?.auth?.strategy?.name === 'users-permissions' ? (context.state.user?.id ?? null) : null);

export function registerPushGraphql(strapi: Core.Strapi) {
  if (!strapi.plugin('graphql')) return;
  const subscriptions = () => strapi.plugin('push').service('subscriptions') as SubscriptionsService;
  const extension = strapi.plugin('graphql').service('extension');
  // The plugin's own types (keys, counters) never appear in the public schema.
  for (const uid of ['plugin::push.subscription', 'plugin::push.alert', 'plugin::push.retry']) extension.shadowCRUD(uid).disable();
  extension.use(() => ({
    typeDefs,
    resolvers: {
      Query: {
        pushPublicKey: () => (strapi.plugin('push').service('vapid') as VapidService).keys().publicKey,
      },
      Mutation: {
        pushSubscribe: async (_: unknown, args: { subscription: unknown }, context: Context) => {
          const result = await subscriptions().subscribe(parse(subscriptionInput, args.subscription), readerId(context));
          return { topics: result.topics, locale: result.locale, linkedToReader: result.linkedToReader };
        },
        pushUnsubscribe: async (_: unknown, args: unknown) => {
          const { endpoint, auth } = parse(unsubscribeInput, args);
          await subscriptions().unsubscribe(endpoint, auth);
          return true;
        },
      },
    },
    resolversConfig: {
      'Query.pushPublicKey': { auth: { scope: ['plugin::push.subscriptions.publicKey'] } },
      'Mutation.pushSubscribe': { auth: { scope: ['plugin::push.subscriptions.create'] } },
      'Mutation.pushUnsubscribe': { auth: { scope: ['plugin::push.subscriptions.remove'] } },
    },
  }));
}
