// The comments plugin's mails (sent through the accounts plugin's mailer), one file per mail and locale.
import type { MailTemplate } from '../../../accounts/lib/render-mail';
import statementEn from './en/statement-of-reasons';
import statementFr from './fr/statement-of-reasons';
import blockEn from './en/block-notice';
import blockFr from './fr/block-notice';
import liftedEn from './en/appeal-lifted';
import liftedFr from './fr/appeal-lifted';
import refusedEn from './en/appeal-refused';
import refusedFr from './fr/appeal-refused';

export type CommentsMailName = 'statement-of-reasons' | 'block-notice' | 'appeal-lifted' | 'appeal-refused';

export const COMMENTS_MAIL_TEMPLATES: Record<CommentsMailName, Record<string, MailTemplate>> = {
  'statement-of-reasons': { en: statementEn, fr: statementFr },
  'block-notice': { en: blockEn, fr: blockFr },
  'appeal-lifted': { en: liftedEn, fr: liftedFr },
  'appeal-refused': { en: refusedEn, fr: refusedFr },
};
