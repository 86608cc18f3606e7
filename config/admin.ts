// Admin panel authentication and token settings, the article preview, the dev-only first administrator.
import type { Core } from '@strapi/strapi';
import { articlePreviewUrl, type PreviewParams } from '../src/preview/article-preview';

declare const strapi: Core.Strapi;

export default ({ env }: { env: any }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  // "Open preview" in the article editor shows the article's page on the public site.
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [new URL(env('SITE_URL', 'http://localhost:3000')).origin],
      handler: (uid: string, params: PreviewParams) => articlePreviewUrl(strapi, uid, params),
    },
  },
  // Development and tests only: the first super admin, created at boot when none exists yet.
  firstAdmin: {
    email: env('ADMIN_EMAIL', ''),
    password: env('ADMIN_PASSWORD', ''),
    firstname: env('ADMIN_FIRSTNAME', 'Admin'),
    lastname: env('ADMIN_LASTNAME', ''),
  },
});
