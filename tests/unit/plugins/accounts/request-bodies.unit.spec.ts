import { describeIssues, profileBody, registerBody } from '../../../../src/plugins/accounts/lib/request-bodies';

const valid = { username: 'ann.reader', email: 'Ann@Example.com ', password: 'a-long-passw0rd', altcha: 'x', acceptedPolicyVersion: 1 };

describe('registerBody', () => {
  it('accepts a valid body and normalises the e-mail', () => {
    expect(registerBody.parse(valid).email).toBe('ann@example.com');
  });

  it.each([
    ['an extra field', { confirmed: true }],
    ['a role', { role: 1 }],
    ['a short password', { password: 'short' }],
    ['a password over 72 bytes', { password: 'é'.repeat(40) }],
    ['a control character in the username', { username: 'ann\u0000' }],
    ['a huge username', { username: 'a'.repeat(10_000) }],
    ['a bad e-mail', { email: 'ann@' }],
    ['a string policy version', { acceptedPolicyVersion: '1' }],
    ['a hostile locale', { locale: '../../etc' }],
  ])('refuses %s', (_label, change) => {
    expect(registerBody.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('names unknown fields in the message', () => {
    const result = registerBody.safeParse({ ...valid, blocked: false });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error).message).toBe('unknown field(s): blocked');
  });
});

describe('profileBody', () => {
  it('accepts a display name, a locale, or null to clear the name', () => {
    expect(profileBody.parse({ displayName: ' Ann ' })).toEqual({ displayName: 'Ann' });
    expect(profileBody.parse({ displayName: null, locale: 'fr-CA' })).toEqual({ displayName: null, locale: 'fr-CA' });
  });

  it.each([[{}], [{ displayName: '' }], [{ displayName: 'a\nb' }], [{ displayName: 'x'.repeat(61) }], [{ avatar: 1 }]])('refuses %j', (body) => {
    expect(profileBody.safeParse(body).success).toBe(false);
  });
});
