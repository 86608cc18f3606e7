import { parse } from 'graphql';
import { GRAPHQL_AUTH_MUTATIONS, matchRule, normalizePath, rootMutationFields, type OperationNode, type RateLimitRule } from '../../../../src/lib/security/rate-limit-rules';

const rules: RateLimitRule[] = [
  { name: 'auth', methods: ['POST'], paths: ['/api/auth/local', '/api/auth/local/register'], points: 3, durationSeconds: 60 },
  { name: 'redirect', methods: ['GET', 'HEAD'], paths: ['/s/*'], points: 5, durationSeconds: 60 },
];

describe('normalizePath', () => {
  it('folds the spellings the router treats as the same route', () => {
    expect(normalizePath('/API//Auth/local/')).toBe('/api/auth/local');
    expect(normalizePath('/api/auth/%6Cocal')).toBe('/api/auth/local');
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('//')).toBe('/');
  });

  it('keeps a malformed escape rather than throwing', () => {
    expect(normalizePath('/s/%E0%A4%A')).toBe('/s/%e0%a4%a');
  });
});

describe('matchRule', () => {
  it('gives each exact auth path its own bucket', () => {
    expect(matchRule(rules, 'POST', '/api/auth/local')?.bucket).toBe('auth:/api/auth/local');
    expect(matchRule(rules, 'post', '/API/auth/local/')?.bucket).toBe('auth:/api/auth/local');
    expect(matchRule(rules, 'POST', '/api/auth/local/register')?.bucket).toBe('auth:/api/auth/local/register');
  });

  it('ignores other methods and near-miss paths', () => {
    expect(matchRule(rules, 'GET', '/api/auth/local')).toBeUndefined();
    expect(matchRule(rules, 'POST', '/api/auth/localx')).toBeUndefined();
    expect(matchRule(rules, 'POST', '/api/articles')).toBeUndefined();
  });

  it('matches a prefix rule on every code under it, with one shared bucket', () => {
    expect(matchRule(rules, 'GET', '/s/abc123')?.bucket).toBe('redirect:/s/');
    expect(matchRule(rules, 'HEAD', '/S/xyz')?.bucket).toBe('redirect:/s/');
    expect(matchRule(rules, 'GET', '/s')?.bucket).toBe('redirect:/s/');
    expect(matchRule(rules, 'GET', '/shop')).toBeUndefined();
  });
});

describe('rootMutationFields', () => {
  const fieldsOf = (source: string) => {
    const doc = parse(source);
    const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as unknown as OperationNode;
    const fragments = Object.fromEntries(
      doc.definitions.filter((d) => d.kind === 'FragmentDefinition').map((d) => [(d as { name: { value: string } }).name.value, d]),
    ) as never;
    return rootMutationFields(op, fragments);
  };

  it('counts every aliased occurrence', () => {
    expect(fieldsOf('mutation { a: login(input: {identifier: "x", password: "1"}) { jwt } b: login(input: {identifier: "x", password: "2"}) { jwt } }'))
      .toEqual(['login', 'login']);
  });

  it('looks inside inline fragments and fragment spreads, without looping on cycles', () => {
    expect(fieldsOf('mutation { ... on Mutation { register(input: {}) { jwt } } ...F } fragment F on Mutation { forgotPassword(email: "x") { ok } ...F }'))
      .toEqual(['register', 'forgotPassword']);
  });

  it('ignores queries', () => {
    expect(fieldsOf('{ articles { title } }')).toEqual([]);
  });

  it('maps every users-permissions auth mutation (and the push subscription mutations) to a REST route', () => {
    expect(Object.keys(GRAPHQL_AUTH_MUTATIONS).sort()).toEqual(['changePassword', 'emailConfirmation', 'forgotPassword', 'login', 'pushSubscribe', 'pushUnsubscribe', 'register', 'resetPassword']);
    expect(GRAPHQL_AUTH_MUTATIONS.pushSubscribe).toBe('/api/push/subscriptions');
  });
});
