/** The search box used on the home page and at the top of the results. */
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';

export function searchHref(params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) qs.set(k, String(v));
  const s = qs.toString();
  return `/search${s ? `?${s}` : ''}`;
}

export function OrganizationSearchForm({ initial = '', autoFocus = false }: { initial?: string; autoFocus?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const id = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(searchHref({ q: q.trim() }));
  };
  return (
    <form role="search" onSubmit={onSubmit} className="field">
      <label htmlFor={id}>{t('search.label')}</label>
      <div className="search-box">
        <input id={id} type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('search.placeholder')} autoComplete="off" autoFocus={autoFocus} />
        <button type="submit" className="button">{t('search.submit')}</button>
      </div>
    </form>
  );
}
