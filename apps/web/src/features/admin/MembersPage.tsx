/** Organisation admin: the members of one organisation, pending invitations, invite, remove. */
import { useState } from 'react';
import { useParams } from 'react-router';
import { MemberListSchema, OrganizationSchema, type Role } from '@prongsai/contracts';
import { formatDate } from '@prongsai/core';
import { useI18n } from '../../i18n/index.tsx';
import { Breadcrumbs, ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { roleLabel } from '../auth/roles.ts';
import { InviteForm } from './InviteForm.tsx';

export const ORGANIZATION_ROLES: readonly Role[] = ['org_editor', 'org_viewer', 'org_approver', 'org_admin'];

export function MembersPage() {
  const { code = '' } = useParams();
  const { t, locale } = useI18n();
  const org = useApi((signal) => api.get(`/organizations/${encodeURIComponent(code)}`, OrganizationSchema, undefined, signal), [code]);
  const members = useApi((signal) => api.get(`/organizations/${encodeURIComponent(code)}/members`, MemberListSchema, undefined, signal), [code]);
  const [actionError, setActionError] = useState<unknown>();
  const [notice, setNotice] = useState<string | null>(null);
  const name = org.data?.nameTh ?? code;
  useTitle(t('members.title', { org: name }));

  const remove = async (membershipId: string, who: string) => {
    if (!window.confirm(t('members.removeConfirm', { name: who }))) return;
    setActionError(undefined);
    try {
      await api.delete(`/memberships/${membershipId}`);
      setNotice(t('members.removed'));
      members.reload();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <>
      <Breadcrumbs items={[{ label: name, to: `/organizations/${encodeURIComponent(code)}` }, { label: t('members.title', { org: name }) }]} />
      <h1>{t('members.title', { org: name })}</h1>
      {notice && <div className="notice success" role="status"><p>{notice}</p></div>}
      {actionError !== undefined && <ErrorNotice error={actionError} />}
      {members.loading && !members.data && <Loading />}
      {members.error !== undefined && <ErrorNotice error={members.error} onRetry={members.reload} />}
      {members.data && (
        members.data.members.length === 0 ? <p>{t('members.none')}</p> : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('members.name')}</th>
                  <th scope="col">{t('members.email')}</th>
                  <th scope="col">{t('members.role')}</th>
                  <th scope="col">{t('members.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.data.members.map((m) => (
                  <tr key={m.membershipId}>
                    <td>{m.displayName}</td>
                    <td>{m.email}</td>
                    <td>{roleLabel(m.role, locale)}</td>
                    <td>
                      <button type="button" className="button secondary" onClick={() => remove(m.membershipId, m.displayName)} aria-label={`${t('members.remove')} ${m.displayName}`}>
                        {t('members.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
                {members.data.pendingInvitations.map((i) => (
                  <tr key={i.id}>
                    <td>{i.displayName}</td>
                    <td>{i.email}</td>
                    <td>{roleLabel(i.role, locale)}</td>
                    <td className="muted">{t('invite.pending', { date: formatDate(i.expiresAt, { locale }) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      <InviteForm roles={ORGANIZATION_ROLES} organizationCode={code} onInvited={members.reload} />
    </>
  );
}
