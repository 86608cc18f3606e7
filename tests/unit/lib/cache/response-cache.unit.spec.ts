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

  it('purges exactly the entries tagged with a purged key, and leaves the others warm', () => {
    const c = make(10);
    c.set('world', 'W', c.generation, undefined, ['feed', 'section:world', 'article:a1']);
    c.set('business', 'B', c.generation, undefined, ['feed', 'section:business', 'article:b1']);
    c.set('page-a1', 'P', c.generation, undefined, ['feed', 'article:a1', 'tag:t1']);
    expect(c.purge(['article:a1'])).toBe(2);
    expect(c.get('world')).toBeUndefined();
    expect(c.get('page-a1')).toBeUndefined();
    expect(c.get('business')).toBe('B');
    expect(c.purge([])).toBe(0);
    expect(c.purge(['tag:unknown'])).toBe(0);
    expect(c.get('business')).toBe('B');
    expect(c.purge(['feed'])).toBe(1);
    expect(c.size).toBe(0);
  });

  it('refuses a response computed before a purge of one of its keys, and only those', () => {
    const c = make(10);
    const gen = c.generation;
    c.purge(['section:world']);
    expect(c.set('world', 'stale', gen, undefined, ['section:world'])).toBe(false);
    expect(c.set('business', 'fine', gen, undefined, ['section:business'])).toBe(true);
    expect(c.set('world', 'fresh', c.generation, undefined, ['section:world'])).toBe(true);
  });

  it('forgets old purge records past its bound by fencing every response in flight', () => {
    const c = new ResponseCache<string>({ maxEntries: 10, ttlMs: 1000, now: () => now, maxPurgeRecords: 2 });
    const gen = c.generation;
    c.purge(['a']);
    c.purge(['b']);
    c.purge(['c']);
    expect(c.set('x', 'stale', gen, undefined, ['z'])).toBe(false);
    expect(c.set('x', 'fresh', c.generation, undefined, ['a'])).toBe(true);
  });

  it('keeps its tag index in step with evictions and expiry', () => {
    const c = make(1);
    c.set('a', 'A', c.generation, undefined, ['k']);
    c.set('b', 'B', c.generation, undefined, ['k']);
    expect(c.purge(['k'])).toBe(1);
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

  it('keys on the parameters a caller names (search: q, section, tag, …)', () => {
    const known = ['cursor', 'from', 'limit', 'locale', 'q', 'section', 'tag', 'to'];
    expect(feedCacheKey('/api/search', 'tag=a&q=moon+landing&utm=x', known)).toBe('/api/search?q=moon%20landing&tag=a');
    expect(feedCacheKey('/api/search', 'q=a', known)).not.toBe(feedCacheKey('/api/search', 'q=b', known));
    expect(feedCacheKey('/api/search', 'q=a&q=b', known)).toBeNull();
  });
});
