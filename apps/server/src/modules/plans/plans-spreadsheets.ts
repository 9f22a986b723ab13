/**
 * Part 2 items as spreadsheets: XLSX and CSV export with the headings the import understands, and
 * reading an uploaded XLSX/CSV into rows of text for the pure parser in core.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { fiscalYearsOfSpan, formatBaht, plans as rules } from '@prongsai/core';
import { PLAN_ITEM_TYPE_LABELS, type Plan } from '@prongsai/contracts';
import { AppError } from '../../errors.ts';

function itemTable(plan: Plan): { header: string[]; rows: Array<Array<string | number>> } {
  const years = fiscalYearsOfSpan(plan.cycle.firstYear, plan.cycle.lastYear);
  const c = rules.ITEM_COLUMNS;
  const header = ['ลำดับ', c.code, c.type, c.name, ...years.map(rules.budgetColumn), c.noBudget, c.unit, c.quarters, c.remarks];
  const rows = plan.items.map((i, n) => [
    n + 1,
    i.frameworkCode,
    PLAN_ITEM_TYPE_LABELS[i.type].th,
    i.nameTh,
    ...years.map((y) => {
      const b = i.budgets.find((x) => x.fiscalYear === y);
      return b ? Number(BigInt(b.amountSatang)) / 100 : '';
    }),
    i.noBudget ? rules.NO_BUDGET_TH : '',
    i.responsibleUnit,
    i.quarters.join(','),
    i.remarks,
  ]);
  return { header, rows };
}

export async function itemsXlsx(plan: Plan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Prongsai';
  const ws = wb.addWorksheet('ส่วนที่ 2', { views: [{ state: 'frozen', ySplit: 1 }] });
  const { header, rows } = itemTable(plan);
  ws.addRow(header).font = { bold: true, name: 'TH Sarabun New' };
  for (const r of rows) ws.addRow(r);
  const years = fiscalYearsOfSpan(plan.cycle.firstYear, plan.cycle.lastYear);
  ws.columns.forEach((col, i) => {
    col.width = i === 3 ? 60 : i === 1 || i === 2 ? 14 : 18;
    if (i >= 4 && i < 4 + years.length) col.numFmt = '#,##0.00';
  });
  const info = wb.addWorksheet('ข้อมูลแผน');
  info.addRows([
    ['หน่วยงาน', plan.organization.nameTh],
    ['รหัสหน่วยงาน', plan.organization.code],
    ['แผน', plan.titleTh],
    ['รอบแผน', plan.cycle.code],
    ['กรอบ', `${plan.framework.nameTh} (${plan.framework.version})`],
    ['ฉบับที่', plan.version],
    ['สถานะ', plan.status],
    ['งบประมาณรวม (บาท)', formatBaht(BigInt(plan.totalSatang))],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function itemsCsv(plan: Plan): string {
  const { header, rows } = itemTable(plan);
  return `\ufeff${stringify([header, ...rows])}`;
}

/** Reads the first sheet of an XLSX, or a CSV, into rows of trimmed text. */
export async function readSheetRows(data: Buffer, format: 'xlsx' | 'csv'): Promise<string[][]> {
  if (format === 'csv') {
    try {
      const text = data.toString('utf8').replace(/^\ufeff/, '');
      return parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch {
      throw new AppError('UNSUPPORTED_FILE', { reason: 'not a readable CSV file' });
    }
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_FILE', { reason: 'not a readable XLSX file' });
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? 'true' : '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
  }
  return String(v).trim();
}
