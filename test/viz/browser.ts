// Test helper: Debian's Chromium driven by playwright-core (never a browser download) — headless, a fresh
// profile, no background traffic; every request the page makes is intercepted, recorded and, unless it is
// the page's own file, refused. Console errors and page errors are recorded too.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Chromium is required under CI=true; elsewhere the browser tests skip when it is missing. */
export const skipBrowser = !existsSync(CHROMIUM) && process.env['CI'] !== 'true';
if (skipBrowser) process.stderr.write(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)\n`);

export interface OpenPage {
  readonly page: Page;
  readonly errors: string[];
  /** Requests other than the page's own file (each one was aborted). */
  readonly leaks: string[];
  close(): Promise<void>;
}

/** Opens `file` (plus a hash) in a fresh headless Chromium and waits for the first render. */
export async function openPage(file: string, hash = '', viewport = { width: 1400, height: 900 }): Promise<OpenPage> {
  const profile = mkdtempSync(join(tmpdir(), 'calisim-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const errors: string[] = [];
  const leaks: string[] = [];
  const url = `file://${file}`;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.split('#')[0] === url) return route.continue();
    leaks.push(u);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  await page.goto(url + hash);
  await page.waitForSelector('body[data-ready=true]', { timeout: 15_000 });
  return {
    page,
    errors,
    leaks,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
