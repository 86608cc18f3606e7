// An editor sends a free push alert from the admin's Push alerts page in a real browser: the
// composer asks for confirmation with the number of recipients, the fan-out job delivers to a
// local push service (which checks VAPID and decrypts), and the page shows the alert's counters.
import path from 'path';
import crypto from 'crypto';
import webpush from 'web-push';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, type E2eServer } from './support/server';
import { openSession } from './support/session';
import { startLocalPushService, type LocalPushService } from '../../scripts/push/local-push-service';

const PORT = Number(process.env.E2E_PUSH_PORT ?? 1344);
const TITLE = `Storm warning ${crypto.randomBytes(2).toString('hex')}`;

let server: E2eServer;
let push: LocalPushService;
let browser: Browser;
let page: Page;

const shot = (name: string) => page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });

beforeAll(async () => {
  const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:push-desk@newsroom-tests.org' };
  push = await startLocalPushService(vapid);
  ({ server, browser, page } = await openSession(PORT, {
    env: {
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: vapid.subject,
      PUSH_ALLOWED_ORIGINS: push.origin,
      PUSH_JOB_INTERVAL: '1',
    },
    viewport: { width: 1400, height: 1000 },
  }));
}, 600000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await push?.close();
});

test('composer: confirm with the recipient count, send, and follow the delivery counters', async () => {
  for (const id of ['reader-1', 'reader-2', 'reader-3']) {
    const s = push.subscribe(id);
    const res = await fetch(`${server.url}/api/push/subscriptions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ endpoint: s.endpoint, keys: s.keys, topics: ['breaking'] }),
    });
    expect(res.status).toBe(201);
  }

  try {
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Email').fill(server.admin.email);
    await page.getByLabel('Password').fill(server.admin.password);
    await page.getByRole('button', { name: /log ?in/i }).click();
    await page.getByRole('link', { name: 'Push alerts' }).first().waitFor();
    await page.goto(`${server.url}/admin/plugins/push`);
    await page.waitForSelector('form[aria-label="Compose an alert"]');
    const skipTour = page.getByRole('button', { name: 'Skip', exact: true });
    if (await skipTour.isVisible()) await skipTour.click();

    await page.fill('input[name="title"]', TITLE);
    await page.fill('textarea[name="body"]', 'Stay indoors tonight.');
    await page.fill('input[name="url"]', 'https://news.example.org/storm');
    await page.getByRole('button', { name: 'Send…' }).click();
    const count = page.getByTestId('push-recipient-count');
    await count.waitFor();
    expect(await count.textContent()).toBe('3');
    await page.waitForTimeout(500); // the dialog fades in
    await shot('push-confirm');
    expect(push.received).toHaveLength(0); // nothing leaves before the editor confirms
    await page.getByRole('button', { name: 'Send to 3' }).click();

    const row = page.locator('tr', { hasText: TITLE });
    await row.waitFor();
    const deadline = Date.now() + 60000;
    while (!(await row.textContent())?.includes('done') && Date.now() < deadline) {
      await page.waitForTimeout(1000);
      await page.reload();
      await row.waitFor();
    }
    const cells = (await row.locator('td').allTextContents()).map((t) => t.trim()); // text, not the badge's upper-case rendering
    expect(cells.slice(1, 8)).toEqual(['breaking', 'done', '3', '3', '0', '0', '0']);
    await shot('push-alerts');
  } catch (error) {
    await shot('failed-push-composer').catch(() => undefined);
    throw error;
  }

  expect(push.received.map((r) => r.id).sort()).toEqual(['reader-1', 'reader-2', 'reader-3']);
  for (const r of push.received) {
    expect(r.problems).toEqual([]);
    expect(r.urgency).toBe('high');
    expect(r.payload).toMatchObject({ title: TITLE, body: 'Stay indoors tonight.', url: 'https://news.example.org/storm' });
  }
});
