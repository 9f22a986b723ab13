/** My account: who I am, my roles and their scopes, two-factor status, sign out. */
import { Link, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { Facts, useTitle } from '../../components/common.tsx';
import { formatDate } from '@prongsai/core';
import { useSession } from '../../lib/session.tsx';
import { roleLabel, scopeLabel } from './roles.ts';

export function AccountPage() {
  const { t, locale } = useI18n();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  useTitle(t('account.title'));
  if (!me) return null;
  const justEnabled = (location.state as { notice?: string } | null)?.notice === 'totpEnabled';
  const all = [...me.memberships.map((m) => ({ m, pending: false })), ...me.pendingMemberships.map((m) => ({ m, pending: true }))];
  return (
    <>
      <h1>{t('account.title')}</h1>
      {justEnabled && <div className="notice success" role="status"><p>{t('auth.totpEnabled')}</p></div>}
      <Facts
        rows={[
          [t('auth.displayName'), me.user.displayName],
          [t('auth.email'), me.user.email],
          [
            t('account.twoFactor'),
            <>
              {me.totp.enabled ? t('account.twoFactorOn') : t('account.twoFactorOff')}
              {!me.totp.enabled && <> · <Link to="/account/two-factor">{t('account.setupTotp')}</Link></>}
            </>,
          ],
        ]}
      />
      <h2>{t('account.roles')}</h2>
      {all.length === 0 ? (
        <p>{t('account.noRoles')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{t('members.role')}</th><th scope="col">{t('account.scope')}</th><th scope="col"><span className="visually-hidden">{t('members.actions')}</span></th></tr></thead>
            <tbody>
              {all.map(({ m, pending }) => (
                <tr key={m.id}>
                  <td>{roleLabel(m.role, locale)}{pending && <><br /><span className="tag">{t('account.pending')}</span></>}</td>
                  <td>{m.organizationCode ? <Link to={`/organizations/${m.organizationCode}`}>{scopeLabel(m, t)}</Link> : scopeLabel(m, t)}</td>
                  <td>{m.role === 'org_admin' && m.organizationCode && !pending && <Link to={`/organizations/${m.organizationCode}/members`}>{t('account.manageMembers')}</Link>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">{t('account.sessionEnds', { when: formatDate(me.session.absoluteExpiresAt, { style: 'dateTime', locale }) })}</p>
      <div className="button-row">
        <button type="button" className="button secondary" onClick={async () => { await signOut(); navigate('/', { replace: true }); }}>{t('auth.signOut')}</button>
      </div>
    </>
  );
}
