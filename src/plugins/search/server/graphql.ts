// GraphQL side of search: search(q, section, locale, first, after) and searchSuggest(q), with
// the REST validation and the same public-role permissions.
import type { Core } from '@strapi/strapi';
import { argumentError } from '../../../lib/graphql/argument-errors';
import { parseSearchRequest, parseSuggestRequest, SearchRequestError } from '../lib/search-request';

const typeDefs = /* GraphQL */ `
  type SearchHit {
    documentId: ID!
    locale: String
    title: String!
    slug: String!
    kicker: String
    standfirst: String
    url: String!
    publishedAt: String!
    section: FeedSection
    leadPhoto: FeedPhoto
    "Matched words wrapped in <mark>, everything else HTML-escaped"
    snippet: String!
    score: Float!
  }
  type SearchPageInfo { limit: Int! endCursor: String hasNextPage: Boolean! }
  type SearchResults { hits: [SearchHit!]! total: Int! locale: String! pageInfo: SearchPageInfo! }
  type SearchSuggestion { documentId: ID! title: String! url: String! section: FeedSection publishedAt: String! }
  extend type Query {
    "Published articles ranked by relevance; words, \\"phrases\\", or, -exclusions"
    search(q: String!, section: String, tag: String, locale: String, from: String, to: String, first: Int, after: String): SearchResults!
    "Up to 8 headline completions for what the reader has typed"
    searchSuggest(q: String!, locale: String): [SearchSuggestion!]!
  }
`;

function validated<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof SearchRequestError)) throw e;
    throw argumentError(e);
  }
}

type Args = Record<string, string | number | null | undefined>;
const present = (args: Args) => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, String(v)]));

export function registerSearchGraphql(strapi: Core.Strapi) {
  if (!strapi.plugin('graphql')) return;
  const service = () => strapi.plugin('search').service('search');
  strapi.plugin('graphql').service('extension').use(() => ({
    typeDefs,
    resolvers: {
      Query: {
        search: async (_: unknown, args: Args) => {
          const { first, after, ...rest } = args;
          const req = validated(() => parseSearchRequest(present({ ...rest, limit: first, cursor: after })));
          const result = await service().search(req);
          return { hits: result.hits, total: result.total, locale: result.locale, pageInfo: { limit: result.limit, endCursor: result.nextCursor, hasNextPage: result.nextCursor !== null } };
        },
        searchSuggest: async (_: unknown, args: Args) => {
          const req = validated(() => parseSuggestRequest(present(args)));
          return service().suggest(req.q, req.locale);
        },
      },
    },
    resolversConfig: {
      'Query.search': { auth: { scope: ['plugin::search.search.search'] } },
      'Query.searchSuggest': { auth: { scope: ['plugin::search.search.suggest'] } },
    },
  }));
}
