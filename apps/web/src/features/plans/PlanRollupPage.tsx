/**
 * /plans — public roll-up of published plans for a fiscal year: the whole country by province (a
 * choropleth of published plans with the same figures as a table) or one province by organisation,
 * with progress by dimension. Open data: the same roll-up as CSV.
 */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PlanRollupRow } from '@prongsai/contracts';
import { fiscalYearOf, formatNumber } from '@prongsai/core';
import { ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { ThailandChoropleth } from '../../components/maps/ThailandChoropleth.tsx';
import { ProvinceMap } from '../../components/maps/ProvinceMap.tsx';
import { useApi } from '../../lib/use-api.ts';
import { loadProvinces, localName, sortProvinces } from '../../lib/places.ts';
import { usePlansI18n } from './i18n.ts';
import { planLinks, plansApi } from './plans-api.ts';
import { ProgressBar, baht } from './ui.tsx';

function RollupTable({ rows, caption, nameOf }: { rows: PlanRollupRow[]; caption: string; nameOf: (r: PlanRollupRow) => React.ReactNode }) {
  const { pt } = usePlansI18n();
  return (
    <div className="table-wrap">
      <table className="compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{pt('rollup.name')}</th>
            <th scope="col" className="num">{pt('rollup.plans')}</th>
            <th scope="col" className="num">{pt('rollup.items')}</th>
            <th scope="col" className="num">{pt('rollup.withBudget')}</th>
            <th scope="col" className="num">{pt('rollup.noBudget')}</th>
            <th scope="col" className="num">{pt('rollup.planned')}</th>
            <th scope="col" className="num">{pt('rollup.spent')}</th>
            <th scope="col" className="num">{pt('rollup.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{nameOf(r)}</th>
              <td className="num">{formatNumber(r.plans)}</td>
              <td className="num">{formatNumber(r.items)}</td>
              <td className="num">{formatNumber(r.withBudget)}</td>
              <td className="num">{formatNumber(r.noBudget)}</td>
              <td className="num">{baht(r.plannedSatang, false)}</td>
              <td className="num">{baht(r.spentSatang, false)}</td>
              <td className="num">{formatNumber(r.averagePercent, { fractionDigits: 0 })}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PlanRollupPage() {
  const { pt, locale } = usePlansI18n();
  const [params, setParams] = useSearchParams();
  const now = fiscalYearOf(new Date());
  const fiscalYear = Number(params.get('fiscalYear')) || now;
  const province = /^\d{2}$/.test(params.get('province') ?? '') ? params.get('province')! : '';
  const data = useApi(async (signal) => {
    const [places, byDimension, rows] = await Promise.all([
      loadProvinces(),
      plansApi.rollup({ fiscalYear, level: 'dimension', province: province || undefined }, signal),
      plansApi.rollup({ fiscalYear, level: province ? 'organization' : 'province', province: province || undefined }, signal),
    ]);
    return { places, byDimension, rows };
  }, [fiscalYear, province]);
  const provinceName = data.data?.places.find((p) => p.code === province);
  const title = province && provinceName ? pt('rollup.provinceTitle', { province: localName(locale, provinceName.nameTh, provinceName.nameEn) }) : pt('rollup.title');
  useTitle(title);
  const values = useMemo(() => new Map((data.data?.rows.rows ?? []).map((r) => [r.key, r.plans])), [data.data]);
  const byCode = useMemo(() => new Map((data.data?.places ?? []).map((p) => [p.code, p])), [data.data]);
  const set = (key: string, value: string) => setParams((p) => { if (value) p.set(key, value); else p.delete(key); return p; });
  const years = [now - 3, now - 2, now - 1, now, now + 1];
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{pt('plans.lead')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="ru-year">{pt('rollup.fiscalYear')}</label>
            <select id="ru-year" value={fiscalYear} onChange={(e) => set('fiscalYear', e.target.value)}>{years.map((y) => <option key={y} value={y}>{y}</option>)}</select>
          </div>
          <div className="field">
            <label htmlFor="ru-province">{pt('rollup.show')}</label>
            <select id="ru-province" value={province} onChange={(e) => set('province', e.target.value)}>
              <option value="">{pt('rollup.allProvinces')}</option>
              {sortProvinces(data.data?.places ?? [], locale).map((p) => <option key={p.code} value={p.code}>{localName(locale, p.nameTh, p.nameEn)}</option>)}
            </select>
          </div>
        </div>
      </form>
      {data.loading && !data.data ? <Loading /> : !data.data ? <ErrorNotice error={data.error} onRetry={data.reload} /> : (
        <>
          <section aria-labelledby="ru-dims">
            <h2 id="ru-dims">{pt('rollup.byDimension')}</h2>
            {data.data.byDimension.rows.length === 0 ? <p>{pt('rollup.empty')}</p> : (
              <ul className="item-list">
                {data.data.byDimension.rows.map((r) => (
                  <li key={r.key} className="item-card">
                    <h3>{pt('plans.dimension', { code: r.key })}</h3>
                    <ProgressBar percent={r.averagePercent} label={`${pt('plans.dimension', { code: r.key })}: ${pt('rollup.progress')}`} />
                    <p className="muted" style={{ margin: 0 }}>{formatNumber(r.items)} {pt('rollup.items')} · {pt('rollup.noBudget')} {formatNumber(r.noBudget)} · {pt('rollup.planned')} {baht(r.plannedSatang, false)} · {pt('rollup.spent')} {baht(r.spentSatang, false)}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className="map-layout">
            {province ? (
              <figure className="map-figure">
                <ProvinceMap provinceCode={province} focus="country" label={title} />
              </figure>
            ) : (
              <ThailandChoropleth
                values={values}
                label={pt('rollup.mapLabel')}
                legendTitle={pt('rollup.legend')}
                hrefOf={(code) => `/plans?fiscalYear=${fiscalYear}&province=${code}`}
                nameOf={(code, fallback) => {
                  const p = byCode.get(code);
                  return p ? localName(locale, p.nameTh, p.nameEn) : locale === 'en' ? fallback.en : fallback.th;
                }}
                describe={(name, count) => pt('rollup.provinceValue', { name, count: formatNumber(count) })}
              />
            )}
            <section aria-labelledby="ru-table">
              <h2 id="ru-table">{pt('rollup.table')}</h2>
              {data.data.rows.rows.length === 0 ? <p>{pt('rollup.empty')}</p> : (
                <RollupTable
                  rows={data.data.rows.rows}
                  caption={title}
                  nameOf={(r) =>
                    province ? <Link to={`/organizations/${encodeURIComponent(r.key)}`}>{r.labelTh}</Link> : <Link to={`/plans?fiscalYear=${fiscalYear}&province=${r.key}`}>{byCode.get(r.key) ? localName(locale, byCode.get(r.key)!.nameTh, byCode.get(r.key)!.nameEn) : r.labelTh}</Link>
                  }
                />
              )}
              <p><a href={planLinks.rollupCsv({ fiscalYear, level: province ? 'organization' : 'province', province: province || undefined })}>CSV</a></p>
            </section>
          </div>
        </>
      )}
    </>
  );
}
