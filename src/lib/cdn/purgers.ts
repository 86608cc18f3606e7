// CDN purge requests by surrogate key, one per convention: Fastly (Surrogate-Key), Cloudflare
// (Cache-Tag), Varnish (xkey) and a plain webhook that receives { "keys": [...] } as JSON.
// Each resolves when the CDN accepted the purge and throws otherwise (the outbox retries).

export type PurgerKind = 'fastly' | 'cloudflare' | 'varnish' | 'webhook';

export interface PurgerConfig {
  kind: PurgerKind;
  /** Webhook or Varnish URL; for Fastly and Cloudflare an override of their API base. */
  url?: string;
  /** Fastly API token, Cloudflare API token, or a webhook bearer token. */
  token?: string;
  /** Fastly service id or Cloudflare zone id. */
  service?: string;
  timeoutMs?: number;
}

export interface Purger {
  kind: PurgerKind;
  /** Largest number of keys one request carries (the caller batches). */
  maxKeys: number;
  purge(keys: string[]): Promise<void>;
}

export function parsePurgerConfig(env: Record<string, string | undefined>): PurgerConfig | null {
  const kind = (env.CDN_PURGE ?? '').trim().toLowerCase();
  if (!kind) return null;
  if (!['fastly', 'cloudflare', 'varnish', 'webhook'].includes(kind)) throw new Error(`CDN_PURGE must be fastly, cloudflare, varnish or webhook (got "${kind}")`);
  const config: PurgerConfig = { kind: kind as PurgerKind, url: env.CDN_PURGE_URL || undefined, token: env.CDN_PURGE_TOKEN || undefined, service: env.CDN_PURGE_SERVICE || undefined };
  const missing = [
    ...((kind === 'webhook' || kind === 'varnish') && !config.url ? ['CDN_PURGE_URL'] : []),
    ...((kind === 'fastly' || kind === 'cloudflare') && !config.token ? ['CDN_PURGE_TOKEN'] : []),
    ...((kind === 'fastly' || kind === 'cloudflare') && !config.service ? ['CDN_PURGE_SERVICE'] : []),
  ];
  if (missing.length) throw new Error(`CDN_PURGE=${kind} needs ${missing.join(', ')}`);
  return config;
}

async function send(url: string, init: RequestInit, timeoutMs: number): Promise<void> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
}

export function createPurger(config: PurgerConfig): Purger {
  const timeoutMs = config.timeoutMs ?? 5000;
  const bearer: Record<string, string> = config.token ? { Authorization: `Bearer ${config.token}` } : {};
  switch (config.kind) {
    case 'fastly':
      return {
        kind: 'fastly',
        maxKeys: 256,
        purge: (keys) =>
          send(`${config.url ?? 'https://api.fastly.com'}/service/${encodeURIComponent(config.service!)}/purge`, {
            method: 'POST',
            headers: { 'Fastly-Key': config.token!, 'Surrogate-Key': keys.join(' '), Accept: 'application/json' },
          }, timeoutMs),
      };
    case 'cloudflare':
      return {
        kind: 'cloudflare',
        maxKeys: 30,
        purge: (keys) =>
          send(`${config.url ?? 'https://api.cloudflare.com/client/v4'}/zones/${encodeURIComponent(config.service!)}/purge_cache`, {
            method: 'POST',
            headers: { ...bearer, 'Content-Type': 'application/json' },
            body: JSON.stringify({ tags: keys }),
          }, timeoutMs),
      };
    case 'varnish':
      // With the xkey vmod: a PURGE carrying the keys in `xkey-purge` (softpurge is a VCL choice).
      return { kind: 'varnish', maxKeys: 100, purge: (keys) => send(config.url!, { method: 'PURGE', headers: { 'xkey-purge': keys.join(' ') } }, timeoutMs) };
    case 'webhook':
      return {
        kind: 'webhook',
        maxKeys: 1000,
        purge: (keys) => send(config.url!, { method: 'POST', headers: { ...bearer, 'Content-Type': 'application/json' }, body: JSON.stringify({ keys }) }, timeoutMs),
      };
  }
}

/** Seconds before retry number `attempt` (1, 2, ...): doubling from 2 s, at most 5 minutes. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(300, 2 ** Math.max(1, attempt));
}

/** The three common header conventions for the same surrogate keys. */
export function cdnKeyHeaders(keys: string[], edgeMaxAge: number): Record<string, string> {
  const unique = [...new Set(keys.filter(Boolean))];
  if (!unique.length) return {};
  return {
    'Surrogate-Key': unique.join(' '),
    'Cache-Tag': unique.join(','),
    xkey: unique.join(' '),
    'Surrogate-Control': `max-age=${edgeMaxAge}`,
  };
}
