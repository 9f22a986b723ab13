/**
 * /plans/:id — the public plan page (Decidim Accountability style): overall progress, budget by
 * dimension (chart + table), every item with a progress bar and a dated timeline of its reported
 * progress, Part 1 and the working group, document downloads and open-data links. Drafts are not
 * public: the API answers 404 to the public, and insiders see a notice that the plan is unpublished.
 */
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { Plan, PlanItem, PlanProgressReport } from '@prongsai/contracts';
import { formatNumber, plans as rules } from '@prongsai/core';
import { Breadcrumbs, ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { useApi } from '../../lib/use-api.ts';
import { hasRole, useSession } from '../../lib/session.tsx';
import { usePlansI18n } from './i18n.ts';
import { planLinks, plansApi } from './plans-api.ts';
import { liveChecks } from './ChecksPanel.tsx';
import { BudgetChart } from './BudgetChart.tsx';
import { ItemFacts } from './ItemsEditor.tsx';
import { riskLevel } from './Part1Editor.tsx';
import { Notice, ProgressBar, StatusBadge, baht, frameworkTree, itemsOfDimension, nodeTitle, progressLabel, roundKey, thaiDate } from './ui.tsx';

function ItemTimeline({ plan, item, reports }: { plan: Plan; item: PlanItem; reports: PlanProgressReport[] }) {
  const { pt, locale } = usePlansI18n();
  const entries = reports
    .map((r) => ({ r, e: r.entries.find((x) => x.itemId === item.id) }))
    .filter((x): x is { r: PlanProgressReport; e: NonNullable<typeof x.e> } => !!x.e)
    .sort((a, b) => a.r.fiscalYear - b.r.fiscalYear || rules.roundOrder(a.r.round) - rules.roundOrder(b.r.round));
  const years = item.budgets.map((b) => b.fiscalYear);
  const yearsText = years.length ? years.join(', ') : `${plan.cycle.firstYear}–${plan.cycle.lastYear}`;
  return (
    <ol className="timeline" aria-label={pt('public.timeline')}>
      {item.quarters.length > 0 && <li className="future">{pt('public.planned', { quarters: item.quarters.join(', '), years: yearsText })}</li>}
      {entries.length === 0 && <li className="future">{pt('public.notReported')}</li>}
      {entries.map(({ r, e }) => (
        <li key={`${r.fiscalYear}-${r.round}`} className={e.status === 'completed' ? 'done' : ''}>
          <time dateTime={r.submittedAt ?? e.updatedAt}>{thaiDate(r.submittedAt ?? e.updatedAt, locale)}</time> · {pt(roundKey(r.round))} {pt('plans.fy', { year: r.fiscalYear })}:{' '}
          {progressLabel(e.status, locale)} {formatNumber(e.percent)}%
          {BigInt(e.spentSatang) > 0n && <> · {pt('public.spent', { spent: baht(e.spentSatang) })}</>}
          {e.outputs && <><br />{e.outputs}</>}
          {e.kpiActuals.length > 0 && (
            <ul>
              {e.kpiActuals.map((k) => {
                const kpi = item.sheet?.kpis.find((x) => x.id === k.kpiId);
                return <li key={k.kpiId}>{kpi?.nameTh ?? k.kpiId}: {formatNumber(k.actual, { fractionDigits: Number.isInteger(k.actual) ? 0 : 2 })}{kpi ? ` / ${formatNumber(kpi.target)} ${kpi.unit}` : ''}</li>;
              })}
            </ul>
          )}
          {(e.evidence.length > 0 || e.links.length > 0) && (
            <div>
              {pt('public.evidence')}:{' '}
              {e.evidence.map((f, i) => <span key={f.fileId}>{i > 0 && ', '}<a href={planLinks.evidence(plan.id, f.fileId)}>{f.fileName}</a></span>)}
              {e.links.map((l, i) => <span key={l.url}>{(i > 0 || e.evidence.length > 0) && ', '}<a href={l.url} rel="noopener noreferrer">{l.label || l.url}</a></span>)}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

export function PublicPlanPage() {
  const { id = '' } = useParams();
  const { pt, locale } = usePlansI18n();
  const { me } = useSession();
  const loaded = useApi(async (signal) => {
    const [plan, reports] = await Promise.all([plansApi.get(id, signal), plansApi.progressList(id, signal).catch(() => [] as PlanProgressReport[])]);
    return { plan, reports };
  }, [id]);
  const plan = loaded.data?.plan;
  useTitle(plan?.titleTh);
  const checks = useMemo(() => (plan ? liveChecks(plan) : null), [plan]);
  if (loaded.loading && !plan) return <Loading />;
  if (!plan || !checks) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  const reports = loaded.data!.reports;
  const tree = frameworkTree(plan.frameworkNodes);
  const percents = plan.items.map((i) => i.latestProgress?.percent ?? 0);
  const overall = percents.length ? percents.reduce((a, b) => a + b, 0) / percents.length : 0;
  const insider = hasRole(me, 'org_editor', plan.organization.code) || hasRole(me, 'org_admin', plan.organization.code) || hasRole(me, 'org_approver', plan.organization.code);
  const part1 = plan.part1;
  return (
    <>
      <Breadcrumbs items={[{ label: plan.organization.nameTh, to: `/organizations/${encodeURIComponent(plan.organization.code)}` }, { label: plan.titleTh }]} />
      <div className="plan-header">
        <h1>{plan.titleTh}</h1>
        <StatusBadge status={plan.status} />
      </div>
      <ul className="plan-meta">
        <li><Link to={`/organizations/${encodeURIComponent(plan.organization.code)}`}>{plan.organization.nameTh}</Link>{plan.organization.provinceNameTh && ` · ${plan.organization.provinceNameTh}`}</li>
        <li>{pt('plans.cycle')} {plan.cycle.code}</li>
        <li>{pt('plans.framework')} {plan.framework.version}</li>
        <li>{pt('plans.version', { version: plan.version })}</li>
        {plan.publishedAt && <li>{pt('public.event.published')} {thaiDate(plan.publishedAt, locale)}</li>}
      </ul>
      {plan.status !== 'published' && <Notice kind="warn">{pt('public.notPublished')}</Notice>}
      {insider && <p><Link to={`/plans/${plan.id}/edit`}>{pt('plans.edit')}</Link></p>}

      <section aria-labelledby="pub-summary">
        <h2 id="pub-summary">{pt('public.summary')}</h2>
        <ul className="stat-grid">
          <li><span className="value">{formatNumber(plan.items.length)}</span>{pt('rollup.items')}</li>
          <li><span className="value">{formatNumber(plan.items.length - checks.totals.noBudgetCount)}</span>{pt('rollup.withBudget')}</li>
          <li><span className="value">{formatNumber(checks.totals.noBudgetCount)}</span>{pt('rollup.noBudget')}</li>
          <li style={{ gridColumn: 'span 2' }}><span className="value">{baht(checks.totals.totalSatang, false)}</span>{pt('rollup.planned')}</li>
          <li><span className="value">{formatNumber(Math.round(overall))}%</span>{pt('rollup.progress')}</li>
        </ul>
        <h3>{pt('public.overall')}</h3>
        <ProgressBar percent={overall} label={pt('public.overall')} />
      </section>

      <section aria-labelledby="pub-budget">
        <h2 id="pub-budget">{pt('public.budgetChart')}</h2>
        <BudgetChart checks={checks} idPrefix="pub-budget-chart" />
      </section>

      <section aria-labelledby="pub-items">
        <h2 id="pub-items">{pt('public.itemsByDimension')}</h2>
        {tree.dimensions.map((dim) => {
          const items = itemsOfDimension(plan.items, dim.code).sort((a, b) => rules.compareCodes(a.frameworkCode, b.frameworkCode) || a.position - b.position);
          const dimPercent = items.length ? items.reduce((s, i) => s + (i.latestProgress?.percent ?? 0), 0) / items.length : 0;
          return (
            <section key={dim.code} className="dimension-block" aria-labelledby={`pub-dim-${dim.code}`}>
              <h3 id={`pub-dim-${dim.code}`}>{pt('plans.dimension', { code: dim.code })} {nodeTitle(dim, locale)}</h3>
              <ProgressBar percent={dimPercent} label={`${pt('plans.dimension', { code: dim.code })}: ${pt('rollup.progress')}`} />
              {items.length === 0 ? <p className="muted">{pt('items.empty')}</p> : (
                <ul className="item-list" style={{ marginTop: 'var(--space-3)' }}>
                  {items.map((item) => (
                    <li key={item.id} className="item-card" id={`item-${item.id}`}>
                      <h4><span className="muted">{item.frameworkCode}</span> {item.nameTh}</h4>
                      <ItemFacts item={item} />
                      <ProgressBar percent={item.latestProgress?.percent ?? 0} label={`${pt('rollup.progress')}: ${item.nameTh}`} />
                      <ItemTimeline plan={plan} item={item} reports={reports} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </section>

      {(part1.vision || part1.objectives.length > 0 || part1.riskAnalysis.length > 0) && (
        <section aria-labelledby="pub-part1">
          <h2 id="pub-part1">{pt('tabs.part1')}</h2>
          {part1.vision && <><h3>{pt('part1.vision')}</h3><p>{part1.vision}</p></>}
          {part1.objectives.length > 0 && <><h3>{pt('part1.objectives')}</h3><ol>{part1.objectives.map((o) => <li key={o}>{o}</li>)}</ol></>}
          {part1.riskAnalysis.length > 0 && (
            <div className="table-wrap">
              <table className="compact">
                <caption>{pt('public.risks')}</caption>
                <thead><tr><th scope="col">{pt('part1.area')}</th><th scope="col">{pt('part1.risk')}</th><th scope="col" className="num">{pt('part1.likelihood')} × {pt('part1.impact')}</th><th scope="col">{pt('part1.controls')}</th><th scope="col">{pt('part1.owner')}</th></tr></thead>
                <tbody>
                  {part1.riskAnalysis.map((r, i) => {
                    const level = riskLevel(r, pt);
                    return <tr key={i}><td>{r.area}</td><td>{r.risk}</td><td className="num"><span className={`risk-level ${level.cls}`}>{r.likelihood} × {r.impact} = {level.score} ({level.label})</span></td><td>{r.existingControls}</td><td>{r.owner}</td></tr>;
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {plan.workingGroup.members.length > 0 && (
        <section aria-labelledby="pub-group">
          <h2 id="pub-group">{pt('public.workingGroup')}</h2>
          {plan.workingGroup.appointingOrder && <p>{pt('group.order')} {plan.workingGroup.appointingOrder.number}{plan.workingGroup.appointingOrder.date && ` · ${thaiDate(`${plan.workingGroup.appointingOrder.date}T12:00:00+07:00`, locale)}`}</p>}
          <ul>{plan.workingGroup.members.map((m, i) => <li key={i}>{m.name}{m.position && ` — ${m.position}`}{m.role && ` (${m.role})`}</li>)}</ul>
        </section>
      )}

      <section aria-labelledby="pub-downloads">
        <h2 id="pub-downloads">{pt('public.downloads')}</h2>
        <ul className="download-list">
          <li><a className="button secondary" href={planLinks.docx(plan.id)} download>{pt('public.docx')}</a></li>
          <li><a className="button secondary" href={planLinks.pdf(plan.id)} download>{pt('public.pdf')}</a></li>
          <li><a className="button secondary" href={planLinks.xlsx(plan.id)} download>{pt('public.xlsx')}</a></li>
        </ul>
        <h3>{pt('public.openData')}</h3>
        <ul>
          <li><a href={planLinks.json(plan.id)}>{pt('public.json')}</a></li>
          <li><a href={planLinks.csv(plan.id)}>{pt('public.csv')}</a></li>
        </ul>
      </section>
    </>
  );
}
