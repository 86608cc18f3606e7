// A moderator works the admin panel's "Comments" page in a real browser against `strapi start`:
// a held comment approved, one rejected naming a community standard, a reader blocked, their
// appeal lifted, and a second block that is permanent (the page says so and offers no lift; the
// API refuses too). Everything else goes through the real routes: the admin API for the
// newsroom's data, the reader API for accounts, comments and appeals.
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, type E2eServer } from './support/server';
import { openSession } from './support/session';

const PORT = Number(process.env.E2E_COMMENTS_PORT ?? 1344);
const RUN = Date.now().toString(36);
const GOOD = `The harbour plan misses the ferry timetable entirely. ${RUN}`;
const BAD = `Anyway, who cares about harbours, let me tell you about football. ${RUN}`;

let server: E2eServer;
let browser: Browser;
let page: Page;
let adminToken: string;
let articleId: string;
const readers: Record<'alice' | 'bob', { id: number; jwt: string; name: string }> = {} as never;
const comments: Record<'good' | 'bad', number> = {} as never;
let firstAppealId: number;

const shot = (name: string) => page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });

async function api(pathname: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const { token, json, ...rest } = init;
  return fetch(`${server.url}${pathname}`, {
    ...rest,
    ...(json !== undefined ? { method: rest.method ?? 'POST', body: JSON.stringify(json) } : {}),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(rest.headers ?? {}) },
  });
}

async function ok<T = Record<string, unknown>>(res: Promise<Response> | Response, status: number): Promise<T> {
  const r = await res;
  const text = await r.text();
  if (r.status !== status) throw new Error(`${r.url}: expected ${status}, got ${r.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

async function step(name: string, run: () => Promise<void>) {
  try {
    await run();
    await shot(`comments-${name}`);
  } catch (error) {
    await shot(`failed-comments-${name}`).catch(() => undefined);
    throw error;
  }
}

/** A confirmed reader made through the admin API (as support staff would), logged in through the reader API. */
async function reader(username: string, roleId: number) {
  const email = `${username}@example.com`;
  const password = 'Reader-passw0rd!';
  await ok(api('/content-manager/collection-types/plugin::users-permissions.user', { token: adminToken, json: { username, email, password, confirmed: true, blocked: false, role: { connect: [{ id: roleId }] } } }), 201);
  const login = await ok<{ jwt: string; user: { id: number } }>(api('/api/auth/local', { json: { identifier: email, password } }), 200);
  return { id: login.user.id, jwt: login.jwt, name: username };
}

async function post(who: 'alice' | 'bob', body: string) {
  return api(`/api/articles/${articleId}/comments`, { token: readers[who].jwt, json: { data: { body } } });
}

async function openPage() {
  await page.goto(`${server.url}/admin/plugins/comments`);
  await page.getByRole('tab', { name: 'Pending' }).waitFor();
  const skipTour = page.getByRole('button', { name: 'Skip', exact: true });
  if (await skipTour.isVisible()) await skipTour.click();
}

async function chooseStandard(dialog: ReturnType<Page['getByRole']>, option: RegExp) {
  await dialog.getByRole('combobox', { name: 'Community standard' }).click();
  await page.getByRole('option', { name: option }).click();
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession(PORT));

  adminToken = (await ok<{ data: { token: string } }>(api('/admin/login', { json: server.admin }), 200)).data.token;

  // The community standards and their first version, as editors publish them in the content manager.
  for (const [code, title, position] of [['off-topic', 'Off topic', 1], ['trolling', 'Trolling', 2]] as const) {
    await ok(api('/content-manager/collection-types/plugin::comments.community-standard?locale=en', { token: adminToken, json: { code, title, ruleText: `${title}: stay on the story and respect others.`, action: 'remove', position } }), 201);
  }
  await ok(api('/content-manager/collection-types/plugin::comments.standards-version/actions/publish', { token: adminToken, json: { version: 1, changeSummary: 'First rules' } }), 200);

  // A published, pre-moderated story: every comment is held for a moderator.
  const section = await ok<{ data: { documentId: string } }>(api('/content-manager/collection-types/api::section.section', { token: adminToken, json: { name: `Harbour ${RUN}` } }), 201);
  const article = await ok<{ data: { documentId: string } }>(
    api('/content-manager/collection-types/api::article.article/actions/publish?locale=en', {
      token: adminToken,
      json: { title: `Harbour plan ${RUN}`, section: { connect: [{ documentId: section.data.documentId }] }, commentsEnabled: true, commentsPremoderated: true },
    }),
    200,
  );
  articleId = article.data.documentId;

  const roles = await ok<{ roles: Array<{ id: number; type: string }> }>(api('/users-permissions/roles', { token: adminToken }), 200);
  const authenticated = roles.roles.find((r) => r.type === 'authenticated');
  if (!authenticated) throw new Error('No authenticated role');
  readers.alice = await reader(`alice${RUN}`, authenticated.id);
  readers.bob = await reader(`bob${RUN}`, authenticated.id);
  for (const who of ['alice', 'bob'] as const) {
    const accepted = await api('/api/community-standards/accept', { token: readers[who].jwt, json: { version: 1 } });
    expect([200, 201]).toContain(accepted.status);
  }

  const good = await ok<{ data: { id: number; status: string } }>(post('bob', GOOD), 201);
  const bad = await ok<{ data: { id: number; status: string } }>(post('alice', BAD), 201);
  expect([good.data.status, bad.data.status]).toEqual(['pending', 'pending']);
  comments.good = good.data.id;
  comments.bad = bad.data.id;

  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Email').fill(server.admin.email);
  await page.getByLabel('Password').fill(server.admin.password);
  await page.getByRole('button', { name: /log ?in/i }).click();
  await page.getByRole('link', { name: 'Comments' }).first().waitFor();
}, 900000); // the admin build alone takes minutes on a busy machine

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const published = async () => ((await ok<{ data: Array<{ id: number; body: string; replies?: Array<{ id: number }> }> }>(api(`/api/articles/${articleId}/comments`), 200)).data ?? []).map((c) => c.id);

describe('the Comments moderation page', () => {
  it('approves a held comment from the Pending queue', () =>
    step('approve', async () => {
      await openPage();
      const row = page.getByRole('row', { name: `Comment #${comments.good}` });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain(GOOD);
      await expect(page.getByRole('row', { name: `Comment #${comments.bad}` }).textContent()).resolves.toContain(BAD);
      expect(await published()).not.toContain(comments.good);

      await page.getByRole('button', { name: `Approve comment #${comments.good}` }).click();
      await row.waitFor({ state: 'detached' });
      expect(await published()).toContain(comments.good);
    }));

  it('rejects a held comment, naming a community standard, and shows the decision in All', () =>
    step('reject', async () => {
      await openPage();
      await page.getByRole('button', { name: `Reject comment #${comments.bad}` }).click();
      const dialog = page.getByRole('dialog', { name: `Reject comment #${comments.bad}` });
      await dialog.waitFor();
      const confirm = dialog.getByRole('button', { name: 'Confirm rejection' });
      expect(await confirm.isDisabled()).toBe(true); // a code is required
      await chooseStandard(dialog, /Off topic \(off-topic\)/);
      await dialog.getByRole('textbox', { name: 'Note' }).fill('Please keep to the harbour plan.');
      await confirm.click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('row', { name: `Comment #${comments.bad}` }).waitFor({ state: 'detached' });
      expect(await published()).not.toContain(comments.bad);

      await page.getByRole('tab', { name: 'All' }).click();
      const row = page.getByRole('row', { name: `Comment #${comments.bad}` });
      await row.waitFor();
      await expect(row.textContent()).resolves.toMatch(/rejected[\s\S]*off-topic/);
    }));

  it('blocks the author: the reader can no longer post', () =>
    step('block', async () => {
      await openPage();
      await page.getByRole('tab', { name: 'All' }).click();
      await page.getByRole('button', { name: `Block author of comment #${comments.bad}` }).click();
      const dialog = page.getByRole('dialog', { name: /^Block / });
      await dialog.waitFor();
      await chooseStandard(dialog, /Trolling \(trolling\)/);
      await dialog.getByRole('textbox', { name: 'Note' }).fill('Repeatedly derails threads.');
      await dialog.getByRole('button', { name: 'Confirm block' }).click();
      await dialog.waitFor({ state: 'detached' });

      const refused = await post('alice', `Still here ${RUN}`);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { name: string } }).error.name).toBe('AccountBlocked');
    }));

  it('lifts the block on the reader\'s appeal', () =>
    step('appeal-lifted', async () => {
      const appeal = await ok<{ data: { id: number } }>(api('/api/account/appeals', { token: readers.alice.jwt, json: { data: { explanation: `I will stay on topic from now on. ${RUN}` } } }), 201);
      firstAppealId = appeal.data.id;

      await openPage();
      await page.getByRole('tab', { name: 'Appeals' }).click();
      const row = page.getByRole('row', { name: `Appeal #${firstAppealId} of reader #${readers.alice.id}` });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('I will stay on topic');
      await row.getByRole('button', { name: `Lift block of reader #${readers.alice.id}` }).click();
      const dialog = page.getByRole('dialog', { name: `Lift the block of reader #${readers.alice.id}` });
      await dialog.getByRole('textbox', { name: 'Note' }).fill('Welcome back.');
      await dialog.getByRole('button', { name: 'Confirm lift' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.waitFor({ state: 'detached' }); // the open queue is empty again

      await ok(post('alice', `Thanks, back on the harbour plan. ${RUN}`), 201);
    }));

  it('blocks a second time: permanent, shown in the history, no lift offered, and the API refuses to lift it', () =>
    step('second-block', async () => {
      await openPage();
      await page.getByRole('tab', { name: 'All' }).click();
      await page.getByRole('button', { name: `History of reader #${readers.alice.id}` }).first().click();
      const panel = page.getByRole('dialog', { name: /^Moderation history of / });
      await panel.waitFor();
      await panel.getByText('Not blocked').waitFor();
      await panel.getByRole('button', { name: `Block reader #${readers.alice.id}` }).click();
      const dialog = page.getByRole('dialog', { name: /^Block / });
      await chooseStandard(dialog, /Trolling \(trolling\)/);
      await dialog.getByRole('button', { name: 'Confirm block' }).click();
      await dialog.waitFor({ state: 'detached' });

      await panel.getByText('Permanently blocked').waitFor();
      const second = panel.getByRole('row', { name: 'Block 2' });
      await expect(second.textContent()).resolves.toMatch(/permanent/i);
      await expect(panel.getByRole('row', { name: 'Block 1' }).textContent()).resolves.toContain('trolling');
      const lifts = panel.getByRole('button', { name: `Lift block of reader #${readers.alice.id}` });
      for (const lift of await lifts.all()) expect(await lift.isDisabled()).toBe(true);
      await expect(panel.textContent()).resolves.toContain('reject');
      expect(await panel.getByRole('button', { name: `Block reader #${readers.alice.id}` }).isDisabled()).toBe(true);
      await shot('comments-history-permanent');
      await page.keyboard.press('Escape');

      await page.getByRole('tab', { name: 'Appeals' }).click();
      await page.getByText('No appeals here.').waitFor();
      expect(await page.getByRole('button', { name: `Lift block of reader #${readers.alice.id}` }).count()).toBe(0);

      // The API refuses as well: no appeal can be filed, and the old appeal cannot be replayed to lift it.
      const appeal = await api('/api/account/appeals', { token: readers.alice.jwt, json: { data: { explanation: 'Please, once more.' } } });
      expect(appeal.status).toBeGreaterThanOrEqual(400);
      expect(appeal.status).toBeLessThan(500);
      const replay = await api(`/comments/appeals/${firstAppealId}/decision`, { token: adminToken, json: { data: { decision: 'lift' } } });
      expect(replay.status).toBeGreaterThanOrEqual(400);
      expect(replay.status).toBeLessThan(500);
      const key = await ok<{ data: { accessKey: string } }>(api('/admin/api-tokens', { token: adminToken, json: { name: `moderation-${RUN}`, type: 'full-access', lifespan: null } }), 201);
      const integration = await api(`/api/moderation/appeals/${firstAppealId}`, { token: key.data.accessKey, json: { data: { decision: 'lift' } } });
      expect(integration.status).toBeGreaterThanOrEqual(400);
      expect(integration.status).toBeLessThan(500);
      const posting = await post('alice', `One more try ${RUN}`);
      expect(posting.status).toBe(403);
      expect(((await posting.json()) as { error: { details: { permanent: boolean } } }).error.details.permanent).toBe(true);
    }));
});
