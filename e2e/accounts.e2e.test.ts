/**
 * Signed-in journeys in Chromium: the national admin signs in with password and TOTP, invites a new
 * editor to อบต.หนองหลวง, reads the invitation in the development outbox; the editor accepts it in
 * a fresh browser context and is refused (with the Thai message) when editing another
 * organisation. axe (WCAG 2 A/AA) runs on every signed-in page along the way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '@prongsai/server/seed/demo.ts';
import { useAppAndBrowser } from './support/app.ts';
import { newContext, open, screenshot, settle, watchErrors } from './support/browser.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { signIn } from './support/session.ts';
import { freshTotp } from './support/totp.ts';

const app = useAppAndBrowser();
let admin: Page;
let adminErrors: string[];

const NEW_EDITOR = { email: `boonmee.${Date.now()}@nonglaung.demo`, name: 'บุญมี ทดสอบระบบ', password: 'nong-luang-transparent-2569' };
let invitationLink = '';

beforeAll(async () => {
  admin = await (await newContext(app.browser, app.server.baseUrl)).newPage();
  adminErrors = watchErrors(admin);
});

/** Console errors other than the API refusals a step provokes on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of (401|403)/.test(e));

describe('accounts, invitations and scoped editing', () => {
  it('the national admin signs in with password and TOTP', async () => {
    await open(admin, '/sign-in');
    await expectNoAxeViolations(admin, '/sign-in');
    await admin.getByLabel('อีเมล').fill('admin@prongsai.demo');
    await admin.getByLabel('รหัสผ่าน', { exact: true }).fill('wrong password here');
    await admin.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await admin.getByRole('alert').getByText('อีเมลหรือรหัสผ่านไม่ถูกต้อง').waitFor();
    await expectNoAxeViolations(admin, '/sign-in (error)');

    await admin.getByLabel('รหัสผ่าน', { exact: true }).fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await admin.getByLabel('รหัส 6 หลักจากแอปยืนยันตัวตน').waitFor();
    await expectNoAxeViolations(admin, '/sign-in (TOTP step)');
    await screenshot(admin, 'sign-in-totp');
    await signIn(admin, 'admin@prongsai.demo', DEMO_PASSWORD, DEMO_TOTP_SECRET);
    await expect(admin.locator('main').textContent()).resolves.toContain('ผู้ดูแลระบบระดับประเทศ');
    await expectNoAxeViolations(admin, '/account (admin)');
    await screenshot(admin, 'account-admin');
  });

  it('invites a new editor to อบต.หนองหลวง and finds the link in the outbox', async () => {
    await open(admin, '/admin');
    await expectNoAxeViolations(admin, '/admin');
    await admin.getByLabel('อีเมล').fill(NEW_EDITOR.email);
    await admin.getByLabel('ชื่อที่แสดง').fill(NEW_EDITOR.name);
    await admin.getByLabel('บทบาท').selectOption('org_editor');
    await admin.getByLabel('หน่วยงาน (รหัส)').fill('6620708');
    await admin.getByRole('button', { name: 'ส่งคำเชิญ' }).click();
    await admin.getByRole('status').getByText(`ส่งคำเชิญไปที่ ${NEW_EDITOR.email} แล้ว`).waitFor();
    await expectNoAxeViolations(admin, '/admin (invitation sent)');

    await open(admin, '/organizations/6620708/members');
    await expect(admin.locator('main').textContent()).resolves.toContain(NEW_EDITOR.email);
    await expectNoAxeViolations(admin, '/organizations/6620708/members');
    await screenshot(admin, 'members-6620708');

    await open(admin, '/admin/outbox');
    const mail = admin.locator('article.mail', { has: admin.getByTestId('mail-to').getByText(NEW_EDITOR.email, { exact: true }) });
    await expect(mail.count()).resolves.toBe(1);
    invitationLink = (await mail.getByRole('link', { name: /\/invite\// }).first().getAttribute('href')) ?? '';
    expect(invitationLink).toMatch(new RegExp(`^${app.server.baseUrl}/invite/[A-Za-z0-9_-]{20,}$`));
    await expectNoAxeViolations(admin, '/admin/outbox');
    await screenshot(admin, 'outbox');
  });

  it('the new editor accepts in a fresh context and can edit nothing outside their organisation', async () => {
    const context = await newContext(app.browser, app.server.baseUrl);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await open(page, invitationLink);
    await expect(page.locator('main').textContent()).resolves.toContain('องค์การบริหารส่วนตำบลหนองหลวง');
    await expect(page.locator('main').textContent()).resolves.toContain('ผู้จัดทำข้อมูลของหน่วยงาน');
    await expectNoAxeViolations(page, '/invite/:token');
    await screenshot(page, 'invitation');
    await page.getByLabel('รหัสผ่านใหม่').fill(NEW_EDITOR.password);
    await page.getByLabel('ยืนยันรหัสผ่าน').fill(NEW_EDITOR.password);
    await page.getByRole('button', { name: 'ตอบรับและสร้างบัญชี' }).click();
    await page.waitForURL(/\/account$/);
    await settle(page);
    await expect(page.locator('main').textContent()).resolves.toContain(NEW_EDITOR.email);
    await expect(page.locator('main table').textContent()).resolves.toContain('องค์การบริหารส่วนตำบลหนองหลวง');
    await expectNoAxeViolations(page, '/account (new editor)');

    // Another organisation: the form opens (public data), saving is refused with the Thai message.
    await open(page, '/organizations/3400102/edit');
    await page.getByLabel('เว็บไซต์').fill('https://example.org/not-allowed');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.getByRole('alert').getByText('คุณไม่มีสิทธิ์ทำรายการนี้').waitFor();
    await expectNoAxeViolations(page, '/organizations/3400102/edit (refused)');
    await screenshot(page, 'edit-refused');
    const khonKaen = await (await fetch(`${app.server.baseUrl}/api/v1/organizations/3400102`)).json() as { website: string | null };
    expect(khonKaen.website).not.toBe('https://example.org/not-allowed');

    // Nor can they see another organisation's members.
    await open(page, '/organizations/3400102/members');
    await page.getByRole('alert').getByText('คุณไม่มีสิทธิ์ทำรายการนี้').first().waitFor();

    // Two-factor set-up screen (not required for editors, but offered).
    await open(page, '/account/two-factor');
    await page.getByRole('img', { name: 'คิวอาร์โค้ดสำหรับเพิ่มบัญชีในแอปยืนยันตัวตน' }).waitFor();
    await expectNoAxeViolations(page, '/account/two-factor');
    await screenshot(page, 'two-factor-setup');

    await open(page, '/account');
    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'เข้าสู่ระบบ' }).waitFor();
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('an invited organisation admin must set up two-factor (QR) before the role is in force', async () => {
    const email = `orgadmin.${Date.now()}@khonkaen.demo`;
    await open(admin, '/admin');
    await admin.getByLabel('อีเมล').fill(email);
    await admin.getByLabel('ชื่อที่แสดง').fill('ผู้ดูแล ขอนแก่น');
    await admin.getByLabel('บทบาท').selectOption('org_admin');
    await admin.getByLabel('หน่วยงาน (รหัส)').fill('3400102');
    await admin.getByRole('button', { name: 'ส่งคำเชิญ' }).click();
    await admin.getByRole('status').getByText(`ส่งคำเชิญไปที่ ${email} แล้ว`).waitFor();
    await open(admin, '/admin/outbox');
    const link = await admin.locator('article.mail', { has: admin.getByTestId('mail-to').getByText(email, { exact: true }) }).getByRole('link', { name: /\/invite\// }).first().getAttribute('href');

    const context = await newContext(app.browser, app.server.baseUrl);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await open(page, link!);
    await page.getByLabel('รหัสผ่านใหม่').fill('khon-kaen-city-admin-2569');
    await page.getByLabel('ยืนยันรหัสผ่าน').fill('khon-kaen-city-admin-2569');
    await page.getByRole('button', { name: 'ตอบรับและสร้างบัญชี' }).click();
    await page.waitForURL(/\/account\/two-factor$/);
    await settle(page);
    await page.getByRole('img', { name: 'คิวอาร์โค้ดสำหรับเพิ่มบัญชีในแอปยืนยันตัวตน' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('รหัส 6 หลักจากแอปยืนยันตัวตน').fill(await freshTotp(secret));
    await page.getByRole('button', { name: 'เปิดใช้งาน' }).click();
    await page.waitForURL(/\/account$/);
    await page.getByText('เปิดใช้การยืนยันตัวตนสองขั้นตอนแล้ว').waitFor();
    await expect(page.locator('main table').textContent()).resolves.toContain('ผู้ดูแลระบบของหน่วยงาน');
    await expect(page.locator('main table').textContent()).resolves.not.toContain('ยังไม่มีผล');
    await page.getByRole('link', { name: 'จัดการสมาชิกของหน่วยงาน' }).click();
    await page.waitForURL(/\/organizations\/3400102\/members$/);
    await settle(page);
    await expect(page.locator('main').textContent()).resolves.toContain('editor@khonkaen.demo');
    await expectNoAxeViolations(page, '/organizations/3400102/members (org admin)');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('forgotten password: the reset link from the outbox sets a new password', async () => {
    const context = await newContext(app.browser, app.server.baseUrl);
    const page = await context.newPage();
    await open(page, '/forgot-password');
    await page.getByLabel('อีเมล').fill(NEW_EDITOR.email);
    await page.getByRole('button', { name: 'ส่งลิงก์' }).click();
    await page.getByRole('status').waitFor();
    await expectNoAxeViolations(page, '/forgot-password (sent)');

    await open(admin, '/admin/outbox');
    const mail = admin.locator('article.mail', { has: admin.getByTestId('mail-to').getByText(NEW_EDITOR.email, { exact: true }) }).filter({ has: admin.getByRole('link', { name: /\/reset-password\// }) });
    const link = await mail.first().getByRole('link', { name: /\/reset-password\// }).first().getAttribute('href');
    expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{20,}$/);

    await open(page, link!);
    await page.getByLabel('รหัสผ่านใหม่').fill('a-brand-new-passphrase-2569');
    await page.getByLabel('ยืนยันรหัสผ่าน').fill('a-brand-new-passphrase-2569');
    await page.getByRole('button', { name: 'ตั้งรหัสผ่านใหม่' }).click();
    await page.getByText('ตั้งรหัสผ่านใหม่แล้ว').waitFor();
    await expectNoAxeViolations(page, '/reset-password (done)');
    await signIn(page, NEW_EDITOR.email, 'a-brand-new-passphrase-2569');
    await context.close();
  });

  it('the admin edits อบต.หนองหลวง, sees the acceptance notification, and verifies the audit chain', async () => {
    await open(admin, '/organizations/6620708');
    await admin.getByRole('link', { name: 'แก้ไขข้อมูลหน่วยงาน' }).click();
    await admin.waitForURL(/\/edit$/);
    await settle(admin);
    await expectNoAxeViolations(admin, '/organizations/6620708/edit');
    await admin.getByLabel('เว็บไซต์').fill('https://www.nonglaung.go.th');
    await admin.getByRole('button', { name: 'บันทึก' }).click();
    await admin.getByText('บันทึกแล้ว').waitFor();

    await open(admin, '/');
    const bell = admin.getByRole('button', { name: /การแจ้งเตือน/ });
    await expect(bell.textContent()).resolves.toMatch(/การแจ้งเตือน\s*2\s*รายการที่ยังไม่อ่าน/); // two invitations accepted
    await bell.click();
    await expectNoAxeViolations(admin, 'notifications panel');
    await screenshot(admin, 'notifications');

    await open(admin, '/admin/audit');
    await expect(admin.locator('main table').textContent()).resolves.toContain('organization.update');
    await admin.getByRole('button', { name: 'ตรวจสอบความถูกต้องของห่วงโซ่' }).click();
    await admin.getByText(/ห่วงโซ่ถูกต้องครบ/).waitFor();
    await expectNoAxeViolations(admin, '/admin/audit');
    await screenshot(admin, 'audit');
    expect(unexpected(adminErrors)).toEqual([]);
  });
});
