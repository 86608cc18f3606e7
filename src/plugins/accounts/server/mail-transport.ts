// E-mail plugin settings: @strapi/provider-email-nodemailer over SMTP when SMTP_HOST is set;
// without it (development and tests only) a nodemailer transport that writes each mail to
// .tmp/mail/*.eml and logs its subject and links, so a newcomer can follow them.
import fs from 'fs';
import path from 'path';

type Env = ((name: string, fallback?: string) => string) & {
  int(name: string, fallback?: number): number;
  bool(name: string, fallback?: boolean): boolean;
};

export const SMTP_VARIABLES = ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASS', 'EMAIL_FROM', 'EMAIL_REPLY_TO'];

interface NodemailerMail {
  data: { subject?: string; text?: string | Buffer };
  message: { createReadStream(): NodeJS.ReadableStream; messageId(): string };
}

export function fileMailTransport(dir: string) {
  return {
    name: 'newsroom-file',
    version: '1.0.0',
    send(mail: NodemailerMail, callback: (error: Error | null, info?: unknown) => void) {
      const chunks: Buffer[] = [];
      const stream = mail.message.createReadStream();
      stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        try {
          fs.mkdirSync(dir, { recursive: true });
          const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`);
          fs.writeFileSync(file, Buffer.concat(chunks));
          const links = String(mail.data.text ?? '').match(/https?:\/\/\S+/g) ?? [];
          const log = (globalThis as { strapi?: { log: { info(m: string): void } } }).strapi?.log ?? console;
          log.info(`[mail] no SMTP_HOST: "${mail.data.subject ?? ''}" written to ${path.relative(process.cwd(), file)}${links.length ? `; links: ${links.join(' ')}` : ''}`);
          callback(null, { messageId: mail.message.messageId(), envelope: {} });
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  };
}

export function assertProductionMail(vars: Record<string, string | undefined>): void {
  if (vars.NODE_ENV !== 'production' || (vars.SMTP_HOST ?? '').trim()) return;
  throw new Error(`Refusing to start in production without SMTP settings: set ${SMTP_VARIABLES.join(', ')} (see .env.example).`);
}

export function emailPluginConfig(env: Env) {
  const production = env('NODE_ENV', 'development') === 'production';
  const host = env('SMTP_HOST', '');
  const from = env('EMAIL_FROM', 'Newsroom <no-reply@localhost>');
  const settings = { defaultFrom: from, defaultReplyTo: env('EMAIL_REPLY_TO', '') || from };
  // Production without SMTP_HOST is refused by the accounts plugin's register() (assertProductionMail),
  // after the secrets check, so each error names its own variables.
  if (!host && !production) {
    return { provider: 'nodemailer', providerOptions: fileMailTransport(path.join(process.cwd(), '.tmp', 'mail')), settings };
  }
  const user = env('SMTP_USER', '');
  const secure = env.bool('SMTP_SECURE', false);
  return {
    provider: 'nodemailer',
    providerOptions: {
      host,
      port: env.int('SMTP_PORT', secure ? 465 : 587),
      secure,
      ...(user ? { auth: { user, pass: env('SMTP_PASS', '') } } : {}),
    },
    settings,
  };
}
