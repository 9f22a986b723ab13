/** Two-factor set-up: QR code (and the secret to type by hand), then a code to turn it on. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { MeSchema, TotpSetupSchema, type TotpSetup } from '@prongsai/contracts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useSession } from '../../lib/session.tsx';
import { CodeField } from './fields.tsx';

export function TotpSetupPage() {
  const { t } = useI18n();
  const { setMe } = useSession();
  const navigate = useNavigate();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>();
  useTitle(t('auth.totpSetupTitle'));
  // Once per visit: each call makes a new secret (React's StrictMode runs effects twice in dev).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api.post('/auth/totp/setup', {}, TotpSetupSchema).then(setSetup, setError);
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setMe(await api.post('/auth/totp/enable', { code }, MeSchema));
      navigate('/account', { replace: true, state: { notice: 'totpEnabled' } });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="form-narrow">
      <h1>{t('auth.totpSetupTitle')}</h1>
      <p>{t('auth.totpSetupHelp')}</p>
      {error !== undefined && <ErrorNotice error={error} />}
      {!setup && error === undefined && <Loading />}
      {setup && (
        <>
          {setup.qrDataUrl && <p><img className="qr" src={setup.qrDataUrl} alt={t('auth.qrAlt')} /></p>}
          <p>{t('auth.totpSecret')}: <code data-testid="totp-secret">{setup.secret}</code></p>
          <form onSubmit={submit}>
            <CodeField label={t('auth.totpCode')} value={code} onChange={setCode} />
            <button type="submit" className="button">{t('auth.totpEnable')}</button>
          </form>
        </>
      )}
    </div>
  );
}
