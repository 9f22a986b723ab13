/**
 * /plans/manage — the signed-in person's plan work: each of their organisations' plans (with a
 * form to start one), and for NACC provincial officers the province's review queue and dashboard.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Membership, PlanSummary } from '@prongsai/contracts';
import { formatNumber } from '@prongsai/core';
import { ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { isSignedIn, useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { usePlansI18n } from './i18n.ts';
import { plansApi } from './plans-api.ts';
import { Countdown, StatusBadge, baht, thaiDate } from './ui.tsx';

const ORG_ROLES = new Set(['org_editor', 'org_admin', 'org_approver', 'org_viewer']);
const EDIT_ROLES = new Set(['org_editor', 'org_admin']);

function uniqueBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

export function PlansWorkspacePage() {
  const { pt } = usePlansI18n();
  const { me } = useSession();
  useTitle(pt('plans.workspace'));
  const memberships = isSignedIn(me) ? me.memberships : [];
  const orgs = uniqueBy(memberships.filter((m) => ORG_ROLES.has(m.role) && m.organizationCode), (m) => m.organizationCode!);
  const provinces = uniqueBy(memberships.filter((m) => m.role === 'nacc_provincial_officer' && m.provinceCode), (m) => m.provinceCode!);
  const national = memberships.some((m) => m.role === 'nacc_national_officer');
  return (
    <>
      <h1>{pt('plans.workspace')}</h1>
      <p className="lead">{pt('plans.workspaceLead')}</p>
      {orgs.length === 0 && provinces.length === 0 && !national && <p>{pt('plans.noRole')}</p>}
      {orgs.map((m) => (
        <OrganizationPlans key={m.organizationCode} membership={m} canCreate={memberships.some((x) => x.organizationCode === m.organizationCode && EDIT_ROLES.has(x.role))} />
      ))}
      {provinces.map((m) => <ReviewQueue key={m.provinceCode} provinceCode={m.provinceCode!} />)}
      {national && <p><Link to="/plans">{pt('rollup.title')}</Link></p>}
    </>
  );
}

export function PlanTable({ plans, caption, linkTo }: { plans: PlanSummary[]; caption: string; linkTo: (p: PlanSummary) => string }) {
  const { pt, locale } = usePlansI18n();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{pt('plans.titleField')}</th>
            <th scope="col">{pt('plans.status')}</th>
            <th scope="col">{pt('plans.deadline')}</th>
            <th scope="col" className="num">{pt('plans.items')}</th>
            <th scope="col" className="num">{pt('plans.total')}</th>
            <th scope="col">{pt('plans.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={linkTo(p)}>{p.titleTh}</Link>
                <br /><span className="muted">{p.organization.nameTh} · {pt('plans.version', { version: p.version })} · {p.framework.version}</span>
              </td>
              <td><StatusBadge status={p.status} /></td>
              <td><Countdown deadline={p.deadline} status={p.status} /></td>
              <td className="num">{formatNumber(p.itemCount)}</td>
              <td className="num">{baht(p.totalSatang)}</td>
              <td>{thaiDate(p.updatedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrganizationPlans({ membership: m, canCreate }: { membership: Membership; canCreate: boolean }) {
  const { pt } = usePlansI18n();
  const code = m.organizationCode!;
  const list = useApi((signal) => plansApi.ofOrganization(code, { limit: 100 }, signal), [code]);
  const headingId = `org-plans-${code}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{pt('plans.myOrg', { org: m.organizationNameTh ?? code })}</h2>
      {list.loading && !list.data ? <Loading /> : list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : list.data && list.data.items.length > 0 ? (
        <PlanTable plans={list.data.items} caption={pt('plans.myOrg', { org: m.organizationNameTh ?? code })} linkTo={(p) => `/plans/${p.id}/edit`} />
      ) : (
        <p>{pt('plans.none')}</p>
      )}
      {canCreate && <CreatePlanForm organizationCode={code} organizationName={m.organizationNameTh ?? code} />}
    </section>
  );
}

function CreatePlanForm({ organizationCode, organizationName }: { organizationCode: string; organizationName: string }) {
  const { pt, locale } = usePlansI18n();
  const navigate = useNavigate();
  const options = useApi(async (signal) => {
    const [cycles, frameworks] = await Promise.all([plansApi.cycles(signal), plansApi.frameworks(signal)]);
    return { cycles: cycles.filter((c) => c.active), frameworks: frameworks.filter((f) => f.status === 'active') };
  }, []);
  const [cycleId, setCycleId] = useState('');
  const [frameworkId, setFrameworkId] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const idp = `create-${organizationCode}`;
  if (!options.data) return options.error ? <ErrorNotice error={options.error} onRetry={options.reload} /> : null;
  const chosenCycle = cycleId || options.data.cycles.at(-1)?.id || '';
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const plan = await plansApi.create(organizationCode, { cycleId: chosenCycle, ...(frameworkId ? { frameworkId } : {}), ...(title.trim() ? { titleTh: title.trim() } : {}) });
      navigate(`/plans/${plan.id}/edit?tab=part1`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="editor-panel form-narrow" onSubmit={submit} aria-labelledby={`${idp}-h`}>
      <h3 id={`${idp}-h`}>{pt('plans.createTitle', { org: organizationName })}</h3>
      {error !== undefined && <ErrorNotice error={error} />}
      <div className="field">
        <label htmlFor={`${idp}-cycle`}>{pt('plans.cycle')}</label>
        <select id={`${idp}-cycle`} value={chosenCycle} onChange={(e) => setCycleId(e.target.value)} required>
          {options.data.cycles.map((c) => <option key={c.id} value={c.id}>{c.labelTh}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idp}-fw`}>{pt('plans.framework')}</label>
        <span className="hint" id={`${idp}-fw-hint`}>{pt('plans.frameworkHelp')}</span>
        <select id={`${idp}-fw`} value={frameworkId} onChange={(e) => setFrameworkId(e.target.value)} aria-describedby={`${idp}-fw-hint`}>
          <option value="">{pt('plans.frameworkDefault')}</option>
          {options.data.frameworks.map((f) => <option key={f.id} value={f.id}>{(locale === 'en' && f.nameEn) || f.nameTh} ({f.version})</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idp}-title`}>{pt('plans.titleField')}</label>
        <span className="hint" id={`${idp}-title-hint`}>{pt('plans.titleHelp')}</span>
        <input id={`${idp}-title`} type="text" value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby={`${idp}-title-hint`} />
      </div>
      <button type="submit" className="button" disabled={busy || !chosenCycle}>{pt('plans.create')}</button>
    </form>
  );
}

function ReviewQueue({ provinceCode }: { provinceCode: string }) {
  const { pt } = usePlansI18n();
  const list = useApi(async (signal) => {
    const [submitted, all] = await Promise.all([plansApi.list({ province: provinceCode, status: 'submitted', limit: 200 }, signal), plansApi.list({ province: provinceCode, limit: 200 }, signal)]);
    return { submitted: submitted.items, all: all.items };
  }, [provinceCode]);
  const province = list.data?.all[0]?.organization.provinceNameTh ?? provinceCode;
  return (
    <section aria-labelledby={`queue-${provinceCode}`}>
      <h2 id={`queue-${provinceCode}`}>{pt('review.queue')}</h2>
      <p>{pt('review.queueLead', { province })} · <Link to={`/plans/provinces/${provinceCode}`}>{pt('review.dashboard', { province })}</Link></p>
      {list.loading && !list.data ? <Loading /> : list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : list.data!.submitted.length === 0 ? (
        <p>{pt('review.queueEmpty')}</p>
      ) : (
        <PlanTable plans={list.data!.submitted} caption={pt('review.queue')} linkTo={(p) => `/plans/${p.id}/review`} />
      )}
      {list.data && list.data.all.length > list.data.submitted.length && (
        <details>
          <summary>{pt('dash.all')} ({formatNumber(list.data.all.length)})</summary>
          <PlanTable plans={list.data.all} caption={pt('dash.all')} linkTo={(p) => (p.status === 'submitted' ? `/plans/${p.id}/review` : `/plans/${p.id}`)} />
        </details>
      )}
    </section>
  );
}
