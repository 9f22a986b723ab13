/**
 * Budget by dimension as an SVG bar chart (one bar per dimension, with the amount written at the
 * bar), followed by the same figures per fiscal year as a table: the accessible alternative.
 */
import { formatNumber } from '@prongsai/core';
import { usePlansI18n } from './i18n.ts';
import { BudgetTotalsTable, type LiveChecks } from './ChecksPanel.tsx';
import { baht } from './ui.tsx';

const WIDTH = 420;
const ROW = 76;
const AMOUNT = 120;

export function BudgetChart({ checks, idPrefix = 'budget' }: { checks: Pick<LiveChecks, 'totals'>; idPrefix?: string }) {
  const { pt } = usePlansI18n();
  const dims = checks.totals.byDimension;
  const max = dims.reduce((m, d) => (d.totalSatang > m ? d.totalSatang : m), 0n);
  const height = dims.length * ROW + 4;
  const barSpace = WIDTH - AMOUNT;
  return (
    <figure className="map-figure budget-figure">
      <svg className="budget-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${idPrefix}-svg-title`}>
        <title id={`${idPrefix}-svg-title`}>{pt('public.budgetChartLabel')}</title>
        {dims.map((d, i) => {
          const w = max === 0n ? 0 : Number((d.totalSatang * BigInt(barSpace)) / max);
          const y = i * ROW + 4;
          const title = `${pt('plans.dimension', { code: d.dimensionCode })} ${d.titleTh}`;
          return (
            <g key={d.dimensionCode}>
              <text x={0} y={y + 14}>{title.length > 52 ? `${title.slice(0, 51)}…` : title}</text>
              <rect className={`bar d${d.dimensionCode}`} x={0} y={y + 22} width={Math.max(w, 2)} height={22} rx={3} />
              <text x={Math.max(w, 2) + 6} y={y + 38} style={{ fontWeight: 700 }}>{baht(d.totalSatang, false)}</text>
              <text x={0} y={y + 58} style={{ fontSize: 11 }}>{formatNumber(d.itemCount)} {pt('rollup.items')} · {pt('rollup.noBudget')} {formatNumber(d.noBudgetCount)}</text>
            </g>
          );
        })}
      </svg>
      <BudgetTotalsTable checks={checks} caption={pt('public.budgetTable')} />
    </figure>
  );
}
