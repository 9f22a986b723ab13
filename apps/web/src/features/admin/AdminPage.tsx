/** National administration: invite anyone with any role and scope; links to the outbox and audit log. */
import { Link } from 'react-router';
import { ROLES } from '@prongsai/contracts';
import { useI18n } from '../../i18n/index.tsx';
import { useTitle } from '../../components/common.tsx';
import { adminOrganizations, isSystemAdmin, useSession } from '../../lib/session.tsx';
import { InviteForm } from './InviteForm.tsx';
import { ErrorNotice } from '../../components/common.tsx';
import { ApiError } from '../../lib/api.ts';

export function AdminPage() {
  const { t } = useI18n();
  const { me } = useSession();
  useTitle(t('admin.title'));
  const orgs = adminOrganizations(me);
  if (!isSystemAdmin(me)) {
    return (
      <>
        <h1>{t('nav.admin')}</h1>
        {orgs.length === 0 ? <ErrorNotice error={new ApiError('FORBIDDEN', 403)} /> : (
          <ul className="link-list">
            {orgs.map((m) => <li key={m.id}><Link to={`/organizations/${m.organizationCode}/members`}>{t('members.title', { org: m.organizationNameTh ?? '' })}</Link></li>)}
          </ul>
        )}
      </>
    );
  }
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <div className="grid two">
        <section className="card" aria-labelledby="admin-outbox">
          <h2 id="admin-outbox"><Link to="/admin/outbox">{t('admin.outbox')}</Link></h2>
          <p className="muted">{t('admin.outboxHelp')}</p>
        </section>
        <section className="card" aria-labelledby="admin-audit">
          <h2 id="admin-audit"><Link to="/admin/audit">{t('admin.audit')}</Link></h2>
          <p className="muted">{t('admin.auditHelp')}</p>
        </section>
      </div>
      <InviteForm roles={ROLES} />
    </>
  );
}
