// Shapes of the reader-facing request bodies (flat JSON, like users-permissions' own auth routes).
// Every body is strict: an unknown key (confirmed, role, blocked, ...) is refused, never ignored.
import { z } from 'zod';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const noControl = (s: string) => !CONTROL.test(s);

export const REGISTER_FIELDS = ['username', 'email', 'password', 'locale', 'acceptedPolicyVersion', 'altcha'] as const;

const email = z.string().trim().toLowerCase().max(254).email('must be a valid e-mail address');
const password = z
  .string()
  .min(8, 'must have at least 8 characters')
  // bcrypt ignores everything past 72 bytes
  .refine((s) => Buffer.byteLength(s, 'utf8') <= 72, 'must be at most 72 bytes')
  .refine(noControl, 'must not contain control characters');
export const locale = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'must be a language tag such as "en" or "fr-CA"');
const altcha = z.string().min(1).max(20000);

export const registerBody = z
  .object({
    username: z
      .string()
      .trim()
      .min(3, 'must have at least 3 characters')
      .max(40, 'must have at most 40 characters')
      .regex(/^[\p{L}\p{N}._-]+$/u, 'may contain only letters, digits, ".", "_" and "-"'),
    email,
    password,
    locale: locale.optional(),
    acceptedPolicyVersion: z.number().int().positive().optional(),
    altcha,
  })
  .strict();

export const emailWithCaptchaBody = z.object({ email, altcha }).strict();

export const tokenBody = z.object({ token: z.string().min(1).max(500) }).strict();

export const confirmBody = z.object({ confirmation: z.string().min(1).max(500) }).strict();

export const deleteBody = z.object({ password: z.string().min(1).max(500) }).strict();

export const consentBody = z.object({ version: z.number().int().positive() }).strict();

export const profileBody = z
  .object({
    displayName: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(60, 'must have at most 60 characters')
      .refine(noControl, 'must not contain control characters')
      .nullable()
      .optional(),
    locale: locale.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give displayName or locale');

/** Zod issues as Strapi ValidationError details: one message per path, readable on its own. */
export function describeIssues(error: z.ZodError): { message: string; errors: { path: string[]; message: string }[] } {
  const errors = error.issues.map((issue) => {
    const path = issue.path.map(String);
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s): ${issue.keys.join(', ')}`
        : `${path.length ? path.join('.') + ' ' : ''}${issue.message}`;
    return { path, message };
  });
  return { message: errors.map((e) => e.message).join('; '), errors };
}
