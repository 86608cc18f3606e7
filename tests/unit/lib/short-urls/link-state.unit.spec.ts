import { linkAvailability, shortLinkUrl } from '../../../../src/lib/short-urls/link-state';

const now = new Date('2026-03-01T12:00:00Z');

describe('linkAvailability', () => {
  it('is active by default and when enabled without expiry', () => {
    expect(linkAvailability({}, now)).toBe('active');
    expect(linkAvailability({ enabled: true, expiresAt: null }, now)).toBe('active');
    expect(linkAvailability({ enabled: null }, now)).toBe('active');
  });

  it('is disabled when switched off, whatever the expiry', () => {
    expect(linkAvailability({ enabled: false, expiresAt: '2030-01-01T00:00:00Z' }, now)).toBe('disabled');
  });

  it('is expired at and after the expiry time, active before', () => {
    expect(linkAvailability({ expiresAt: '2026-03-01T12:00:00Z' }, now)).toBe('expired');
    expect(linkAvailability({ expiresAt: new Date('2026-02-01T00:00:00Z') }, now)).toBe('expired');
    expect(linkAvailability({ expiresAt: '2026-03-01T12:00:01Z' }, now)).toBe('active');
  });

  it('ignores an unreadable expiry rather than locking the link', () => {
    expect(linkAvailability({ expiresAt: 'not a date' }, now)).toBe('active');
  });
});

describe('shortLinkUrl', () => {
  it('joins the base and /s/<code> with exactly one slash', () => {
    expect(shortLinkUrl('https://nws.example', 'Ab3x9Kq')).toBe('https://nws.example/s/Ab3x9Kq');
    expect(shortLinkUrl('https://nws.example///', 'Ab3x9Kq')).toBe('https://nws.example/s/Ab3x9Kq');
  });

  it('keeps a path in the base', () => {
    expect(shortLinkUrl('https://example.org/cms/', 'abc')).toBe('https://example.org/cms/s/abc');
  });

  it('encodes the code', () => {
    expect(shortLinkUrl('https://x.org', 'a b')).toBe('https://x.org/s/a%20b');
  });
});
