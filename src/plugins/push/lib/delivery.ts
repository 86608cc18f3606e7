// What a push service's answer means for one delivery, and when to try again.
import crypto from 'crypto';

export type Outcome = 'delivered' | 'expired' | 'retry' | 'failed';

/**
 * 2xx delivered; 404/410 the subscription is gone (RFC 8030 §7.3) and is deleted; 408, 429 and
 * 5xx (and network errors, status 0) are transient; any other 4xx is our request's fault and
 * would fail again the same way.
 */
export function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 404 || status === 410) return 'expired';
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'failed';
}

/** Exponential backoff: base, 2×base, 4×base… capped, with up to 20% jitter from `random`. */
export function retryDelaySeconds(attempt: number, baseSeconds: number, capSeconds: number, random: () => number = Math.random): number {
  const plain = Math.min(capSeconds, baseSeconds * 2 ** Math.max(0, attempt - 1));
  return Math.round(plain * (1 + 0.2 * random()));
}

/** Honours a push service's Retry-After (seconds or an HTTP date) when longer than our backoff. */
export function retryAfterSeconds(header: string | null | undefined, now: Date): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * RFC 8030 Topic header for a story: at most 32 URL-safe base64 characters, stable per key, so
 * an updated alert about the same story replaces one still waiting at the push service.
 */
export function topicHeader(key: string): string {
  return crypto.createHash('sha256').update(key).digest('base64url').slice(0, 32);
}

export interface AlertPayload {
  title: string;
  body: string;
  url: string | null;
  image: string | null;
  tag: string;
}

/** Web Push payloads must stay under about 4 KB once encrypted: the body is shortened to fit. */
export const MAX_PAYLOAD_BYTES = 3000;

export function encodePayload(payload: AlertPayload): string {
  let body = payload.body;
  for (;;) {
    const text = JSON.stringify({ ...payload, body });
    if (Buffer.byteLength(text) <= MAX_PAYLOAD_BYTES || body.length === 0) return text;
    body = `${[...body].slice(0, Math.max(0, [...body].length - Math.ceil((Buffer.byteLength(text) - MAX_PAYLOAD_BYTES) / 2) - 1)).join('')}…`;
    if (body === '…') body = '';
  }
}
