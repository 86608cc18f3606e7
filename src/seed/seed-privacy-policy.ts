// Demo privacy policy (version 1, published) so registration and consent work on a fresh
// development database; idempotent, never in production.
import type { Core } from '@strapi/strapi';
import { shouldSeedDemo } from './seed-demo';

const POLICY = 'plugin::accounts.privacy-policy';

export const DEMO_POLICY_TEXT = `# Privacy policy

We keep what your reader account needs and nothing more: your username, e-mail address,
a password hash, your display name, avatar and language if you set them, and a record of
each privacy policy version you accepted.

- You can download everything we hold about you (\`GET /api/account/export\`).
- You can delete your account at any time; it can be restored for 30 days, then your
  personal data is erased and your comments are shown as "deleted reader".
`;

export async function seedPrivacyPolicy(strapi: Core.Strapi) {
  if (!shouldSeedDemo(strapi)) return;
  if ((await strapi.db.query(POLICY).count({})) > 0) return;
  await strapi.documents(POLICY as never).create({
    data: { version: 1, text: DEMO_POLICY_TEXT, changeSummary: 'First version.' } as never,
    status: 'published',
  } as never);
  strapi.log.info('Seeded the demo privacy policy (version 1).');
}
