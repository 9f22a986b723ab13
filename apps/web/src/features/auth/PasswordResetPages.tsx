/** Forgotten password: request a link by e-mail; then set a new password from the link. */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { OkSchema } from '@prongsai/contracts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorNotice, useTitle } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { TextField } from './fields.tsx';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>();
  useTitle(t('auth.forgotTitle'));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api.post('/auth/password-reset', { email }, OkSchema);
      setSent(true);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="form-narrow">
      <h1>{t('auth.forgotTitle')}</h1>
      {sent ? (
        <div className="notice success" role="status"><p>{t('auth.forgotSent')}</p></div>
      ) : (
        <>
          <p>{t('auth.forgotHelp')}</p>
          {error !== undefined && <ErrorNotice error={error} />}
          <form onSubmit={submit}>
            <TextField label={t('auth.email')} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
            <button type="submit" className="button">{t('auth.forgotSend')}</button>
          </form>
        </>
      )}
    </div>
  );
}

/** New password + confirmation; shared by reset and invitation acceptance. */
export function NewPasswordFields({ password, confirm, onPassword, onConfirm }: { password: string; confirm: string; onPassword: (v: string) => void; onConfirm: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <>
      <TextField label={t('auth.newPassword')} hint={t('auth.passwordHelp')} type="password" name="new-password" autoComplete="new-password" minLength={12} required value={password} onChange={(e) => onPassword(e.target.value)} />
      <TextField label={t('auth.confirmPassword')} type="password" name="confirm-password" autoComplete="new-password" required value={confirm} onChange={(e) => onConfirm(e.target.value)} />
    </>
  );
}

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>();
  const [mismatch, setMismatch] = useState(false);
  useTitle(t('auth.resetTitle'));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    try {
      await api.post('/auth/password-reset/confirm', { token, newPassword: password }, OkSchema);
      setDone(true);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="form-narrow">
      <h1>{t('auth.resetTitle')}</h1>
      {done ? (
        <div className="notice success" role="status"><p>{t('auth.resetDone')}</p><p><Link to="/sign-in">{t('auth.signIn')}</Link></p></div>
      ) : (
        <>
          {error !== undefined && <ErrorNotice error={error} />}
          {mismatch && <div className="notice error" role="alert"><p>{t('auth.passwordMismatch')}</p></div>}
          <form onSubmit={submit}>
            <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
            <button type="submit" className="button">{t('auth.resetTitle')}</button>
          </form>
        </>
      )}
    </div>
  );
}
