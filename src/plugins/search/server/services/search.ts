// The search and suggest queries behind REST and GraphQL: validates, parses the reader's query,
// asks the engine, and shapes hits (feed article fields plus score and <mark> snippet).
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { canonical, isEmpty, parseQuery, QueryError, wordsOf } from '../../lib/query-parser';
import { markSnippet } from '../../lib/snippet';
import { SUGGEST_LIMIT, type SearchRequest } from '../../lib/search-request';
import { cursorKey, decodeCursor, encodeCursor, CursorError } from '../../../../lib/feeds/cursor';
import { newest } from '../../../../lib/feeds/from-documents';
import type { FeedArticle } from '../../../../lib/feeds/types';
import { ALL_FEEDS_KEY } from '../../../../api/feed/purge-feed-cache';
import { SEARCH_CACHE_KEY } from './indexer';
import { corrections } from '../../lib/typo';
import type { Suggestion } from '../engines/types';

/** Deeper pages than this are not served: refine the query instead. */
export const MAX_OFFSET = 1000;

export interface SearchHit extends Omit<FeedArticle, 'shortUrl'> {
  snippet: string;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  locale: string;
  limit: number;
  nextCursor: string | null;
  total: number;
  updatedAt: string;
  surrogateKeys: string[];
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let key: Buffer | null = null;
  const signingKey = () => (key ??= cursorKey(strapi.config.get('server.app.keys') as string[]));
  const engine = () => strapi.plugin('search').service('indexer').engine();
  const locale = (requested?: string): Promise<string> => strapi.service('api::feed.feed').resolveLocale(requested);

  function parse(q: string, prefixLast = true) {
    try {
      return parseQuery(q, { prefixLast });
    } catch (e) {
      if (e instanceof QueryError) throw new errors.ValidationError(e.message, { path: ['q'] });
      throw e;
    }
  }

  return {
    async search(req: SearchRequest): Promise<SearchResult> {
      const ast = parse(req.q);
      const loc = await locale(req.locale);
      // A cursor belongs to one query: the same words, filters and locale.
      const scope = `search:${crypto
        .createHash('sha256')
        .update(JSON.stringify([canonical(ast), loc, req.section, req.tag, req.from?.getTime(), req.to?.getTime()]))
        .digest('base64url')
        .slice(0, 16)}`;
      let offset = 0;
      if (req.cursor) {
        try {
          const [at] = decodeCursor(req.cursor, scope, signingKey()).after;
          if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > MAX_OFFSET) throw new CursorError('The cursor is malformed.');
          offset = at;
        } catch (e) {
          if (e instanceof CursorError) throw new errors.ValidationError(`${e.message.replace(/feed/, 'search')} Cursors are only valid for the query that returned them.`, { path: ['cursor'] });
          throw e;
        }
      }
      const empty = { hits: [], locale: loc, limit: req.limit, nextCursor: null, total: 0, updatedAt: new Date(0).toISOString(), surrogateKeys: [] };
      if (isEmpty(ast)) return empty;
      const { hits, total } = await engine().search({ ast, locale: loc, section: req.section, tag: req.tag, from: req.from, to: req.to, limit: req.limit + 1, offset });
      const page = hits.slice(0, req.limit);
      const next = offset + req.limit;
      const nextCursor = hits.length > req.limit && next <= MAX_OFFSET ? encodeCursor({ feed: scope, after: [next] }, signingKey()) : null;
      const shaped: SearchHit[] = page.map((h: { payload: string; score: number; snippet: string }) => ({
        ...(JSON.parse(h.payload) as Omit<FeedArticle, 'shortUrl'>),
        snippet: markSnippet(h.snippet ?? ''),
        score: Math.round(h.score * 1e6) / 1e6,
      }));
      const keys = [ALL_FEEDS_KEY, SEARCH_CACHE_KEY, ...shaped.flatMap((h) => [`article:${h.documentId}`, ...(h.section ? [`section:${h.section.slug}`] : [])])];
      return { hits: shaped, locale: loc, limit: req.limit, nextCursor, total, updatedAt: newest(shaped.map((h) => h.updatedAt)), surrogateKeys: [...new Set(keys)] };
    },

    /** Up to 8 headline completions for what the reader has typed so far, then within one typo. */
    async suggest(q: string, requestedLocale?: string) {
      parse(q); // same length limits as search
      const loc = await locale(requestedLocale);
      const words = wordsOf(q).slice(0, 8);
      const found: Suggestion[] = await engine().suggest(words, loc, SUGGEST_LIMIT);
      if (found.length < SUGGEST_LIMIT && words.length) {
        // Each word no headline has (the last one: that no headline word begins with) is replaced by its closest headline words.
        const fixes: string[][] = [];
        for (const [i, w] of words.entries()) {
          const prefix = i === words.length - 1;
          const terms = [...w].length < 3 ? [] : await engine().titleTerms(loc, w, prefix ? 2 : [...w].length - 1);
          const fixed = corrections(w, terms, prefix);
          fixes.push(fixed.length ? fixed : [w]);
        }
        if (fixes.some((f, i) => f[0] !== words[i])) {
          const seen = new Set(found.map((s) => s.documentId));
          // The last word's alternatives in turn, the other words at their best correction.
          for (const last of fixes[fixes.length - 1]) {
            const variant = [...fixes.slice(0, -1).map((f) => f[0]), last];
            for (const s of await engine().suggest(variant, loc, SUGGEST_LIMIT)) if (!seen.has(s.documentId)) seen.add(s.documentId), found.push(s);
            if (found.length >= SUGGEST_LIMIT) break;
          }
        }
      }
      return found.slice(0, SUGGEST_LIMIT).map((s) => {
        const hit = JSON.parse(s.payload) as FeedArticle;
        return { documentId: hit.documentId, title: hit.title, url: hit.url, section: hit.section, publishedAt: hit.publishedAt };
      });
    },
  };
};
