/** The "Plans" section of the organisation page: its published plans with their progress. */
import { Link } from 'react-router';
import { formatNumber } from '@prongsai/core';
import { useApi } from '../../lib/use-api.ts';
import { hasRole, useSession } from '../../lib/session.tsx';
import { registerOrganizationSection, type OrganizationSectionProps } from '../organizations/sections.tsx';
import { usePlansI18n } from './i18n.ts';
import { planLinks, plansApi } from './plans-api.ts';
import { StatusBadge, baht, thaiDate } from './ui.tsx';

function PlansSection({ organization: o }: OrganizationSectionProps) {
  const { pt, locale } = usePlansI18n();
  const { me } = useSession();
  const list = useApi((signal) => plansApi.ofOrganization(o.code, { status: 'published', limit: 20 }, signal), [o.code]);
  const member = ['org_editor', 'org_admin', 'org_approver', 'org_viewer'].some((r) => hasRole(me, r as 'org_editor', o.code));
  const plans = list.data?.items ?? [];
  if (!list.data && !member) return null;
  return (
    <section aria-labelledby="org-plans">
      <h2 id="org-plans">{pt('public.sectionTitle')}</h2>
      {plans.length === 0 ? <p>{pt('public.sectionNone')}</p> : (
        <ul className="link-list">
          {plans.map((p) => (
            <li key={p.id}>
              <Link to={`/plans/${p.id}`}>{p.titleTh}</Link> <StatusBadge status={p.status} />
              <br /><span className="muted">{pt('plans.cycle')} {p.cycle.code} · {pt('items.count', { count: formatNumber(p.itemCount) })} · {pt('plans.baht', { amount: baht(p.totalSatang, false) })}{p.publishedAt && ` · ${thaiDate(p.publishedAt, locale)}`}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted"><a href={planLinks.organizationCsv(o.code)}>CSV</a>{member && <> · <Link to="/plans/manage">{pt('public.manage')}</Link></>}</p>
    </section>
  );
}

registerOrganizationSection({ id: 'plans', order: 30, Component: PlansSection });
