/**
 * Demo data for `npm start`: one login per role at the real places in the news that started the
 * project — อบต.หนองหลวง (DLA 6620708, อ.ลานกระบือ จ.กำแพงเพชร) and its NACC provincial office,
 * เทศบาลนครขอนแก่น (3400102), อบจ.ภูเก็ต (2830101), สำนักงาน ป.ป.ท. เขต 8, จังหวัดนครศรีธรรมราช.
 * Idempotent. Demo-only: the shared password and fixed TOTP secrets must never be used in production.
 */
import { ROLE_LABELS, type Role } from '@prongsai/contracts';
import { naccProvincialOfficeCode, paccRegionalOfficeCode } from '@prongsai/core';
import type { Database } from '../db/database.ts';
import { hashPassword } from '../auth/passwords.ts';
import { recordAudit } from '../audit/audit.ts';
import { systemActor } from '../auth/actor.ts';
import { seedPlanDemo } from '../modules/plans/plans.demo.ts';

export const DEMO_PASSWORD = 'prongsai-demo-2569';

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  organizationCode?: string;
  provinceCode?: string;
  paccRegion?: number;
  /** Base32 TOTP secret for roles that require two-factor (demo only). */
  totpSecret?: string;
}

/** Demo TOTP secret: fixed so the demo and the browser tests can compute codes. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@prongsai.demo', displayName: 'ผู้ดูแลระบบ (สาธิต)', role: 'system_admin', totpSecret: DEMO_TOTP_SECRET },
  { email: 'editor@nonglaung.demo', displayName: 'สมศรี ใจดี', role: 'org_editor', organizationCode: '6620708' },
  { email: 'viewer@nonglaung.demo', displayName: 'สมชาย มองดี', role: 'org_viewer', organizationCode: '6620708' },
  { email: 'mayor@nonglaung.demo', displayName: 'นายกฯ ประเสริฐ รักถิ่น', role: 'org_approver', organizationCode: '6620708' },
  { email: 'orgadmin@nonglaung.demo', displayName: 'ปลัดฯ วิไล ตรงไป', role: 'org_admin', organizationCode: '6620708', totpSecret: DEMO_TOTP_SECRET },
  { email: 'editor@khonkaen.demo', displayName: 'อรุณี แก่นคูณ', role: 'org_editor', organizationCode: '3400102' },
  { email: 'mayor@khonkaen.demo', displayName: 'ธีระ ขอนแก่น', role: 'org_approver', organizationCode: '3400102' },
  { email: 'editor@phuketpao.demo', displayName: 'อันดา ทะเลงาม', role: 'org_editor', organizationCode: '2830101' },
  { email: 'nacc.kamphaengphet@prongsai.demo', displayName: 'พนักงาน ป.ป.ช. กำแพงเพชร', role: 'nacc_provincial_officer', provinceCode: '62', totpSecret: DEMO_TOTP_SECRET },
  { email: 'nacc.khonkaen@prongsai.demo', displayName: 'พนักงาน ป.ป.ช. ขอนแก่น', role: 'nacc_provincial_officer', provinceCode: '40', totpSecret: DEMO_TOTP_SECRET },
  { email: 'pacc.region8@prongsai.demo', displayName: 'พนักงาน ป.ป.ท. เขต 8', role: 'pacc_regional_officer', paccRegion: 8, totpSecret: DEMO_TOTP_SECRET },
  { email: 'nacc.hq@prongsai.demo', displayName: 'พนักงาน ป.ป.ช. ส่วนกลาง', role: 'nacc_national_officer', totpSecret: DEMO_TOTP_SECRET },
  { email: 'pacc.hq@prongsai.demo', displayName: 'พนักงาน ป.ป.ท. ส่วนกลาง', role: 'pacc_national_officer', totpSecret: DEMO_TOTP_SECRET },
];

/** Demo hooks other modules add (plans, procurement…); each must be idempotent. */
export const demoSeeders: Array<(db: Database, log: (line: string) => void) => Promise<void>> = [seedPlanDemo];

export async function seedDemo(db: Database, log: (line: string) => void = () => {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  await db.transaction().execute(async (tx) => {
    for (const u of DEMO_USERS) {
      const exists = await tx.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', u.email)).executeTakeFirst();
      if (exists) continue;
      const user = await tx
        .insertInto('users')
        .values({ email: u.email, displayName: u.displayName, passwordHash, totpSecret: u.totpSecret ?? null, totpEnabledAt: u.totpSecret ? new Date() : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const org = u.organizationCode
        ? await tx.selectFrom('organizations').select('id').where('code', '=', u.organizationCode).executeTakeFirstOrThrow()
        : undefined;
      await tx
        .insertInto('memberships')
        .values({ userId: user.id, role: u.role, organizationId: org?.id ?? null, provinceCode: u.provinceCode ?? null, paccRegion: u.paccRegion ?? null })
        .execute();
      await recordAudit(tx, systemActor('demo-seed'), { action: 'user.create', subjectType: 'user', subjectId: user.id, organizationId: org?.id ?? null, after: { email: u.email, role: u.role } });
      created++;
    }
  });
  for (const seeder of demoSeeders) await seeder(db, log);
  if (created > 0) log(`demo: created ${created} users`);
  const scopeLabel = (u: DemoUser) =>
    u.organizationCode ? `(${u.organizationCode})` : u.provinceCode ? `(${naccProvincialOfficeCode(u.provinceCode)})` : u.paccRegion ? `(${paccRegionalOfficeCode(u.paccRegion)})` : '';
  return {
    users: DEMO_USERS.map((u) => ({ email: u.email, roleLabel: `${ROLE_LABELS[u.role].th} ${scopeLabel(u)}${u.totpSecret ? '  [TOTP secret ' + u.totpSecret + ']' : ''}` })),
  };
}
