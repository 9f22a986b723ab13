/** How a role and its scope are written for people. */
import { ROLE_LABELS, ROLE_SCOPE, type Role } from '@prongsai/contracts';
import type { Locale, Translate } from '../../i18n/index.tsx';

export function roleLabel(role: Role, locale: Locale): string {
  return ROLE_LABELS[role][locale];
}

export function scopeLabel(
  scope: { role: Role; organizationCode: string | null; organizationNameTh: string | null; provinceCode: string | null; provinceNameTh?: string | null; paccRegion: number | null },
  t: Translate,
): string {
  switch (ROLE_SCOPE[scope.role]) {
    case 'organization':
      return scope.organizationNameTh ?? scope.organizationCode ?? '';
    case 'province':
      return t('account.scopeProvince', { name: scope.provinceNameTh ?? scope.provinceCode ?? '' });
    case 'region':
      return t('account.scopeRegion', { region: scope.paccRegion ?? '' });
    case 'national':
      return t('account.scopeNational');
  }
}
