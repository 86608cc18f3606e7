// Self-hosted proof-of-work captcha (ALTCHA, altcha-lib's current protocol): signed, expiring
// challenges; a solution is verified before any other work and can be used once across instances.
import type { Core } from '@strapi/strapi';
import crypto from 'crypto';
import { createChallenge, verifySolution, randomInt } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { platform } from '../../../../platform';
import { CaptchaError } from '../errors';
import type { AccountsConfig } from '../config';

const ALGORITHM = 'SHA-256';

function secrets(): { signature: string; key: string } {
  // Derived from the app's own secret: no extra variable to manage, different per deployment.
  const base = process.env.ENCRYPTION_KEY || process.env.JWT_SECRET || '';
  if (!base) throw new Error('ENCRYPTION_KEY is needed to sign captcha challenges');
  const derive = (label: string) => crypto.createHmac('sha256', base).update(label).digest('hex');
  return { signature: derive('accounts-captcha-signature'), key: derive('accounts-captcha-key') };
}

interface Payload {
  challenge: { parameters: { nonce: string; expiresAt?: number } & Record<string, unknown>; signature?: string };
  solution: { counter: number; derivedKey: string };
}

function parsePayload(raw: unknown): Payload | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 20000) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as Payload;
    const ok =
      value && typeof value === 'object' &&
      value.challenge && typeof value.challenge === 'object' &&
      value.challenge.parameters && typeof value.challenge.parameters.nonce === 'string' &&
      value.solution && Number.isInteger(value.solution.counter) && typeof value.solution.derivedKey === 'string';
    return ok ? value : null;
  } catch {
    return null;
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::accounts') as AccountsConfig;
  return {
    async challenge() {
      const { difficulty, ttlSeconds } = config().captcha;
      const { signature, key } = secrets();
      return createChallenge({
        algorithm: ALGORITHM,
        cost: 1,
        counter: randomInt(Math.ceil(difficulty / 2), difficulty),
        deriveKey,
        expiresAt: new Date(Date.now() + ttlSeconds * 1000),
        hmacSignatureSecret: signature,
        hmacKeySignatureSecret: key,
      });
    },

    /** Throws a 400 CaptchaError unless `raw` (the widget's base64 payload) is a fresh, unused solution. */
    async verify(raw: unknown): Promise<void> {
      if (raw === undefined || raw === null || raw === '') {
        throw new CaptchaError('Solve the captcha first: the "altcha" field is required.', 'missing');
      }
      const payload = parsePayload(raw);
      if (!payload) throw new CaptchaError('The captcha solution is not valid.', 'malformed');
      const { signature, key } = secrets();
      let result;
      try {
        result = await verifySolution({
          challenge: payload.challenge as never,
          solution: payload.solution,
          deriveKey,
          hmacSignatureSecret: signature,
          hmacKeySignatureSecret: key,
        });
      } catch {
        throw new CaptchaError('The captcha solution is not valid.', 'malformed');
      }
      if (result.expired) throw new CaptchaError('The captcha has expired: solve a new one.', 'expired');
      if (!result.verified) throw new CaptchaError('The captcha solution is not valid.', 'invalid');
      const ttl = Math.max(1, (payload.challenge.parameters.expiresAt ?? 0) - Math.floor(Date.now() / 1000)) + 5;
      const first = await platform(strapi).store.claim(`accounts:captcha:${payload.challenge.parameters.nonce}`, ttl);
      if (!first) throw new CaptchaError('This captcha solution was already used: solve a new one.', 'replayed');
    },
  };
};
