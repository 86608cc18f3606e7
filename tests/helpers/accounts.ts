// Reader-account helpers for integration tests: a real SMTP server that parses every mail,
// real captcha solving, and a confirmed, logged-in reader.
import crypto from 'crypto';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { TestApp } from './strapi';

export interface Mailbox {
  port: number;
  mails: ParsedMail[];
  /** Resolves with the next mail to `to` whose subject matches (already received ones count). */
  next(to: string, subject?: RegExp, timeoutMs?: number): Promise<ParsedMail>;
  /** Mails received for `to` so far. */
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

const recipient = (mail: ParsedMail) => {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((t) => t.value.map((v) => (v.address ?? '').toLowerCase()));
};

export async function startMailbox(): Promise<Mailbox> {
  const mails: ParsedMail[] = [];
  const taken = new Set<ParsedMail>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    to: (address) => mails.filter((m) => recipient(m).includes(address.toLowerCase())),
    async next(to, subject = /./, timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find((m) => !taken.has(m) && recipient(m).includes(to.toLowerCase()) && subject.test(m.subject ?? ''));
        if (found) {
          taken.add(found);
          return found;
        }
        if (Date.now() > deadline) throw new Error(`No mail to ${to} matching ${subject} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link of a mail's text part that points at `path`. */
export function linkIn(mail: ParsedMail, path: string): URL {
  const links = (mail.text ?? '').match(/https?:\/\/\S+/g) ?? [];
  const found = links.map((l) => new URL(l)).find((u) => u.pathname === path);
  if (!found) throw new Error(`No ${path} link in mail "${mail.subject}": ${links.join(' ')}`);
  return found;
}

/** Fetches a challenge from the app and solves it as the ALTCHA widget would; returns its payload. */
export async function solveCaptcha(app: TestApp): Promise<string> {
  const res = await request(app.server).get('/api/captcha/challenge').expect(200);
  const solution = await solveChallenge({ challenge: res.body, deriveKey });
  if (!solution) throw new Error('Captcha could not be solved');
  return Buffer.from(JSON.stringify({ challenge: res.body, solution })).toString('base64');
}

export const unique = () => crypto.randomBytes(4).toString('hex');

/** Registers through the API, confirms through the database, logs in: a reader for other tests. */
export async function confirmedReader(app: TestApp, opts: { password?: string; acceptedPolicyVersion?: number } = {}) {
  const username = `reader${unique()}`;
  const email = `${username}@example.com`;
  const password = opts.password ?? 'Reader-passw0rd!';
  const policy = await request(app.server).get('/api/privacy-policy');
  const acceptedPolicyVersion = opts.acceptedPolicyVersion ?? (policy.status === 200 ? policy.body.data.version : 1);
  await request(app.server)
    .post('/api/auth/local/register')
    .send({ username, email, password, acceptedPolicyVersion, altcha: await solveCaptcha(app) })
    .expect(200);
  await app.strapi.db.query('plugin::users-permissions.user').update({ where: { email }, data: { confirmed: true, confirmationToken: null } });
  const login = await request(app.server).post('/api/auth/local').send({ identifier: email, password }).expect(200);
  return { username, email, password, jwt: login.body.jwt as string, id: login.body.user.id as number };
}
