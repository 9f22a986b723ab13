/**
 * The checks a writer sees while drafting, computed in the browser with the same core rules the
 * server uses (so they update as soon as an item or a reason changes): coverage of every dimension
 * and sub-item (or a written reason), projects missing KPIs, budget totals per year and dimension.
 */
import type { Plan } from '@prongsai/contracts';
import { fiscalYearsOfSpan, formatNumber, plans as rules } from '@prongsai/core';
import { usePlansI18n } from './i18n.ts';
import { baht } from './ui.tsx';

export type LiveChecks = ReturnType<typeof rules.checkPlan>;

export function liveChecks(plan: Plan, coverageReasons: Record<string, string> = plan.coverageReasons): LiveChecks {
  return rules.checkPlan({
    nodes: plan.frameworkNodes,
    items: plan.items.map((i) => ({
      id: i.id,
      nameTh: i.nameTh,
      type: i.type,
      frameworkCode: i.frameworkCode,
      noBudget: i.noBudget,
      budgets: i.budgets.map((b) => ({ fiscalYear: b.fiscalYear, amountSatang: BigInt(b.amountSatang) })),
      kpiCount: i.sheet?.kpis.length ?? 0,
    })),
    coverageReasons,
    fiscalYears: fiscalYearsOfSpan(plan.cycle.firstYear, plan.cycle.lastYear),
  });
}

/** How many blocking problems the checks found. */
export function problemCount(c: LiveChecks): number {
  return c.uncovered.filter((u) => u.reason === null).length + c.itemsMissingKpis.length + c.itemsWithoutBudgetOrFlag.length + c.itemsWithUnknownCode.length + c.budgetOutsideCycle.length + (c.totals.itemCount === 0 ? 1 : 0);
}

export function ChecksPanel({ plan, checks, headingLevel = 2, onItem }: { plan: Plan; checks: LiveChecks; headingLevel?: 2 | 3; onItem?: (itemId: string) => string }) {
  const { pt } = usePlansI18n();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const S = headingLevel === 2 ? 'h3' : 'h4';
  const problems = problemCount(checks);
  const nameOf = (id: string) => plan.items.find((i) => i.id === id)?.nameTh ?? id;
  const link = (id: string, text: string) => (onItem ? <a href={onItem(id)}>{text}</a> : text);
  return (
    <section className="checks-panel" aria-labelledby="checks-h" aria-live="polite">
      <H id="checks-h">{pt('checks.title')}</H>
      <p className={problems === 0 ? 'check-ok' : 'check-bad'}>{problems === 0 ? pt('checks.ok') : pt('checks.notOk', { count: formatNumber(problems) })}</p>
      {checks.totals.itemCount === 0 && <p>{pt('checks.noItems')}</p>}
      <S>{pt('checks.uncovered')}</S>
      {checks.uncovered.length === 0 ? <p>{pt('checks.allCovered')}</p> : (
        <ul>
          {checks.uncovered.map((u) => (
            <li key={u.code}>
              <strong>{u.code}</strong> {u.titleTh}
              <br /><span className={u.reason ? 'muted' : 'check-bad'}>{u.reason ? pt('checks.uncoveredWithReason', { reason: u.reason }) : pt('checks.uncoveredNoReason')}</span>
            </li>
          ))}
        </ul>
      )}
      {checks.itemsMissingKpis.length > 0 && (
        <>
          <S>{pt('checks.missingKpis')}</S>
          <ul>{checks.itemsMissingKpis.map((i) => <li key={i.itemId}>{link(i.itemId, i.nameTh)}</li>)}</ul>
        </>
      )}
      {checks.itemsWithoutBudgetOrFlag.length > 0 && (
        <>
          <S>{pt('checks.noBudgetFlag')}</S>
          <ul>{checks.itemsWithoutBudgetOrFlag.map((i) => <li key={i.itemId}>{link(i.itemId, i.nameTh)}</li>)}</ul>
        </>
      )}
      {checks.itemsWithUnknownCode.length > 0 && (
        <>
          <S>{pt('checks.unknownCode')}</S>
          <ul>{checks.itemsWithUnknownCode.map((i) => <li key={i.itemId}>{nameOf(i.itemId)} ({i.frameworkCode})</li>)}</ul>
        </>
      )}
      {checks.budgetOutsideCycle.length > 0 && (
        <>
          <S>{pt('checks.outsideCycle')}</S>
          <ul>{checks.budgetOutsideCycle.map((i) => <li key={`${i.itemId}-${i.fiscalYear}`}>{nameOf(i.itemId)} ({i.fiscalYear})</li>)}</ul>
        </>
      )}
      <BudgetTotalsTable checks={checks} caption={pt('checks.totals')} />
    </section>
  );
}

/** Budget per dimension (rows) and fiscal year (columns), with item and no-budget counts. */
export function BudgetTotalsTable({ checks, caption }: { checks: Pick<LiveChecks, 'totals'>; caption: string }) {
  const { pt } = usePlansI18n();
  const { totals } = checks;
  return (
    <div className="table-wrap">
      <table className="compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{pt('checks.dimension')}</th>
            <th scope="col" className="num">{pt('checks.itemCount')}</th>
            <th scope="col" className="num">{pt('checks.noBudgetCount')}</th>
            {totals.fiscalYears.map((y) => <th key={y} scope="col" className="num">{pt('plans.fy', { year: y })}</th>)}
            <th scope="col" className="num">{pt('checks.allYears')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.byDimension.map((d) => (
            <tr key={d.dimensionCode}>
              <th scope="row">{d.dimensionCode}. {d.titleTh}</th>
              <td className="num">{formatNumber(d.itemCount)}</td>
              <td className="num">{formatNumber(d.noBudgetCount)}</td>
              {d.byYear.map((y) => <td key={y.fiscalYear} className="num">{baht(y.amountSatang, false)}</td>)}
              <td className="num">{baht(d.totalSatang, false)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{pt('checks.sum')}</th>
            <td className="num">{formatNumber(totals.itemCount)}</td>
            <td className="num">{formatNumber(totals.noBudgetCount)}</td>
            {totals.byYear.map((y) => <td key={y.fiscalYear} className="num">{baht(y.amountSatang, false)}</td>)}
            <td className="num">{baht(totals.totalSatang, false)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
