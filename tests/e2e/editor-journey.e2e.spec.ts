// An editor's whole path in a real browser: log in, upload a photo with caption and credit,
// write an article with lead photo, rich text, inline photo and related story, publish it;
// then what readers and partners get over HTTP: feeds, the short URL, the RSS photo credit.
import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, type E2eServer } from './support/server';
import { openSession } from './support/session';

const PORT = Number(process.env.E2E_PORT ?? 1343);

const PHOTO = { caption: 'Firefighters hose down the burning fish market at dawn', alt: 'Three firefighters spray water on a burning wooden hall', photographer: 'Ana Ribeiro', agency: 'Reuters' };
const ARTICLE = { title: 'Harbour fire: crews save the fish market', slug: 'harbour-fire-crews-save-the-fish-market', text: 'The fire started **before dawn** in a storage shed.' };
const SECTION = { name: 'Harbour Desk', slug: 'harbour-desk' };
const OLDER = 'Fire crews train for harbour blazes';

let server: E2eServer;
let browser: Browser;
let page: Page;
let imageFile: string;
let articleId: string;
let panelShortUrl: string;

const shot = (name: string) => page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });

/** Runs a browser step; on failure keeps a screenshot of what the editor saw. */
async function step(name: string, fn: () => Promise<void>) {
  try {
    await fn();
  } catch (error) {
    await shot(`failed-${name}`).catch(() => undefined);
    throw error;
  }
}

async function api(pathname: string, init: RequestInit & { token?: string } = {}) {
  const { token, ...rest } = init;
  return fetch(`${server.url}${pathname}`, {
    ...rest,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(rest.headers ?? {}) },
  });
}

/** Opens an admin page and waits until it has settled (the edit form resets once while it loads). */
async function visit(pathname: string) {
  await page.goto(`${server.url}${pathname}`);
  await page.waitForLoadState('networkidle');
  // First-visit guided tour: it hides the page from assistive technology, and so from role selectors.
  const skipTour = page.getByRole('button', { name: 'Skip', exact: true });
  if (await skipTour.isVisible()) {
    await skipTour.click();
    await skipTour.waitFor({ state: 'detached' });
  }
}

/** Fills a field and checks the value stuck (a late re-render would silently drop it). */
async function fill(field: ReturnType<Page['locator']>, value: string) {
  await field.fill(value);
  await page.waitForTimeout(300);
  if ((await field.inputValue()) !== value) await field.fill(value);
  expect(await field.inputValue()).toBe(value);
}

/** A tall viewport, so the screenshot shows the whole form (the admin scrolls inside its own panes). */
async function tallShot(name: string) {
  await page.setViewportSize({ width: 1600, height: 2600 });
  await shot(name);
  await page.setViewportSize({ width: 1600, height: 1000 });
}

/** Waits for the admin's notification toast, e.g. "Saved document". */
async function toast(text: string | RegExp) {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 20000 });
}

async function pickRelation(field: ReturnType<Page['locator']>, option: string | RegExp) {
  await field.click();
  await page.getByRole('option', { name: option }).first().click();
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession(PORT));

  imageFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-img-')), 'harbour-fire.jpg');
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 180, g: 70, b: 30 } } }).jpeg().toFile(imageFile);

  // What already exists in the newsroom: a section and an earlier story on it, made through the
  // same admin API the panel uses.
  const login = await api('/admin/login', { method: 'POST', body: JSON.stringify(server.admin) });
  expect(login.status).toBe(200);
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  const section = await api('/content-manager/collection-types/api::section.section', { method: 'POST', token, body: JSON.stringify({ name: SECTION.name }) });
  expect(section.status).toBe(201);
  const sectionId = ((await section.json()) as { data: { documentId: string } }).data.documentId;
  const older = await api('/content-manager/collection-types/api::article.article/actions/publish?locale=en', {
    method: 'POST',
    token,
    body: JSON.stringify({ title: OLDER, section: { connect: [{ documentId: sectionId }] } }),
  });
  expect(older.status).toBe(200);
}, 600000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (imageFile) fs.rmSync(path.dirname(imageFile), { recursive: true, force: true });
});

describe('an editor in the admin panel', () => {
  it('logs in with the administrator created from env', () =>
    step('login', async () => {
      await visit('/admin');
      await page.getByLabel('Email').fill(server.admin.email);
      await page.getByLabel('Password').fill(server.admin.password);
      await page.getByRole('button', { name: /log ?in/i }).click();
      await page.getByRole('link', { name: 'Content Manager' }).first().waitFor();
    }));

  it('uploads a photo and fills its caption and credit; the credit line is rendered and read-only', () =>
    step('photo', async () => {
      await visit('/admin/content-manager/collection-types/api::photo.photo/create');
      await page.getByText('Click to add an asset').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Add more assets' }).click();
      await dialog.locator('input[type=file]').setInputFiles(imageFile);
      await dialog.getByRole('button', { name: /Upload 1 asset/ }).click();
      await dialog.getByRole('button', { name: 'Finish' }).click();
      await dialog.waitFor({ state: 'detached' });

      await fill(page.getByRole('textbox', { name: /^Caption/ }), PHOTO.caption);
      await fill(page.getByRole('textbox', { name: /^Alt text/ }), PHOTO.alt);
      await fill(page.getByRole('textbox', { name: /^Photographer/ }), PHOTO.photographer);
      await fill(page.getByRole('textbox', { name: /^Agency/ }), PHOTO.agency);
      await page.getByRole('button', { name: 'Save' }).click();
      await toast('Saved document');

      const creditLine = page.getByRole('textbox', { name: /^Credit line/ });
      await page.waitForFunction(() => (document.querySelector('input[name=creditLine]') as HTMLInputElement | null)?.value !== '');
      expect(await creditLine.inputValue()).toBe(`© ${PHOTO.agency} / ${PHOTO.photographer}`);
      expect(await creditLine.isDisabled()).toBe(true);
    }));

  it('writes an article in a section with a lead photo, rich text, an inline photo and a related story', () =>
    step('article', async () => {
      await visit('/admin/content-manager/collection-types/api::article.article/create');
      await fill(page.getByRole('textbox', { name: /^Headline/ }), ARTICLE.title);
      await pickRelation(page.getByRole('combobox', { name: /^Section/ }), SECTION.name);
      await pickRelation(page.getByRole('combobox', { name: /^Lead photo/ }), PHOTO.caption);

      const addBlock = async (name: string) => {
        await page.getByRole('button', { name: 'Add a component to Body' }).click();
        await page.getByRole('button', { name, exact: true }).click();
      };
      await addBlock('Rich text');
      await page.locator('.CodeMirror').first().click();
      await page.keyboard.type(ARTICLE.text);
      await addBlock('Photo');
      await pickRelation(page.locator('input[name="body.1.photo"]'), PHOTO.caption);
      await addBlock('Related story');
      await pickRelation(page.locator('input[name="body.2.link.article"]'), OLDER);
      await fill(page.locator('input[name="body.2.link.label"]'), 'Background');

      // Computed fields are shown but cannot be typed into.
      expect(await page.getByRole('combobox', { name: 'Choose date' }).isDisabled()).toBe(true);

      await page.getByRole('button', { name: 'Save' }).click();
      await toast('Saved document');
      articleId = /api::article\.article\/([a-z0-9]+)/.exec(page.url())?.[1] ?? '';
      expect(articleId).toMatch(/^[a-z0-9]{20,}$/);
      // The slug was left empty: it is made from the headline on save.
      await page.waitForFunction((slug) => (document.querySelector('input[name=slug]') as HTMLInputElement | null)?.value === slug, ARTICLE.slug);
    }));

  it('publishes it; the side panel then shows its short URL and views, and the preview opens the site’s page', () =>
    step('publish', async () => {
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await toast('Published document');

      const shortUrl = page.getByTestId('newsroom-short-url');
      await shortUrl.getByRole('link').waitFor();
      panelShortUrl = (await shortUrl.getByRole('link').textContent()) ?? '';
      expect(panelShortUrl).toMatch(new RegExp(`^${server.url}/s/[A-Za-z0-9_-]+$`));
      // The views total and its 48-hour chart come from the views plugin's admin route.
      await page.getByTestId('newsroom-views-chart').waitFor();
      expect(await page.getByTestId('newsroom-views').textContent()).toMatch(/Views\s*0/);
      expect(await page.getByTestId('newsroom-views-chart').locator('rect').count()).toBe(48);
      expect(await page.getByTestId('newsroom-first-published').textContent()).not.toMatch(/Not yet published/);
      // Read-only: plain text and a link, no inputs.
      expect(await page.locator('[data-testid^=newsroom-] input').count()).toBe(0);
      await tallShot('article-editor');

      await page.getByRole('link', { name: 'Open preview' }).click();
      const frame = page.locator('iframe').first();
      await frame.waitFor({ state: 'attached' });
      expect(await frame.getAttribute('src')).toBe(`${server.siteUrl}/${SECTION.slug}/${ARTICLE.slug}?status=draft`);
      await page.goBack();
    }));

  it('finds it in the article list by headline, section, status and publication date', () =>
    step('list', async () => {
      await visit('/admin/content-manager/collection-types/api::article.article');
      const row = page.getByRole('row', { name: new RegExp(ARTICLE.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
      await row.waitFor();
      // Strapi's list table marks its header cells as grid cells, not column headers.
      const headers = (await page.locator('table thead th').allTextContents()).map((h) => h.trim().toLowerCase());
      expect(headers).toEqual(expect.arrayContaining(['headline', 'section', 'published', 'status']));
      const cells = (await row.getByRole('gridcell').allTextContents()).join(' | ');
      expect(cells).toContain(SECTION.name);
      expect(cells).toMatch(/Published/);
      await shot('article-list');

      await visit('/admin/content-manager/collection-types/api::photo.photo');
      const photoRow = page.getByRole('row', { name: new RegExp(PHOTO.caption) });
      await photoRow.waitFor();
      expect(await photoRow.textContent()).toContain(`© ${PHOTO.agency} / ${PHOTO.photographer}`);
      expect(await photoRow.locator('img').count()).toBeGreaterThan(0);
      await shot('photo-list');
    }));
});

describe('the published article over HTTP', () => {
  type FeedItem = { documentId: string; title: string; url: string };

  it('comes first in the articles feed and in its section’s feed', async () => {
    for (const feed of ['/api/feeds/articles', `/api/feeds/sections/${SECTION.slug}`]) {
      const res = await api(feed);
      expect(res.status).toBe(200);
      const items = ((await res.json()) as { data: FeedItem[] }).data;
      expect(items[0]).toMatchObject({ documentId: articleId, title: ARTICLE.title, url: `${server.siteUrl}/${SECTION.slug}/${ARTICLE.slug}` });
      expect(items.map((i) => i.title)).toContain(OLDER);
    }
  });

  it('keeps what the editor wrote: lead photo, rich text, inline photo, related story', async () => {
    const populate = new URLSearchParams({
      'populate[leadPhoto]': 'true',
      'populate[section]': 'true',
      'populate[body][on][blocks.rich-text]': 'true',
      'populate[body][on][blocks.photo-embed][populate][photo]': 'true',
      'populate[body][on][blocks.related-story][populate][link][populate][article]': 'true',
    });
    const res = await api(`/api/articles/${articleId}?${populate}`);
    expect(res.status).toBe(200);
    type Block = { __component: string; body?: string; photo?: { caption: string }; link?: { label: string; article: { title: string } } };
    const a = ((await res.json()) as { data: { section: { name: string }; leadPhoto: object; body: Block[] } }).data;
    expect(a.section.name).toBe(SECTION.name);
    expect(a.leadPhoto).toMatchObject({ caption: PHOTO.caption, creditLine: `© ${PHOTO.agency} / ${PHOTO.photographer}` });
    expect(a.body.map((b) => b.__component)).toEqual(['blocks.rich-text', 'blocks.photo-embed', 'blocks.related-story']);
    expect(a.body[0].body).toBe(ARTICLE.text);
    expect(a.body[1].photo?.caption).toBe(PHOTO.caption);
    expect(a.body[2].link).toMatchObject({ label: 'Background', article: { title: OLDER } });
  });

  it('has a short URL, the one the panel showed, that redirects to the article', async () => {
    const res = await api(`/api/articles/${articleId}/short-url`);
    expect(res.status).toBe(200);
    const link = ((await res.json()) as { data: { code: string; shortUrl: string; target: string } }).data;
    expect(link.shortUrl).toBe(panelShortUrl);
    expect(link.target).toBe(`${server.siteUrl}/${SECTION.slug}/${ARTICLE.slug}`);
    const redirect = await fetch(link.shortUrl, { redirect: 'manual' });
    expect([301, 302, 307, 308]).toContain(redirect.status);
    expect(redirect.headers.get('location')).toBe(link.target);
  });

  it('carries the photo caption and credit in its RSS item', async () => {
    const res = await api('/api/feeds/articles?format=rss');
    expect(res.status).toBe(200);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'media:content', 'media:credit'].includes(name) }).parse(await res.text());
    const item = xml.rss.channel.item.find((i: { title: string }) => i.title === ARTICLE.title);
    expect(item).toBeDefined();
    const text = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)['#text'] : v);
    const media = (item['media:content'] as Record<string, unknown>[]).find((m) => text(m['media:description']) === PHOTO.caption);
    expect(media).toBeDefined();
    const credits = (media!['media:credit'] as Record<string, unknown>[]).map((c) => [c['@role'], text(c)]);
    expect(credits).toEqual(expect.arrayContaining([['photographer', PHOTO.photographer], ['distributor', PHOTO.agency]]));
  });
});
