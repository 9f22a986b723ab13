/**
 * Public journeys in Chromium: find an organisation and walk to its province and the national map;
 * keyboard-only use; a phone-sized screen; axe (WCAG 2 A/AA) on every public page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppAndBrowser } from './support/app.ts';
import { newContext, open, screenshot, settle, watchErrors } from './support/browser.ts';
import { expectNoAxeViolations } from './support/axe.ts';

const app = useAppAndBrowser();

async function newPage(options: Parameters<typeof newContext>[2] = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await newContext(app.browser, app.server.baseUrl, options);
  const page = await context.newPage();
  return { page, errors: watchErrors(page) };
}

const PUBLIC_PAGES = [
  '/',
  '/search?q=หนองหลวง',
  '/search?province=62&type=sao&page=2',
  '/organizations/6620708',
  '/organizations/NACC-P62',
  '/organizations/PACC-R8',
  '/provinces/62',
  '/provinces/80',
  '/map',
  '/sign-in',
  '/forgot-password',
  '/reset-password/not-a-real-token-but-long-enough',
  '/invite/not-a-real-token-but-long-enough',
  '/no-such-page',
];

describe('public web', () => {
  it('journey: home → search "หนองหลวง" → organisation 6620708 → province → national map', async () => {
    const { page, errors } = await newPage();
    await open(page, '/');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
    expect(await page.evaluate(() => document.fonts.check('16px Sarabun', 'องค์การบริหารส่วนตำบล'))).toBe(true);

    await page.getByLabel('ชื่อหน่วยงาน รหัส อปท. อำเภอ หรือจังหวัด').fill('หนองหลวง');
    const started = Date.now();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/organizations?') && r.url().includes('q=')),
      page.getByRole('button', { name: 'ค้นหา' }).click(),
    ]);
    expect(response.status()).toBe(200);
    await page.getByRole('heading', { name: /ผลการค้นหา “หนองหลวง”/ }).waitFor();
    const searchMs = Date.now() - started;
    console.info(`search "หนองหลวง": submit → results shown in ${searchMs} ms`);
    expect(searchMs).toBeLessThan(1000);
    await screenshot(page, 'search-nong-luang');

    await page.locator('li.result', { hasText: '6620708' }).getByRole('link').click();
    await page.waitForURL(/\/organizations\/6620708$/);
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('องค์การบริหารส่วนตำบลหนองหลวง');
    const main = page.locator('main');
    await expect(main.textContent()).resolves.toContain('ลานกระบือ');
    await expect(main.getByRole('link', { name: 'สำนักงาน ป.ป.ช. ประจำจังหวัดกำแพงเพชร' }).count()).resolves.toBe(1);
    await page.locator('svg.map-svg path.highlight').waitFor();
    await screenshot(page, 'organization-6620708');

    await main.locator('dd').getByRole('link', { name: 'กำแพงเพชร', exact: true }).click();
    await page.waitForURL(/\/provinces\/62$/);
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('จังหวัดกำแพงเพชร');
    await expect(main.textContent()).resolves.toContain('ยังไม่ยืนยัน');
    await screenshot(page, 'province-62');

    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'แผนที่ประเทศ' }).click();
    await page.waitForURL(/\/map$/);
    await settle(page);
    expect(await page.locator('svg.map-svg a[data-province]').count()).toBe(77);
    await screenshot(page, 'national-map');
    await page.locator('a[data-province="40"] path').click();
    await page.waitForURL(/\/provinces\/40$/);
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('จังหวัดขอนแก่น');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keyboard only: skip link, search and open an organisation with Tab and Enter', async () => {
    const { page, errors } = await newPage();
    await open(page, '/');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '', href: el?.getAttribute('href') ?? '', id: el?.id ?? '', type: el?.getAttribute('type') ?? '' };
    });
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('ข้ามไปยังเนื้อหาหลัก');
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('main');

    let steps = 0;
    while ((await focused()).type !== 'search' && steps++ < 20) await page.keyboard.press('Tab');
    expect((await focused()).type).toBe('search');
    await page.keyboard.type('หนองหลวง');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await settle(page);

    steps = 0;
    while (!(await focused()).href.endsWith('/organizations/6620708') && steps++ < 80) await page.keyboard.press('Tab');
    expect((await focused()).href).toBe('/organizations/6620708');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/organizations\/6620708$/);
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('องค์การบริหารส่วนตำบลหนองหลวง');
    expect((await focused()).id).toBe('main');

    // A province on the national map is reachable with Tab and opens with Enter.
    await open(page, '/map');
    steps = 0;
    while (!(await focused()).href.startsWith('/provinces/') && steps++ < 40) await page.keyboard.press('Tab');
    expect((await focused()).href).toMatch(/^\/provinces\/\d\d$/);
    const href = (await focused()).href;
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${href}$`));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('phone (390×844): every public page fits without horizontal scrolling', async () => {
    const { page, errors } = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const overflowing: string[] = [];
    for (const url of PUBLIC_PAGES) {
      await open(page, url);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      if (scrollWidth > innerWidth) overflowing.push(`${url}: ${scrollWidth}px > ${innerWidth}px`);
      if (['/', '/organizations/6620708', '/map', '/search?q=หนองหลวง'].includes(url)) await screenshot(page, `mobile-${url.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}`);
    }
    expect(overflowing).toEqual([]);
    // The two made-up tokens answer 400 TOKEN_INVALID and the unknown page 404, as they should.
    expect(errors.filter((e) => !/status of (400|404)/.test(e))).toEqual([]);
    await page.context().close();
  });

  it('axe: no WCAG 2 A/AA violations on any public page, in Thai and in English', async () => {
    const { page } = await newPage();
    for (const url of PUBLIC_PAGES) {
      await open(page, url);
      await expectNoAxeViolations(page, url);
    }
    // English: switch with the header button; the choice is remembered.
    await open(page, '/organizations/6620708');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'About this organisation' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectNoAxeViolations(page, '/organizations/6620708 (en)');
    await open(page, '/map');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Map of Thailand');
    await expectNoAxeViolations(page, '/map (en)');
    await screenshot(page, 'national-map-en');
    await page.context().close();
  });
});
