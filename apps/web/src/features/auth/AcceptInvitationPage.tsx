/** The invitation link: who invited whom to what, then a password (new account) to accept. */
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { InvitationPreviewSchema, MeSchema } from '@prongsai/contracts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSession } from '../../lib/session.tsx';
import { TextField } from './fields.tsx';
import { NewPasswordFields } from './PasswordResetPages.tsx';
import { roleLabel, scopeLabel } from './roles.ts';

export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t, locale } = useI18n();
  const { setMe } = useSession();
  const navigate = useNavigate();
  const preview = useApi((signal) => api.get(`/invitations/${encodeURIComponent(token)}`, InvitationPreviewSchema, undefined, signal), [token]);
  const [displayName, setDisplayName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>();
  useTitle(t('auth.inviteTitle'));
  if (preview.loading && !preview.data) return <Loading />;
  const p = preview.data;
  if (!p) return <><h1>{t('auth.inviteTitle')}</h1><ErrorNotice error={preview.error} /></>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const bad = !p.existingAccount && password !== confirm;
    setMismatch(bad);
    if (bad) return;
    try {
      const me = await api.post(`/invitations/${encodeURIComponent(token)}/accept`, { password, displayName: displayName ?? p.displayName }, MeSchema);
      setMe(me);
      navigate(me.totp.setupRequired ? '/account/two-factor' : me.stage === 'totp_required' ? '/sign-in' : '/account', { replace: true });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="form-narrow">
      <h1>{t('auth.inviteTitle')}</h1>
      <p>{t('auth.inviteFor', { org: scopeLabel(p, t), role: roleLabel(p.role, locale) })}</p>
      <p className="muted">{t('auth.inviteEmail', { email: p.email })}</p>
      {error !== undefined && <ErrorNotice error={error} />}
      {mismatch && <div className="notice error" role="alert"><p>{t('auth.passwordMismatch')}</p></div>}
      <form onSubmit={submit}>
        {p.existingAccount ? (
          <TextField label={t('auth.password')} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        ) : (
          <>
            <TextField label={t('auth.displayName')} type="text" name="displayName" autoComplete="name" required value={displayName ?? p.displayName} onChange={(e) => setDisplayName(e.target.value)} />
            <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
          </>
        )}
        <button type="submit" className="button">{t('auth.accept')}</button>
      </form>
    </div>
  );
}
