// Sends one encrypted Web Push message (RFC 8030/8291/8292): web-push builds the request
// (encryption, VAPID, TTL, Urgency, Topic); this module sends it, to allow-listed origins only.
import type { Core } from '@strapi/strapi';
import webpush from 'web-push';
import { endpointProblem, parseAllowedOrigins, type OriginRule } from '../../lib/allowed-origins';
import { outcomeOf, retryAfterSeconds, type Outcome } from '../../lib/delivery';
import type { PushConfig } from '../config';
import type { StoredSubscription } from './subscriptions';
import type { VapidService } from './vapid';

export interface SendOptions {
  urgency: 'high' | 'normal';
  topic: string;
}

export interface SendResult {
  outcome: Outcome;
  status: number;
  retryAfterSeconds: number | null;
}

/** A VAPID JWT may be reused until it expires (RFC 8292 §2): one per push service origin, renewed hourly. */
const VAPID_JWT_SECONDS = 12 * 3600;
const VAPID_RENEW_MS = 3600 * 1000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let rules: OriginRule[] | null = null;
  const vapidHeaders = new Map<string, { authorization: string; madeAt: number }>();

  function authorizationFor(endpoint: string): string {
    const audience = new URL(endpoint).origin;
    const cached = vapidHeaders.get(audience);
    if (cached && Date.now() - cached.madeAt < VAPID_RENEW_MS) return cached.authorization;
    const { publicKey, privateKey, subject } = (strapi.plugin('push').service('vapid') as VapidService).keys();
    const expiration = Math.floor(Date.now() / 1000) + VAPID_JWT_SECONDS;
    const { Authorization } = webpush.getVapidHeaders(audience, subject, publicKey, privateKey, 'aes128gcm', expiration);
    vapidHeaders.set(audience, { authorization: Authorization, madeAt: Date.now() });
    return Authorization;
  }

  return {
    async send(subscription: StoredSubscription, payload: string, options: SendOptions): Promise<SendResult> {
      const config = strapi.config.get('plugin::push') as PushConfig;
      rules ??= parseAllowedOrigins(config.allowedOrigins);
      // Checked again at send time: the allow-list may have shrunk since the reader subscribed.
      if (endpointProblem(subscription.endpoint, rules)) return { outcome: 'failed', status: 0, retryAfterSeconds: null };
      const details = webpush.generateRequestDetails(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        payload,
        // No vapidDetails: web-push would sign a new JWT per message; the cached header is the same claim.
        { TTL: config.ttlSeconds, urgency: options.urgency, topic: options.topic, headers: { Authorization: authorizationFor(subscription.endpoint) }, contentEncoding: 'aes128gcm' },
      );
      const headers = Object.fromEntries(Object.entries(details.headers).map(([k, v]) => [k, String(v)]));
      try {
        const response = await fetch(details.endpoint, {
          method: details.method,
          headers,
          body: details.body ?? undefined,
          redirect: 'manual', // a push service never redirects; following one would leave the allow-list
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        await response.arrayBuffer().catch(() => undefined); // drain, so the connection is reused
        return { outcome: outcomeOf(response.status), status: response.status, retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after'), new Date()) };
      } catch {
        return { outcome: 'retry', status: 0, retryAfterSeconds: null };
      }
    },
  };
};
