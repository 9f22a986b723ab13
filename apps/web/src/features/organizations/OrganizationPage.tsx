/**
 * Public page of one organisation: name, type, place, website, address, source, the oversight
 * offices responsible, a map of its province with its point, and the sections other modules add
 * (see sections.tsx).
 */
import { Link, useParams } from 'react-router';
import { OrganizationSchema, type Organization } from '@prongsai/contracts';
import { formatNumber } from '@prongsai/core';
import { kindKey, useI18n } from '../../i18n/index.tsx';
import { Breadcrumbs, ErrorNotice, Facts, Loading, useTitle } from '../../components/common.tsx';
import { ProvinceMap } from '../../components/maps/ProvinceMap.tsx';
import { api, apiUrl } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { localName } from '../../lib/places.ts';
import { hasRole, isSystemAdmin, useSession } from '../../lib/session.tsx';
import { registerOrganizationSection, sortedSections, type OrganizationSectionProps } from './sections.tsx';
import { searchHref } from './OrganizationSearchForm.tsx';

function DetailsSection({ organization: o }: OrganizationSectionProps) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="org-details">
      <h2 id="org-details">{t('org.details')}</h2>
      <Facts
        rows={[
          [t('org.code'), <span className="mono">{o.code}</span>],
          [t('org.kind'), t(kindKey(o.kind))],
          locale === 'th' && !!o.nameEn && [t('org.nameEn'), <span lang="en">{o.nameEn}</span>],
          !!o.districtCode && [t('org.district'), <Link to={searchHref({ district: o.districtCode ?? undefined, province: o.provinceCode ?? undefined })}>{o.districtNameTh}</Link>],
          !!o.provinceCode && [t('org.province'), <Link to={`/provinces/${o.provinceCode}`}>{o.provinceNameTh}</Link>],
          [t('org.website'), o.website ? <a href={o.website} rel="noopener noreferrer">{o.website.replace(/^https?:\/\//, '')}</a> : t('org.none')],
          !!o.address && [t('org.address'), o.address],
          !!o.postcode && [t('org.postcode'), o.postcode],
          o.areaKm2 !== null && [t('org.area'), t('org.areaValue', { value: formatNumber(o.areaKm2, { fractionDigits: 2 }) })],
          [t('org.source'), o.source],
        ]}
      />
    </section>
  );
}

function OversightSection({ organization: o }: OrganizationSectionProps) {
  const { t, locale } = useI18n();
  const { naccProvincialOffice: nacc, paccRegionalOffice: pacc, paccRegion, paccRegionStatus } = o.oversight;
  if (!nacc && !pacc && paccRegion === null) return null;
  return (
    <section aria-labelledby="org-oversight">
      <h2 id="org-oversight">{t('org.oversight')}</h2>
      <p className="muted">{t('org.oversightHelp')}</p>
      <Facts
        rows={[
          [t('org.nacc'), nacc ? <Link to={`/organizations/${nacc.code}`}>{localName(locale, nacc.nameTh, nacc.nameEn)}</Link> : t('org.none')],
          [
            t('org.pacc'),
            <>
              {pacc ? <Link to={`/organizations/${pacc.code}`}>{localName(locale, pacc.nameTh, pacc.nameEn)}</Link> : paccRegion ? t('org.paccRegion', { region: paccRegion }) : t('org.none')}
              {paccRegionStatus === 'unconfirmed' && (
                <>
                  {' '}<span className="tag">{t('org.unconfirmed')}</span>
                  <br /><span className="hint">{t('org.unconfirmedHelp')}</span>
                </>
              )}
            </>,
          ],
        ]}
      />
    </section>
  );
}

function OpenDataSection({ organization: o }: OrganizationSectionProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="org-open-data">
      <h2 id="org-open-data">{t('org.openData')}</h2>
      <ul>
        <li><a href={apiUrl(`/organizations/${encodeURIComponent(o.code)}`)}>JSON</a></li>
        <li><a href={apiUrl(`/organizations/${encodeURIComponent(o.code)}`, { format: 'csv' })}>CSV</a></li>
      </ul>
    </section>
  );
}

registerOrganizationSection({ id: 'details', order: 10, Component: DetailsSection });
registerOrganizationSection({ id: 'oversight', order: 20, Component: OversightSection });
registerOrganizationSection({ id: 'open-data', order: 90, Component: OpenDataSection });

function LocationAside({ organization: o }: { organization: Organization }) {
  const { t, locale } = useI18n();
  if (!o.provinceCode) return null;
  const name = localName(locale, o.nameTh, o.nameEn);
  const province = o.provinceNameTh ?? '';
  const point = o.lat !== null && o.lon !== null ? { lat: o.lat, lon: o.lon } : null;
  return (
    <aside aria-labelledby="org-location">
      <h2 id="org-location">{t('org.location')}</h2>
      <figure className="map-figure">
        <ProvinceMap
          provinceCode={o.provinceCode}
          focus="province"
          point={point}
          label={point ? t('org.mapTitle', { province, name }) : t('org.mapTitleNoPoint', { province })}
        />
        <figcaption>{point ? t('org.coordinates', { lat: point.lat.toFixed(4), lon: point.lon.toFixed(4) }) : t('org.noLocation')}</figcaption>
      </figure>
    </aside>
  );
}

export function OrganizationPage() {
  const { code = '' } = useParams();
  const { t, locale } = useI18n();
  const { me } = useSession();
  const org = useApi((signal) => api.get(`/organizations/${encodeURIComponent(code)}`, OrganizationSchema, undefined, signal), [code]);
  const o = org.data;
  useTitle(o ? localName(locale, o.nameTh, o.nameEn) : undefined);
  if (org.loading && !o) return <Loading />;
  if (!o) return <ErrorNotice error={org.error} onRetry={org.reload} />;
  const canEdit = isSystemAdmin(me) || hasRole(me, 'org_admin', o.code);
  return (
    <>
      <Breadcrumbs
        items={[
          ...(o.provinceCode ? [{ label: t('province.title', { name: localName(locale, o.provinceNameTh ?? '', null) }), to: `/provinces/${o.provinceCode}` }] : []),
          { label: localName(locale, o.nameTh, o.nameEn) },
        ]}
      />
      <h1>{localName(locale, o.nameTh, o.nameEn)}</h1>
      <p className="lead">
        {t(kindKey(o.kind))}
        {o.districtNameTh && ` · ${o.districtNameTh}`}
        {o.provinceNameTh && ` · ${o.provinceNameTh}`}
      </p>
      {canEdit && <p><Link className="button secondary" to={`/organizations/${encodeURIComponent(o.code)}/edit`}>{t('org.edit')}</Link></p>}
      <div className="org-layout">
        <div>
          {sortedSections().map(({ id, Component }) => (
            <div key={id} id={id}><Component organization={o} /></div>
          ))}
        </div>
        <LocationAside organization={o} />
      </div>
    </>
  );
}
