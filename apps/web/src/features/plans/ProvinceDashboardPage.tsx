/**
 * /plans/provinces/:code — the NACC provincial office's dashboard for a cycle: who has submitted, who
 * is late, who has coverage gaps (map + tables), the submission deadline, and the compiled provincial
 * view of every agency's items with and without budget, by dimension, for a fiscal year.
 */
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PlanCycle, PlanProvinceCompiled } from '@prongsai/contracts';
import { fiscalYearOf, fiscalYearsOfSpan, formatNumber } from '@prongsai/core';
import { Breadcrumbs, ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { useApi } from '../../lib/use-api.ts';
import { hasRole, useSession } from '../../lib/session.tsx';
import { usePlansI18n, type PlanMessageKey } from './i18n.ts';
import { planLinks, plansApi } from './plans-api.ts';
import { OrgPointsMap } from './OrgPointsMap.tsx';
import { Notice, StatusBadge, baht, thaiDate, typeLabel } from './ui.tsx';

const STATES = ['no_plan', 'drafting', 'submitted', 'returned', 'accepted', 'published', 'late'] as const;
const stateKey = (s: (typeof STATES)[number]) => `dash.state.${s}` as PlanMessageKey;

function defaultCycle(cycles: PlanCycle[]): PlanCycle | undefined {
  const fy = fiscalYearOf(new Date());
  const active = cycles.filter((c) => c.active);
  return active.find((c) => c.firstYear <= fy && fy <= c.lastYear && c.code === '2566-2570') ?? active.find((c) => c.firstYear <= fy && fy <= c.lastYear) ?? active.at(-1) ?? cycles.at(-1);
}

export function ProvinceDashboardPage() {
  const { code = '' } = useParams();
  const { pt } = usePlansI18n();
  const [params, setParams] = useSearchParams();
  const cycles = useApi((signal) => plansApi.cycles(signal), []);
  const cycle = cycles.data?.find((c) => c.code === params.get('cycle')) ?? (cycles.data ? defaultCycle(cycles.data) : undefined);
  useTitle(pt('dash.title', { province: code }));
  if (cycles.loading && !cycles.data) return <Loading />;
  if (!cycles.data || !cycle) return <ErrorNotice error={cycles.error} onRetry={cycles.reload} />;
  return (
    <Dashboard key={cycle.code} provinceCode={code} cycle={cycle}>
      <div className="field form-narrow">
        <label htmlFor="dash-cycle">{pt('plans.cycle')}</label>
        <select id="dash-cycle" value={cycle.code} onChange={(e) => setParams((p) => { p.set('cycle', e.target.value); return p; }, { replace: true })}>
          {cycles.data.map((c) => <option key={c.id} value={c.code}>{c.labelTh}</option>)}
        </select>
      </div>
    </Dashboard>
  );
}

function Dashboard({ provinceCode, cycle, children }: { provinceCode: string; cycle: PlanCycle; children: ReactNode }) {
  const { pt, locale } = usePlansI18n();
  const { me } = useSession();
  const data = useApi((signal) => plansApi.dashboard(provinceCode, cycle.code, signal), [provinceCode, cycle.code]);
  const [filter, setFilter] = useState<string>('all');
  const d = data.data;
  const points = useMemo(
    () => (d?.organizations ?? []).filter((o) => o.lat !== null && o.lon !== null).map((o) => ({ key: o.id, lat: o.lat!, lon: o.lon!, className: `state-${o.late ? 'late' : o.state}`, title: `${o.nameTh}: ${pt(stateKey(o.late ? 'late' : o.state))}` })),
    [d, pt],
  );
  useTitle(d ? pt('dash.title', { province: d.provinceNameTh }) : undefined);
  if (data.loading && !d) return <Loading />;
  if (!d) return <ErrorNotice error={data.error} onRetry={data.reload} />;
  const canSetDeadline = hasRole(me, 'nacc_provincial_officer') || hasRole(me, 'nacc_national_officer');
  const orgs = d.organizations.filter((o) => filter === 'all' || (filter === 'late' ? o.late : filter === 'gaps' ? o.coverageGaps > 0 : o.state === filter));
  return (
    <>
      <Breadcrumbs items={[{ label: pt('plans.workspace'), to: '/plans/manage' }, { label: pt('dash.title', { province: d.provinceNameTh }) }]} />
      <h1>{pt('dash.title', { province: d.provinceNameTh })}</h1>
      <p className="lead">{pt('dash.lead')}</p>
      {children}
      <p>
        <strong>{pt('plans.deadline')}:</strong>{' '}
        <span className={d.deadline?.overdue ? 'countdown late' : 'countdown'}>
          {!d.deadline ? pt('plans.noDeadline') : d.deadline.overdue ? pt('plans.overdue', { days: formatNumber(Math.abs(d.deadline.daysLeft)), date: thaiDate(d.deadline.dueAt, locale) }) : pt('plans.daysLeft', { days: formatNumber(d.deadline.daysLeft), date: thaiDate(d.deadline.dueAt, locale) })}
        </span>
      </p>
      <ul className="stat-grid">
        <li><span className="value">{formatNumber(d.totals.organizations)}</span>{pt('dash.orgs')}</li>
        <li><span className="value">{formatNumber(d.totals.submitted)}</span>{pt('dash.submitted')}</li>
        <li><span className="value">{formatNumber(d.totals.accepted)}</span>{pt('dash.accepted')}</li>
        <li className="late"><span className="value">{formatNumber(d.totals.late)}</span>{pt('dash.late')}</li>
        <li><span className="value">{formatNumber(d.totals.noPlan)}</span>{pt('dash.noPlan')}</li>
        <li><span className="value">{formatNumber(d.totals.withGaps)}</span>{pt('dash.withGaps')}</li>
      </ul>
      <div className="dash-layout">
        <div>
          <figure className="map-figure">
            <OrgPointsMap provinceCode={d.provinceCode} points={points} label={pt('dash.mapLabel', { province: d.provinceNameTh })} />
            <figcaption>
              <span className="label">{pt('dash.legend')}</span>
              <ul className="legend">{STATES.map((s) => <li key={s}><span className={`swatch state-${s}`} aria-hidden="true" />{pt(stateKey(s))}</li>)}</ul>
            </figcaption>
          </figure>
        </div>
        <section aria-labelledby="dash-orgs">
          <h2 id="dash-orgs">{pt('dash.orgs')}</h2>
          <div className="field form-narrow">
            <label htmlFor="dash-filter">{pt('dash.filter')}</label>
            <select id="dash-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
              <option value="all">{pt('dash.all')}</option>
              {STATES.filter((s) => s !== 'late').map((s) => <option key={s} value={s}>{pt(stateKey(s))}</option>)}
              <option value="late">{pt('dash.state.late')}</option>
              <option value="gaps">{pt('dash.withGaps')}</option>
            </select>
          </div>
          <div className="table-wrap">
            <table className="compact">
              <caption className="visually-hidden">{pt('dash.orgs')}</caption>
              <thead><tr><th scope="col">{pt('plans.organization')}</th><th scope="col">{pt('dash.district')}</th><th scope="col">{pt('plans.status')}</th><th scope="col" className="num">{pt('dash.gaps')}</th></tr></thead>
              <tbody>
                {orgs.map((o) => (
                  <tr key={o.id}>
                    <td>{o.planId ? <Link to={o.planStatus === 'submitted' ? `/plans/${o.planId}/review` : `/plans/${o.planId}`}>{o.nameTh}</Link> : <Link to={`/organizations/${o.code}`}>{o.nameTh}</Link>}</td>
                    <td>{o.districtNameTh ?? '—'}</td>
                    <td>
                      {o.planStatus ? <StatusBadge status={o.planStatus} /> : pt('dash.state.no_plan')}
                      {o.late && <> <span className="countdown late">{pt('dash.state.late')}</span></>}
                      {o.submittedAt && <><br /><span className="muted">{thaiDate(o.submittedAt, locale)}</span></>}
                    </td>
                    <td className="num">{formatNumber(o.coverageGaps)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p><a href={planLinks.dashboardCsv(d.provinceCode, cycle.code)}>{pt('dash.csv')}</a></p>
          <h2>{pt('dash.byDistrict')}</h2>
          <div className="table-wrap">
            <table className="compact">
              <caption className="visually-hidden">{pt('dash.byDistrict')}</caption>
              <thead><tr><th scope="col">{pt('dash.district')}</th><th scope="col" className="num">{pt('dash.orgs')}</th><th scope="col" className="num">{pt('dash.submitted')}</th><th scope="col" className="num">{pt('dash.late')}</th><th scope="col" className="num">{pt('dash.withGaps')}</th></tr></thead>
              <tbody>
                {d.byDistrict.map((r) => (
                  <tr key={r.districtCode}><th scope="row">{r.nameTh}</th><td className="num">{formatNumber(r.organizations)}</td><td className="num">{formatNumber(r.submitted)}</td><td className="num">{formatNumber(r.late)}</td><td className="num">{formatNumber(r.withGaps)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
      {canSetDeadline && <DeadlineForm provinceCode={d.provinceCode} cycle={cycle} current={d.deadline?.dueAt ?? null} onSaved={data.reload} />}
      <CompiledView provinceCode={d.provinceCode} cycle={cycle} />
    </>
  );
}

/** Bangkok calendar date of an instant, as YYYY-MM-DD for <input type="date">. */
function bangkokDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

function DeadlineForm({ provinceCode, cycle, current, onSaved }: { provinceCode: string; cycle: PlanCycle; current: string | null; onSaved: () => void }) {
  const { pt } = usePlansI18n();
  const [date, setDate] = useState(current ? bangkokDay(current) : '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      // End of the chosen day in Bangkok (UTC+7): 23:59:59 local = 16:59:59Z.
      await plansApi.setDeadline({ cycleId: cycle.id, provinceCode, dueAt: `${date}T16:59:59Z`, note: note.trim() || null });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form className="editor-panel form-narrow" onSubmit={submit} aria-labelledby="deadline-h">
      <h2 id="deadline-h">{pt('dash.deadlines')}</h2>
      <div className="field"><label htmlFor="deadline-date">{pt('dash.dueDate')}</label><input id="deadline-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} /></div>
      <div className="field"><label htmlFor="deadline-note">{pt('dash.note')}</label><input id="deadline-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} /></div>
      {error !== undefined && <ErrorNotice error={error} />}
      {saved && <Notice kind="success">{pt('dash.deadlineSaved')}</Notice>}
      <button type="submit" className="button">{pt('dash.setDeadline')}</button>
    </form>
  );
}

function CompiledTable({ caption, rows }: { caption: string; rows: PlanProvinceCompiled['dimensions'][number]['withBudget'] }) {
  const { pt, locale } = usePlansI18n();
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="compact">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{pt('items.code')}</th><th scope="col">{pt('items.name')}</th><th scope="col">{pt('plans.organization')}</th><th scope="col">{pt('items.unit')}</th><th scope="col" className="num">{pt('items.budget')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.itemId}><td>{r.frameworkCode}</td><td>{typeLabel(r.type, locale)}: {r.nameTh}</td><td><Link to={`/plans/${r.planId}`}>{r.organizationNameTh}</Link></td><td>{r.responsibleUnit}</td><td className="num">{r.noBudget ? pt('plans.noBudget') : baht(r.amountSatang, false)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CompiledView({ provinceCode, cycle }: { provinceCode: string; cycle: PlanCycle }) {
  const { pt } = usePlansI18n();
  const years = fiscalYearsOfSpan(cycle.firstYear, cycle.lastYear);
  const now = fiscalYearOf(new Date());
  const [year, setYear] = useState(years.includes(now) ? now : years[0]!);
  const data = useApi((signal) => plansApi.compiled(provinceCode, year, signal), [provinceCode, year]);
  return (
    <section aria-labelledby="compiled-h">
      <h2 id="compiled-h">{pt('dash.compiled', { year })}</h2>
      <p>{pt('dash.compiledLead')}</p>
      <div className="field form-narrow">
        <label htmlFor="compiled-year">{pt('plans.fiscalYear')}</label>
        <select id="compiled-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>{years.map((y) => <option key={y} value={y}>{y}</option>)}</select>
      </div>
      {data.loading && !data.data ? <Loading /> : !data.data ? <ErrorNotice error={data.error} onRetry={data.reload} /> : (
        <>
          <p>{pt('dash.orgs')} {formatNumber(data.data.organizations)} · {pt('rollup.items')} {formatNumber(data.data.items)} · {pt('plans.baht', { amount: baht(data.data.totalSatang, false) })} · <a href={planLinks.compiledCsv(provinceCode, year)}>{pt('dash.csv')}</a></p>
          {data.data.dimensions.map((dim) => (
            <section key={dim.dimensionCode} className="dimension-block" aria-labelledby={`cmp-${dim.dimensionCode}`}>
              <h3 id={`cmp-${dim.dimensionCode}`}>{pt('plans.dimension', { code: dim.dimensionCode })} {dim.titleTh} · {pt('plans.baht', { amount: baht(dim.totalSatang, false) })}</h3>
              <CompiledTable caption={pt('dash.withBudget', { count: formatNumber(dim.withBudget.length) })} rows={dim.withBudget} />
              <CompiledTable caption={pt('dash.withoutBudget', { count: formatNumber(dim.withoutBudget.length) })} rows={dim.withoutBudget} />
              {dim.withBudget.length + dim.withoutBudget.length === 0 && <p className="muted">{pt('items.empty')}</p>}
            </section>
          ))}
        </>
      )}
    </section>
  );
}
