import webpush from 'web-push';
import { subjectProblem, vapidProblems } from '../../../../src/plugins/push/lib/vapid';

const keys = webpush.generateVAPIDKeys();
const other = webpush.generateVAPIDKeys();
const env = { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'mailto:push@newsroom.org' };

describe('VAPID settings', () => {
  it('accepts a matching key pair with a mailto: or https: subject', () => {
    expect(vapidProblems(env, true)).toEqual([]);
    expect(vapidProblems({ ...env, VAPID_SUBJECT: 'https://newsroom.org/contact' }, true)).toEqual([]);
  });

  it('names every missing variable', () => {
    expect(vapidProblems({}, true)).toEqual(['VAPID_PUBLIC_KEY is missing', 'VAPID_PRIVATE_KEY is missing', 'VAPID_SUBJECT is missing']);
  });

  it('refuses malformed and mismatched keys', () => {
    expect(vapidProblems({ ...env, VAPID_PUBLIC_KEY: 'abc' }, true)).toEqual(['VAPID_PUBLIC_KEY must be a URL-safe base64 P-256 public key (65 bytes)']);
    expect(vapidProblems({ ...env, VAPID_PRIVATE_KEY: `${keys.privateKey}==` }, true)).toEqual(['VAPID_PRIVATE_KEY must be a URL-safe base64 P-256 private key (32 bytes)']);
    expect(vapidProblems({ ...env, VAPID_PUBLIC_KEY: other.publicKey }, true)).toEqual(['VAPID_PUBLIC_KEY does not belong to VAPID_PRIVATE_KEY']);
  });

  it.each([
    ['http://newsroom.org', 'must be a mailto: or https: URL'],
    ['newsroom.org', 'must be a mailto: or https: URL'],
    ['mailto:', 'must be a mailto: address'],
    ['mailto:push@example.com', 'not an example one'],
    ['https://localhost', 'not an example one'],
    ['mailto:push@localhost.invalid', 'not an example one'],
  ])('refuses the subject %s in production', (subject, message) => {
    expect(subjectProblem(subject, true)).toContain(message);
  });

  it('lets development use an example subject', () => {
    expect(subjectProblem('mailto:push@localhost.invalid', false)).toBeNull();
    expect(subjectProblem('http://localhost', false)).toContain('mailto: or https:');
  });
});
