// Which push services the CMS may send to: by default the browsers' own (https), or exactly the
// origins in PUSH_ALLOWED_ORIGINS, so a subscription can never make the CMS call an arbitrary host.

export const KNOWN_PUSH_SERVICES = [
  'https://fcm.googleapis.com', // Chrome, Edge on Android, Opera
  'https://updates.push.services.mozilla.com', // Firefox
  'https://web.push.apple.com', // Safari
  'https://*.notify.windows.com', // Edge on Windows (WNS)
];

export interface OriginRule {
  protocol: 'https:' | 'http:';
  /** Exact host[:port], or a suffix (".notify.windows.com") for a "*." rule. */
  host: string;
  wildcard: boolean;
}

/** Parses a comma-separated origin list; throws naming the variable and the bad entry. */
export function parseAllowedOrigins(value: string | undefined, variable = 'PUSH_ALLOWED_ORIGINS'): OriginRule[] {
  const entries = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return (entries.length ? entries : KNOWN_PUSH_SERVICES).map((entry) => {
    const match = /^(https?):\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?\/?$/i.exec(entry);
    if (!match) throw new Error(`${variable}: "${entry}" is not an origin such as https://push.example.com or http://127.0.0.1:8080.`);
    const [, scheme, star, hostname, port = ''] = match;
    return { protocol: `${scheme.toLowerCase()}:` as OriginRule['protocol'], host: star ? `.${hostname.toLowerCase()}` : `${hostname.toLowerCase()}${port}`, wildcard: Boolean(star) };
  });
}

/** Why an endpoint may not be used (a sentence for the 400), or null when it is allowed. */
export function endpointProblem(endpoint: string, rules: OriginRule[]): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'endpoint must be an absolute URL.';
  }
  if (url.username || url.password) return 'endpoint must not carry credentials.';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'endpoint must be an https URL.';
  const allowed = rules.some((rule) =>
    rule.protocol === url.protocol && (rule.wildcard ? url.port === '' && url.hostname.endsWith(rule.host) : url.host === rule.host),
  );
  if (allowed) return null;
  if (url.protocol !== 'https:') return 'endpoint must be an https URL.';
  return `endpoint is not on a known push service (${url.origin}).`;
}
