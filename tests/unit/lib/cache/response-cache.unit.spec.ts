import { ResponseCache } from '../../../../src/lib/cache/response-cache';
import { feedCacheKey } from '../../../../src/lib/cache/cache-key';

describe('ResponseCache', () => {
  let now = 0;
  const make = (maxEntries = 2, ttlMs = 1000) => new ResponseCache<string>({ maxEntries, ttlMs, now: () => now });
  beforeEach(() => (now = 0));

  it('stores and expires after the TTL, or a shorter per-entry TTL', () => {
    const c = make();
    c.set('a', 'A', c.generation);
    c.set('b', 'B', c.generation, 100);
    now = 150;
    expect(c.get('a')).toBe('A');
    expect(c.get('b')).toBeUndefined();
    now = 1000;
    expect(c.get('a')).toBeUndefined();
  });

  it('evicts the least recently used entry', () => {
    const c = make(2);
    c.set('a', 'A', c.generation);
    c.set('b', 'B', c.generation);
    c.get('a');
    c.set('c', 'C', c.generation);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe('A');
    expect(c.get('c')).toBe('C');
  });

  it('refuses a response computed before an invalidation', () => {
    const c = make();
    const gen = c.generation;
    c.set('a', 'A', gen);
    c.invalidate();
    expect(c.get('a')).toBeUndefined();
    expect(c.set('a', 'stale', gen)).toBe(false);
    expect(c.get('a')).toBeUndefined();
    expect(c.set('a', 'fresh', c.generation)).toBe(true);
  });

  it('stores nothing with zero capacity', () => {
    const c = make(0);
    expect(c.set('a', 'A', c.generation)).toBe(false);
  });
});

describe('feedCacheKey', () => {
  it('orders the feed parameters and ignores others', () => {
    expect(feedCacheKey('/api/feeds/articles', 'limit=5&format=rss&utm_source=x')).toBe('/api/feeds/articles?format=rss&limit=5');
    expect(feedCacheKey('/api/feeds/articles', 'format=rss&limit=5')).toBe(feedCacheKey('/api/feeds/articles', 'limit=5&format=rss'));
    expect(feedCacheKey('/api/feeds/articles', '')).toBe('/api/feeds/articles?');
  });

  it('does not cache repeated or bracketed feed parameters', () => {
    expect(feedCacheKey('/api/feeds/articles', 'limit=1&limit=2')).toBeNull();
    expect(feedCacheKey('/api/feeds/articles', 'limit[]=1')).toBeNull();
    expect(feedCacheKey('/api/feeds/articles', 'locale[$ne]=x')).toBeNull();
  });
});
