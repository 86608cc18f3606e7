// A reader deletes their account and an administrator purges it from the admin panel's
// "Pending deletions" page, in a real browser against `strapi start` (no SMTP: the confirm link
// is followed from the development mail log, as a newcomer would).
import fs from 'fs';
import path from 'path';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, type E2eServer } from './support/server';
import { openSession } from './support/session';

const PORT = Number(process.env.E2E_ACCOUNTS_PORT ?? 1344);
const READER = { username: `e2ereader${Date.now().toString(36)}`, password: 'Reader-passw0rd!' };
const EMAIL = `${READER.username}@example.com`;

let server: E2eServer;
let browser: Browser;
let page: Page;
let readerId: number;

async function api(pathname: string, init: RequestInit & { token?: string } = {}) {
  const { token, ...rest } = init;
  return fetch(`${server.url}${pathname}`, {
    ...rest,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(rest.headers ?? {}) },
  });
}

async function captcha(): Promise<string> {
  const challenge = await (await api('/api/captcha/challenge')).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** The confirm link the development mail transport logged for this reader's address. */
async function loggedLink(pathname: string): Promise<string> {
  const log = path.join(artifactsDir, 'server.log');
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    const links = fs.readFileSync(log, 'utf8').match(new RegExp(`${server.url.replace(/[.:/]/g, '\\$&')}${pathname}\\?\\S+`, 'g')) ?? [];
    if (links.length) return links[links.length - 1];
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No ${pathname} link in the server log`);
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession(PORT, { viewport: { width: 1400, height: 900 } }));
}, 600000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('reader deletion, seen by an administrator', () => {
  it('registers, confirms through the logged mail link and the confirm page, logs in and deletes the account', async () => {
    const policy = await api('/api/privacy-policy');
    const version = policy.status === 200 ? ((await policy.json()) as { data: { version: number } }).data.version : undefined;
    const register = await api('/api/auth/local/register', {
      method: 'POST',
      body: JSON.stringify({ ...READER, email: EMAIL, ...(version ? { acceptedPolicyVersion: version } : {}), altcha: await captcha() }),
    });
    expect(register.status).toBe(200);

    await page.goto(await loggedLink('/account/confirm-email'));
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await page.getByText('Your address is confirmed').waitFor();

    const login = await api('/api/auth/local', { method: 'POST', body: JSON.stringify({ identifier: EMAIL, password: READER.password }) });
    expect(login.status).toBe(200);
    const { jwt, user } = (await login.json()) as { jwt: string; user: { id: number } };
    readerId = user.id;
    const del = await api('/api/account/delete', { method: 'POST', token: jwt, body: JSON.stringify({ password: READER.password }) });
    expect(del.status).toBe(200);
  });

  it('shows the pending deletion with its days left, and purges it on a verified request', async () => {
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Email').fill(server.admin.email);
    await page.getByLabel('Password').fill(server.admin.password);
    await page.getByRole('button', { name: /log ?in/i }).click();
    await page.getByRole('link', { name: 'Pending deletions' }).first().click();
    const skipTour = page.getByRole('button', { name: 'Skip', exact: true });
    if (await skipTour.isVisible()) await skipTour.click();

    const row = page.getByRole('row').filter({ hasText: `#${readerId}` });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('30');
    await page.screenshot({ path: path.join(artifactsDir, 'pending-deletions.png'), fullPage: true });

    page.once('dialog', (dialog) => void dialog.accept('Reader asked by e-mail, identity checked'));
    await row.getByRole('button', { name: 'Purge now' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByText('No account is waiting for deletion.').waitFor();

    const after = await api('/api/auth/local', { method: 'POST', body: JSON.stringify({ identifier: EMAIL, password: READER.password }) });
    expect(after.status).toBe(400);
  });
});
