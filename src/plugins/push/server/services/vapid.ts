// The CMS's VAPID identity: checked at register(); production refuses to start without real keys.
import type { Core } from '@strapi/strapi';
import webpush from 'web-push';
import { vapidProblems } from '../../lib/vapid';
import type { PushConfig } from '../config';

export interface VapidService {
  keys(): { publicKey: string; privateKey: string; subject: string };
}

const FALLBACK_SUBJECT = 'mailto:push@localhost.invalid';

export default ({ strapi }: { strapi: Core.Strapi }): VapidService & { load(): void } => {
  let resolved: { publicKey: string; privateKey: string; subject: string } | null = null;
  return {
    load() {
      const { vapid } = strapi.config.get('plugin::push') as PushConfig;
      const production = process.env.NODE_ENV === 'production';
      const env = { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: vapid.subject };
      const problems = vapidProblems(env, production);
      if (production && problems.length) {
        throw new Error(`Refusing to start in production: ${problems.join('; ')}. Generate keys with \`npx web-push generate-vapid-keys\` (see .env.example).`);
      }
      const missingKeys = !vapid.publicKey && !vapid.privateKey;
      const fatal = problems.filter((p) => !(missingKeys && /^VAPID_(PUBLIC|PRIVATE)_KEY is missing/.test(p)) && !/^VAPID_SUBJECT is missing/.test(p));
      if (fatal.length) throw new Error(`Push: ${fatal.join('; ')}.`);
      if (missingKeys) {
        // Outside production a missing pair is made up for this process (tests, a bare `strapi develop`);
        // `npm run develop` writes a lasting pair into .env so browsers' subscriptions survive restarts.
        strapi.log.warn('Push: VAPID keys not set; using a temporary pair for this process only.');
        resolved = { ...webpush.generateVAPIDKeys(), subject: vapid.subject || FALLBACK_SUBJECT };
      } else {
        resolved = { publicKey: vapid.publicKey!.trim(), privateKey: vapid.privateKey!.trim(), subject: vapid.subject?.trim() || FALLBACK_SUBJECT };
      }
    },
    keys() {
      if (!resolved) throw new Error('Push: VAPID keys are loaded in register().');
      return resolved;
    },
  };
};
