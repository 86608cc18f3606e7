// Entity notes wiring: admin routes for the editor side panels, GraphQL queries, and listening for
// note changes made on other instances.
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';

const typeDefs = /* GraphQL */ `
  type EntityNoteStory { documentId: ID! locale: String! title: String! slug: String }
  type ArticleEntityNote { entity: ID! name: String! marker: String! note: String! suppressed: Boolean! reason: String }
  extend type FeedFootnote { "The entity note this footnote comes from; null for the editor's own" entity: ID }
  extend type ArticlePage {
    "Where each entity mention sits: path (title, standfirst, body.N.body...), offsets in the marked text, marker"
    entityMentions: JSON!
  }
  extend type FeedArticle {
    "Corrections, updates and clarifications, newest first"
    corrections: [ArticleCorrection!]!
    entityNotes: [FeedFootnote!]!
  }
  extend type ArticlePage {
    corrections: [ArticleCorrection!]!
    entityNotes: [FeedFootnote!]!
  }
  type ArticleCorrection { at: String! kind: String! text: String! }
  extend type Query {
    "Published stories an entity note appears in (API tokens only)"
    entityNoteStories(documentId: ID!): [EntityNoteStory!]!
    "The entity notes an article's draft triggers, suppressed ones flagged (API tokens only)"
    articleEntityNotes(documentId: ID!, locale: String): [ArticleEntityNote!]!
  }
`;

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

export function registerEntityNotes(strapi: Core.Strapi) {
  const controller = () => strapi.controller('api::entity-note.entity-note') as unknown as Record<string, (ctx: Context) => Promise<void>>;
  // The admin panel's side panels call these with the editor's admin session.
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom',
    routes: [
      { method: 'GET', path: '/entity-notes/:documentId/stories', handler: (ctx: Context) => controller().stories(ctx), config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'GET', path: '/articles/:documentId/entity-notes', handler: (ctx: Context) => controller().forArticle(ctx), config: { policies: ['admin::isAuthenticatedAdmin'] } },
    ],
  } as never);

  if (!strapi.plugin('graphql')) return;
  const notes = () => strapi.service('api::entity-note.notes');
  const id = (value: string) => {
    if (!DOCUMENT_ID.test(value)) throw new errors.ValidationError('documentId must be a document id.', { path: ['documentId'] });
    return value;
  };
  strapi.plugin('graphql').service('extension').use(() => ({
    typeDefs,
    resolvers: {
      Query: {
        entityNoteStories: async (_: unknown, args: { documentId: string }) => notes().storiesFor(id(args.documentId)),
        articleEntityNotes: async (_: unknown, args: { documentId: string; locale?: string | null }) => notes().notesForArticleOrThrow(id(args.documentId), args.locale ?? undefined),
      },
    },
    resolversConfig: {
      'Query.entityNoteStories': { auth: { scope: ['api::entity-note.entity-note.stories'] } },
      'Query.articleEntityNotes': { auth: { scope: ['api::entity-note.entity-note.forArticle'] } },
    },
  }));
}

export function listenForEntityNoteChanges(strapi: Core.Strapi) {
  strapi.service('api::entity-note.notes').listen();
}
