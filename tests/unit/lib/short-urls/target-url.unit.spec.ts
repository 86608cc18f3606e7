import { redirectStatusError, targetUrlError } from '../../../../src/lib/short-urls/target-url';

describe('targetUrlError', () => {
  it.each([
    'https://example.org',
    'http://example.org/path?q=1#frag',
    'https://sub.example.co.uk:8443/a/b',
    'HTTPS://EXAMPLE.ORG/upper',
    'https://例え.jp/page',
  ])('accepts %j', (url) => {
    expect(targetUrlError(url)).toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'javascript:alert(1) ',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'java\tscript:alert(1)',
    'javascript\n:alert(1)',
    '\u0000javascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'FILE://c:/windows',
    '//evil.example/path',
    ' //evil.example',
    '\\\\evil.example',
    '/\\evil.example',
    'https:evil.example',
    'https:/evil.example',
    'https:///evil.example',
    'ftp://example.org/file',
    'mailto:a@example.org',
    'https://bank.example@evil.example/',
    'https://user:pass@example.org/',
    '/relative/path',
    'example.org',
    'https://exa mple.org',
    'https://example.org/\u2028',
    'http://',
  ])('refuses %j', (url) => {
    expect(targetUrlError(url)).toMatch(/refused/);
  });

  it('refuses empty, non-string and overlong targets', () => {
    expect(targetUrlError('')).toMatch(/non-empty/);
    expect(targetUrlError(undefined)).toMatch(/non-empty/);
    expect(targetUrlError({ href: 'https://x.org' })).toMatch(/non-empty/);
    expect(targetUrlError(`https://example.org/${'a'.repeat(2048)}`)).toMatch(/at most 2048/);
  });

  it('names the refused target in the message, shortened', () => {
    const message = targetUrlError(`javascript:${'x'.repeat(500)}`)!;
    expect(message).toContain('javascript:');
    expect(message.length).toBeLessThan(500);
  });
});

describe('redirectStatusError', () => {
  it.each([301, 302, 307, 308, undefined, null])('accepts %p', (status) => {
    expect(redirectStatusError(status)).toBeNull();
  });

  it.each([200, 303, 304, 404, '301', 301.5])('refuses %p', (status) => {
    expect(redirectStatusError(status)).toMatch(/redirect status/);
  });
});
