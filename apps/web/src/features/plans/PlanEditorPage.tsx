/**
 * /plans/:id/edit — the organisation's workspace for one plan, in tabs (linkable with ?tab=):
 * overview and submission, Part 1, working group, Part 2 items, Part 3 sheets, import, progress,
 * history. The returned-with-comments view shows on top while the plan is returned.
 */
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Plan } from '@prongsai/contracts';
import { formatNumber } from '@prongsai/core';
import { Breadcrumbs, ErrorNotice, Loading, useTitle } from '../../components/common.tsx';
import { useApi } from '../../lib/use-api.ts';
import { usePlansI18n, type PlanMessageKey } from './i18n.ts';
import { plansApi } from './plans-api.ts';
import { ChecksPanel, liveChecks } from './ChecksPanel.tsx';
import { Part1Editor, WorkingGroupEditor } from './Part1Editor.tsx';
import { ItemsEditor } from './ItemsEditor.tsx';
import { SheetsEditor } from './SheetsEditor.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { ReturnedComments, WorkflowPanel } from './WorkflowPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { ProgressPanel } from './ProgressPanel.tsx';
import { Countdown, Notice, StatusBadge, baht, statusLabel } from './ui.tsx';

const TABS = ['overview', 'part1', 'group', 'items', 'sheets', 'import', 'progress', 'history'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEYS: Record<Tab, PlanMessageKey> = {
  overview: 'tabs.overview', part1: 'tabs.part1', group: 'tabs.group', items: 'tabs.items', sheets: 'tabs.sheets', import: 'tabs.import', progress: 'tabs.progress', history: 'tabs.history',
};

/** Title, organisation, cycle, framework version, status and countdown of a plan. */
export function PlanHeading({ plan }: { plan: Plan }) {
  const { pt } = usePlansI18n();
  return (
    <>
      <div className="plan-header">
        <h1>{plan.titleTh}</h1>
        <StatusBadge status={plan.status} />
        <span>{pt('plans.deadline')}: <Countdown deadline={plan.deadline} status={plan.status} /></span>
      </div>
      <ul className="plan-meta">
        <li><Link to={`/organizations/${encodeURIComponent(plan.organization.code)}`}>{plan.organization.nameTh}</Link></li>
        <li>{pt('plans.cycle')} {plan.cycle.code}</li>
        <li>{pt('plans.framework')} {plan.framework.version}</li>
        <li>{pt('plans.version', { version: plan.version })}</li>
        <li>{pt('items.count', { count: formatNumber(plan.items.length) })} · {pt('plans.baht', { amount: baht(plan.totalSatang) })}</li>
      </ul>
    </>
  );
}

export function PlanEditorPage() {
  const { id = '' } = useParams();
  const { pt, locale } = usePlansI18n();
  const [params] = useSearchParams();
  const loaded = useApi((signal) => plansApi.get(id, signal), [id]);
  const plan = loaded.data;
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'overview';
  useTitle(plan ? `${pt(TAB_KEYS[tab])} · ${plan.titleTh}` : pt('plans.edit'));
  const checks = useMemo(() => (plan ? liveChecks(plan) : null), [plan]);
  if (loaded.loading && !plan) return <Loading />;
  if (!plan || !checks) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  const reload = loaded.reload;
  const itemHref = (itemId: string) => `?tab=items#item-${itemId}`;
  return (
    <>
      <Breadcrumbs items={[{ label: pt('plans.workspace'), to: '/plans/manage' }, { label: plan.titleTh }]} />
      <PlanHeading plan={plan} />
      <p><Link to={`/plans/${plan.id}`}>{pt('plans.publicPage')}</Link></p>
      {plan.status === 'returned' && <ReturnedComments plan={plan} itemHref={itemHref} />}
      {!plan.canEdit && tab !== 'overview' && tab !== 'progress' && tab !== 'history' && <Notice kind="info">{pt('plans.readOnly', { status: statusLabel(plan.status, locale) })}</Notice>}
      <nav className="plan-tabs" aria-label={pt('tabs.label')}>
        <ul>
          {TABS.map((t) => (
            <li key={t}><Link to={`?tab=${t}`} aria-current={t === tab ? 'page' : undefined} replace>{pt(TAB_KEYS[t])}</Link></li>
          ))}
        </ul>
      </nav>
      <div key={tab}>
        {tab === 'overview' && (
          <div className="plan-two-col">
            <div><WorkflowPanel plan={plan} checks={checks} onChanged={reload} /></div>
            <aside aria-label={pt('checks.title')}><ChecksPanel plan={plan} checks={checks} onItem={itemHref} /></aside>
          </div>
        )}
        {tab === 'part1' && <Part1Editor plan={plan} onSaved={reload} />}
        {tab === 'group' && <WorkingGroupEditor plan={plan} onSaved={reload} />}
        {tab === 'items' && <ItemsEditor plan={plan} onChanged={reload} />}
        {tab === 'sheets' && <SheetsEditor plan={plan} onSaved={reload} />}
        {tab === 'import' && <ImportPanel plan={plan} onImported={reload} />}
        {tab === 'progress' && <ProgressPanel plan={plan} />}
        {tab === 'history' && <HistoryPanel plan={plan} />}
      </div>
    </>
  );
}
