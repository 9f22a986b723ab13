/**
 * Checks a writer sees while drafting: is every dimension and sub-item covered (or explained), do
 * projects have measurable KPIs, does every item have a budget or say "no budget", and the budget
 * totals per fiscal year and per dimension. Pure; money in satang (bigint).
 */
import { compareCodes, dimensionOf, levelOf, parentCode } from './framework.ts';

export interface CheckNode {
  code: string;
  titleTh: string;
}

export interface CheckItem {
  id: string;
  nameTh: string;
  type: 'project' | 'activity' | 'measure' | 'guideline';
  frameworkCode: string;
  noBudget: boolean;
  budgets: ReadonlyArray<{ fiscalYear: number; amountSatang: bigint }>;
  kpiCount: number;
}

export interface PlanCheckInput {
  nodes: readonly CheckNode[];
  items: readonly CheckItem[];
  /** Framework code → written reason for not covering it. */
  coverageReasons: Readonly<Record<string, string>>;
  fiscalYears: readonly number[];
}

export interface YearAmount {
  fiscalYear: number;
  amountSatang: bigint;
}

export interface PlanCheckResult {
  ok: boolean;
  uncovered: Array<{ code: string; titleTh: string; level: number; reason: string | null }>;
  itemsMissingKpis: Array<{ itemId: string; nameTh: string }>;
  itemsWithoutBudgetOrFlag: Array<{ itemId: string; nameTh: string }>;
  itemsWithUnknownCode: Array<{ itemId: string; frameworkCode: string }>;
  budgetOutsideCycle: Array<{ itemId: string; fiscalYear: number }>;
  totals: {
    fiscalYears: number[];
    byYear: YearAmount[];
    byDimension: Array<{ dimensionCode: string; titleTh: string; itemCount: number; noBudgetCount: number; byYear: YearAmount[]; totalSatang: bigint }>;
    totalSatang: bigint;
    itemCount: number;
    noBudgetCount: number;
  };
}

/** Items of type project must have at least one KPI (Part 3 needs measurable targets). */
export function needsKpis(item: Pick<CheckItem, 'type'>): boolean {
  return item.type === 'project';
}

export function checkPlan(input: PlanCheckInput): PlanCheckResult {
  const codes = new Set(input.nodes.map((n) => n.code));
  const years = [...input.fiscalYears].sort((a, b) => a - b);
  const yearSet = new Set(years);

  // Coverage: a node is covered when an item sits on it or below it. Leaves and dimensions are
  // reported; an uncovered parent whose children are all uncovered is reported once, as the parent.
  const coveredCodes = new Set<string>();
  for (const item of input.items) {
    if (!codes.has(item.frameworkCode)) continue;
    for (let c: string | null = item.frameworkCode; c !== null; c = parentCode(c)) coveredCodes.add(c);
  }
  // An item on a parent (e.g. 1.1) covers its children too.
  const coveredBelow = (code: string) => input.items.some((i) => code === i.frameworkCode || code.startsWith(`${i.frameworkCode}.`));
  const uncovered: PlanCheckResult['uncovered'] = [];
  for (const node of [...input.nodes].sort((a, b) => compareCodes(a.code, b.code))) {
    const isCovered = coveredCodes.has(node.code) || coveredBelow(node.code);
    if (isCovered) continue;
    const parent = parentCode(node.code);
    const parentUncovered = parent !== null && !(coveredCodes.has(parent) || coveredBelow(parent));
    if (parentUncovered) continue; // reported via the parent
    const reason = input.coverageReasons[node.code]?.trim() || null;
    uncovered.push({ code: node.code, titleTh: node.titleTh, level: levelOf(node.code), reason });
  }

  const itemsMissingKpis = input.items.filter((i) => needsKpis(i) && i.kpiCount === 0).map((i) => ({ itemId: i.id, nameTh: i.nameTh }));
  const itemsWithoutBudgetOrFlag = input.items
    .filter((i) => !i.noBudget && !i.budgets.some((b) => b.amountSatang > 0n))
    .map((i) => ({ itemId: i.id, nameTh: i.nameTh }));
  const itemsWithUnknownCode = input.items.filter((i) => !codes.has(i.frameworkCode)).map((i) => ({ itemId: i.id, frameworkCode: i.frameworkCode }));
  const budgetOutsideCycle: PlanCheckResult['budgetOutsideCycle'] = [];
  for (const i of input.items) for (const b of i.budgets) if (!yearSet.has(b.fiscalYear)) budgetOutsideCycle.push({ itemId: i.id, fiscalYear: b.fiscalYear });

  const dimensions = input.nodes.filter((n) => levelOf(n.code) === 1).sort((a, b) => compareCodes(a.code, b.code));
  const zeroYears = () => new Map(years.map((y) => [y, 0n]));
  const byYear = zeroYears();
  const byDim = new Map(dimensions.map((d) => [d.code, { titleTh: d.titleTh, itemCount: 0, noBudgetCount: 0, byYear: zeroYears() }]));
  let total = 0n;
  let noBudgetCount = 0;
  for (const item of input.items) {
    const dim = byDim.get(dimensionOf(item.frameworkCode));
    if (dim) dim.itemCount++;
    if (item.noBudget) {
      noBudgetCount++;
      if (dim) dim.noBudgetCount++;
      continue;
    }
    for (const b of item.budgets) {
      if (!yearSet.has(b.fiscalYear)) continue;
      byYear.set(b.fiscalYear, (byYear.get(b.fiscalYear) ?? 0n) + b.amountSatang);
      if (dim) dim.byYear.set(b.fiscalYear, (dim.byYear.get(b.fiscalYear) ?? 0n) + b.amountSatang);
      total += b.amountSatang;
    }
  }
  const toList = (m: Map<number, bigint>) => [...m].map(([fiscalYear, amountSatang]) => ({ fiscalYear, amountSatang }));
  const uncoveredWithoutReason = uncovered.filter((u) => u.reason === null);
  return {
    ok: uncoveredWithoutReason.length === 0 && itemsMissingKpis.length === 0 && itemsWithoutBudgetOrFlag.length === 0 && itemsWithUnknownCode.length === 0 && budgetOutsideCycle.length === 0 && input.items.length > 0,
    uncovered,
    itemsMissingKpis,
    itemsWithoutBudgetOrFlag,
    itemsWithUnknownCode,
    budgetOutsideCycle,
    totals: {
      fiscalYears: years,
      byYear: toList(byYear),
      byDimension: [...byDim].map(([dimensionCode, d]) => {
        const list = toList(d.byYear);
        return { dimensionCode, titleTh: d.titleTh, itemCount: d.itemCount, noBudgetCount: d.noBudgetCount, byYear: list, totalSatang: list.reduce((s, x) => s + x.amountSatang, 0n) };
      }),
      totalSatang: total,
      itemCount: input.items.length,
      noBudgetCount,
    },
  };
}
