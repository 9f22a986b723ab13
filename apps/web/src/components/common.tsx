/** Small shared pieces: page title, loading and error states, breadcrumbs, pager, a labelled fact list. */
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '@prongsai/core';
import { useI18n } from '../i18n/index.tsx';
import { errorText, fieldErrors, ApiError } from '../lib/api.ts';

/** Sets document.title to "<page> · โปร่งใส". */
export function useTitle(title: string | undefined) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);
}

export function Loading() {
  const { t } = useI18n();
  return <p role="status" className="muted">{t('app.loading')}</p>;
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  const fields = fieldErrors(error);
  return (
    <div className="notice error" role="alert">
      <p><strong>{errorText(error, locale)}</strong>{error instanceof ApiError && <span className="muted"> ({error.code})</span>}</p>
      {fields.length > 0 && <ul>{fields.map((f) => <li key={f}>{f}</li>)}</ul>}
      {onRetry && <button type="button" className="button secondary" onClick={onRetry}>{t('app.retry')}</button>}
    </div>
  );
}

export function Breadcrumbs({ items }: { items: Array<{ label: string; to?: string }> }) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumbs" aria-label="breadcrumb">
      <ol>
        <li><Link to="/">{t('nav.home')}</Link></li>
        {items.map((item) => (
          <li key={item.label}>{item.to ? <Link to={item.to}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

export function Pager({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <ul>
        {page > 1 && <li><Link to={hrefFor(page - 1)} rel="prev">‹ {t('pager.prev')}</Link></li>}
        {page < pages && <li><Link to={hrefFor(page + 1)} rel="next">{t('pager.next')} ›</Link></li>}
      </ul>
      <span className="muted">{t('pager.status', { page: formatNumber(page), pages: formatNumber(pages) })}</span>
    </nav>
  );
}

export function Facts({ rows }: { rows: Array<[string, ReactNode] | null | false> }) {
  return (
    <dl className="facts">
      {rows.filter((r): r is [string, ReactNode] => !!r).map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  useTitle(t('app.notFound'));
  return (
    <>
      <h1>{t('app.notFound')}</h1>
      <p>{t('app.notFoundHelp')}</p>
      <p><Link to="/">{t('app.backHome')}</Link></p>
    </>
  );
}
