import { articlePath, articleUrl, unknownPlaceholders } from '../../../../src/lib/urls/canonical-url';

describe('articlePath', () => {
  it('fills the default pattern with the section and slug', () => {
    expect(articlePath({ section: 'world', slug: 'quake-hits-coast' })).toBe('/world/quake-hits-coast');
  });

  it('fills date, locale and documentId placeholders from the first publication time (UTC)', () => {
    const parts = { section: 'world', slug: 'quake', locale: 'fr', documentId: 'abc123', firstPublishedAt: '2024-03-09T23:30:00.000-02:00' };
    expect(articlePath(parts, '/{locale}/{year}/{month}/{day}/{slug}-{documentId}')).toBe('/fr/2024/03/10/quake-abc123');
  });

  it('returns null when a placeholder the pattern uses has no value', () => {
    expect(articlePath({ slug: 'no-section-yet' })).toBeNull();
    expect(articlePath({ section: 'world', slug: '  ' })).toBeNull();
    expect(articlePath({ slug: 'draft' }, '/{year}/{slug}')).toBeNull();
    expect(articlePath({ slug: 'bad-date', firstPublishedAt: 'not a date' }, '/{year}/{slug}')).toBeNull();
  });

  it('ignores values the pattern does not use', () => {
    expect(articlePath({ slug: 'only-slug' }, '/news/{slug}')).toBe('/news/only-slug');
  });

  it('encodes values so they cannot add path segments or queries', () => {
    expect(articlePath({ section: 'a/b', slug: '../x?y=1#z' })).toBe('/a%2Fb/..%2Fx%3Fy%3D1%23z');
  });

  it('adds a leading slash when the pattern lacks one', () => {
    expect(articlePath({ section: 'world', slug: 's' }, '{section}/{slug}')).toBe('/world/s');
  });

  it('throws, naming them, on placeholders it does not know', () => {
    expect(() => articlePath({ slug: 's' }, '/{category}/{slug}/{id}')).toThrow('{category}, {id}');
    expect(unknownPlaceholders('/{section}/{slug}')).toEqual([]);
  });
});

describe('articleUrl', () => {
  it('joins the site URL and the path without doubling slashes', () => {
    expect(articleUrl('https://news.example/', { section: 'world', slug: 'q' })).toBe('https://news.example/world/q');
    expect(articleUrl('https://news.example/edition//', { section: 'world', slug: 'q' })).toBe('https://news.example/edition/world/q');
  });

  it('is null when the article has no page yet', () => {
    expect(articleUrl('https://news.example', { slug: 'q' })).toBeNull();
  });
});
