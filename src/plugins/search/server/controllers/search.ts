// Thin HTTP side of search: validate the query, call the search service, answer through the
// feeds' HTTP layer (ETag/304, Cache-Control, Surrogate-Key, compression, response cache).
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { parseSearchRequest, parseSuggestRequest, SearchRequestError } from '../../lib/search-request';
import { ALL_FEEDS_KEY } from '../../../../api/feed/purge-feed-cache';
import { SEARCH_CACHE_KEY } from '../services/indexer';

export const SEARCH_PARAMS = ['cursor', 'from', 'limit', 'locale', 'q', 'section', 'tag', 'to'] as const;
const SUGGEST_PARAMS = ['locale', 'q'] as const;

function validated<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof SearchRequestError) throw new errors.ValidationError(e.message, { path: e.path });
    throw e;
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const http = () => strapi.service('api::feed.feed-http');
  const service = () => strapi.plugin('search').service('search');

  return {
    async search(ctx: Context) {
      const req = validated(() => parseSearchRequest(ctx.query as Record<string, unknown>));
      await http().serve(
        ctx,
        async () => {
          const result = await service().search(req);
          const body = {
            data: result.hits,
            meta: { locale: result.locale, pagination: { limit: result.limit, nextCursor: result.nextCursor, total: result.total } },
          };
          return { body: JSON.stringify(body), contentType: 'application/json; charset=utf-8', lastModified: new Date(result.updatedAt), surrogateKeys: result.surrogateKeys };
        },
        SEARCH_PARAMS,
      );
    },

    async suggest(ctx: Context) {
      const req = validated(() => parseSuggestRequest(ctx.query as Record<string, unknown>));
      await http().serve(
        ctx,
        async () => {
          const data = await service().suggest(req.q, req.locale);
          return {
            body: JSON.stringify({ data, meta: {} }),
            contentType: 'application/json; charset=utf-8',
            lastModified: new Date(0),
            surrogateKeys: [ALL_FEEDS_KEY, SEARCH_CACHE_KEY, ...data.map((d: { documentId: string }) => `article:${d.documentId}`)],
          };
        },
        SUGGEST_PARAMS,
      );
    },
  };
};
