/**
 * The plan (parts 1–3) and its progress reports as DOCX and PDF in the official Thai style: Sarabun,
 * Buddhist-era dates, optional Thai digits, and the Part 2 budget table by dimension with one column
 * per fiscal year. Both formats are built from the same blocks below.
 */
import { fiscalYearsOfSpan } from '@prongsai/core';
import { PLAN_ITEM_TYPE_LABELS, PLAN_PROGRESS_STATUS_LABELS, PLAN_STATUS_LABELS, type Plan, type PlanProgressReport } from '@prongsai/contracts';
import type { Clock } from '../../platform/clock.ts';
import { baht, digits, officialDate, type ThaiDocOptions } from '../../documents/thai-text.ts';
import { bullets, docxBuffer, heading, para, table, type DocxBlock } from '../../documents/thai-docx.ts';
import { createThaiPdf } from '../../documents/thai-pdf.ts';

/** A document as format-neutral blocks. */
type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string; bold?: boolean; align?: 'center' | 'right' }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[]; boldRows?: Set<number>; numeric?: Set<number> }
  | { kind: 'break' };

const roundLabel = (r: string) => (r === '6m' ? 'รอบ 6 เดือน' : r === '12m' ? 'รอบ 12 เดือน' : `ไตรมาสที่ ${r.slice(1)}`);

function planBlocks(plan: Plan, o: ThaiDocOptions, now: Date): Block[] {
  const d = (s: string) => digits(s, o);
  const years = fiscalYearsOfSpan(plan.cycle.firstYear, plan.cycle.lastYear);
  const dimTitle = new Map(plan.frameworkNodes.filter((n) => n.level === 1).map((n) => [n.code, n.titleTh]));
  const blocks: Block[] = [
    { kind: 'title', text: d(plan.titleTh) },
    { kind: 'para', text: plan.organization.nameTh, bold: true, align: 'center' },
    { kind: 'para', text: d(`อำเภอ${plan.organization.districtNameTh ?? '-'} จังหวัด${plan.organization.provinceNameTh ?? '-'}`), align: 'center' },
    { kind: 'para', text: d(`กรอบ: ${plan.framework.nameTh} · ฉบับที่ ${plan.version} · ${PLAN_STATUS_LABELS[plan.status].th}`), align: 'center' },
    { kind: 'para', text: `ข้อมูล ณ วันที่ ${officialDate(plan.publishedAt ?? now, o)}`, align: 'center' },
    { kind: 'break' },
    { kind: 'heading', text: 'ส่วนที่ 1 บทนำ' },
    { kind: 'heading', text: d('1.1 การวิเคราะห์ความเสี่ยงในการเกิดการทุจริตในองค์กรปกครองส่วนท้องถิ่น') },
  ];
  if (plan.part1.riskAnalysis.length > 0) {
    blocks.push({
      kind: 'table',
      header: ['กระบวนงาน/ด้าน', 'ความเสี่ยงการทุจริต', 'โอกาส', 'ผลกระทบ', 'ระดับ', 'การควบคุมที่มีอยู่', 'ผู้รับผิดชอบ'],
      widths: [3, 4, 1.2, 1.4, 1.2, 4, 2.5],
      numeric: new Set([2, 3, 4]),
      rows: plan.part1.riskAnalysis.map((r) => [r.area, r.risk, d(String(r.likelihood)), d(String(r.impact)), d(String(r.likelihood * r.impact)), r.existingControls, r.owner]),
    });
  } else blocks.push({ kind: 'para', text: '(ยังไม่ได้ระบุ)' });
  const section = (title: string, text: string | string[]) => {
    blocks.push({ kind: 'heading', text: d(title) });
    if (Array.isArray(text)) blocks.push(text.length ? { kind: 'list', items: text.map(d) } : { kind: 'para', text: '(ยังไม่ได้ระบุ)' });
    else blocks.push({ kind: 'para', text: text ? d(text) : '(ยังไม่ได้ระบุ)' });
  };
  section('1.2 หลักการและเหตุผล', plan.part1.rationale);
  section('1.3 วิสัยทัศน์', plan.part1.vision);
  section('1.4 วัตถุประสงค์ของการจัดทำแผน', plan.part1.objectives);
  section('1.5 เป้าหมาย', plan.part1.targets);
  section('1.6 ประโยชน์ของการจัดทำแผน', plan.part1.expectedBenefits);
  blocks.push({ kind: 'heading', text: d('1.7 คณะทำงานจัดทำแผน') });
  const order = plan.workingGroup.appointingOrder;
  if (order) blocks.push({ kind: 'para', text: d(`ตามคำสั่งที่ ${order.number}${order.date ? ` ลงวันที่ ${officialDate(`${order.date}T00:00:00+07:00`, o)}` : ''}${order.signedBy ? ` ลงนามโดย ${order.signedBy}` : ''}`) });
  if (plan.workingGroup.members.length) {
    blocks.push({ kind: 'table', header: ['ลำดับ', 'ชื่อ-สกุล', 'ตำแหน่ง', 'บทบาทในคณะทำงาน'], widths: [1, 4, 4, 3], rows: plan.workingGroup.members.map((m, i) => [d(String(i + 1)), m.name, m.position, m.role]) });
  }

  // Part 2: items by dimension with a budget column per fiscal year.
  blocks.push({ kind: 'break' }, { kind: 'heading', text: d(`ส่วนที่ 2 โครงการ/กิจกรรม/มาตรการ และจำนวนงบประมาณที่ดำเนินการ ${years.length} ปี (พ.ศ. ${plan.cycle.firstYear}–${plan.cycle.lastYear}) โดยแยกตามมิติ`) });
  const rows: string[][] = [];
  const bold = new Set<number>();
  const dims = [...new Set([...dimTitle.keys(), ...plan.items.map((i) => i.dimensionCode)])];
  for (const dim of dims) {
    bold.add(rows.length);
    rows.push([d(`มิติที่ ${dim}`), dimTitle.get(dim) ?? '', ...years.map(() => ''), '']);
    let n = 0;
    const inDim = plan.items.filter((i) => i.dimensionCode === dim);
    for (const item of inDim) {
      n++;
      rows.push([
        d(item.frameworkCode),
        d(`${n}) ${PLAN_ITEM_TYPE_LABELS[item.type].th}${item.nameTh}`),
        ...years.map((y) => (item.noBudget ? '-' : baht(item.budgets.find((b) => b.fiscalYear === y)?.amountSatang ?? '0', { ...o, dashForZero: true }))),
        [item.noBudget ? 'ไม่ใช้งบประมาณ' : '', item.remarks].filter(Boolean).join(' '),
      ]);
    }
    const byDim = plan.checks.totals.byDimension.find((x) => x.dimensionCode === dim);
    bold.add(rows.length);
    rows.push(['', d(`รวมมิติที่ ${dim} (${inDim.length} โครงการ/กิจกรรม/มาตรการ)`), ...years.map((y) => baht(byDim?.byYear.find((b) => b.fiscalYear === y)?.amountSatang ?? '0', o)), '']);
  }
  bold.add(rows.length);
  rows.push(['', d(`รวมทั้งสิ้น ${plan.items.length} โครงการ/กิจกรรม/มาตรการ`), ...years.map((y) => baht(plan.checks.totals.byYear.find((b) => b.fiscalYear === y)?.amountSatang ?? '0', o)), '']);
  blocks.push({ kind: 'table', header: ['ภารกิจตามมิติ', 'โครงการ/กิจกรรม/มาตรการ', ...years.map((y) => d(`ปี ${y} งบประมาณ (บาท)`)), 'หมายเหตุ'], widths: [1.6, 6, ...years.map(() => 2), 2], rows, boldRows: bold, numeric: new Set(years.map((_, i) => i + 2)) });

  blocks.push({ kind: 'heading', text: 'สรุปงบประมาณตามมิติ' });
  blocks.push({
    kind: 'table',
    header: ['มิติ', 'จำนวน', ...years.map((y) => d(`ปี ${y}`)), 'รวม (บาท)'],
    widths: [4, 1.3, ...years.map(() => 2), 2.2],
    numeric: new Set([1, ...years.map((_, i) => i + 2), years.length + 2]),
    boldRows: new Set([plan.checks.totals.byDimension.length]),
    rows: [
      ...plan.checks.totals.byDimension.map((x) => [d(`มิติที่ ${x.dimensionCode} ${x.titleTh}`), d(String(x.itemCount)), ...years.map((y) => baht(x.byYear.find((b) => b.fiscalYear === y)?.amountSatang ?? '0', o)), baht(x.totalSatang, o)]),
      ['รวม', d(String(plan.checks.totals.itemCount)), ...years.map((y) => baht(plan.checks.totals.byYear.find((b) => b.fiscalYear === y)?.amountSatang ?? '0', o)), baht(plan.checks.totals.totalSatang, o)],
    ],
  });

  // Part 3: project sheets.
  const sheets = plan.items.filter((i) => i.sheet);
  blocks.push({ kind: 'break' }, { kind: 'heading', text: 'ส่วนที่ 3 รายละเอียดโครงการ/กิจกรรม/มาตรการ' });
  if (sheets.length === 0) blocks.push({ kind: 'para', text: '(ยังไม่มีรายละเอียดโครงการ)' });
  sheets.forEach((item, k) => {
    const s = item.sheet!;
    blocks.push({ kind: 'heading', text: d(`${k + 1}. ${PLAN_ITEM_TYPE_LABELS[item.type].th}${item.nameTh} (ภารกิจ ${item.frameworkCode})`) });
    const field = (label: string, value: string | string[]) => {
      blocks.push({ kind: 'para', text: d(label), bold: true });
      if (Array.isArray(value)) blocks.push(value.length ? { kind: 'list', items: value.map(d) } : { kind: 'para', text: '-' });
      else blocks.push({ kind: 'para', text: value ? d(value) : '-' });
    };
    field('หลักการและเหตุผล', s.rationale);
    field('วัตถุประสงค์', s.objectives);
    field('เป้าหมาย/กลุ่มเป้าหมาย', s.targetGroup);
    field('พื้นที่ดำเนินการ', s.area);
    field('วิธีดำเนินการ', s.method);
    field('ระยะเวลาดำเนินการ', s.period);
    field('งบประมาณดำเนินการ', item.noBudget ? 'ไม่ใช้งบประมาณ' : item.budgets.map((b) => `ปี ${b.fiscalYear} จำนวน ${baht(b.amountSatang)} บาท`).join(', ') || '-');
    field('ผู้รับผิดชอบ', s.responsibleUnit || item.responsibleUnit);
    field('ผลผลิต', s.outputs);
    field('ผลลัพธ์', s.outcomes);
    if (s.kpis.length) blocks.push({ kind: 'table', header: ['ตัวชี้วัด', 'ประเภท', 'ค่าเป้าหมาย', 'หน่วย'], widths: [6, 2, 2, 2], numeric: new Set([2]), rows: s.kpis.map((kpi) => [kpi.nameTh, kpi.kind === 'output' ? 'ผลผลิต' : 'ผลลัพธ์', d(String(kpi.target)), kpi.unit]) });
  });
  return blocks;
}

function progressBlocks(plan: Plan, report: PlanProgressReport, o: ThaiDocOptions, now: Date): Block[] {
  const d = (s: string) => digits(s, o);
  const blocks: Block[] = [
    { kind: 'title', text: d(`รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ${report.fiscalYear} (${roundLabel(report.round)})`) },
    { kind: 'para', text: plan.organization.nameTh, bold: true, align: 'center' },
    { kind: 'para', text: d(plan.titleTh), align: 'center' },
    { kind: 'para', text: `ข้อมูล ณ วันที่ ${officialDate(report.submittedAt ?? now, o)}`, align: 'center' },
    { kind: 'heading', text: 'สรุปผล' },
    {
      kind: 'para',
      text: d(`โครงการ/กิจกรรม/มาตรการทั้งหมด ${report.totals.items} รายการ รายงานผลแล้ว ${report.totals.reported} รายการ ดำเนินการแล้วเสร็จ ${report.totals.completed} รายการ ความคืบหน้าเฉลี่ยร้อยละ ${report.totals.averagePercent} งบประมาณตามแผน ${baht(report.totals.plannedSatang)} บาท ใช้จ่ายจริง ${baht(report.totals.spentSatang)} บาท`),
    },
  ];
  if (report.summary) blocks.push({ kind: 'para', text: d(report.summary) });
  const items = new Map(plan.items.map((i) => [i.id, i]));
  blocks.push({ kind: 'heading', text: 'ผลการดำเนินงานรายโครงการ' });
  blocks.push({
    kind: 'table',
    header: ['ภารกิจ', 'โครงการ/กิจกรรม/มาตรการ', 'สถานะ', 'ร้อยละ', 'งบตามแผน (บาท)', 'ใช้จ่ายจริง (บาท)', 'ผลผลิต/ตัวชี้วัด', 'หลักฐาน'],
    widths: [1.3, 5, 2.2, 1.2, 2.2, 2.2, 4.5, 2.4],
    numeric: new Set([3, 4, 5]),
    rows: report.entries.map((e) => {
      const item = items.get(e.itemId);
      const planned = item?.noBudget ? 'ไม่ใช้งบประมาณ' : baht(item?.budgets.find((b) => b.fiscalYear === report.fiscalYear)?.amountSatang ?? '0', { ...o, dashForZero: true });
      const kpis = (item?.sheet?.kpis ?? []).map((k) => {
        const actual = e.kpiActuals.find((a) => a.kpiId === k.id)?.actual;
        return `${k.nameTh}: ${actual ?? '-'} / ${k.target} ${k.unit}`;
      });
      return [
        d(e.frameworkCode), e.nameTh, PLAN_PROGRESS_STATUS_LABELS[e.status].th, d(String(e.percent)), planned, baht(e.spentSatang, { ...o, dashForZero: true }),
        d([e.outputs, ...kpis].filter(Boolean).join('\n')), [...e.evidence.map((f) => f.fileName), ...e.links.map((l) => l.label || l.url)].join('\n'),
      ];
    }),
  });
  return blocks;
}

async function toDocx(title: string, blocks: Block[]): Promise<Buffer> {
  const sections: Array<{ blocks: DocxBlock[]; landscape?: boolean }> = [{ blocks: [] }];
  for (const b of blocks) {
    const cur = sections.at(-1)!;
    if (b.kind === 'break') sections.push({ blocks: [] });
    else if (b.kind === 'title') cur.blocks.push(para(b.text, { bold: true, size: 20, align: 'center', spacingAfter: 200 }));
    else if (b.kind === 'heading') cur.blocks.push(heading(b.text, 2));
    else if (b.kind === 'para') cur.blocks.push(para(b.text, { ...(b.bold ? { bold: true } : {}), ...(b.align ? { align: b.align } : {}) }));
    else if (b.kind === 'list') cur.blocks.push(...bullets(b.items));
    else {
      cur.blocks.push(table(b.header, b.rows, { widths: b.widths, size: 14, ...(b.boldRows ? { boldRows: b.boldRows } : {}), ...(b.numeric ? { alignRight: b.numeric } : {}) }));
      if (b.header.length > 6) cur.landscape = true;
      cur.blocks.push(para(''));
    }
  }
  return docxBuffer({ title }, sections.filter((s) => s.blocks.length > 0));
}

async function toPdf(title: string, blocks: Block[], landscape = false): Promise<Buffer> {
  const pdf = createThaiPdf({ title, landscape });
  for (const b of blocks) {
    if (b.kind === 'break') pdf.pageBreak();
    else if (b.kind === 'title') pdf.title(b.text);
    else if (b.kind === 'heading') pdf.heading(b.text);
    else if (b.kind === 'para') pdf.paragraph(b.text, { ...(b.bold ? { bold: true } : {}), ...(b.align ? { align: b.align } : {}) });
    else if (b.kind === 'list') pdf.bullet(b.items);
    else pdf.table(b.header.map((h, i) => ({ header: h, width: b.widths[i] ?? 1, align: b.numeric?.has(i) ? 'right' : 'left' })), b.rows, { size: b.header.length > 6 ? 10 : 12, ...(b.boldRows ? { boldRows: b.boldRows } : {}) });
  }
  return pdf.finish();
}

export function createPlanDocuments(clock: Clock) {
  return {
    planDocx: (plan: Plan, o: ThaiDocOptions = {}) => toDocx(plan.titleTh, planBlocks(plan, o, clock.now())),
    planPdf: (plan: Plan, o: ThaiDocOptions = {}) => toPdf(plan.titleTh, planBlocks(plan, o, clock.now()), true),
    progressDocx: (plan: Plan, report: PlanProgressReport, o: ThaiDocOptions = {}) => toDocx(`รายงานผล ${report.fiscalYear} ${report.round}`, progressBlocks(plan, report, o, clock.now())),
    progressPdf: (plan: Plan, report: PlanProgressReport, o: ThaiDocOptions = {}) => toPdf(`รายงานผล ${report.fiscalYear} ${report.round}`, progressBlocks(plan, report, o, clock.now()), true),
  };
}

export type PlanDocuments = ReturnType<typeof createPlanDocuments>;
