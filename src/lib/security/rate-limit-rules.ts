// Which requests count against which per-client rate limit: path normalisation, rule matching,
// and the GraphQL auth mutations that reach the same buckets as their REST routes.

export interface RateLimitRule {
  /** Name of the bucket family, e.g. "auth" or "redirect". */
  name: string;
  /** Requests allowed per client IP within `durationSeconds`. */
  points: number;
  durationSeconds: number;
  /** HTTP methods counted (upper case). */
  methods: string[];
  /** Exact normalised paths, or prefixes when they end with "/*". */
  paths: string[];
}

export interface RuleMatch {
  rule: RateLimitRule;
  /** The bucket within the rule: one per exact path, one per rule for prefixes. */
  bucket: string;
}

/**
 * The router matches case-insensitively, ignores a trailing slash and tolerates doubled
 * slashes, so the limiter must see `/API//auth/local/` and `/api/auth/%6Cocal` as the route
 * they reach, or an attacker gets a fresh bucket per spelling.
 */
export function normalizePath(rawPath: string): string {
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // A malformed escape cannot match a route either; keep it raw.
  }
  path = path.toLowerCase().replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

export function matchRule(rules: RateLimitRule[], method: string, rawPath: string): RuleMatch | undefined {
  const verb = method.toUpperCase();
  const path = normalizePath(rawPath);
  for (const rule of rules) {
    if (!rule.methods.includes(verb)) continue;
    for (const pattern of rule.paths) {
      if (pattern.endsWith('/*')) {
        const prefix = pattern.slice(0, -1); // keep the slash: "/s/" matches "/s/abc", not "/shop"
        if (path.startsWith(prefix) || path === prefix.slice(0, -1)) return { rule, bucket: `${rule.name}:${prefix}` };
      } else if (path === pattern) {
        return { rule, bucket: `${rule.name}:${pattern}` };
      }
    }
  }
  return undefined;
}

/** users-permissions GraphQL mutations and the REST route whose bucket they share. */
export const GRAPHQL_AUTH_MUTATIONS: Record<string, string> = {
  login: '/api/auth/local',
  register: '/api/auth/local/register',
  forgotPassword: '/api/auth/forgot-password',
  resetPassword: '/api/auth/reset-password',
  changePassword: '/api/auth/change-password',
  emailConfirmation: '/api/auth/email-confirmation',
  // Not auth, but limited the same way: push subscriptions (src/plugins/push) share the REST bucket.
  pushSubscribe: '/api/push/subscriptions',
  pushUnsubscribe: '/api/push/subscriptions',
};

/** The subset of a GraphQL AST this module reads (structurally compatible with graphql-js). */
export interface SelectionNode {
  kind: string;
  name?: { value: string };
  selectionSet?: { selections: readonly SelectionNode[] };
}
export interface OperationNode {
  operation: string;
  selectionSet: { selections: readonly SelectionNode[] };
}

/**
 * Root mutation fields of an operation, once per occurrence: aliases
 * (`a: login(...) b: login(...)`) and fragments must each count, or one request could try
 * a hundred passwords.
 */
export function rootMutationFields(operation: OperationNode, fragments: Record<string, { selectionSet: { selections: readonly SelectionNode[] } }> = {}): string[] {
  if (operation.operation !== 'mutation') return [];
  const out: string[] = [];
  const walk = (selections: readonly SelectionNode[], seen: Set<string>) => {
    for (const node of selections) {
      if (node.kind === 'Field' && node.name) out.push(node.name.value);
      else if (node.kind === 'InlineFragment' && node.selectionSet) walk(node.selectionSet.selections, seen);
      else if (node.kind === 'FragmentSpread' && node.name) {
        const fragment = fragments[node.name.value];
        if (fragment && !seen.has(node.name.value)) walk(fragment.selectionSet.selections, new Set([...seen, node.name.value]));
      }
    }
  };
  walk(operation.selectionSet.selections, new Set());
  return out;
}
