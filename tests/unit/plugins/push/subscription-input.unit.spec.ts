import crypto from 'crypto';
import { decodeTopics, describeIssue, encodeTopics, subscriptionInput } from '../../../../src/plugins/push/lib/subscription-input';

const ecdh = crypto.createECDH('prime256v1');
ecdh.generateKeys();
const valid = {
  endpoint: 'https://fcm.googleapis.com/fcm/send/abc',
  expirationTime: null,
  keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: crypto.randomBytes(16).toString('base64url') },
  topics: ['breaking', 'world', 'breaking'],
  locale: 'fr-CA',
};

const problem = (input: unknown) => {
  const r = subscriptionInput.safeParse(input);
  return r.success ? null : describeIssue(r.error);
};

describe('subscription input', () => {
  it('accepts a browser PushSubscription with topics, collapsing duplicates', () => {
    const r = subscriptionInput.parse(valid);
    expect(r.topics).toEqual(['breaking', 'world']);
    expect(r.locale).toBe('fr-CA');
  });

  it('accepts padded base64 keys as browsers of old sent them', () => {
    expect(problem({ ...valid, keys: { ...valid.keys, auth: crypto.randomBytes(16).toString('base64').replace(/\+/g, '-').replace(/\//g, '_') } })).toBeNull();
  });

  it.each([
    [{ ...valid, endpoint: undefined }, 'endpoint is required.'],
    [{ ...valid, endpoint: 'x'.repeat(2049) }, 'endpoint is at most 2048 characters.'],
    [{ ...valid, keys: { ...valid.keys, p256dh: Buffer.alloc(65, 2).toString('base64url') } }, 'keys.p256dh must decode to 65 bytes (an uncompressed P-256 point).'],
    [{ ...valid, keys: { ...valid.keys, auth: 'abc' } }, 'keys.auth must decode to 16 bytes.'],
    [{ ...valid, keys: undefined }, 'keys is required.'],
    [{ ...valid, topics: Array.from({ length: 21 }, (_, i) => `s${i}`) }, 'topics: at most 20.'],
    [{ ...valid, topics: Array.from({ length: 101 }, () => 'breaking') }, 'topics: at most 20.'],
    [{ ...valid, topics: ['Breaking'] }, 'a topic is "breaking" or a section slug'],
    [{ ...valid, topics: [] }, 'topics: at least one'],
    [{ ...valid, locale: 'english please' }, 'locale must be a language tag'],
  ])('refuses %#', (input, message) => {
    expect(problem(input)).toContain(message);
  });

  it('lets 25 copies of the same topic through as one', () => {
    expect(subscriptionInput.parse({ ...valid, topics: Array(25).fill('world') }).topics).toEqual(['world']);
  });

  it('stores topics so that one LIKE finds a topic and never a prefix of another', () => {
    const stored = encodeTopics(['world', 'world-cup']);
    expect(stored).toBe(',world,world-cup,');
    expect(stored.includes(',world,')).toBe(true);
    expect(encodeTopics(['world-cup']).includes(',world,')).toBe(false);
    expect(decodeTopics(stored)).toEqual(['world', 'world-cup']);
  });
});
