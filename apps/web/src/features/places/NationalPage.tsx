/** Thailand by province: a clickable choropleth, with the same numbers as a table. */
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '@prongsai/core';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { ThailandChoropleth } from '../../components/maps/ThailandChoropleth.tsx';
import { useApi } from '../../lib/use-api.ts';
import { loadProvinces, localName, regionName, sortProvinces } from '../../lib/places.ts';

export function NationalPage() {
  const { t, locale } = useI18n();
  useTitle(t('national.title'));
  const provinces = useApi(() => loadProvinces(), []);
  const values = useMemo(() => new Map((provinces.data ?? []).map((p) => [p.code, p.localGovernmentCount])), [provinces.data]);
  const byCode = useMemo(() => new Map((provinces.data ?? []).map((p) => [p.code, p])), [provinces.data]);
  if (provinces.loading && !provinces.data) return <Loading />;
  if (!provinces.data) return <ErrorNotice error={provinces.error} onRetry={provinces.reload} />;
  return (
    <>
      <h1>{t('national.title')}</h1>
      <p className="lead">{t('national.lead')}</p>
      <div className="map-layout">
        <ThailandChoropleth
          values={values}
          label={t('national.mapLabel')}
          legendTitle={t('national.legend')}
          hrefOf={(code) => `/provinces/${code}`}
          nameOf={(code, fallback) => {
            const p = byCode.get(code);
            return p ? localName(locale, p.nameTh, p.nameEn) : locale === 'en' ? fallback.en : fallback.th;
          }}
          describe={(name, count) => t('national.provinceCount', { name, count: formatNumber(count) })}
        />
        <section aria-labelledby="national-table">
          <h2 id="national-table">{t('national.table')}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('national.province')}</th>
                  <th scope="col">{t('national.region')}</th>
                  <th scope="col" className="num">{t('national.orgs')}</th>
                </tr>
              </thead>
              <tbody>
                {sortProvinces(provinces.data, locale).map((p) => (
                  <tr key={p.code}>
                    <td><Link to={`/provinces/${p.code}`}>{localName(locale, p.nameTh, p.nameEn)}</Link></td>
                    <td>{regionName(locale, p.regionTh)}</td>
                    <td className="num">{formatNumber(p.localGovernmentCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  );
}
