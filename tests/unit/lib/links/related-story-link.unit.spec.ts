import { hasRelationTarget, isSafeHttpUrl, relatedStoryLinkError } from '../../../../src/lib/links/related-story-link';

describe('relatedStoryLinkError', () => {
  it('accepts an internal article alone', () => {
    expect(relatedStoryLinkError({ article: { documentId: 'abc' } })).toBeNull();
    expect(relatedStoryLinkError({ article: 'abc' })).toBeNull();
  });

  it('accepts an external https URL alone', () => {
    expect(relatedStoryLinkError({ url: 'https://example.org/story' })).toBeNull();
  });

  it('refuses a link with both targets', () => {
    expect(relatedStoryLinkError({ article: 'abc', url: 'https://example.org' })).toMatch(/either an internal article or an external URL, not both/);
  });

  it('refuses a link with no target', () => {
    expect(relatedStoryLinkError({ titleOverride: 'Read more' })).toMatch(/needs a target/);
    expect(relatedStoryLinkError({ article: null, url: '   ' })).toMatch(/needs a target/);
    expect(relatedStoryLinkError({ article: { connect: [] } })).toMatch(/needs a target/);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', '//evil.example', 'ftp://example.org/x', 'example.org', 'https://', ' https://example.org', 'https://exa\nmple.org'])(
    'refuses the unsafe URL %j',
    (url) => {
      expect(relatedStoryLinkError({ url })).toMatch(/not an absolute http\(s\) URL|needs a target/);
    },
  );
});

describe('hasRelationTarget', () => {
  it('reads connect and set forms', () => {
    expect(hasRelationTarget({ connect: [{ documentId: 'x' }] })).toBe(true);
    expect(hasRelationTarget({ set: [] })).toBe(false);
    expect(hasRelationTarget([])).toBe(false);
    expect(hasRelationTarget(7)).toBe(true);
  });
});

describe('isSafeHttpUrl', () => {
  it('accepts http and https with a host', () => {
    expect(isSafeHttpUrl('http://example.org')).toBe(true);
    expect(isSafeHttpUrl('HTTPS://Example.org/a?b=c')).toBe(true);
  });
});
