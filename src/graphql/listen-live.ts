// GraphQL `listenLive`: the same data as GET /api/listen-live, under the same public-role permission.
// The raw single type stays out of the schema (shadow CRUD disabled): the player needs the computed shape.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const UID = 'api::listen-live.listen-live';

const typeDefs = /* GraphQL */ `
  type ListenLiveStream { url: String! mimeType: String! }
  type ListenLiveSlot { title: String! host: String startsAt: String! endsAt: String! }
  type ListenLive {
    station: String!
    streams: [ListenLiveStream!]!
    fallbackUrl: String
    "The programme on air now, null between programmes"
    onAir: ListenLiveSlot
    next: ListenLiveSlot
  }
  extend type Query { listenLive: ListenLive! }
`;

export function registerListenLiveGraphql(strapi: Core.Strapi) {
  if (!strapi.plugin('graphql')) return;
  const extension = strapi.plugin('graphql').service('extension');
  extension.shadowCRUD(UID).disable();
  extension.use(() => ({
    typeDefs,
    resolvers: {
      Query: {
        listenLive: async () => {
          const result = await (strapi.service(UID) as unknown as { current(): Promise<{ data: unknown } | null> }).current();
          if (!result) throw new errors.NotFoundError('Listen Live is not set up yet.');
          return result.data;
        },
      },
    },
    resolversConfig: { 'Query.listenLive': { auth: { scope: [`${UID}.find`] } } },
  }));
}
