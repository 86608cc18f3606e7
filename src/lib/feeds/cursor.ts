// Opaque, tamper-evident pagination cursors: base64url(JSON) + "." + truncated HMAC-SHA256.
import crypto from 'crypto';

export type CursorValue = string | number;

export interface CursorPayload {
  /** Which feed the cursor belongs to; a cursor from another feed is refused. */
  feed: string;
  /** The sort key of the last item seen (for example firstPublishedAt and id). */
  after: CursorValue[];
}

export class CursorError extends Error {}

const SIG_BYTES = 16;

/** Derives the signing key from the app keys, so no extra secret is needed. */
export function cursorKey(appKeys: string[] | string): Buffer {
  const material = Array.isArray(appKeys) ? appKeys.join(',') : appKeys;
  return crypto.createHmac('sha256', 'newsroom-feed-cursor').update(material).digest();
}

function sign(key: Buffer, body: string) {
  return crypto.createHmac('sha256', key).update(body).digest().subarray(0, SIG_BYTES).toString('base64url');
}

export function encodeCursor(payload: CursorPayload, key: Buffer): string {
  const body = Buffer.from(JSON.stringify([payload.feed, payload.after]), 'utf8').toString('base64url');
  return `${body}.${sign(key, body)}`;
}

/** Decodes a cursor for `feed`; throws CursorError when it is malformed, forged or from another feed. */
export function decodeCursor(cursor: string, feed: string, key: Buffer): CursorPayload {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(cursor)) throw new CursorError('The cursor is malformed.');
  const [body, signature] = cursor.split('.');
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
    throw new CursorError('The cursor is not valid: it was altered or was not issued by this server.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError('The cursor is malformed.');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    !Array.isArray(parsed[1]) ||
    !parsed[1].every((v: unknown) => typeof v === 'string' || typeof v === 'number')
  ) {
    throw new CursorError('The cursor is malformed.');
  }
  if (parsed[0] !== feed) throw new CursorError('The cursor belongs to another feed.');
  return { feed: parsed[0], after: parsed[1] as CursorValue[] };
}
