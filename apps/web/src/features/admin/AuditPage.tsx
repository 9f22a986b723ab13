/** Audit log browser (newest first, filter by action, page back in time) with chain verification. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { AuditPageSchema, AuditVerificationSchema, type AuditEntry, type AuditVerificationResult } from '@prongsai/contracts';
import { formatDate, formatNumber } from '@prongsai/core';
import { useI18n } from '../../i18n/index.tsx';
import { Breadcrumbs, ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';

export function AuditPage() {
  const { t, locale } = useI18n();
  useTitle(t('admin.audit'));
  const filterId = useId();
  const [action, setAction] = useState('');
  const [applied, setApplied] = useState('');
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [verification, setVerification] = useState<AuditVerificationResult | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>();

  const load = async (beforeId: string | undefined, replace: boolean) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.get('/admin/audit', AuditPageSchema, { action: applied || undefined, beforeId, limit: 50 });
      setItems((old) => (replace ? page.items : [...old, ...page.items]));
      setNext(page.nextBeforeId);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void load(undefined, true); }, [applied]);

  const verify = async () => {
    setVerifyError(undefined);
    setVerification(null);
    try {
      setVerification(await api.get('/admin/audit/verify', AuditVerificationSchema));
    } catch (e) {
      setVerifyError(e);
    }
  };

  return (
    <>
      <Breadcrumbs items={[{ label: t('admin.title'), to: '/admin' }, { label: t('admin.audit') }]} />
      <h1>{t('admin.audit')}</h1>
      <p className="muted">{t('admin.auditHelp')}</p>
      <div className="button-row">
        <button type="button" className="button secondary" onClick={verify}>{t('admin.verify')}</button>
      </div>
      <div aria-live="polite">
        {verification && (
          <div className={`notice ${verification.ok ? 'success' : 'error'}`}>
            <p>{verification.ok ? t('admin.verifyOk', { count: formatNumber(verification.checked) }) : t('admin.verifyBroken', { seq: verification.firstBadId ?? '?' })}{verification.reason && ` (${verification.reason})`}</p>
          </div>
        )}
      </div>
      {verifyError !== undefined && <ErrorNotice error={verifyError} />}
      <form className="filters" onSubmit={(e: FormEvent) => { e.preventDefault(); setApplied(action.trim()); }}>
        <div className="field">
          <label htmlFor={filterId}>{t('admin.filterAction')}</label>
          <div className="search-box">
            <input id={filterId} type="text" value={action} onChange={(e) => setAction(e.target.value)} placeholder="organization.update" />
            <button type="submit" className="button secondary">{t('search.apply')}</button>
          </div>
        </div>
      </form>
      {error !== undefined && <ErrorNotice error={error} />}
      {items.length === 0 && !loading && error === undefined && <p>{t('admin.auditEmpty')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('admin.when')}</th>
                <th scope="col">{t('admin.who')}</th>
                <th scope="col">{t('admin.action')}</th>
                <th scope="col">{t('admin.subjectCol')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="num">{e.id}</td>
                  <td>{formatDate(e.at, { style: 'dateTime', locale })}</td>
                  <td>{e.actorLabel}</td>
                  <td><code>{e.action}</code></td>
                  <td>{e.subjectType}{e.organizationCode && <> · {e.organizationCode}</>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loading && <Loading />}
      {next && !loading && <div className="button-row"><button type="button" className="button secondary" onClick={() => load(next, false)}>{t('admin.more')}</button></div>}
    </>
  );
}
