// GraphQL side of comments for readers: the same services, rules, errors and users-permissions
// actions as the REST routes. The plugin's own types stay out of the generated CRUD.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { listQuery } from '../lib/request-bodies';
import { parse } from './controllers/parse';

const typeDefs = /* GraphQL */ `
  type CommentsStandard { code: String! title: String! ruleText: String! action: String! automatic: Boolean! }
  type CommentsStandards { locale: String! version: Int publishedAt: String changeSummary: String standards: [CommentsStandard!]! }
  type CommentsStandardsState { currentVersion: Int acceptedVersion: Int acceptanceRequired: Boolean! acceptedAt: String }
  type CommentsAuthor { displayName: String! }
  type CommentsComment {
    id: Int!
    body: String
    html: String
    "approved, pending (held: heldFor and/or premoderated), or deleted (a tombstone keeping replies in place)"
    status: String!
    heldFor: [String!]
    premoderated: Boolean
    threadId: Int!
    parentId: Int
    createdAt: String!
    editedAt: String
    author: CommentsAuthor
    own: Boolean!
    deleted: Boolean!
    replies: [CommentsComment!]
  }
  type CommentsPagination { limit: Int! hasMore: Boolean! nextCursor: String }
  type CommentsThreadPage { comments: [CommentsComment!]! commentCount: Int! sort: String! pagination: CommentsPagination! }
  type CommentsDeleted { id: Int! deleted: Boolean! tombstone: Boolean! }
  extend type Query {
    communityStandards(locale: String): CommentsStandards!
    articleComments(documentId: ID!, cursor: String, limit: Int, sort: String): CommentsThreadPage!
  }
  extend type Mutation {
    acceptCommunityStandards(version: Int!): CommentsStandardsState!
    postComment(documentId: ID!, body: String!, parent: Int): CommentsComment!
    editComment(id: Int!, body: String!): CommentsComment!
    deleteComment(id: Int!): CommentsDeleted!
  }
`;

type Context = { state?: { user?: { id: number }; auth?: { strategy?: { name?: string } } }; koaContext?: { request?: { ip?: string } } };

/** The logged-in reader, never an API token's owner. */
const readerId = (context: Context) => (context.state?.auth?.strategy?.name === 'users-permissions' ? (context.state.user?.id ?? null) : null);
const mustBeReader = (context: Context) => {
  const id = readerId(context);
  if (!id) throw new errors.UnauthorizedError('Log in first.');
  return id;
};
const scope = (action: string) => ({ auth: { scope: [`plugin::comments.${action}`] } });

export const COMMENTS_TYPES = ['comment', 'community-standard', 'standards-version', 'standards-acceptance', 'moderation-log', 'report', 'block', 'appeal'].map((t) => `plugin::comments.${t}`);

export function registerCommentsGraphql(strapi: Core.Strapi) {
  if (!strapi.plugin('graphql')) return;
  const extension = strapi.plugin('graphql').service('extension');
  for (const uid of COMMENTS_TYPES) extension.shadowCRUD(uid).disable();
  const service = (name: string) => strapi.plugin('comments').service(name);

  extension.use(() => ({
    typeDefs,
    resolvers: {
      Query: {
        communityStandards: (_: unknown, args: { locale?: string | null }) => service('standards').list(args.locale ?? undefined),
        articleComments: async (_: unknown, args: { documentId: string; cursor?: string | null; limit?: number | null; sort?: string | null }, context: Context) => {
          // Through the REST query schema, so the same limits and messages apply.
          const query = parse(
            listQuery,
            Object.fromEntries(
              Object.entries({ cursor: args.cursor, limit: args.limit === null || args.limit === undefined ? undefined : String(args.limit), sort: args.sort }).filter(([, v]) => v !== undefined && v !== null),
            ),
            'The query',
          );
          const page = await service('comments').list(args.documentId, query, readerId(context));
          return { comments: page.data, ...page.meta };
        },
      },
      Mutation: {
        acceptCommunityStandards: (_: unknown, args: { version: number }, context: Context) => service('standards').accept(mustBeReader(context), args.version),
        postComment: async (_: unknown, args: { documentId: string; body: string; parent?: number | null }, context: Context) => {
          const userId = await service('access').assertCanPost(mustBeReader(context));
          return service('comments').post(userId, args.documentId, { body: args.body, parent: args.parent ?? null }, { address: context.koaContext?.request?.ip ?? null });
        },
        editComment: async (_: unknown, args: { id: number; body: string }, context: Context) => {
          const userId = await service('access').assertCanPost(mustBeReader(context));
          return service('comments').edit(userId, args.id, { body: args.body });
        },
        deleteComment: (_: unknown, args: { id: number }, context: Context) => service('comments').remove(mustBeReader(context), args.id),
      },
    },
    resolversConfig: {
      'Query.communityStandards': scope('standards.list'),
      'Query.articleComments': scope('comments.list'),
      'Mutation.acceptCommunityStandards': scope('standards.accept'),
      'Mutation.postComment': scope('comments.post'),
      'Mutation.editComment': scope('comments.edit'),
      'Mutation.deleteComment': scope('comments.remove'),
    },
  }));
}
