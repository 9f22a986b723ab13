/**
 * Search results with filters (type, province, district) and paging. The URL holds the whole
 * state (?q=&type=&province=&district=&page=), so results can be shared and the Back button works.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ORGANIZATION_KINDS, OrganizationListSchema, ProvinceDetailSchema, type OrganizationKind } from '@prongsai/contracts';
import { formatNumber } from '@prongsai/core';
import { kindKey, useI18n } from '../../i18n/index.tsx';
import { ErrorNotice, Loading, Pager, useTitle } from '../../components/common.tsx';
import { api, apiUrl } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { loadProvinces, localName, sortProvinces } from '../../lib/places.ts';
import { searchHref } from './OrganizationSearchForm.tsx';

const PAGE_SIZE = 20;

function asKind(value: string | null): OrganizationKind | undefined {
  return value && (ORGANIZATION_KINDS as readonly string[]).includes(value) ? (value as OrganizationKind) : undefined;
}

export function SearchPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = asKind(params.get('type'));
  const province = /^\d{2}$/.test(params.get('province') ?? '') ? params.get('province')! : undefined;
  const district = /^\d{4}$/.test(params.get('district') ?? '') ? params.get('district')! : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  useTitle(q ? `${t('search.title')}: ${q}` : t('search.title'));

  const query = { q, type, province, district, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const results = useApi((signal) => api.get('/organizations', OrganizationListSchema, query, signal), [q, type, province, district, page]);

  // The filter form edits a draft; "Apply" navigates.
  const [draft, setDraft] = useState({ q, type: type ?? '', province: province ?? '', district: district ?? '' });
  useEffect(() => setDraft({ q, type: type ?? '', province: province ?? '', district: district ?? '' }), [q, type, province, district]);
  const provinces = useApi(() => loadProvinces(), []);
  const districts = useApi(
    (signal) => (draft.province ? api.get(`/provinces/${draft.province}`, ProvinceDetailSchema, undefined, signal).then((p) => p.districts) : Promise.resolve([])),
    [draft.province],
  );
  const ids = { q: useId(), type: useId(), province: useId(), district: useId() };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(searchHref({ q: draft.q.trim(), type: draft.type, province: draft.province, district: draft.province ? draft.district : '' }));
  };
  const pages = results.data ? Math.max(1, Math.ceil(results.data.total / PAGE_SIZE)) : 1;
  const filtered = !!(type || province || district);

  return (
    <>
      <h1>{t('search.title')}</h1>
      <form role="search" className="filters" onSubmit={apply}>
        <div className="field">
          <label htmlFor={ids.q}>{t('search.label')}</label>
          <div className="search-box">
            <input id={ids.q} type="search" name="q" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} placeholder={t('search.placeholder')} autoComplete="off" />
            <button type="submit" className="button">{t('search.submit')}</button>
          </div>
        </div>
        <fieldset>
          <legend>{t('search.filters')}</legend>
          <div className="filter-grid">
            <div className="field">
              <label htmlFor={ids.type}>{t('search.type')}</label>
              <select id={ids.type} name="type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
                <option value="">{t('search.any')}</option>
                {ORGANIZATION_KINDS.map((k) => <option key={k} value={k}>{t(kindKey(k))}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.province}>{t('search.province')}</label>
              <select id={ids.province} name="province" value={draft.province} onChange={(e) => setDraft({ ...draft, province: e.target.value, district: '' })}>
                <option value="">{t('search.any')}</option>
                {sortProvinces(provinces.data ?? [], locale).map((p) => <option key={p.code} value={p.code}>{localName(locale, p.nameTh, p.nameEn)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.district}>{t('search.district')}</label>
              <select id={ids.district} name="district" value={draft.district} disabled={!draft.province} onChange={(e) => setDraft({ ...draft, district: e.target.value })}>
                <option value="">{t('search.any')}</option>
                {(districts.data ?? []).map((d) => <option key={d.code} value={d.code}>{localName(locale, d.nameTh, d.nameEn)}</option>)}
              </select>
            </div>
          </div>
          <div className="button-row">
            <button type="submit" className="button secondary">{t('search.apply')}</button>
            {filtered && <Link to={searchHref({ q })}>{t('search.clear')}</Link>}
          </div>
        </fieldset>
      </form>

      <section>
        {results.loading && !results.data && <Loading />}
        {results.error !== undefined && <ErrorNotice error={results.error} onRetry={results.reload} />}
        {results.data && (
          <>
            <h2 id="results-heading" aria-live="polite">
              {q ? t('search.resultsFor', { q, total: formatNumber(results.data.total) }) : t('search.results', { total: formatNumber(results.data.total) })}
            </h2>
            {results.data.items.length === 0 ? (
              <p>{t('search.none')}</p>
            ) : (
              <ul className="results">
                {results.data.items.map((o) => (
                  <li key={o.id} className="result">
                    <Link to={`/organizations/${encodeURIComponent(o.code)}`}>{localName(locale, o.nameTh, o.nameEn)}</Link>
                    <div className="meta">
                      <span>{t(kindKey(o.kind))}</span>
                      {(o.districtNameTh || o.provinceNameTh) && <span>{[o.districtNameTh, o.provinceNameTh].filter(Boolean).join(', ')}</span>}
                      <span>{t('search.code')} <span className="mono">{o.code}</span></span>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <Pager page={page} pages={pages} hrefFor={(p) => searchHref({ q, type, province, district, page: p })} />
            {results.data.total > 0 && (
              <p><a href={apiUrl('/organizations', { ...query, limit: 200, offset: 0, format: 'csv' })}>{t('search.download')}</a></p>
            )}
          </>
        )}
      </section>
    </>
  );
}
