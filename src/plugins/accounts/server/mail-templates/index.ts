// Every mail the plugin sends, one template file per mail and locale; English is the fallback.
import type { MailTemplate } from '../../lib/render-mail';
import confirmEmailEn from './en/confirm-email';
import alreadyRegisteredEn from './en/already-registered';
import resetPasswordEn from './en/reset-password';
import deletionNoticeEn from './en/deletion-notice';
import confirmEmailFr from './fr/confirm-email';
import deletionNoticeFr from './fr/deletion-notice';

export type MailName = 'confirm-email' | 'already-registered' | 'reset-password' | 'deletion-notice';

export const MAIL_TEMPLATES: Record<MailName, Record<string, MailTemplate>> = {
  'confirm-email': { en: confirmEmailEn, fr: confirmEmailFr },
  'already-registered': { en: alreadyRegisteredEn },
  'reset-password': { en: resetPasswordEn },
  'deletion-notice': { en: deletionNoticeEn, fr: deletionNoticeFr },
};
