/** A province: its organisations by type and by district, its oversight offices, and a map. */
import { Link, useParams } from 'react-router';
import { ProvinceDetailSchema, ORGANIZATION_KINDS } from '@prongsai/contracts';
import { formatNumber } from '@prongsai/core';
import { kindKey, useI18n } from '../../i18n/index.tsx';
import { Breadcrumbs, ErrorNotice, Facts, Loading, useTitle } from '../../components/common.tsx';
import { ProvinceMap } from '../../components/maps/ProvinceMap.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { localName, regionName } from '../../lib/places.ts';
import { searchHref } from '../organizations/OrganizationSearchForm.tsx';

export function ProvincePage() {
  const { code = '' } = useParams();
  const { t, locale } = useI18n();
  const province = useApi((signal) => api.get(`/provinces/${encodeURIComponent(code)}`, ProvinceDetailSchema, undefined, signal), [code]);
  const p = province.data;
  const name = p ? localName(locale, p.nameTh, p.nameEn) : '';
  useTitle(p ? t('province.title', { name }) : undefined);
  if (province.loading && !p) return <Loading />;
  if (!p) return <ErrorNotice error={province.error} onRetry={province.reload} />;
  const kinds = ORGANIZATION_KINDS.filter((k) => (p.countsByKind[k] ?? 0) > 0);
  const total = kinds.reduce((sum, k) => sum + (p.countsByKind[k] ?? 0), 0);
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.map'), to: '/map' }, { label: t('province.title', { name }) }]} />
      <h1>{t('province.title', { name })}</h1>
      <p className="lead">{regionName(locale, p.regionTh)}</p>
      <div className="map-layout">
        <div>
          <section aria-labelledby="province-kinds">
            <h2 id="province-kinds">{t('province.byKind')}</h2>
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t('org.kind')}</th><th scope="col" className="num">{t('province.count')}</th></tr></thead>
                <tbody>
                  {kinds.map((k) => (
                    <tr key={k}>
                      <td><Link to={searchHref({ province: p.code, type: k })}>{t(kindKey(k))}</Link></td>
                      <td className="num">{formatNumber(p.countsByKind[k] ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot><tr><th scope="row">{t('province.total')}</th><td className="num">{formatNumber(total)}</td></tr></tfoot>
              </table>
            </div>
            <p><Link to={searchHref({ province: p.code })}>{t('province.allOrgs')}</Link></p>
          </section>

          <section aria-labelledby="province-offices">
            <h2 id="province-offices">{t('province.offices')}</h2>
            <Facts
              rows={[
                [t('org.nacc'), p.naccProvincialOffice ? <Link to={`/organizations/${p.naccProvincialOffice.code}`}>{localName(locale, p.naccProvincialOffice.nameTh, p.naccProvincialOffice.nameEn)}</Link> : t('org.none')],
                [
                  t('province.paccRegion'),
                  <>
                    {p.paccRegionalOffice ? <Link to={`/organizations/${p.paccRegionalOffice.code}`}>{localName(locale, p.paccRegionalOffice.nameTh, p.paccRegionalOffice.nameEn)}</Link> : p.paccRegion ? t('org.paccRegion', { region: p.paccRegion }) : t('province.paccNone')}
                    {p.paccRegionStatus === 'unconfirmed' && (
                      <>{' '}<span className="tag">{t('org.unconfirmed')}</span><br /><span className="hint">{t('org.unconfirmedHelp')}</span></>
                    )}
                  </>,
                ],
              ]}
            />
          </section>

          <section aria-labelledby="province-districts">
            <h2 id="province-districts">{t('province.districts')}</h2>
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t('org.district')}</th><th scope="col" className="num">{t('province.count')}</th></tr></thead>
                <tbody>
                  {p.districts.map((d) => (
                    <tr key={d.code}>
                      <td><Link to={searchHref({ province: p.code, district: d.code })}>{localName(locale, d.nameTh, d.nameEn)}</Link></td>
                      <td className="num">{formatNumber(d.organizationCount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
        <aside>
          <figure className="map-figure">
            <ProvinceMap provinceCode={p.code} focus="country" label={t('province.mapTitle', { name })} width={300} height={540} />
          </figure>
        </aside>
      </div>
    </>
  );
}
