/**
 * Procurement journey in Chromium: a PACC head-office officer uploads OCDS JSON Lines, watches the
 * progress bar reach 100 % (it survives a reload), and sees explained flags and the risk ranking;
 * the public page shows the map and the "lead, not proof" notice; axe on both pages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAppAndBrowser } from './support/app.ts';
import { newContext, open, screenshot, settle, watchErrors } from './support/browser.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { signIn } from './support/session.ts';

const app = useAppAndBrowser();
const PASSWORD = 'prongsai-demo-2569';
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function releases(): string {
  const r = (ocid: string, amount: number, date: string) => ({
    ocid, id: `${ocid}-1`, date, tag: ['compiled'], initiationType: 'tender',
    buyer: { id: 'TH-DLA-6620708', name: 'องค์การบริหารส่วนตำบลหนองหลวง' },
    tender: { id: ocid, title: `ซื้อวัสดุสำนักงาน ${ocid}`, status: 'complete', procurementMethod: 'limited', procurementMethodDetails: 'วิธีเฉพาะเจาะจง', items: [{ id: '1', classification: { scheme: 'UNSPSC', id: '44121600' } }] },
    awards: [{ id: `${ocid}-a`, status: 'active', date, value: { amount, currency: 'THB' }, suppliers: [{ id: 'TH-TIN-0105560000001', name: 'ร้าน สมชาย ใจดี' }] }],
  });
  return `${[r('ocds-e2e-001', 300000, '2026-03-02T10:00:00+07:00'), r('ocds-e2e-002', 300000, '2026-03-09T10:00:00+07:00')].map((x) => JSON.stringify(x)).join('\n')}\n`;
}

describe('procurement web', () => {
  it('public leads page: map, notice, no accessibility violations', async () => {
    const context = await newContext(app.browser, app.server.baseUrl);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await open(page, '/procurement');
    await page.getByRole('heading', { level: 1, name: 'ข้อสังเกตการจัดซื้อจัดจ้าง' }).waitFor();
    await expectNoAxeViolations(page, '/procurement');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('officer uploads, watches progress across a reload, and browses explained flags and risk', async () => {
    const context = await newContext(app.browser, app.server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'pacc.hq@prongsai.demo', PASSWORD, TOTP);
    await open(page, '/procurement/work');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-e2e-upload-')), 'nonglaung.jsonl');
    fs.writeFileSync(file, releases());
    await page.getByLabel('ไฟล์').setInputFiles(file);
    await page.getByRole('button', { name: 'อัปโหลดและนำเข้า' }).click();
    await page.locator('progress').waitFor();
    await page.reload();
    await settle(page);
    await page.getByRole('status').filter({ hasText: 'นำเข้าแล้ว 2 รายการ' }).waitFor({ timeout: 60_000 });
    // The analysis job runs after the import; reload until the split-purchase flag appears.
    for (let i = 0; i < 30; i++) {
      await page.reload();
      await settle(page);
      if ((await page.getByText('TH01').count()) > 0) break;
      await page.waitForTimeout(1000);
    }
    await expect(page.getByText(/ไม่ใช่หลักฐาน/).first().isVisible()).resolves.toBe(true);
    await expect(page.locator('article.flag-card', { hasText: 'TH01' }).first().textContent()).resolves.toContain('600,000.00');
    await expect(page.locator('table').textContent()).resolves.toContain('หนองหลวง');
    await screenshot(page, 'procurement-work');
    await expectNoAxeViolations(page, '/procurement/work');
    await context.close();
  });
});
