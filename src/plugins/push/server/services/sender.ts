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

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let rules: OriginRule[] | null = null;
  return {
    async send(subscription: StoredSubscription, payload: string, options: SendOptions): Promise<SendResult> {
      const config = strapi.config.get('plugin::push') as PushConfig;
      rules ??= parseAllowedOrigins(config.allowedOrigins);
      // Checked again at send time: the allow-list may have shrunk since the reader subscribed.
      if (endpointProblem(subscription.endpoint, rules)) return { outcome: 'failed', status: 0, retryAfterSeconds: null };
      const { publicKey, privateKey, subject } = (strapi.plugin('push').service('vapid') as VapidService).keys();
      const details = webpush.generateRequestDetails(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        payload,
        { TTL: config.ttlSeconds, urgency: options.urgency, topic: options.topic, vapidDetails: { subject, publicKey, privateKey }, contentEncoding: 'aes128gcm' },
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
