// A push service on 127.0.0.1 for the integration tests and the benchmark: it checks every
// request as a browser vendor's would (VAPID JWT signed by the CMS's key for this origin, TTL,
// Urgency, Topic, aes128gcm), decrypts the payload with the subscription's private key
// (http_ece, RFC 8291) and answers 201, or a scripted status per subscription (410 for one that is gone).
import crypto from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ece = require('http_ece') as { decrypt(body: Buffer, params: { version: string; privateKey: crypto.ECDH; authSecret: string }): Buffer };

export interface BrowserSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The browser's side: decrypts what the CMS sends. */
  ecdh: crypto.ECDH;
}

export interface ReceivedPush {
  id: string;
  ttl: number;
  urgency: string | null;
  topic: string | null;
  /** The decrypted payload, parsed as JSON (null when it could not be decrypted). */
  payload: any;
  problems: string[];
  status: number;
}

export interface LocalPushService {
  origin: string;
  received: ReceivedPush[];
  /** A subscription a browser would hand over, with keys only this test knows. */
  subscribe(id?: string): BrowserSubscription;
  /** Scripts the answers for one subscription, one status per request; the last repeats. */
  answer(id: string, ...statuses: number[]): void;
  /** How many requests each subscription got. */
  countsById(): Map<string, number>;
  close(): Promise<void>;
}

const b64url = (b: Buffer) => b.toString('base64url');

export function verifyVapid(authorization: string | undefined, expected: { publicKey: string; subject: string; audience: string }, now = Date.now()): string[] {
  const m = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!m) return [`Authorization is not "vapid t=…, k=…": ${authorization}`];
  const [, jwt, k] = m;
  const problems: string[] = [];
  if (k !== expected.publicKey) problems.push('k is not the CMS VAPID public key');
  const [h, c, s] = jwt.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  const claims = JSON.parse(Buffer.from(c, 'base64url').toString());
  if (header.alg !== 'ES256') problems.push(`JWT alg ${header.alg}`);
  const point = Buffer.from(k, 'base64url');
  const key = crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) }, format: 'jwk' });
  if (!crypto.verify('sha256', Buffer.from(`${h}.${c}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))) problems.push('JWT signature does not verify');
  if (claims.aud !== expected.audience) problems.push(`JWT aud ${claims.aud} is not ${expected.audience}`);
  if (claims.sub !== expected.subject) problems.push(`JWT sub ${claims.sub} is not ${expected.subject}`);
  const exp = Number(claims.exp) * 1000;
  if (!(exp > now && exp <= now + 24 * 3600 * 1000)) problems.push(`JWT exp ${claims.exp} not within 24 h`);
  return problems;
}

export async function startLocalPushService(vapid: { publicKey: string; subject: string }, options: { decrypt?: boolean } = {}): Promise<LocalPushService> {
  const subscriptions = new Map<string, BrowserSubscription>();
  const scripted = new Map<string, number[]>();
  const received: ReceivedPush[] = [];
  const counts = new Map<string, number>();
  let origin = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = decodeURIComponent((req.url ?? '').replace(/^\/push\//, ''));
      const sub = subscriptions.get(id);
      const problems: string[] = [];
      if (req.method !== 'POST') problems.push(`method ${req.method}`);
      if (!sub) problems.push(`unknown subscription ${id}`);
      problems.push(...verifyVapid(req.headers.authorization, { ...vapid, audience: origin }));
      const ttl = Number(req.headers.ttl);
      if (!Number.isInteger(ttl) || ttl < 0) problems.push(`TTL ${req.headers.ttl}`);
      const urgency = (req.headers.urgency as string | undefined) ?? null;
      if (urgency && !['very-low', 'low', 'normal', 'high'].includes(urgency)) problems.push(`Urgency ${urgency}`);
      const topic = (req.headers.topic as string | undefined) ?? null;
      if (topic && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) problems.push(`Topic ${topic}`);
      if (req.headers['content-encoding'] !== 'aes128gcm') problems.push(`Content-Encoding ${req.headers['content-encoding']}`);
      let payload: unknown = null;
      if (sub && options.decrypt !== false) {
        try {
          payload = JSON.parse(ece.decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: sub.ecdh, authSecret: sub.keys.auth }).toString('utf8'));
        } catch (error) {
          problems.push(`payload does not decrypt: ${(error as Error).message}`);
        }
      }
      const queue = scripted.get(id);
      const status = problems.length ? 400 : queue?.length ? (queue.length > 1 ? queue.shift()! : queue[0]) : 201;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      received.push({ id, ttl, urgency, topic, payload, problems, status });
      res.writeHead(status, status === 201 ? { Location: `${origin}/message/${crypto.randomUUID()}` } : {});
      res.end(problems.join('\n'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    received,
    subscribe(id = crypto.randomUUID()) {
      const ecdh = crypto.createECDH('prime256v1');
      ecdh.generateKeys();
      const sub = { id, endpoint: `${origin}/push/${encodeURIComponent(id)}`, keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(crypto.randomBytes(16)) }, ecdh };
      subscriptions.set(id, sub);
      return sub;
    },
    answer(id, ...statuses) {
      scripted.set(id, statuses);
    },
    countsById: () => new Map(counts),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
