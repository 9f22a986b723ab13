/** Sign in through the web form (password, then the TOTP step when the account has two-factor). */
import type { Page } from 'playwright-core';
import { settle } from './browser.ts';
import { freshTotp } from './totp.ts';

export async function signIn(page: Page, email: string, password: string, totpSecret?: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  if (totpSecret) {
    const code = page.getByLabel('รหัส 6 หลักจากแอปยืนยันตัวตน');
    await code.waitFor();
    await code.fill(await freshTotp(totpSecret));
    await page.getByRole('button', { name: 'ยืนยัน' }).click();
  }
  await page.waitForURL(/\/account/);
  await settle(page);
}
