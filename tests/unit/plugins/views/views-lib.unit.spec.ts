// The views plugin's pure parts: the reader key, hour buckets, what a beacon is not, the pending batch.
import { readerKey, saltDay } from '../../../../src/plugins/views/lib/reader-key';
import { hourOf, hourlySeries, retentionStartHour, windowStartHour } from '../../../../src/plugins/views/lib/hours';
import { DOCUMENT_ID, notCountedBecause } from '../../../../src/plugins/views/lib/beacon-filter';
import { parsePending } from '../../../../src/plugins/views/server/services/flush';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe('readerKey', () => {
  it('is stable for the same salt, address, agent and article, and never contains the address', () => {
    const a = readerKey('salt', '203.0.113.9', BROWSER, 'doc1');
    expect(a).toBe(readerKey('salt', '203.0.113.9', BROWSER, 'doc1'));
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toContain('203');
  });

  it('changes with the salt (daily rotation), the address, the agent and the article', () => {
    const base = readerKey('salt', '203.0.113.9', BROWSER, 'doc1');
    expect(readerKey('salt2', '203.0.113.9', BROWSER, 'doc1')).not.toBe(base);
    expect(readerKey('salt', '203.0.113.10', BROWSER, 'doc1')).not.toBe(base);
    expect(readerKey('salt', '203.0.113.9', `${BROWSER}x`, 'doc1')).not.toBe(base);
    expect(readerKey('salt', '203.0.113.9', BROWSER, 'doc2')).not.toBe(base);
    // Field boundaries matter: "a\nb" + "c" differs from "a" + "b\nc".
    expect(readerKey('s', 'a', 'b\nc', 'd')).not.toBe(readerKey('s', 'a\nb', 'c', 'd'));
  });

  it('salt days are UTC calendar days', () => {
    expect(saltDay(new Date('2026-12-01T23:59:59Z'))).toBe('2026-12-01');
    expect(saltDay(new Date('2026-12-02T00:00:00Z'))).toBe('2026-12-02');
  });
});

describe('hour buckets', () => {
  const now = new Date('2026-12-01T10:30:00Z');
  it('windows include the current hour and reach back whole hours', () => {
    expect(windowStartHour('24h', now)).toBe(hourOf(now) - 23);
    expect(windowStartHour('7d', now)).toBe(hourOf(now) - 167);
    expect(windowStartHour('30d', now)).toBe(hourOf(now) - 719);
    expect(retentionStartHour(30, now)).toBe(windowStartHour('30d', now));
  });

  it('a 48-hour series is oldest first with zeros where nothing was counted', () => {
    const h = hourOf(now);
    const series = hourlySeries([{ hour: h, views: 5 }, { hour: h - 47, views: 2 }, { hour: h - 48, views: 99 }], 48, now);
    expect(series).toHaveLength(48);
    expect(series[0]).toEqual({ hour: h - 47, views: 2 });
    expect(series[47]).toEqual({ hour: h, views: 5 });
    expect(series.slice(1, 47).every((s) => s.views === 0)).toBe(true);
  });
});

describe('notCountedBecause', () => {
  const req = (userAgent: string, headers: Record<string, string> = {}, method = 'POST') => notCountedBecause({ method, userAgent, headers });
  it('counts a browser', () => expect(req(BROWSER)).toBeNull());
  it.each([
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['facebookexternalhit/1.1'],
    ['Twitterbot/1.0'],
    ['curl/8.5.0'],
    [''],
    ['   '],
  ])('refuses bots and previews: %s', (ua) => expect(req(ua)).toBe('bot'));
  it('refuses prefetches and prerenders in every header spelling', () => {
    expect(req(BROWSER, { 'sec-purpose': 'prefetch' })).toBe('prefetch');
    expect(req(BROWSER, { 'sec-purpose': 'prefetch;prerender' })).toBe('prefetch');
    expect(req(BROWSER, { purpose: 'Prefetch' })).toBe('prefetch');
    expect(req(BROWSER, { 'x-moz': 'prefetch' })).toBe('prefetch');
  });
  it('refuses HEAD', () => expect(req(BROWSER, {}, 'HEAD')).toBe('head'));
  it('documentIds are letters and digits only', () => {
    expect(DOCUMENT_ID.test('abcdefghij0123456789abcd')).toBe(true);
    for (const bad of ['short', "x' OR 1=1", 'ABCDEFGHIJKLMNOP', 'a'.repeat(65), 'abc/../def123456']) expect(DOCUMENT_ID.test(bad)).toBe(false);
  });
});

describe('parsePending', () => {
  it('reads hour:documentId fields and drops malformed ones', () => {
    expect(parsePending({ '491234:doc1': 3, '491235:doc1': 1, 'x:doc2': 4, ':doc3': 1, '491234:': 2, '491234:doc4': 0 })).toEqual([
      { documentId: 'doc1', hour: 491234, views: 3 },
      { documentId: 'doc1', hour: 491235, views: 1 },
    ]);
  });
});
