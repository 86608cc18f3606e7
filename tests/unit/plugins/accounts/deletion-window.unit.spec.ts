import { daysLeft, isRestorable, purgeAfter } from '../../../../src/plugins/accounts/lib/deletion-window';
import { hashToken, isTokenShaped, newToken } from '../../../../src/plugins/accounts/lib/tokens';

const requested = new Date('2026-01-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('deletion window', () => {
  it('ends exactly restoreDays after the request', () => {
    expect(purgeAfter(requested, 30).toISOString()).toBe('2026-01-31T12:00:00.000Z');
  });

  it('is restorable until the last millisecond, not after', () => {
    expect(isRestorable(requested, 30, at('2026-01-31T11:59:59.999Z'))).toBe(true);
    expect(isRestorable(requested, 30, at('2026-01-31T12:00:00.000Z'))).toBe(false);
  });

  it('counts days left, rounding up, never below zero', () => {
    expect(daysLeft(requested, 30, requested)).toBe(30);
    expect(daysLeft(requested, 30, at('2026-01-30T13:00:00Z'))).toBe(1);
    expect(daysLeft(requested, 30, at('2026-03-01T00:00:00Z'))).toBe(0);
  });
});

describe('tokens', () => {
  it('are random, URL-safe, and stored only as a hash', () => {
    const a = newToken();
    expect(a).not.toBe(newToken());
    expect(isTokenShaped(a)).toBe(true);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a);
  });

  it.each([['short'], ['has space in it and is long enough'], [''], [42], [null], ['x'.repeat(201)]])('%p is not token-shaped', (value) => {
    expect(isTokenShaped(value)).toBe(false);
  });
});
