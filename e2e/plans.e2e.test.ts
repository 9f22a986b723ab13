/**
 * The action-plan journey in Chromium (issue 3, "Done means"): the demo LAO editor of อบต.หนองหลวง
 * drafts a plan with items in all 4 dimensions, imports items from an XLSX file (first one with row
 * errors: nothing is saved), the mayor approves, the editor submits; the NACC Kamphaeng Phet officer
 * (TOTP) returns it with a comment on an item; the editor fixes and resubmits; the officer accepts
 * and scores it; the editor publishes, reports 6-month progress with an evidence file; the
 * documents (DOCX/PDF/XLSX) are real files with the plan in them; the public sees it all.
 * axe (WCAG 2 A/AA) runs on every plans page; screenshots go to test-results/e2e/plans-*.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '@prongsai/server/seed/demo.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { launchBrowser, newContext, open, screenshot, settle, watchErrors } from './support/browser.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { signIn } from './support/session.ts';

const ORG = '6620708';
const TITLE = 'แผนปฏิบัติการป้องกันการทุจริต 4 ปี (พ.ศ. 2569–2572) องค์การบริหารส่วนตำบลหนองหลวง';
const CYCLE_LABEL = 'แผนปฏิบัติการป้องกันการทุจริต 4 ปี (พ.ศ. 2569–2572)';
const PROJECT = 'โครงการอบรมเสริมสร้างคุณธรรม จริยธรรม และความโปร่งใสแก่บุคลากร อบต.หนองหลวง';

let server: RunningServer;
let browser: Browser;
const sessions: Record<string, { context: BrowserContext; page: Page; errors: string[] }> = {};
let planId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

// One journey: once a step fails, the later steps would only time out, so they are skipped.
let broken = false;
beforeEach((ctx) => {
  if (broken) ctx.skip();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  broken = true;
  for (const [who, s] of Object.entries(sessions)) await screenshot(s.page, `plans-failed-${who}`).catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Console errors other than the API refusals (404 for an unsaved progress report) steps provoke. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of (401|403|404)/.test(e));

async function as(who: 'editor' | 'mayor' | 'nacc'): Promise<Page> {
  if (!sessions[who]) {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    sessions[who] = { context, page, errors: watchErrors(page) };
    const email = { editor: 'editor@nonglaung.demo', mayor: 'mayor@nonglaung.demo', nacc: 'nacc.kamphaengphet@prongsai.demo' }[who];
    await signIn(page, email, DEMO_PASSWORD, who === 'nacc' ? DEMO_TOTP_SECRET : undefined);
  }
  return sessions[who]!.page;
}

async function check(page: Page, name: string) {
  await settle(page);
  await expectNoAxeViolations(page, name);
  await screenshot(page, `plans-${name}`);
}

async function tab(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'ส่วนของแผน' }).getByRole('link', { name, exact: true }).click();
  await settle(page);
}

async function itemsXlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('รายการ');
  sheet.addRow(['ภารกิจตามมิติ (รหัส)', 'ประเภท', 'ชื่อโครงการ/กิจกรรม/มาตรการ', 'งบประมาณ ปี 2569 (บาท)', 'งบประมาณ ปี 2570 (บาท)', 'งบประมาณ ปี 2571 (บาท)', 'งบประมาณ ปี 2572 (บาท)', 'ไม่ใช้งบประมาณ', 'หน่วยงานรับผิดชอบ', 'ไตรมาสที่ดำเนินการ', 'หมายเหตุ']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const IMPORT_ROWS: string[][] = [
  ['1.1.2', 'กิจกรรม', 'กิจกรรมประกาศเจตนารมณ์ปฏิบัติตามประมวลจริยธรรมของผู้บริหารและพนักงาน', '', '', '', '', 'ใช่', 'สำนักปลัด', '1', ''],
  ['1.1.3', 'มาตรการ', 'มาตรการป้องกันผลประโยชน์ทับซ้อนในการจัดซื้อจัดจ้าง', '', '', '', '', 'ใช่', 'กองคลัง', '1,2,3,4', ''],
  ['1.2', 'กิจกรรม', 'กิจกรรมส่งเสริมการมีส่วนร่วมของประชาชนในการป้องกันการทุจริต', '15,000', '15,000', '15,000', '15,000', '', 'สำนักปลัด', '2', ''],
  ['1.3', 'กิจกรรม', 'กิจกรรมค่ายเยาวชนคนดี ไม่โกง', '10000', '10000', '', '', '', 'กองการศึกษา', '3', ''],
  ['2.1', 'กิจกรรม', 'กิจกรรมประกาศเจตจำนงสุจริตของนายก อบต.', '', '', '', '', 'ใช่', 'สำนักปลัด', '1', ''],
  ['2.3', 'มาตรการ', 'มาตรการลดขั้นตอนและระยะเวลาการให้บริการประชาชน', '', '', '', '', 'ใช่', 'สำนักปลัด', '1,2,3,4', ''],
  ['2.4', 'กิจกรรม', 'กิจกรรมยกย่องเชิดชูบุคคลผู้ประพฤติตนเป็นแบบอย่างที่ดี', '5000', '5000', '5000', '5000', '', 'สำนักปลัด', '4', ''],
  ['2.5', 'มาตรการ', 'มาตรการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', '', '', '', '', 'ใช่', 'สำนักปลัด', '1,2,3,4', ''],
  ['3.1', 'กิจกรรม', 'กิจกรรมเผยแพร่ข้อมูลข่าวสารผ่านเว็บไซต์และเสียงตามสาย', '', '', '', '', 'ใช่', 'สำนักปลัด', '1,2,3,4', ''],
  ['3.3', 'กิจกรรม', 'กิจกรรมประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น', '20000', '20000', '20000', '20000', '', 'สำนักปลัด', '2', ''],
  ['4.2', 'กิจกรรม', 'กิจกรรมแต่งตั้งตัวแทนประชาชนร่วมตรวจรับงานจ้าง', '', '', '', '', 'ใช่', 'กองช่าง', '1,2,3,4', ''],
  ['4.3', 'กิจกรรม', 'กิจกรรมอบรมบทบาทสมาชิกสภาท้องถิ่นในการตรวจสอบ', '8,000', '', '8,000', '', '', 'สำนักปลัด', '3', ''],
];

describe('anti-corruption action plan: draft → review → accept → progress → public', () => {
  it('the editor creates a plan and writes Part 1 and the working group', async () => {
    const page = await as('editor');
    await open(page, '/plans/manage');
    await check(page, 'workspace-editor');
    await page.getByLabel('รอบของแผน').selectOption({ label: CYCLE_LABEL });
    await page.getByLabel('ชื่อแผน').fill(TITLE);
    await page.getByRole('button', { name: 'สร้างแผนใหม่' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}\/edit\?tab=part1/);
    planId = /\/plans\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
    await settle(page);
    await page.getByRole('button', { name: 'เพิ่มความเสี่ยง' }).click();
    await page.getByLabel('กระบวนงาน/ด้าน').fill('การจัดซื้อจัดจ้าง');
    await page.getByLabel('ความเสี่ยงการทุจริต').fill('การกำหนดคุณลักษณะเฉพาะเอื้อประโยชน์แก่ผู้ค้ารายใดรายหนึ่ง');
    await page.getByLabel('โอกาสเกิด').selectOption('4');
    await page.getByLabel('ผลกระทบ').selectOption('4');
    await page.getByLabel('การควบคุมที่มีอยู่').fill('คณะกรรมการกำหนดราคากลาง และประกาศผ่านระบบ e-GP');
    await page.getByLabel('ผู้รับผิดชอบ').fill('กองคลัง');
    await expect(page.locator('main').textContent()).resolves.toContain('ระดับ 16 (สูงมาก)');
    await page.getByLabel('หลักการและเหตุผล').fill('องค์การบริหารส่วนตำบลหนองหลวงตระหนักถึงปัญหาการทุจริตคอร์รัปชัน จึงจัดทำแผนปฏิบัติการป้องกันการทุจริตตามกรอบของสำนักงาน ป.ป.ช.');
    await page.getByLabel('วิสัยทัศน์').fill('หนองหลวงโปร่งใส ประชาชนมีส่วนร่วม ไม่ทนต่อการทุจริต');
    await page.getByLabel('วัตถุประสงค์ของการจัดทำแผน').fill('เพื่อสร้างจิตสำนึกการต่อต้านการทุจริต\nเพื่อให้การบริหารราชการโปร่งใส');
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByText('บันทึกแล้ว').waitFor();
    await check(page, 'editor-part1');

    await tab(page, 'คณะทำงาน');
    await page.getByLabel('เลขที่คำสั่ง').fill('45/2569');
    await page.getByRole('button', { name: 'เพิ่มรายชื่อ' }).click();
    await page.getByLabel('ชื่อ-สกุล').fill('นายประเสริฐ รักถิ่น');
    await page.getByLabel('ตำแหน่ง', { exact: true }).fill('นายกองค์การบริหารส่วนตำบลหนองหลวง');
    await page.getByLabel('บทบาทในคณะทำงาน').fill('ประธานคณะทำงาน');
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByText('บันทึกแล้ว').waitFor();
    await check(page, 'editor-working-group');
  });

  it('adds items in all 4 dimensions by hand, with live checks', async () => {
    const page = await as('editor');
    await tab(page, 'ส่วนที่ 2 รายการ');
    const add = async (code: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>) => {
      await page.getByRole('button', { name: `เพิ่มรายการใน ${code}` }).click();
      const form = page.locator('form.editor-panel');
      await fill(form);
      await form.getByRole('button', { name: 'บันทึก' }).click();
      await form.waitFor({ state: 'detached' });
      await settle(page);
    };
    await add('1.1.1', async (f) => {
      await f.getByLabel('ประเภท').selectOption({ label: 'โครงการ' });
      await f.getByLabel('ชื่อโครงการ/กิจกรรม/มาตรการ').fill(PROJECT);
      await f.getByLabel('งบประมาณ ปี 2569 (บาท)').fill('30,000');
      await f.getByLabel('งบประมาณ ปี 2570 (บาท)').fill('30000.50');
      await f.getByLabel('หน่วยงานรับผิดชอบ').fill('สำนักปลัด');
      await f.getByLabel('ไตรมาส 2').check();
    });
    await add('2.2', async (f) => {
      await f.getByLabel('ประเภท').selectOption({ label: 'มาตรการ' });
      await f.getByLabel('ชื่อโครงการ/กิจกรรม/มาตรการ').fill('มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้างทุกโครงการต่อสาธารณะ');
      await f.getByLabel('ไม่ใช้งบประมาณ', { exact: true }).check();
      await f.getByLabel('หน่วยงานรับผิดชอบ').fill('กองคลัง');
    });
    await add('3.2', async (f) => {
      await f.getByLabel('ประเภท').selectOption({ label: 'กิจกรรม' });
      await f.getByLabel('ชื่อโครงการ/กิจกรรม/มาตรการ').fill('กิจกรรมศูนย์รับเรื่องร้องเรียนร้องทุกข์ อบต.หนองหลวง');
      await f.getByLabel('งบประมาณ ปี 2570 (บาท)').fill('5,000');
    });
    await add('4.1', async (f) => {
      await f.getByLabel('ประเภท').selectOption({ label: 'แนวปฏิบัติ' });
      await f.getByLabel('ชื่อโครงการ/กิจกรรม/มาตรการ').fill('แนวปฏิบัติการจัดทำและรายงานการควบคุมภายใน');
      await f.getByLabel('ไม่ใช้งบประมาณ', { exact: true }).check();
    });
    const checks = page.locator('.checks-panel');
    await expect(checks.textContent()).resolves.toContain('ยังมี');
    await expect(checks.textContent()).resolves.toContain(PROJECT); // a project without KPIs
    await expect(checks.locator('tfoot').textContent()).resolves.toContain('65,000.50');
    // Reorder with the keyboard: focus "move down" of the first 1.1.1… only one item there; use 4.1 ↑ disabled.
    await expect(page.getByRole('button', { name: `เลื่อนขึ้น: ${PROJECT}` }).isDisabled()).resolves.toBe(true);
    await check(page, 'editor-items');
  });

  it('imports items from XLSX: row errors first (nothing saved), then a good file', async () => {
    const page = await as('editor');
    await tab(page, 'นำเข้าจากไฟล์');
    const bad = await itemsXlsx([
      ...IMPORT_ROWS.slice(0, 2),
      ['9.9', 'กิจกรรม', 'รายการที่อ้างรหัสผิด', '', '', '', '', 'ใช่', '', '', ''],
      ['2.1', 'โครงการย่อย', 'ประเภทผิด', '1000', '', '', '', '', '', '', ''],
      ['2.4', 'กิจกรรม', 'งบผิด', 'หนึ่งพันบาท', '', '', '', '', '', '', ''],
    ]);
    await page.getByLabel('ไฟล์ XLSX หรือ CSV', { exact: true }).setInputFiles({ name: 'items-bad.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    await page.getByRole('button', { name: 'ตรวจและนำเข้า' }).click();
    const errors = page.locator('table.import-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('แถวที่ 4');
    expect(text).toContain('9.9');
    expect(text).toContain('แถวที่ 5');
    expect(text).toContain('แถวที่ 6');
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('ยังไม่ได้บันทึกรายการใด');
    await check(page, 'editor-import-errors');
    const before = await page.request.get(`/api/v1/plans/${planId}`).then((r) => r.json() as Promise<{ items: unknown[] }>);
    expect(before.items).toHaveLength(4);

    const good = await itemsXlsx(IMPORT_ROWS);
    await page.getByLabel('ไฟล์ XLSX หรือ CSV', { exact: true }).setInputFiles({ name: 'items.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await page.getByRole('button', { name: 'ตรวจและนำเข้า' }).click();
    await page.getByText(`นำเข้าแล้ว ${IMPORT_ROWS.length} รายการ`).waitFor();
    await check(page, 'editor-import-done');
  });

  it('gives KPIs to the project, explains the uncovered sub-item, and passes the checks', async () => {
    const page = await as('editor');
    await tab(page, 'ส่วนที่ 3 รายละเอียดโครงการ');
    await page.getByLabel('เลือกรายการ').selectOption({ label: `1.1.1 · โครงการ · ${PROJECT.slice(0, 60)} ⚠` });
    await page.getByLabel('กลุ่มเป้าหมาย').fill('ผู้บริหาร สมาชิกสภา พนักงานส่วนตำบล และพนักงานจ้าง 60 คน');
    await page.getByRole('button', { name: 'เพิ่มตัวชี้วัด' }).click();
    await page.getByLabel('ตัวชี้วัด', { exact: true }).fill('ร้อยละของผู้เข้าอบรมที่มีความรู้เพิ่มขึ้น');
    await page.getByLabel('ค่าเป้าหมาย').fill('80');
    await page.getByLabel('หน่วยนับ').fill('ร้อยละ');
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByText('บันทึกแล้ว').waitFor();
    await check(page, 'editor-sheet');

    await tab(page, 'ส่วนที่ 2 รายการ');
    await page.getByLabel('เหตุผลที่ไม่มีรายการในหัวข้อ 4.4').fill('บูรณาการกับแผนชุมชนเข้มแข็งของอำเภอลานกระบือ ไม่มีรายการแยกในปีนี้');
    await page.getByRole('button', { name: 'บันทึกเหตุผล' }).click();
    await page.getByText('บันทึกแล้ว').waitFor();
    await page.locator('.checks-panel').getByText('แผนผ่านการตรวจสอบเบื้องต้นแล้ว พร้อมส่ง').waitFor();
    await check(page, 'editor-items-complete');
  });

  it('sends it for review; the mayor approves; the editor submits it to the NACC provincial office', async () => {
    const page = await as('editor');
    await tab(page, 'ภาพรวมและการส่ง');
    await page.getByRole('button', { name: 'ส่งให้ผู้บริหารพิจารณา' }).click();
    await page.getByText('ดำเนินการแล้ว: ส่งให้ผู้บริหารพิจารณา').waitFor();
    await check(page, 'editor-sent-for-review');

    const mayor = await as('mayor');
    await open(mayor, '/plans/manage');
    await mayor.getByRole('link', { name: TITLE }).click();
    await settle(mayor);
    await check(mayor, 'mayor-overview');
    await mayor.getByRole('button', { name: 'ผู้บริหารอนุมัติแผน' }).click();
    await mayor.getByText('ดำเนินการแล้ว: ผู้บริหารอนุมัติแผน').waitFor();

    await page.reload();
    await settle(page);
    await page.getByRole('button', { name: 'ส่งสำนักงาน ป.ป.ช. ประจำจังหวัด' }).click();
    await page.getByText('ดำเนินการแล้ว: ส่งสำนักงาน ป.ป.ช. ประจำจังหวัด').waitFor();
    await check(page, 'editor-submitted');
  });

  it('the NACC officer (TOTP) sets the deadline, sees the dashboard and returns the plan with a comment', async () => {
    const nacc = await as('nacc');
    await open(nacc, '/plans/provinces/62?cycle=2569-2572');
    await nacc.getByLabel('วันที่ครบกำหนด').fill('2027-01-31');
    await nacc.getByRole('button', { name: 'บันทึกกำหนดส่ง' }).click();
    await nacc.getByText('บันทึกกำหนดส่งแล้ว').waitFor();
    await settle(nacc);
    expect(await nacc.locator('svg.map-svg circle.org-point').count()).toBeGreaterThan(0);
    await expect(nacc.locator('main').textContent()).resolves.toContain('องค์การบริหารส่วนตำบลหนองหลวง');
    await check(nacc, 'nacc-dashboard');

    await open(nacc, '/plans/manage');
    await check(nacc, 'nacc-queue');
    await nacc.getByRole('link', { name: TITLE }).first().click();
    await nacc.waitForURL(/\/review$/);
    await settle(nacc);
    await check(nacc, 'nacc-review');
    await nacc.locator(`li.item-card:has-text("${PROJECT}")`).getByLabel('ความเห็นต่อรายการนี้').fill('ขอให้ระบุจำนวนผู้เข้าอบรมและวิธีวัดความรู้ก่อน-หลังการอบรมให้ชัดเจน');
    await nacc.getByLabel('ความเห็นต่อแผนทั้งฉบับ').fill('ภาพรวมครอบคลุมทั้ง 4 มิติ แก้ไขตามความเห็นรายโครงการแล้วส่งใหม่');
    await nacc.getByRole('button', { name: 'ส่งกลับให้หน่วยงานแก้ไข' }).click();
    await nacc.getByText('ดำเนินการแล้ว: ส่งกลับให้หน่วยงานแก้ไข').waitFor();
  });

  it('the editor sees the comments per item, fixes the item and resubmits', async () => {
    const page = await as('editor');
    await open(page, `/plans/${planId}/edit`);
    const returned = page.locator('section', { has: page.getByRole('heading', { name: 'ความเห็นจากสำนักงาน ป.ป.ช. ประจำจังหวัด' }) });
    await expect(returned.textContent()).resolves.toContain('วิธีวัดความรู้ก่อน-หลังการอบรม');
    await expect(returned.textContent()).resolves.toContain(PROJECT);
    await check(page, 'editor-returned');
    await tab(page, 'ส่วนที่ 2 รายการ');
    await page.getByRole('button', { name: `แก้ไข: ${PROJECT}` }).click();
    await page.locator('form.editor-panel').getByLabel('หมายเหตุ').fill('ผู้เข้าอบรม 60 คน วัดความรู้ด้วยแบบทดสอบก่อน-หลังการอบรม');
    await page.locator('form.editor-panel').getByRole('button', { name: 'บันทึก' }).click();
    await page.locator('form.editor-panel').waitFor({ state: 'detached' });
    await page.locator(`li.item-card:has-text("${PROJECT}") .comment`).waitFor();
    await tab(page, 'ภาพรวมและการส่ง');
    await page.getByRole('button', { name: 'ส่งสำนักงาน ป.ป.ช. ประจำจังหวัด' }).click();
    await page.getByText('ดำเนินการแล้ว: ส่งสำนักงาน ป.ป.ช. ประจำจังหวัด').waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('ส่งทันกำหนด');
  });

  it('the NACC officer accepts and scores it with the rubric', async () => {
    const nacc = await as('nacc');
    await open(nacc, `/plans/${planId}/review`);
    await nacc.getByRole('button', { name: 'ให้ผ่านการพิจารณา' }).click();
    await nacc.getByText('ดำเนินการแล้ว: ให้ผ่านการพิจารณา').waitFor();
    await settle(nacc);
    const inputs = nacc.locator('input[id^="score-"][type="number"]');
    const n = await inputs.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await inputs.nth(i).fill('1');
    await nacc.getByRole('button', { name: 'บันทึกคะแนน' }).click();
    await nacc.getByText('บันทึกคะแนนแล้ว').waitFor();
    await check(nacc, 'nacc-accepted-scored');
  });

  it('the editor publishes, then reports 6-month progress with an evidence file', async () => {
    const page = await as('editor');
    await open(page, `/plans/${planId}/edit`);
    await page.getByRole('button', { name: 'เผยแพร่ต่อสาธารณะ' }).click();
    await page.getByText('ดำเนินการแล้ว: เผยแพร่ต่อสาธารณะ').waitFor();
    await tab(page, 'รายงานความก้าวหน้า');
    await page.getByLabel('ปีงบประมาณ').selectOption('2570');
    await page.getByLabel('รอบรายงาน').selectOption({ label: 'รอบ 6 เดือน' });
    await settle(page);
    const project = page.locator('fieldset.row-card', { hasText: PROJECT });
    await project.getByLabel('สถานะ').selectOption({ label: 'ดำเนินการแล้วเสร็จ' });
    await expect(project.getByLabel('ร้อยละความสำเร็จ').inputValue()).resolves.toBe('100');
    await project.getByLabel('ใช้จ่ายจริง (บาท)').fill('28,500');
    await project.getByLabel('ผลการดำเนินงาน').fill('จัดอบรมเมื่อ 15 มกราคม 2570 ผู้เข้าอบรม 62 คน');
    await project.getByLabel(/ผลจริง: ร้อยละของผู้เข้าอบรม/).fill('86');
    const other = page.locator('fieldset.row-card', { hasText: 'กิจกรรมศูนย์รับเรื่องร้องเรียนร้องทุกข์' });
    await other.getByLabel('สถานะ').selectOption({ label: 'อยู่ระหว่างดำเนินการ' });
    await other.getByLabel('ร้อยละความสำเร็จ').fill('40');
    await page.getByRole('button', { name: 'บันทึกรายงาน' }).click();
    await page.getByText('บันทึกแล้ว').waitFor();
    const evidence = path.join(os.tmpdir(), 'รายงานผลการอบรม-หนองหลวง.pdf');
    fs.writeFileSync(evidence, '%PDF-1.4\n% evidence of the training\n');
    await project.getByLabel('แนบไฟล์', { exact: true }).setInputFiles(evidence);
    await project.getByRole('button', { name: /^แนบไฟล์:/ }).click();
    await page.getByText('แนบไฟล์ รายงานผลการอบรม-หนองหลวง.pdf แล้ว').waitFor();
    await page.getByRole('button', { name: 'ส่งรายงาน' }).click();
    await page.getByText('ส่งรายงานแล้ว', { exact: true }).first().waitFor();
    await check(page, 'editor-progress');
    await tab(page, 'ประวัติและเปรียบเทียบฉบับ');
    await check(page, 'editor-history');
  });

  it('downloads DOCX, PDF and XLSX that are real files with the plan in them', async () => {
    const page = await as('editor');
    const docx = await page.request.get(`/api/v1/plans/${planId}/document.docx`);
    expect(docx.status()).toBe(200);
    const zip = await JSZip.loadAsync(await docx.body());
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('หนองหลวง');
    expect(xml).toContain(PROJECT.slice(0, 20));

    const pdf = await page.request.get(`/api/v1/plans/${planId}/document.pdf`);
    expect(pdf.status()).toBe(200);
    const pdfFile = path.join(os.tmpdir(), `plan-${planId}.pdf`);
    fs.writeFileSync(pdfFile, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain('หนองหลวง');

    const xlsx = await page.request.get(`/api/v1/plans/${planId}/items.xlsx`);
    expect(xlsx.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.body() as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => { cells.push(String(c.value)); }));
    expect(cells).toContain(PROJECT);
    expect(cells.filter((c) => c.includes('กิจกรรมค่ายเยาวชนคนดี'))).toHaveLength(1);
  });

  it('the public sees the plan on the organisation page, the plan page and the roll-up', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await open(page, `/organizations/${ORG}`);
    const section = page.locator('#plans');
    await section.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(new RegExp(`/plans/${planId}$`));
    await settle(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
    const main = page.locator('main');
    const text = (await main.textContent()) ?? '';
    expect(text).toContain('เผยแพร่แล้ว');
    expect(text).toContain('รอบ 6 เดือน');
    expect(text).toContain('จัดอบรมเมื่อ 15 มกราคม 2570');
    expect(await page.locator('progress.plan-progress').count()).toBeGreaterThan(16);
    expect(await page.locator('svg.budget-chart rect.bar').count()).toBe(4);
    await main.getByRole('link', { name: 'รายงานผลการอบรม-หนองหลวง.pdf' }).waitFor();
    for (const name of ['แผน (Word .docx)', 'แผน (PDF)', 'รายการโครงการ (Excel .xlsx)']) await main.getByRole('link', { name }).waitFor();
    await check(page, 'public-plan');

    await page.setViewportSize({ width: 390, height: 844 });
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await screenshot(page, 'plans-public-plan-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    await open(page, '/plans?fiscalYear=2570');
    await expect(main.textContent()).resolves.toContain('กำแพงเพชร');
    await check(page, 'public-rollup');
    await open(page, '/plans?fiscalYear=2570&province=62');
    await expect(main.textContent()).resolves.toContain('องค์การบริหารส่วนตำบลหนองหลวง');
    await check(page, 'public-rollup-province');
    expect(unexpected(errors)).toEqual([]);
    for (const s of Object.values(sessions)) expect(unexpected(s.errors)).toEqual([]);
  });
});
