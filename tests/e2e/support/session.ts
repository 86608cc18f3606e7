// What every browser spec starts with: the admin built, the app started on a throw-away database,
// Chromium with one page. A failure part way stops what was already started.
import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { artifactsDir, buildAdmin, startServer, type E2eServer } from './server';

export interface E2eSession {
  server: E2eServer;
  browser: Browser;
  page: Page;
}

export async function openSession(port: number, opts: { env?: Record<string, string>; viewport?: { width: number; height: number } } = {}): Promise<E2eSession> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await buildAdmin();
  const server = await startServer(port, opts.env);
  try {
    const browser = await launchChromium();
    const page = await (await browser.newContext({ viewport: opts.viewport ?? { width: 1600, height: 1000 } })).newPage();
    page.setDefaultTimeout(30000);
    return { server, browser, page };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
