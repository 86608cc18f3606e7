// The body of POST /api/push/subscriptions: the browser's PushSubscription JSON plus topics and locale.
import { z } from 'zod';

export const BREAKING = 'breaking';
export const MAX_TOPICS = 20;

const base64url = (name: string, bytes: number, check?: (b: Buffer) => boolean) =>
  z
    .string({ required_error: `${name} is required.`, invalid_type_error: `${name} must be a string.` })
    .max(200, `${name} is too long.`)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${name} must be URL-safe base64.`)
    .refine((v) => {
      const b = Buffer.from(v, 'base64url');
      return b.length === bytes && (!check || check(b));
    }, `${name} must decode to ${bytes} bytes${check ? ' (an uncompressed P-256 point)' : ''}.`);

const topic = z
  .string({ invalid_type_error: 'each topic must be a string.' })
  .max(100, 'a topic is at most 100 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a topic is "breaking" or a section slug (lowercase letters, digits, dashes).');

export const subscriptionInput = z.object({
  endpoint: z.string({ required_error: 'endpoint is required.', invalid_type_error: 'endpoint must be a string.' }).min(1, 'endpoint is required.').max(2048, 'endpoint is at most 2048 characters.'),
  expirationTime: z.number().nullable().optional(),
  keys: z.object(
    {
      p256dh: base64url('keys.p256dh', 65, (b) => b[0] === 0x04),
      auth: base64url('keys.auth', 16),
    },
    { required_error: 'keys is required.', invalid_type_error: 'keys must be an object.' },
  ),
  topics: z
    .array(topic, { required_error: 'topics is required.', invalid_type_error: 'topics must be an array.' })
    .max(100, `topics: at most ${MAX_TOPICS}.`)
    .transform((list) => [...new Set(list)])
    .refine((list) => list.length >= 1, 'topics: at least one ("breaking" or a section slug).')
    .refine((list) => list.length <= MAX_TOPICS, `topics: at most ${MAX_TOPICS}.`),
  locale: z
    .string({ invalid_type_error: 'locale must be a string.' })
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'locale must be a language tag such as "en" or "fr-CA".')
    .nullable()
    .optional(),
});

export type SubscriptionInput = z.infer<typeof subscriptionInput>;

/** The first problem as one sentence with its path, for Strapi's ValidationError. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.join('.');
  return issue.message.startsWith(path) || !path ? issue.message : `${path}: ${issue.message}`;
}

/** Topics stored as ",breaking,world," so "subscribers of X" is one portable LIKE query. */
export function encodeTopics(topics: string[]): string {
  return `,${topics.join(',')},`;
}

export function decodeTopics(stored: string | null | undefined): string[] {
  return (stored ?? '').split(',').filter(Boolean);
}
