/** Home: a prominent organisation search, then quick links into the data. */
import { Link } from 'react-router';
import { formatNumber } from '@prongsai/core';
import { useI18n } from '../../i18n/index.tsx';
import { useTitle } from '../../components/common.tsx';
import { useApi } from '../../lib/use-api.ts';
import { loadProvinces } from '../../lib/places.ts';
import { OrganizationSearchForm } from './OrganizationSearchForm.tsx';

const EXAMPLES = [
  { code: '6620708', th: 'อบต.หนองหลวง อ.ลานกระบือ จ.กำแพงเพชร', en: 'Nong Luang SAO, Lan Krabue, Kamphaeng Phet' },
  { code: '3400102', th: 'เทศบาลนครขอนแก่น', en: 'Khon Kaen City Municipality' },
  { code: '2830101', th: 'องค์การบริหารส่วนจังหวัดภูเก็ต', en: 'Phuket Provincial Administrative Organisation' },
  { code: 'PACC-R8', th: 'สำนักงาน ป.ป.ท. เขต 8', en: 'PACC region 8 office' },
];

export function HomePage() {
  const { t, locale } = useI18n();
  useTitle(undefined);
  const provinces = useApi(() => loadProvinces(), []);
  const total = provinces.data?.reduce((sum, p) => sum + p.organizationCount, 0);
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <div>
          <h1 id="home-title">{t('home.title')}</h1>
          <p className="lead">{t('home.lead')}</p>
          <OrganizationSearchForm />
          {provinces.data && total !== undefined && (
            <p className="muted">{t('home.stats', { orgs: formatNumber(total), provinces: formatNumber(provinces.data.length) })}</p>
          )}
        </div>
      </section>
      <h2 className="visually-hidden">{t('home.quickLinks')}</h2>
      <div className="grid three">
        <section className="card" aria-labelledby="home-examples">
          <h3 id="home-examples">{t('home.exampleOrgs')}</h3>
          <ul className="link-list">
            {EXAMPLES.map((e) => (
              <li key={e.code}><Link to={`/organizations/${e.code}`}>{locale === 'en' ? e.en : e.th}</Link></li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="home-explore">
          <h3 id="home-explore">{t('home.explore')}</h3>
          <ul className="link-list">
            <li><Link to="/map">{t('home.mapLink')}</Link><br /><span className="muted">{t('home.mapLinkHelp')}</span></li>
            <li><Link to="/provinces/80">{t('home.provinceLink')}</Link></li>
          </ul>
        </section>
        <section className="card" aria-labelledby="home-api">
          <h3 id="home-api">{t('home.apiLink')}</h3>
          <p className="muted">{t('home.apiLinkHelp')}</p>
          <ul className="link-list">
            <li><a href="/api/docs">{t('nav.apiDocs')}</a></li>
            <li><a href="/api/v1/organizations?format=csv&province=62&limit=200">organizations.csv (กำแพงเพชร)</a></li>
          </ul>
        </section>
      </div>
    </>
  );
}
