/**
 * Chromium for the browser tests (Debian's /usr/bin/chromium via playwright-core, headless), and
 * helpers to open pages and take screenshots into test-results/e2e/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { ROOT } from './server.ts';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/e2e');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh context (own cookies and storage) with Thai locale, Bangkok time, a desktop viewport. */
export async function newContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'th-TH', timezoneId: 'Asia/Bangkok', viewport: { width: 1280, height: 900 }, ...options });
}

/** Collects console errors and failed requests of a page, so tests can assert there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // For "Failed to load resource" the location is the failing URL, which says what went wrong.
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`); });
  return errors;
}

/** Waits until the page has rendered its data: no "loading" status and web fonts ready. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // No "loading…" status, no map placeholder waiting for its shapes, web fonts loaded.
  await page.waitForFunction(
    () => !document.querySelector('main [role="status"].muted') && !document.querySelector('div.map-svg') && document.fonts.status === 'loaded',
    undefined,
    { timeout: 15_000 },
  );
}

export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settle(page);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
