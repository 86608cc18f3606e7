import { cacheControl, etagFor, isNotModified, surrogateKeyHeader, variantEtag } from '../../../../src/lib/feeds/http-cache';

describe('HTTP caching helpers', () => {
  const tag = etagFor('<rss/>');
  const modified = new Date('2018-11-20T10:00:00.000Z');

  it('derives a strong ETag from the body', () => {
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(etagFor('<rss/>')).toBe(tag);
    expect(etagFor('<rss />')).not.toBe(tag);
    expect(variantEtag(tag, 'gzip')).toBe(`${tag.slice(0, -1)}-gz"`);
    expect(variantEtag(tag, 'identity')).toBe(tag);
  });

  it('If-None-Match: matches the tag, its variants, weak forms, lists and *', () => {
    expect(isNotModified({ ifNoneMatch: tag }, tag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: variantEtag(tag, 'br') }, tag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `W/${tag}` }, tag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `"x", ${tag}` }, tag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, tag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"other"' }, tag, modified)).toBe(false);
  });

  it('If-Modified-Since: to the second, and ignored when If-None-Match is present', () => {
    expect(isNotModified({ ifModifiedSince: modified.toUTCString() }, tag, modified)).toBe(true);
    expect(isNotModified({ ifModifiedSince: new Date(modified.getTime() - 1000).toUTCString() }, tag, modified)).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'garbage' }, tag, modified)).toBe(false);
    expect(isNotModified({ ifNoneMatch: '"other"', ifModifiedSince: modified.toUTCString() }, tag, modified)).toBe(false);
  });

  it('Cache-Control and Surrogate-Key', () => {
    expect(cacheControl({ maxAge: 60, sMaxAge: 300, staleWhileRevalidate: 600 })).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=600');
    expect(surrogateKeyHeader(['feed', 'section:world', 'feed', 'bad key\n'])).toBe('feed section:world bad_key_');
  });
});
