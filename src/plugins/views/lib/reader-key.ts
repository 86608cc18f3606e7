// The de-duplication key of one reader and one article: a keyed hash, never the raw address.
import crypto from 'crypto';

/** HMAC-SHA256 of address, user agent and article under the day's salt; 128 bits in hex. */
export function readerKey(salt: string, address: string, userAgent: string, documentId: string): string {
  return crypto.createHmac('sha256', salt).update(JSON.stringify([address, userAgent, documentId])).digest('hex').slice(0, 32);
}

/** The UTC day a salt belongs to, e.g. "2026-12-01". */
export function saltDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
