import { encodePayload, MAX_PAYLOAD_BYTES, outcomeOf, retryAfterSeconds, retryDelaySeconds, topicHeader } from '../../../../src/plugins/push/lib/delivery';

describe('push service answers', () => {
  it.each([
    [201, 'delivered'],
    [202, 'delivered'],
    [404, 'expired'],
    [410, 'expired'],
    [429, 'retry'],
    [408, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [0, 'retry'],
    [400, 'failed'],
    [401, 'failed'],
    [403, 'failed'],
    [413, 'failed'],
  ])('%i is %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});

describe('backoff', () => {
  it('doubles from the base up to the cap, with at most 20% jitter', () => {
    expect([1, 2, 3, 4].map((a) => retryDelaySeconds(a, 60, 3600, () => 0))).toEqual([60, 120, 240, 480]);
    expect(retryDelaySeconds(20, 60, 3600, () => 0)).toBe(3600);
    expect(retryDelaySeconds(1, 60, 3600, () => 0.999)).toBe(72);
  });

  it('reads Retry-After in seconds or as a date', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 10:05:00 GMT', now)).toBe(300);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});

describe('Topic header', () => {
  it('is 32 URL-safe base64 characters, the same for the same story', () => {
    expect(topicHeader('https://news.example.org/world/quake')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(topicHeader('a')).toBe(topicHeader('a'));
    expect(topicHeader('a')).not.toBe(topicHeader('b'));
  });
});

describe('payload', () => {
  const base = { title: 'Quake', body: 'Short', url: 'https://news.example.org/q', image: null, tag: 'story-1' };
  it('is the alert as JSON', () => {
    expect(JSON.parse(encodePayload(base))).toEqual(base);
  });
  it('shortens a long body (multi-byte too) to fit a push message, ending with an ellipsis', () => {
    const text = encodePayload({ ...base, body: 'Ünïcödé 東京 '.repeat(400) });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const parsed = JSON.parse(text);
    expect(parsed.body.endsWith('…')).toBe(true);
    expect(parsed.body.length).toBeGreaterThan(500);
    expect(parsed.title).toBe('Quake');
  });
});
