/**
 * Part 2 items as a table (XLSX/CSV import and export): the column headings, and the parsing of
 * rows into items with row-level errors that name the row and the problem (Thai and English).
 * Pure: the server reads the spreadsheet into rows of text and hands them here.
 */
import { parseBaht, type Satang } from '../money.ts';
import { fromThaiDigits } from '../thai-date.ts';

export type ItemTypeCode = 'project' | 'activity' | 'measure' | 'guideline';

export const ITEM_TYPE_TH: Record<ItemTypeCode, string> = { project: 'โครงการ', activity: 'กิจกรรม', measure: 'มาตรการ', guideline: 'แนวปฏิบัติ' };
export const NO_BUDGET_TH = 'ไม่ใช้งบประมาณ';

/** Fixed columns, in export order. Budget columns "งบประมาณ ปี 2567 (บาท)" follow the name. */
export const ITEM_COLUMNS = {
  code: 'ภารกิจตามมิติ (รหัส)',
  type: 'ประเภท',
  name: 'ชื่อโครงการ/กิจกรรม/มาตรการ',
  noBudget: 'ไม่ใช้งบประมาณ',
  unit: 'หน่วยงานรับผิดชอบ',
  quarters: 'ไตรมาสที่ดำเนินการ',
  remarks: 'หมายเหตุ',
} as const;

export function budgetColumn(fiscalYear: number): string {
  return `งบประมาณ ปี ${fiscalYear} (บาท)`;
}

/** Accepted headings per field (Thai as exported, plus English and common variants). */
const ALIASES: Record<keyof typeof ITEM_COLUMNS, string[]> = {
  code: [ITEM_COLUMNS.code, 'ภารกิจตามมิติ', 'รหัสภารกิจ', 'มิติ', 'frameworkcode', 'code', 'sub-item'],
  type: [ITEM_COLUMNS.type, 'type'],
  name: [ITEM_COLUMNS.name, 'ชื่อโครงการ', 'โครงการ/กิจกรรม/มาตรการ', 'name', 'nameth'],
  noBudget: [ITEM_COLUMNS.noBudget, 'nobudget', 'no budget'],
  unit: [ITEM_COLUMNS.unit, 'ผู้รับผิดชอบ', 'responsibleunit', 'responsible unit'],
  quarters: [ITEM_COLUMNS.quarters, 'ไตรมาส', 'quarters'],
  remarks: [ITEM_COLUMNS.remarks, 'remarks', 'note'],
};

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

const TYPE_WORDS: Record<string, ItemTypeCode> = {
  โครงการ: 'project', project: 'project', '1': 'project',
  กิจกรรม: 'activity', activity: 'activity', '2': 'activity',
  มาตรการ: 'measure', measure: 'measure', '3': 'measure',
  แนวปฏิบัติ: 'guideline', แนวปฏิบัติงาน: 'guideline', guideline: 'guideline', '4': 'guideline',
};

const YES = new Set(['ใช่', 'x', '✓', '✔', '/', 'true', 'yes', 'y', '1', norm(NO_BUDGET_TH)]);

export interface ParsedItem {
  row: number;
  type: ItemTypeCode;
  frameworkCode: string;
  nameTh: string;
  noBudget: boolean;
  budgets: Array<{ fiscalYear: number; amountSatang: Satang }>;
  responsibleUnit: string;
  quarters: number[];
  remarks: string;
}

export interface RowError {
  row: number;
  column: string | null;
  message: string;
  messageEn: string;
}

export interface ParseOptions {
  /** Framework codes the plan's framework has. */
  frameworkCodes: ReadonlySet<string>;
  /** Fiscal years of the plan's cycle. */
  fiscalYears: readonly number[];
}

/**
 * Parses a sheet given as rows of cells (the first row is the heading). Row numbers in errors are
 * spreadsheet rows (heading = 1). Empty rows are skipped.
 */
export function parseItemRows(rows: readonly (readonly string[])[], options: ParseOptions): { items: ParsedItem[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const items: ParsedItem[] = [];
  const header = (rows[0] ?? []).map((h) => norm(fromThaiDigits(String(h ?? ''))));
  const find = (field: keyof typeof ITEM_COLUMNS) => header.findIndex((h) => ALIASES[field].some((a) => norm(a) === h));
  const col = {
    code: find('code'), type: find('type'), name: find('name'), noBudget: find('noBudget'), unit: find('unit'), quarters: find('quarters'), remarks: find('remarks'),
  };
  const budgetCols: Array<{ index: number; fiscalYear: number }> = [];
  header.forEach((h, index) => {
    const m = /(?:งบ|budget|fy)\D*(25\d\d)/.exec(h);
    if (m) budgetCols.push({ index, fiscalYear: Number(m[1]) });
  });
  const missing: string[] = [];
  if (col.code < 0) missing.push(ITEM_COLUMNS.code);
  if (col.type < 0) missing.push(ITEM_COLUMNS.type);
  if (col.name < 0) missing.push(ITEM_COLUMNS.name);
  if (missing.length > 0) {
    errors.push({ row: 1, column: null, message: `ไม่พบหัวคอลัมน์: ${missing.join(', ')}`, messageEn: `Missing column headings: ${missing.join(', ')}` });
    return { items, errors };
  }
  const years = new Set(options.fiscalYears);
  for (const b of budgetCols) {
    if (!years.has(b.fiscalYear)) {
      errors.push({ row: 1, column: rows[0]![b.index] ?? null, message: `ปี ${b.fiscalYear} ไม่อยู่ในรอบของแผน (${options.fiscalYears[0]}–${options.fiscalYears.at(-1)})`, messageEn: `Fiscal year ${b.fiscalYear} is outside the plan's cycle` });
    }
  }
  if (errors.length > 0) return { items, errors };

  for (let r = 1; r < rows.length; r++) {
    const cells = (rows[r] ?? []).map((c) => String(c ?? '').trim());
    if (cells.every((c) => c === '')) continue;
    const rowNo = r + 1;
    const get = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    const heading = (i: number) => String(rows[0]![i] ?? '');
    const rowErrors: RowError[] = [];
    const fail = (i: number, th: string, en: string) => rowErrors.push({ row: rowNo, column: i >= 0 ? heading(i) : null, message: `แถวที่ ${rowNo}: ${th}`, messageEn: `Row ${rowNo}: ${en}` });

    const code = fromThaiDigits(get(col.code)).replace(/\s/g, '').replace(/\.$/, '');
    if (code === '') fail(col.code, 'ไม่ได้ระบุภารกิจตามมิติ', 'no framework sub-item code');
    else if (!options.frameworkCodes.has(code)) fail(col.code, `ไม่มีภารกิจรหัส "${code}" ในกรอบของแผนนี้`, `the framework has no sub-item "${code}"`);

    const typeText = norm(get(col.type));
    const type = TYPE_WORDS[typeText];
    if (!type) fail(col.type, `ประเภท "${get(col.type)}" ไม่ถูกต้อง (ใช้ โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติ)`, `type "${get(col.type)}" is not one of project/activity/measure/guideline`);

    const name = get(col.name);
    if (name.length < 2) fail(col.name, 'ไม่ได้ระบุชื่อโครงการ/กิจกรรม/มาตรการ', 'no name');

    let noBudget = col.noBudget >= 0 && YES.has(norm(get(col.noBudget)));
    const budgets: ParsedItem['budgets'] = [];
    for (const b of budgetCols) {
      const raw = get(b.index);
      if (raw === '' || raw === '-' || raw === '–') continue;
      if (norm(raw) === norm(NO_BUDGET_TH)) {
        noBudget = true;
        continue;
      }
      const satang = parseBaht(raw);
      if (satang === undefined) fail(b.index, `งบประมาณ "${raw}" ไม่ใช่จำนวนเงิน`, `budget "${raw}" is not an amount of baht`);
      else if (satang < 0n) fail(b.index, 'งบประมาณติดลบ', 'negative budget');
      else if (satang > 0n) budgets.push({ fiscalYear: b.fiscalYear, amountSatang: satang });
    }
    if (noBudget && budgets.length > 0) fail(col.noBudget, 'ระบุทั้งงบประมาณและ "ไม่ใช้งบประมาณ"', 'has both a budget and "no budget"');
    if (!noBudget && budgets.length === 0 && rowErrors.length === 0) fail(-1, 'ไม่มีงบประมาณ และไม่ได้ระบุ "ไม่ใช้งบประมาณ"', 'no budget and not marked "no budget"');

    const quarters: number[] = [];
    for (const part of fromThaiDigits(get(col.quarters)).split(/[\s,/]+/).filter(Boolean)) {
      const q = Number(part.replace(/^q/i, ''));
      if (!Number.isInteger(q) || q < 1 || q > 4) fail(col.quarters, `ไตรมาส "${part}" ไม่ถูกต้อง (1–4)`, `quarter "${part}" is not 1–4`);
      else if (!quarters.includes(q)) quarters.push(q);
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    items.push({ row: rowNo, type: type!, frameworkCode: code, nameTh: name, noBudget, budgets, responsibleUnit: get(col.unit), quarters: quarters.sort(), remarks: get(col.remarks) });
  }
  return { items, errors };
}
