// The HTTP side of every feed: the in-memory response cache, ETag/Last-Modified/304,
// Cache-Control, Surrogate-Key and precompressed gzip/brotli variants.
import zlib from 'zlib';
import { promisify } from 'util';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ResponseCache } from '../../../lib/cache/response-cache';
import { feedCacheKey } from '../../../lib/cache/cache-key';
import { renderFeed } from '../../../lib/feeds/render-feed';
import { FeedQueryError, parseFeedQuery, type FeedQuery } from '../../../lib/feeds/feed-query';
import type { AnyFeed } from '../../../lib/feeds/types';
import { errors } from '@strapi/utils';
import { fillMarked, splitMarked, type MarkedBody } from '../../../lib/feeds/view-marks';
import { cacheControl, etagFor, isNotModified, surrogateKeyHeader, variantEtag, type Encoding } from '../../../lib/feeds/http-cache';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export interface RenderedFeed {
  body: string;
  contentType: string;
  lastModified: Date;
  surrogateKeys: string[];
  /** Shorter lifetime in the memory cache, e.g. until the picture week rolls over. */
  ttlMs?: number;
  /** Articles whose viewCount placeholders the body carries, in placeholder order. */
  viewIds?: string[];
}

export interface CachedFeed {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
  surrogateKey: string;
  cacheControl: string;
  variants: Partial<Record<Exclude<Encoding, 'identity'>, Promise<Buffer>>>;
  /** The security headers the full stack set on the miss (CSP, HSTS, nosniff…), replayed on early hits. */
  stackHeaders: Record<string, string | string[]>;
  /** The body split at its viewCount placeholders; `live` is the last fill, reused until a total changes. */
  marked?: MarkedBody;
  live?: LiveBody;
}

interface LiveBody {
  key: string;
  body: Buffer;
  etag: string;
  variants: CachedFeed['variants'];
}

/** Headers that depend on the request or on the feed itself, never replayed from another response. */
const PER_RESPONSE = /^(vary|access-control-|content-(type|length|encoding|disposition|language|range)$|etag|last-modified|cache-control|surrogate-key|x-feed-cache|set-cookie|date|connection|keep-alive|transfer-encoding|retry-after|x-ratelimit)/i;

function stackHeadersOf(ctx: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(ctx.response.headers)) {
    if (!PER_RESPONSE.test(name) && (typeof value === 'string' || Array.isArray(value))) out[name] = value;
  }
  return out;
}

function corsHeadersOf(ctx: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(ctx.response.headers)) {
    if (name.startsWith('access-control-') && (typeof value === 'string' || Array.isArray(value))) out[name] = value;
  }
  return out;
}

interface CacheConfig {
  enabled: boolean;
  ttlSeconds: number;
  maxEntries: number;
}

/** Only anonymous reads go through the shared cache: anything sent with credentials is computed afresh. */
export function isPublicRequest(ctx: Pick<Context, 'method' | 'get'>): boolean {
  return (ctx.method === 'GET' || ctx.method === 'HEAD') && !ctx.get('authorization');
}

const MIN_COMPRESS_BYTES = 1024;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cfg = () => strapi.config.get('feeds.cache') as CacheConfig;
  const http = () => strapi.config.get('feeds.http') as { maxAge: number; sMaxAge: number; staleWhileRevalidate: number };
  let cache: ResponseCache<CachedFeed> | null = null;
  /** The CORS headers the full stack gives a request without Origin (the same for every feed), replayed on early hits. */
  let corsWithoutOrigin: Record<string, string | string[]> | null = null;
  const store = () => (cache ??= new ResponseCache<CachedFeed>({ maxEntries: cfg().maxEntries, ttlMs: cfg().ttlSeconds * 1000 }));

  /**
   * The one merge-at-serve step: a cached body with viewCount placeholders gets the current
   * totals (kept live by every flush, see the views plugin), with its own ETag and compressed
   * variants, computed again only when one of its totals changed.
   */
  async function withLiveViewCounts(entry: CachedFeed): Promise<Pick<CachedFeed, 'body' | 'etag' | 'variants'>> {
    if (!entry.marked) return entry;
    const views = strapi.plugin('views')?.service('live-totals');
    const totals: Map<string, number> = views ? await views.totals(entry.marked.ids) : new Map();
    const key = entry.marked.ids.map((id) => totals.get(id) ?? 0).join(',');
    if (entry.live?.key !== key) {
      const body = Buffer.from(fillMarked(entry.marked, totals), 'utf8');
      entry.live = { key, body, etag: etagFor(body), variants: {} };
    }
    return entry.live;
  }

  function variant(entry: Pick<CachedFeed, 'body' | 'variants'>, encoding: Encoding): Promise<Buffer> {
    if (encoding === 'identity') return Promise.resolve(entry.body);
    entry.variants[encoding] ??=
      encoding === 'br'
        ? brotli(entry.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length } })
        : gzip(entry.body, { level: 6 });
    return entry.variants[encoding]!;
  }

  /**
   * Writes an entry to the response: headers, then 304 or the best encoded body. Vary is merged
   * (CORS sets Origin) and always names both, so a shared cache keeps one origin's CORS answer
   * and one encoding from another's, on misses, warm hits and 304s alike.
   */
  async function send(ctx: Context, cached: CachedFeed, state: 'hit' | 'miss' | 'off') {
    const entry = { ...cached, ...(await withLiveViewCounts(cached)) };
    // Koa's negotiation honours q-values (gzip;q=1, br;q=0.1 is gzip); equal ones go in the client's order.
    const accepted = entry.body.length >= MIN_COMPRESS_BYTES ? ctx.acceptsEncodings('br', 'gzip', 'identity') : 'identity';
    const encoding: Encoding = accepted === 'br' || accepted === 'gzip' ? accepted : 'identity';
    ctx.vary('Origin');
    ctx.vary('Accept-Encoding');
    ctx.set('ETag', variantEtag(entry.etag, encoding));
    ctx.set('Last-Modified', entry.lastModified.toUTCString());
    ctx.set('Cache-Control', entry.cacheControl);
    ctx.set('Surrogate-Key', entry.surrogateKey);
    ctx.set('X-Feed-Cache', state);
    ctx.status = 200;
    // ctx.fresh compares this exact variant's tag (and honours a request's no-cache); a tag of
    // another encoding of the same body is as good: the client holds the same bytes decoded.
    const revalidating = !/no-cache/i.test(ctx.get('cache-control'));
    if (ctx.fresh || (revalidating && isNotModified({ ifNoneMatch: ctx.get('if-none-match') || undefined }, entry.etag, entry.lastModified))) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.type = entry.contentType;
    if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
    ctx.body = await variant(entry, encoding);
  }

  return {
    enabled(): boolean {
      return cfg().enabled;
    },

    /** A cached response for this request, if any (never for requests with credentials). */
    lookup(ctx: Context, params?: readonly string[]): CachedFeed | undefined {
      if (!cfg().enabled || !isPublicRequest(ctx)) return undefined;
      const key = feedCacheKey(ctx.path, ctx.querystring, params);
      return key ? store().get(key) : undefined;
    },

    send,

    /** What CORS answers a request without Origin, once a full-stack feed request has shown it; null before. */
    corsWithoutOrigin(): Record<string, string | string[]> | null {
      return corsWithoutOrigin;
    },

    /**
     * Answers from the cache, or renders with `produce`, caches the public result and answers.
     * `params`: the query parameters that make up the cache key (default: the feeds' ones).
     */
    async serve(ctx: Context, produce: () => Promise<RenderedFeed>, params?: readonly string[]): Promise<void> {
      if (!ctx.get('origin')) corsWithoutOrigin = corsHeadersOf(ctx);
      const hit = this.lookup(ctx, params);
      if (hit) return send(ctx, hit, 'hit');
      const generation = store().generation;
      const rendered = await produce();
      const body = Buffer.from(rendered.body, 'utf8');
      const marked = rendered.viewIds?.length ? splitMarked(rendered.body, rendered.viewIds) : undefined;
      const entry: CachedFeed = {
        ...(marked && marked.slots.length ? { marked } : {}),
        body,
        contentType: rendered.contentType,
        etag: etagFor(body),
        // HTTP dates have whole seconds; keep the header and the comparison in step.
        lastModified: new Date(Math.floor(rendered.lastModified.getTime() / 1000) * 1000),
        surrogateKey: surrogateKeyHeader(rendered.surrogateKeys),
        cacheControl: cacheControl(http()),
        variants: {},
        stackHeaders: stackHeadersOf(ctx),
      };
      const key = feedCacheKey(ctx.path, ctx.querystring, params);
      const cached = cfg().enabled && isPublicRequest(ctx) && key !== null && store().set(key, entry, generation, rendered.ttlMs, rendered.surrogateKeys);
      return send(ctx, entry, cfg().enabled ? (cached ? 'miss' : 'off') : 'off');
    },

    /** Validates the query into feed parameters; a ValidationError (400) names the bad one. */
    parseQuery(query: Record<string, unknown>, opts: { allowDate?: boolean } = {}): FeedQuery {
      try {
        return parseFeedQuery(query, opts);
      } catch (e) {
        if (e instanceof FeedQueryError) throw new errors.ValidationError(e.message, { path: e.path });
        throw e;
      }
    },

    /** The whole feed round trip: parse the query, load the feed, render it in the asked format, answer. */
    async serveFeed(ctx: Context, load: (query: FeedQuery) => Promise<AnyFeed>, opts: { allowDate?: boolean; ttlMs?: (query: FeedQuery) => number | undefined } = {}) {
      return this.serve(ctx, async () => {
        const query = this.parseQuery(ctx.query as Record<string, unknown>, opts);
        const feed = await load(query);
        const feeds = strapi.service('api::feed.feed');
        return {
          ...renderFeed(feed, query.format, feeds.links(), feeds.syndicationOptions()),
          lastModified: new Date(feed.updatedAt),
          surrogateKeys: feed.surrogateKeys,
          ttlMs: feed.cacheTtlMs ?? opts.ttlMs?.(query),
          viewIds: feed.viewIds,
        };
      });
    },

    /** Drops every cached feed in this process (tests that write rows behind the Document Service's back). */
    invalidate(): void {
      store().invalidate();
    },

    /**
     * Drops this process's entries tagged with any of `keys`; returns how many. Reached through
     * purgeFeedCache() (src/api/feed/purge-feed-cache.ts), never called by writers directly.
     */
    purgeLocal(keys: string[]): number {
      return store().purge(keys);
    },

    size(): number {
      return store().size;
    },
  };
};
