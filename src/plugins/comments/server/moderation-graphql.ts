// GraphQL side of moderation: readers report comments and appeal blocks; integrations holding an
// API token moderate. Same services, rules and users-permissions actions as the REST routes.
import type { Core } from '@strapi/strapi';
import { ConsentRequiredError } from '../../accounts/server/errors';
import { integrationActor, readerId, type RequestState } from './moderation-actors';
import { invalid } from './moderation-errors';
import type { ModerationService, Decision } from './services/moderation';
import type { BlocksService } from './services/blocks';

const typeDefs = /* GraphQL */ `
  type CommentsReport { id: ID! commentId: ID! code: String! note: String held: Boolean! createdAt: String }
  type CommentsAppeal { id: ID! userId: Int! blockId: Int! status: String! explanation: String! decisionNote: String decidedAt: String createdAt: String }
  type CommentsBlock { id: ID! userId: Int! ordinal: Int! permanent: Boolean! code: String! note: String blockedAt: String liftedAt: String }
  type CommentsModerationItem {
    id: ID! articleDocumentId: String! authorId: Int! status: String! body: String! heldFor: [String!]! score: Float
    reportCount: Int rejectedCode: String editedByModerator: Boolean createdAt: String
    article: JSON author: JSON reports: JSON log: JSON
  }
  type CommentsModerationQueue { results: [CommentsModerationItem!]! page: Int! pageSize: Int! total: Int! }
  extend type Query {
    "API token only: the pending (held) or reported comments."
    moderationQueue(status: String, article: String, user: String, code: String, from: String, to: String, page: Int, pageSize: Int): CommentsModerationQueue!
  }
  extend type Mutation {
    reportComment(commentId: ID!, code: String!, note: String): CommentsReport!
    fileAppeal(explanation: String!): CommentsAppeal!
    "API token only: action approve, reject (code required) or edit (body required)."
    moderateComment(id: ID!, action: String!, code: String, note: String, body: String): CommentsModerationItem!
    "API token only: user is the account's id or documentId."
    blockAccount(user: String!, code: String!, note: String): CommentsBlock!
    "API token only: decision lift or refuse (note required)."
    decideAppeal(id: ID!, decision: String!, note: String): CommentsAppeal!
  }
`;

type Context = { state: RequestState };

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value === null || value === undefined ? null : typeof value === 'number' ? new Date(value).toISOString() : String(value));
const dates = <T extends Record<string, unknown>>(row: T, keys: string[]): T => {
  const out: Record<string, unknown> = { ...row };
  for (const key of keys) if (key in out) out[key] = iso(out[key]);
  return out as T;
};
const id = (value: unknown, name: string) => {
  const n = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw invalid(`${name} must be a positive whole number.`, { field: name });
  return n;
};
const opt = (value: unknown) => (value === null ? undefined : (value as string | undefined));

const scope = (action: string) => ({ auth: { scope: [action] } });

export function registerModerationGraphql(strapi: Core.Strapi) {
  if (!strapi.plugin('graphql')) return;
  const extension = strapi.plugin('graphql').service('extension');
  for (const uid of ['plugin::comments.moderation-log', 'plugin::comments.report', 'plugin::comments.block', 'plugin::comments.appeal']) extension.shadowCRUD(uid).disable();
  const moderation = () => strapi.plugin('comments').service('moderation') as ModerationService;
  const blocks = () => strapi.plugin('comments').service('blocks') as BlocksService;
  const needsConsent = async (userId: number) => {
    const state = await strapi.plugin('accounts').service('policy').state(userId);
    if (state.consentRequired) throw new ConsentRequiredError(state.currentVersion);
  };
  const item = (row: Record<string, unknown>) => dates(row, ['createdAt', 'updatedAt', 'editedAt', 'deletedAt']);

  extension.use(() => ({
    typeDefs,
    resolvers: {
      Query: {
        moderationQueue: async (_: unknown, args: Record<string, unknown>, context: Context) => {
          integrationActor(context.state);
          const status = opt(args.status) ?? 'pending';
          if (status !== 'pending' && status !== 'reported') throw invalid('status must be pending or reported.', { field: 'status' });
          const result = await moderation().queue({
            status,
            article: opt(args.article),
            user: opt(args.user),
            code: opt(args.code),
            from: opt(args.from),
            to: opt(args.to),
            page: (args.page as number | null) ?? undefined,
            pageSize: (args.pageSize as number | null) ?? undefined,
          });
          return { results: result.results.map(item), ...result.pagination };
        },
      },
      Mutation: {
        reportComment: async (_: unknown, args: { commentId: string; code: string; note?: string | null }, context: Context) => {
          const userId = readerId(context.state);
          await needsConsent(userId);
          const report = await moderation().report(id(args.commentId, 'commentId'), userId, { code: args.code, note: args.note ?? undefined });
          return dates(report as unknown as Record<string, unknown>, ['createdAt']);
        },
        fileAppeal: async (_: unknown, args: { explanation: string }, context: Context) => {
          const userId = readerId(context.state);
          await needsConsent(userId);
          return dates((await blocks().fileAppeal(userId, args.explanation)) as unknown as Record<string, unknown>, ['createdAt', 'decidedAt']);
        },
        moderateComment: async (_: unknown, args: Record<string, unknown>, context: Context) => {
          const actor = integrationActor(context.state);
          const d: Decision = { action: args.action as Decision['action'], code: opt(args.code), note: opt(args.note), body: opt(args.body) };
          return item(await moderation().decide(id(args.id, 'id'), d, actor));
        },
        blockAccount: async (_: unknown, args: { user: string; code: string; note?: string | null }, context: Context) => {
          const actor = integrationActor(context.state);
          return dates((await blocks().block({ user: args.user, code: args.code, note: opt(args.note) }, actor)) as unknown as Record<string, unknown>, ['blockedAt', 'liftedAt']);
        },
        decideAppeal: async (_: unknown, args: { id: string; decision: string; note?: string | null }, context: Context) => {
          const actor = integrationActor(context.state);
          const appeal = await blocks().decideAppeal(id(args.id, 'id'), { decision: args.decision as 'lift' | 'refuse', note: opt(args.note) }, actor);
          return dates(appeal as unknown as Record<string, unknown>, ['createdAt', 'decidedAt']);
        },
      },
    },
    resolversConfig: {
      'Query.moderationQueue': scope('plugin::comments.integration.queue'),
      'Mutation.reportComment': scope('plugin::comments.reader-moderation.report'),
      'Mutation.fileAppeal': scope('plugin::comments.reader-moderation.fileAppeal'),
      'Mutation.moderateComment': scope('plugin::comments.integration.decide'),
      'Mutation.blockAccount': scope('plugin::comments.integration.block'),
      'Mutation.decideAppeal': scope('plugin::comments.integration.decideAppeal'),
    },
  }));
}
