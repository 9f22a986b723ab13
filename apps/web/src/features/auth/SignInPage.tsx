/**
 * Sign in: e-mail and password, then (for accounts with two-factor) the TOTP code. A person whose
 * role needs two-factor but has not set it up is sent to the set-up screen.
 */
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { MeSchema, type Me } from '@prongsai/contracts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorNotice, useTitle } from '../../components/common.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { isSignedIn, useSession } from '../../lib/session.tsx';
import { CodeField, TextField } from './fields.tsx';
import { safeNext } from './RequireSignIn.tsx';

export function SignInPage() {
  const { t } = useI18n();
  const { me, setMe } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useTitle(step === 'password' ? t('auth.signInTitle') : t('auth.totpTitle'));

  const finish = (me: Me) => {
    setMe(me);
    if (me.stage === 'totp_required') {
      setStep('totp');
      return;
    }
    navigate(me.totp.setupRequired ? '/account/two-factor' : safeNext(params.get('next')), { replace: true });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (step === 'password') finish(await api.post('/auth/login', { email, password }, MeSchema));
      else finish(await api.post('/auth/totp/verify', { code }, MeSchema));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_REQUIRED' && step === 'password') setStep('totp');
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (isSignedIn(me) && step === 'password' && !busy) return <Navigate to={safeNext(params.get('next'))} replace />;
  return (
    <div className="form-narrow">
      {step === 'password' ? (
        <>
          <h1>{t('auth.signInTitle')}</h1>
          {error !== undefined && <ErrorNotice error={error} />}
          <form onSubmit={submit} noValidate={false}>
            <TextField label={t('auth.email')} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
            <TextField label={t('auth.password')} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            <div className="button-row">
              <button type="submit" className="button" disabled={busy}>{t('auth.signIn')}</button>
              <Link to="/forgot-password">{t('auth.forgot')}</Link>
            </div>
          </form>
        </>
      ) : (
        <>
          <h1>{t('auth.totpTitle')}</h1>
          {error !== undefined && <ErrorNotice error={error} />}
          <form onSubmit={submit}>
            <CodeField label={t('auth.totpCode')} hint={t('auth.totpHelp')} value={code} onChange={setCode} />
            <div className="button-row">
              <button type="submit" className="button" disabled={busy}>{t('auth.verify')}</button>
              <button type="button" className="button secondary" onClick={() => { setStep('password'); setCode(''); setError(undefined); }}>{t('auth.back')}</button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
