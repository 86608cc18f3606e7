import { endpointProblem, parseAllowedOrigins } from '../../../../src/plugins/push/lib/allowed-origins';

describe('the push service allow-list', () => {
  const known = parseAllowedOrigins('');

  it.each([
    'https://fcm.googleapis.com/fcm/send/abc:def',
    'https://updates.push.services.mozilla.com/wpush/v2/gAAAA',
    'https://web.push.apple.com/QGuQyavXutnMH',
    'https://wns2-par02p.notify.windows.com/w/?token=AwYAAAB',
  ])('accepts the browsers\' push services by default: %s', (endpoint) => {
    expect(endpointProblem(endpoint, known)).toBeNull();
  });

  it.each([
    ['http://fcm.googleapis.com/fcm/send/abc', 'https URL'],
    ['https://fcm.googleapis.com.evil.example/x', 'not on a known push service'],
    ['https://evilnotify.windows.com/x', 'not on a known push service'],
    ['https://notify.windows.com:8443/x', 'not on a known push service'],
    ['https://user:pw@fcm.googleapis.com/x', 'credentials'],
    ['file:///etc/passwd', 'https URL'],
    ['not a url', 'absolute URL'],
    ['http://127.0.0.1:9000/push', 'https URL'],
  ])('refuses %s', (endpoint, message) => {
    expect(endpointProblem(endpoint, known)).toContain(message);
  });

  it('replaces the defaults with PUSH_ALLOWED_ORIGINS, allowing a listed http origin on its exact port only', () => {
    const local = parseAllowedOrigins('http://127.0.0.1:9000, https://push.example.org');
    expect(endpointProblem('http://127.0.0.1:9000/push/1', local)).toBeNull();
    expect(endpointProblem('https://push.example.org/x', local)).toBeNull();
    expect(endpointProblem('http://127.0.0.1:9001/push/1', local)).toContain('https URL');
    expect(endpointProblem('https://127.0.0.1:9000/push/1', local)).toContain('not on a known push service');
    expect(endpointProblem('https://fcm.googleapis.com/x', local)).toContain('not on a known push service');
  });

  it('refuses a malformed list at boot, naming the variable and the entry', () => {
    expect(() => parseAllowedOrigins('https://ok.example.org, ftp://x')).toThrow('PUSH_ALLOWED_ORIGINS: "ftp://x" is not an origin');
    expect(() => parseAllowedOrigins('https://ok.example.org/path')).toThrow('PUSH_ALLOWED_ORIGINS');
  });
});
