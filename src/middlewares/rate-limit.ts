// Per-client-IP rate limits for login, registration, password reset and short-URL redirects,
// over REST (this global middleware) and GraphQL (the Apollo plugin below), sharing buckets.
// Counted in the shared store, so a budget is the whole site's across instances.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { GraphQLError } from 'graphql';
import { platform } from '../platform';
import type { SharedLimiter } from '../lib/shared-state/types';
import {
  GRAPHQL_AUTH_MUTATIONS,
  matchRule,
  rootMutationFields,
  type OperationNode,
  type RateLimitRule,
  type RuleMatch,
} from '../lib/security/rate-limit-rules';

export interface RateLimitConfig {
  enabled?: boolean;
  rules?: RateLimitRule[];
}

interface Limiter {
  rules: RateLimitRule[];
  /**
   * Takes `points` from the client's bucket; resolves with the seconds to wait when refused.
   * Keyed on the client IP only (never on the e-mail or username in the body), which Koa reads
   * from X-Forwarded-For only when server.proxy.koa (TRUST_PROXY) is on.
   */
  consume(match: RuleMatch, ip: string, points?: number): Promise<number | null>;
}

/** One limiter per running app, so tests that boot several apps do not share counters. */
const limiters = new WeakMap<object, Limiter>();

function createLimiter(strapi: Core.Strapi, rules: RateLimitRule[]): Limiter {
  const stores = new Map<string, SharedLimiter>();
  const storeFor = (rule: RateLimitRule) => {
    let store = stores.get(rule.name);
    if (!store) {
      store = platform(strapi).store.limiter({ name: rule.name, points: rule.points, durationSeconds: rule.durationSeconds });
      stores.set(rule.name, store);
    }
    return store;
  };
  return {
    rules,
    consume: (match, ip, points = 1) => storeFor(match.rule).consume(`${match.bucket}:${ip}`, points),
  };
}

function tooManyRequests(retryAfterSeconds: number) {
  return new errors.RateLimitError('Too many requests from this address, please try again later.', { retryAfterSeconds });
}

export default (config: RateLimitConfig, { strapi }: { strapi: Core.Strapi }) => {
  const rules = config.enabled === false ? [] : (config.rules ?? []);
  const limiter = createLimiter(strapi, rules);
  limiters.set(strapi, limiter);

  return async (ctx: { method: string; path: string; request: { ip: string }; set(name: string, value: string): void }, next: () => Promise<unknown>) => {
    const match = matchRule(limiter.rules, ctx.method, ctx.path);
    if (match) {
      const wait = await limiter.consume(match, ctx.request.ip);
      if (wait !== null) {
        ctx.set('Retry-After', String(wait));
        throw tooManyRequests(wait);
      }
    }
    return next();
  };
};

interface GraphqlRequestContext {
  operation?: OperationNode | null;
  document?: { definitions: readonly { kind: string; name?: { value: string }; selectionSet?: OperationNode['selectionSet'] }[] };
  contextValue: { koaContext?: { request: { ip: string }; set(name: string, value: string): void } };
}

/**
 * Apollo plugin: counts each users-permissions auth mutation in an operation (aliases included)
 * against the bucket of its REST route, so GraphQL is not a way around the REST limits.
 */
export const graphqlAuthRateLimit = {
  async requestDidStart() {
    return {
      async didResolveOperation(request: GraphqlRequestContext) {
        const global = globalThis as { strapi?: object };
        const limiter = global.strapi ? limiters.get(global.strapi) : undefined;
        const koa = request.contextValue.koaContext;
        if (!limiter || !koa || !request.operation) return;
        const fragments = Object.fromEntries(
          (request.document?.definitions ?? [])
            .filter((d) => d.kind === 'FragmentDefinition' && d.name && d.selectionSet)
            .map((d) => [d.name!.value, { selectionSet: d.selectionSet! }]),
        );
        const counts = new Map<string, number>();
        for (const field of rootMutationFields(request.operation, fragments)) {
          const path = GRAPHQL_AUTH_MUTATIONS[field];
          if (path) counts.set(path, (counts.get(path) ?? 0) + 1);
        }
        for (const [path, points] of counts) {
          const match = matchRule(limiter.rules, 'POST', path);
          if (!match) continue;
          const wait = await limiter.consume(match, koa.request.ip, points);
          if (wait !== null) {
            koa.set('Retry-After', String(wait));
            throw new GraphQLError('Too many requests from this address, please try again later.', {
              extensions: { code: 'TOO_MANY_REQUESTS', http: { status: 429 }, error: { name: 'RateLimitError', details: { retryAfterSeconds: wait } } },
            });
          }
        }
      },
    };
  },
};
