// Development and tests only: creates the first super admin from ADMIN_EMAIL / ADMIN_PASSWORD
// (config/admin.ts firstAdmin), so demos and browser tests need no registration form.
import type { Core } from '@strapi/strapi';
import { z } from 'zod';

/** The same rules as the admin's registration form, so this account can also log in there. */
const firstAdminSchema = z.object({
  email: z.string().trim().toLowerCase().email('ADMIN_EMAIL must be an email address'),
  password: z
    .string()
    .min(8, 'ADMIN_PASSWORD needs at least 8 characters')
    .refine((p) => Buffer.byteLength(p) <= 72, 'ADMIN_PASSWORD may have at most 72 bytes')
    .refine((p) => /[a-z]/.test(p), 'ADMIN_PASSWORD needs a lowercase letter')
    .refine((p) => /[A-Z]/.test(p), 'ADMIN_PASSWORD needs an uppercase letter')
    .refine((p) => /\d/.test(p), 'ADMIN_PASSWORD needs a number'),
  firstname: z.string().trim().min(1, 'ADMIN_FIRSTNAME must not be empty'),
  lastname: z.string().trim().optional(),
});

export type FirstAdminOutcome = 'not-configured' | 'refused-in-production' | 'admin-exists' | 'created';

export async function ensureFirstAdmin(strapi: Core.Strapi): Promise<FirstAdminOutcome> {
  const given = (strapi.config.get('admin.firstAdmin') ?? {}) as Record<string, string | undefined>;
  if (!given.email && !given.password) return 'not-configured';

  if (strapi.config.get('environment') === 'production') {
    strapi.log.error('ADMIN_EMAIL/ADMIN_PASSWORD are ignored in production: create the first administrator in the admin panel.');
    return 'refused-in-production';
  }

  const parsed = firstAdminSchema.safeParse(given);
  if (!parsed.success) {
    // Fail the boot: a demo or test that expects this account would otherwise fail later and obscurely.
    throw new Error(`First administrator from env: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }

  const users = strapi.service('admin::user');
  if (await users.exists()) return 'admin-exists';

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) throw new Error('First administrator from env: the Super Admin role is missing');
  const { email, password, firstname, lastname } = parsed.data;
  await users.create({
    email,
    password,
    firstname,
    lastname: lastname || null,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info(`Created the first administrator ${email} from ADMIN_EMAIL (development only).`);
  return 'created';
}
