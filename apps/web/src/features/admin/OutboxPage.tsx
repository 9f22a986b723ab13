/** Development outbox: the e-mails the system would have sent (invitations, password resets). */
import { Fragment } from 'react';
import { OutboxListSchema } from '@prongsai/contracts';
import { formatDate } from '@prongsai/core';
import { useI18n } from '../../i18n/index.tsx';
import { Breadcrumbs, ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

/** Plain text with its http(s) URLs turned into links. */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <a key={i} href={part}>{part}</a> : <Fragment key={i}>{part}</Fragment>))}</>;
}

export function OutboxPage() {
  const { t, locale } = useI18n();
  useTitle(t('admin.outbox'));
  const outbox = useApi((signal) => api.get('/admin/outbox', OutboxListSchema, { limit: 50 }, signal), []);
  return (
    <>
      <Breadcrumbs items={[{ label: t('admin.title'), to: '/admin' }, { label: t('admin.outbox') }]} />
      <h1>{t('admin.outbox')}</h1>
      <p className="muted">{t('admin.outboxHelp')}</p>
      {outbox.loading && !outbox.data && <Loading />}
      {outbox.error !== undefined && <ErrorNotice error={outbox.error} onRetry={outbox.reload} />}
      {outbox.data && outbox.data.items.length === 0 && <p>{t('admin.outboxEmpty')}</p>}
      {outbox.data?.items.map((mail) => (
        <article key={mail.id} className="mail" aria-labelledby={`mail-${mail.id}`}>
          <h2 id={`mail-${mail.id}`} style={{ marginTop: 0, fontSize: '1.1rem' }}>{mail.subject}</h2>
          <p className="muted">
            {t('admin.to')}: <span data-testid="mail-to">{mail.toAddress}</span> · {t('admin.sentAt')}: {formatDate(mail.createdAt, { style: 'dateTime', locale })}
          </p>
          <pre><Linkified text={mail.bodyText} /></pre>
        </article>
      ))}
    </>
  );
}
