// Renders a mail from its template file (reader's locale when translated) and sends it through
// the e-mail plugin (nodemailer provider: SMTP, or the development file transport).
import type { Core } from '@strapi/strapi';
import { pickTemplate, renderMail, type MailTemplate } from '../../lib/render-mail';
import { MAIL_TEMPLATES, type MailName } from '../mail-templates';
import type { AccountsConfig } from '../config';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async send(name: MailName, to: string, locale: string | null | undefined, vars: Record<string, string>): Promise<void> {
    await this.sendTemplate(MAIL_TEMPLATES[name], to, locale, vars);
  },

  /** Another plugin's mail (its own template files, keyed by locale, 'en' required) in the same layout and transport. */
  async sendTemplate(translations: Record<string, MailTemplate>, to: string, locale: string | null | undefined, vars: Record<string, string>): Promise<void> {
    const config = strapi.config.get('plugin::accounts') as AccountsConfig;
    const template = pickTemplate(translations, locale, 'en');
    const mail = renderMail(template, { siteName: config.siteName, ...vars });
    await strapi.plugin('email').service('email').send({ to, subject: mail.subject, text: mail.text, html: mail.html });
  },

  /** Sends, logging a failure (without the address) instead of disclosing it to the caller. */
  async sendQuietly(name: MailName, to: string, locale: string | null | undefined, vars: Record<string, string>): Promise<boolean> {
    try {
      await this.send(name, to, locale, vars);
      return true;
    } catch (error) {
      strapi.log.error(`accounts: could not send the ${name} mail: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  },

  /** A link to one of the plugin's confirm pages under PUBLIC_URL. */
  pageLink(page: 'confirm-email' | 'reset-password' | 'restore', params: Record<string, string>): string {
    const config = strapi.config.get('plugin::accounts') as AccountsConfig;
    const url = new URL(`/account/${page}`, config.publicUrl);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.toString();
  },
});
