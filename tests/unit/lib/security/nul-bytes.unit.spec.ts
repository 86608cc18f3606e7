import { containsNul, graphqlSourceHasNul, rawHasNul } from '../../../../src/lib/security/nul-bytes';
import { hideInternalErrorDetails } from '../../../../src/lib/security/graphql-guards';

describe('containsNul', () => {
  it('finds NUL in strings, nested values and keys', () => {
    expect(containsNul('a\u0000b')).toBe(true);
    expect(containsNul({ data: { list: [1, 'ok', { deep: 'x\u0000' }] } })).toBe(true);
    expect(containsNul({ ['k\u0000']: 1 })).toBe(true);
  });

  it('passes ordinary input, including other control characters and non-strings', () => {
    expect(containsNul({ title: 'Tab\there, newline\n, emoji 😀', n: 0, b: false, nothing: null })).toBe(false);
    expect(containsNul(undefined)).toBe(false);
  });
});

describe('rawHasNul', () => {
  it('sees %00 in either case and a raw NUL, not %2500', () => {
    expect(rawHasNul('filters[title][$eq]=a%00b')).toBe(true);
    expect(rawHasNul('/s/%00')).toBe(true);
    expect(rawHasNul('a\u0000')).toBe(true);
    expect(rawHasNul('q=%2500')).toBe(false);
    expect(rawHasNul('q=100%')).toBe(false);
  });
});

describe('graphqlSourceHasNul', () => {
  it('sees string escapes and raw characters', () => {
    expect(graphqlSourceHasNul('{ a(x: "\\u0000") }')).toBe(true);
    expect(graphqlSourceHasNul('{ a(x: "\\u{0}") }')).toBe(true);
    expect(graphqlSourceHasNul('{ a(x: "\u0000") }')).toBe(true);
    expect(graphqlSourceHasNul('{ a(x: "\\u0041") }')).toBe(false);
  });
});

describe('hideInternalErrorDetails', () => {
  it('drops the underlying error from 500s and keeps client errors intact', async () => {
    const errors = [
      { message: 'Internal Server Error', extensions: { code: 'INTERNAL_SERVER_ERROR', error: { name: 'error', message: 'select "t0".* from "schema"."articles"' } } },
      { message: 'Invalid key', extensions: { code: 'BAD_USER_INPUT', error: { name: 'ValidationError', message: 'Invalid key' } } },
    ];
    const hooks = await hideInternalErrorDetails.requestDidStart();
    await hooks.willSendResponse({ request: {}, response: { body: { kind: 'single', singleResult: { errors } } } });
    expect(errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(errors[1].extensions.error).toEqual({ name: 'ValidationError', message: 'Invalid key' });
  });
});
