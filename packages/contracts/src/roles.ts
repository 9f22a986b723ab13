/**
 * Roles and their scopes. A person holds one or more memberships; each gives one role within one
 * scope: an organisation, a province, a PACC region, or the nation.
 */
import { z } from 'zod';

export const ROLES = [
  'org_viewer',
  'org_editor',
  'org_approver',
  'org_admin',
  'nacc_provincial_officer',
  'pacc_regional_officer',
  'nacc_national_officer',
  'pacc_national_officer',
  'system_admin',
] as const;
export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;

export type ScopeKind = 'organization' | 'province' | 'region' | 'national';

/** Which scope each role is held in. */
export const ROLE_SCOPE: Record<Role, ScopeKind> = {
  org_viewer: 'organization',
  org_editor: 'organization',
  org_approver: 'organization',
  org_admin: 'organization',
  nacc_provincial_officer: 'province',
  pacc_regional_officer: 'region',
  nacc_national_officer: 'national',
  pacc_national_officer: 'national',
  system_admin: 'national',
};

/** Roles that must use two-factor authentication (TOTP) before they take effect (ASVS 6.3.3). */
export const ROLES_REQUIRING_TOTP: readonly Role[] = [
  'org_admin',
  'nacc_provincial_officer',
  'pacc_regional_officer',
  'nacc_national_officer',
  'pacc_national_officer',
  'system_admin',
];

export const ROLE_LABELS: Record<Role, { th: string; en: string }> = {
  org_viewer: { th: 'ผู้ดูข้อมูลของหน่วยงาน', en: 'Organisation viewer' },
  org_editor: { th: 'ผู้จัดทำข้อมูลของหน่วยงาน', en: 'Organisation editor' },
  org_approver: { th: 'ผู้บริหาร/ผู้อนุมัติ', en: 'Executive / approver' },
  org_admin: { th: 'ผู้ดูแลระบบของหน่วยงาน', en: 'Organisation administrator' },
  nacc_provincial_officer: { th: 'เจ้าหน้าที่ สำนักงาน ป.ป.ช. ประจำจังหวัด', en: 'NACC provincial officer' },
  pacc_regional_officer: { th: 'เจ้าหน้าที่ สำนักงาน ป.ป.ท. เขต', en: 'PACC regional officer' },
  nacc_national_officer: { th: 'เจ้าหน้าที่ สำนักงาน ป.ป.ช. ส่วนกลาง', en: 'NACC head-office officer' },
  pacc_national_officer: { th: 'เจ้าหน้าที่ สำนักงาน ป.ป.ท. ส่วนกลาง', en: 'PACC head-office officer' },
  system_admin: { th: 'ผู้ดูแลระบบระดับประเทศ', en: 'System administrator' },
};

export const MembershipSchema = z
  .object({
    id: z.string().uuid(),
    role: RoleSchema,
    organizationId: z.string().uuid().nullable(),
    organizationCode: z.string().nullable(),
    organizationNameTh: z.string().nullable(),
    provinceCode: z.string().nullable(),
    paccRegion: z.number().int().nullable(),
  })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof MembershipSchema>;
