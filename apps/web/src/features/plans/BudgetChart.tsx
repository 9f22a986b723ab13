/**
 * Budget by dimension as an SVG bar chart (one bar per dimension, with the amount written at the
 * bar), followed by the same figures per fiscal year as a table: the accessible alternative.
 */
import { formatNumber } from '@prongsai/core';
import { usePlansI18n } from './i18n.ts';
import { BudgetTotalsTable, type LiveChecks } from './ChecksPanel.tsx';
import { baht } from './ui.tsx';

const WIDTH = 640;
const ROW = 52;
const LABEL = 230;

export function BudgetChart({ checks, idPrefix = 'budget' }: { checks: Pick<LiveChecks, 'totals'>; idPrefix?: string }) {
  const { pt } = usePlansI18n();
  const dims = checks.totals.byDimension;
  const max = dims.reduce((m, d) => (d.totalSatang > m ? d.totalSatang : m), 0n);
  const height = dims.length * ROW + 10;
  const barSpace = WIDTH - LABEL - 150;
  return (
    <figure className="map-figure" aria-labelledby={`${idPrefix}-title`}>
      <figcaption id={`${idPrefix}-title`}><strong>{pt('public.budgetChart')}</strong></figcaption>
      <svg className="budget-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${idPrefix}-svg-title`}>
        <title id={`${idPrefix}-svg-title`}>{pt('public.budgetChartLabel')}</title>
        <line className="axis" x1={LABEL} x2={LABEL} y1={0} y2={height} />
        {dims.map((d, i) => {
          const w = max === 0n ? 0 : Number((d.totalSatang * BigInt(barSpace)) / max);
          const y = i * ROW + 8;
          const title = d.titleTh.length > 30 ? `${d.titleTh.slice(0, 29)}…` : d.titleTh;
          return (
            <g key={d.dimensionCode}>
              <text x={0} y={y + 15}>{pt('plans.dimension', { code: d.dimensionCode })}</text>
              <text x={0} y={y + 33} style={{ fontSize: 12 }}>{title}</text>
              <rect className={`bar d${d.dimensionCode}`} x={LABEL + 1} y={y + 4} width={Math.max(w, 1)} height={26} rx={3} />
              <text x={LABEL + Math.max(w, 1) + 8} y={y + 22}>{baht(d.totalSatang, false)}</text>
              <text x={LABEL + Math.max(w, 1) + 8} y={y + 38} style={{ fontSize: 11 }}>{formatNumber(d.itemCount)} {pt('rollup.items')} · {pt('rollup.noBudget')} {formatNumber(d.noBudgetCount)}</text>
            </g>
          );
        })}
      </svg>
      <BudgetTotalsTable checks={checks} caption={pt('public.budgetTable')} />
    </figure>
  );
}
