import { describe, expect, it } from 'vitest';
import { checkPlan, type CheckItem } from './checks.ts';
import { compareCodes, dimensionOf, leafCodes, parentCode, validateFramework } from './framework.ts';
import { availableActions, findTransition, isEditableState, type PlanState, type PlanWorkflowAction, type WorkflowCapability } from './workflow.ts';
import { countdown, dueReminderThreshold, effectivePercent, roundPeriod } from './progress.ts';
import { scoreWithRubric } from './rubric.ts';
import { diffItems } from './compare.ts';
import { budgetColumn, ITEM_COLUMNS, parseItemRows } from './items-table.ts';

const NODES = [
  { code: '1', titleTh: 'มิติที่ 1' },
  { code: '1.1', titleTh: '1.1' },
  { code: '1.1.1', titleTh: '1.1.1' },
  { code: '1.1.2', titleTh: '1.1.2' },
  { code: '1.2', titleTh: '1.2' },
  { code: '2', titleTh: 'มิติที่ 2' },
  { code: '2.1', titleTh: '2.1' },
];
const YEARS = [2567, 2568];
const item = (over: Partial<CheckItem>): CheckItem => ({ id: 'i', nameTh: 'x', type: 'activity', frameworkCode: '1.1.1', noBudget: true, budgets: [], kpiCount: 0, ...over });

describe('framework codes', () => {
  it.each([
    ['1.1.2', '1.1', '1'],
    ['1', null, '1'],
    ['12.3', '12', '12'],
  ])('%s → parent %s, dimension %s', (code, parent, dim) => {
    expect(parentCode(code)).toBe(parent);
    expect(dimensionOf(code)).toBe(dim);
  });
  it('orders numerically and finds leaves', () => {
    expect(['1.10', '2', '1.2', '1'].sort(compareCodes)).toEqual(['1', '1.2', '1.10', '2']);
    expect(leafCodes(NODES.map((n) => n.code))).toEqual(['1.1.1', '1.1.2', '1.2', '2.1']);
  });
  it.each([
    [[{ code: '1', titleTh: 'a' }], []],
    [[{ code: '1.1', titleTh: 'a' }], ['missing_parent', 'no_dimension']],
    [[{ code: '1', titleTh: 'a' }, { code: '1', titleTh: 'b' }], ['duplicate']],
    [[{ code: '1.a', titleTh: 'a' }, { code: '2', titleTh: ' ' }], ['bad_code', 'empty_title']],
  ])('validates %j', (nodes, kinds) => {
    expect(validateFramework(nodes).map((p) => p.kind).sort()).toEqual([...kinds].sort());
  });
});

describe('checkPlan', () => {
  const cases: Array<{ name: string; items: CheckItem[]; reasons?: Record<string, string>; uncovered: string[]; ok: boolean }> = [
    { name: 'nothing covered: one line per dimension', items: [], uncovered: ['1', '2'], ok: false },
    { name: 'leaf covered, siblings reported', items: [item({ frameworkCode: '1.1.1' })], uncovered: ['1.1.2', '1.2', '2'], ok: false },
    { name: 'parent item covers its children', items: [item({ frameworkCode: '1.1' }), item({ frameworkCode: '1.2' }), item({ frameworkCode: '2' })], uncovered: [], ok: true },
    { name: 'written reasons make it pass', items: [item({ frameworkCode: '1.1' })], reasons: { '1.2': 'ทำร่วมกับ อบจ.', '2': 'ปีนี้ไม่มี' }, uncovered: ['1.2', '2'], ok: true },
    { name: 'blank reason does not count', items: [item({ frameworkCode: '1' })], reasons: { '2': '  ' }, uncovered: ['2'], ok: false },
  ];
  it.each(cases)('$name', ({ items, reasons, uncovered, ok }) => {
    const r = checkPlan({ nodes: NODES, items, coverageReasons: reasons ?? {}, fiscalYears: YEARS });
    expect(r.uncovered.map((u) => u.code)).toEqual(uncovered);
    expect(r.ok).toBe(ok);
  });

  it('totals per year and dimension exactly, in satang', () => {
    const r = checkPlan({
      nodes: NODES,
      coverageReasons: {},
      fiscalYears: YEARS,
      items: [
        item({ id: 'a', frameworkCode: '1.1', noBudget: false, budgets: [{ fiscalYear: 2567, amountSatang: 1_000_010n }, { fiscalYear: 2568, amountSatang: 5n }], type: 'project', kpiCount: 1 }),
        item({ id: 'b', frameworkCode: '1.2', noBudget: false, budgets: [{ fiscalYear: 2568, amountSatang: 20n }] }),
        item({ id: 'c', frameworkCode: '2.1' }),
      ],
    });
    expect(r.totals.byYear).toEqual([{ fiscalYear: 2567, amountSatang: 1_000_010n }, { fiscalYear: 2568, amountSatang: 25n }]);
    expect(r.totals.byDimension.map((d) => [d.dimensionCode, d.totalSatang, d.itemCount, d.noBudgetCount])).toEqual([['1', 1_000_035n, 2, 0], ['2', 0n, 1, 1]]);
    expect(r.totals.totalSatang).toBe(1_000_035n);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['project without KPI', item({ type: 'project', kpiCount: 0 }), 'itemsMissingKpis'],
    ['activity with neither budget nor flag', item({ noBudget: false }), 'itemsWithoutBudgetOrFlag'],
    ['unknown code', item({ frameworkCode: '9.9' }), 'itemsWithUnknownCode'],
    ['budget outside the cycle', item({ noBudget: false, budgets: [{ fiscalYear: 2599, amountSatang: 1n }] }), 'budgetOutsideCycle'],
  ] as const)('flags %s', (_n, it1, key) => {
    const r = checkPlan({ nodes: NODES, items: [it1, item({ frameworkCode: '1' }), item({ frameworkCode: '2' })], coverageReasons: {}, fiscalYears: YEARS });
    expect(r[key]).toHaveLength(1);
    expect(r.ok).toBe(false);
  });
});

describe('workflow', () => {
  const table: Array<[PlanState, PlanWorkflowAction, PlanState | 'wrong_state']> = [
    ['draft', 'send_for_review', 'internal_review'],
    ['internal_review', 'approve', 'approved'],
    ['internal_review', 'send_back', 'draft'],
    ['approved', 'submit', 'submitted'],
    ['submitted', 'return', 'returned'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'accept', 'accepted'],
    ['accepted', 'publish', 'published'],
    ['draft', 'submit', 'wrong_state'],
    ['draft', 'accept', 'wrong_state'],
    ['published', 'return', 'wrong_state'],
  ];
  it.each(table)('%s --%s--> %s', (from, action, to) => {
    const r = findTransition(from, action);
    expect(r.ok ? r.transition.to : r.reason).toBe(to);
  });
  it('lists actions by capability', () => {
    const caps = (...c: WorkflowCapability[]) => new Set(c);
    expect(availableActions('submitted', caps('edit'))).toEqual([]);
    expect(availableActions('submitted', caps('review'))).toEqual(['return', 'accept']);
    expect(availableActions('internal_review', caps('approve'))).toEqual(['send_back', 'approve']);
    expect(isEditableState('returned')).toBe(true);
    expect(isEditableState('submitted')).toBe(false);
  });
});

describe('progress', () => {
  it.each([
    ['completed', 40, 100],
    ['not_started', 40, 0],
    ['in_progress', undefined, 50],
    ['in_progress', 70, 70],
    ['delayed', undefined, 25],
  ] as const)('%s with %s%% → %s%%', (status, given, expected) => {
    expect(effectivePercent(status, given)).toBe(expected);
  });
  it.each([
    [2569, '6m', '2025-10-01', '2026-03-31'],
    [2569, '12m', '2025-10-01', '2026-09-30'],
    [2570, 'q1', '2026-10-01', '2026-12-31'],
    [2570, 'q3', '2026-10-01', '2027-06-30'],
  ] as const)('round %s %s covers %s–%s', (fy, round, start, end) => {
    expect(roundPeriod(fy, round)).toEqual({ start, end });
  });
  it.each([
    ['2026-12-31T00:00:00Z', '2026-12-20T00:00:00Z', 11, false, 14],
    ['2026-12-31T00:00:00Z', '2026-12-25T00:00:00Z', 6, false, 7],
    ['2026-12-31T00:00:00Z', '2026-12-01T00:00:00Z', 30, false, null],
    ['2026-12-31T00:00:00Z', '2027-01-02T00:00:00Z', -2, true, null],
  ] as const)('deadline %s at %s: %s days', (due, now, days, overdue, reminder) => {
    expect(countdown(new Date(due), new Date(now))).toEqual({ daysLeft: days, overdue });
    expect(dueReminderThreshold(new Date(due), new Date(now))).toBe(reminder);
  });
});

describe('rubric', () => {
  const criteria = [
    { id: 'a', dimensionCode: null, maxPoints: 10 },
    { id: 'b', dimensionCode: '1', maxPoints: 5 },
    { id: 'c', dimensionCode: '1', maxPoints: 5 },
  ];
  it.each([
    [[{ criterionId: 'a', points: 8 }, { criterionId: 'b', points: 5 }], [], 13],
    [[{ criterionId: 'b', points: 6 }], ['over_max'], 0],
    [[{ criterionId: 'x', points: 1 }], ['unknown_criterion'], 0],
    [[{ criterionId: 'a', points: 1 }, { criterionId: 'a', points: 2 }], ['duplicate'], 1],
  ])('%j', (scores, problems, total) => {
    const r = scoreWithRubric(criteria, scores);
    expect(r.problems.map((p) => p.kind)).toEqual(problems);
    expect(r.totalPoints).toBe(total);
    expect(r.maxPoints).toBe(20);
  });
  it('totals by dimension', () => {
    expect(scoreWithRubric(criteria, [{ criterionId: 'b', points: 3 }, { criterionId: 'c', points: 4 }]).byDimension).toEqual([
      { dimensionCode: null, points: 0, maxPoints: 10 },
      { dimensionCode: '1', points: 7, maxPoints: 10 },
    ]);
  });
});

describe('diffItems', () => {
  it('finds added, removed and changed items by key', () => {
    const before = [{ itemKey: 'k1', nameTh: 'ก', budget: { b: 1, a: 2 } }, { itemKey: 'k2', nameTh: 'ข' }];
    const after = [{ itemKey: 'k1', nameTh: 'ก', budget: { a: 2, b: 3 }, updatedBy: 'x@y' }, { itemKey: 'k3', nameTh: 'ค' }];
    expect(diffItems(before, after)).toEqual([
      { itemKey: 'k1', change: 'changed', nameTh: 'ก', fields: [{ field: 'budget', before: { b: 1, a: 2 }, after: { a: 2, b: 3 } }], updatedBy: 'x@y', updatedAt: null },
      { itemKey: 'k3', change: 'added', nameTh: 'ค', fields: [], updatedBy: null, updatedAt: null },
      { itemKey: 'k2', change: 'removed', nameTh: 'ข', fields: [], updatedBy: null, updatedAt: null },
    ]);
    expect(diffItems([{ itemKey: 'k', nameTh: 'a', x: { p: 1, q: 2 } }], [{ itemKey: 'k', nameTh: 'a', x: { q: 2, p: 1 } }])).toEqual([]);
  });
});

describe('parseItemRows', () => {
  const head = [ITEM_COLUMNS.code, ITEM_COLUMNS.type, ITEM_COLUMNS.name, budgetColumn(2567), budgetColumn(2568), ITEM_COLUMNS.noBudget, ITEM_COLUMNS.quarters];
  const opts = { frameworkCodes: new Set(['1', '1.1', '2.1']), fiscalYears: YEARS };
  it('reads good rows, Thai digits and baht with commas', () => {
    const r = parseItemRows([head, ['๑.๑', 'โครงการ', 'อบรมคุณธรรม', '๑๐,๐๐๐', '-', '', '1, 2'], ['2.1', 'มาตรการ', 'ประกาศเจตจำนง', '', '', 'ใช่', ''], ['', '', '', '', '', '', '']], opts);
    expect(r.errors).toEqual([]);
    expect(r.items).toMatchObject([
      { row: 2, frameworkCode: '1.1', type: 'project', budgets: [{ fiscalYear: 2567, amountSatang: 1_000_000n }], quarters: [1, 2], noBudget: false },
      { row: 3, frameworkCode: '2.1', type: 'measure', noBudget: true, budgets: [] },
    ]);
  });
  it.each([
    [['9.9', 'โครงการ', 'ชื่อ', '100', '', '', ''], 'ไม่มีภารกิจรหัส "9.9"'],
    [['1.1', 'งาน', 'ชื่อ', '100', '', '', ''], 'ประเภท "งาน"'],
    [['1.1', 'กิจกรรม', 'ชื่อ', 'abc', '', '', ''], 'งบประมาณ "abc"'],
    [['1.1', 'กิจกรรม', 'ชื่อ', '', '', '', ''], 'ไม่มีงบประมาณ'],
    [['1.1', 'กิจกรรม', 'ชื่อ', '5', '', 'ใช่', ''], 'ทั้งงบประมาณ'],
    [['1.1', 'กิจกรรม', 'ชื่อ', '', '', 'ใช่', '5'], 'ไตรมาส "5"'],
  ])('names the row and the problem: %j', (row, text) => {
    const r = parseItemRows([head, row], opts);
    expect(r.items).toEqual([]);
    expect(r.errors[0]!.row).toBe(2);
    expect(r.errors[0]!.message).toContain('แถวที่ 2');
    expect(r.errors[0]!.message).toContain(text);
  });
  it('refuses a sheet without the headings or with years outside the cycle', () => {
    expect(parseItemRows([['a', 'b']], opts).errors[0]!.message).toContain('ไม่พบหัวคอลัมน์');
    expect(parseItemRows([[...head, budgetColumn(2580)]], opts).errors[0]!.message).toContain('2580');
  });
});
