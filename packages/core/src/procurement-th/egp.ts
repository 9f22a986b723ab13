/**
 * Thai e-GP-style contract rows (the CGDContract fields of govspending.data.go.th, one row per
 * contract) → OCDS 1.1 compiled releases. The mapping is documented in docs/egp-mapping.md and is
 * PROVISIONAL: the official field dictionary was not available (shared/docs/redflags.md §4.2).
 * Rows of the same `project_id` become one contracting process with one award per contract.
 */
import { parseBaht } from '../money.ts';
import { normalizeTaxId } from './names.ts';

/** Columns we read. Only project_id is required; everything else is optional. */
export const EGP_COLUMNS = [
  'project_id', 'project_name', 'dept_code', 'dept_name', 'dept_sub_name', 'project_type_name', 'purchase_method_name',
  'project_money', 'price_build', 'announce_date', 'submission_deadline', 'number_of_bidders', 'unspsc',
  'contract_no', 'winner_tin', 'winner_name', 'winner_registered_date', 'price_agree', 'contract_date', 'contract_finish_date',
] as const;

export type EgpRow = Partial<Record<(typeof EGP_COLUMNS)[number], string>>;

export interface EgpProblem {
  /** 1-based row number in the file (header = row 1). */
  row: number;
  column: string;
  value: string;
  message: string;
}

const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const THAI_MONTHS_LONG = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];

function toCeYear(year: number, digits: number): number {
  if (digits <= 2) return 2500 + year - 543; // "68" → 2568 BE → 2025 CE
  return year > 2400 ? year - 543 : year;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as written in e-GP exports → RFC 3339 at Bangkok midnight: "20 พ.ย. 68", "20 พฤศจิกายน 2568",
 * "20/11/2568", "2568-11-20", "2025-11-20". Years above 2400 are Buddhist era. Undefined if unreadable.
 */
export function parseThaiDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim().replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d)));
  if (!t) return undefined;
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  if (match) [y, m, d] = [toCeYear(Number(match[1]), 4), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t))) [d, m, y] = [Number(match[1]), Number(match[2]), toCeYear(Number(match[3]), match[3]!.length)];
  else {
    match = /^(\d{1,2})\s*([^\s\d]+)\s*(\d{2}|\d{4})$/.exec(t);
    if (!match) return undefined;
    const name = match[2]!.replace(/\s/g, '');
    let month = THAI_MONTHS.indexOf(name);
    if (month < 0) month = THAI_MONTHS.findIndex((x) => x.replace(/\./g, '') === name.replace(/\./g, ''));
    if (month < 0) month = THAI_MONTHS_LONG.indexOf(name);
    if (month < 0) return undefined;
    [d, m, y] = [Number(match[1]), month + 1, toCeYear(Number(match[3]), match[3]!.length)];
  }
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}T00:00:00+07:00`;
}

/** e-GP project types → OCDS mainProcurementCategory (provisional). */
export function categoryOf(typeName: string | undefined): 'goods' | 'works' | 'services' | undefined {
  if (!typeName) return undefined;
  if (/ก่อสร้าง|งานจ้างก่อสร้าง/.test(typeName)) return 'works';
  if (/ซื้อ|เช่า/.test(typeName)) return 'goods';
  if (/จ้าง/.test(typeName)) return 'services';
  return undefined;
}

/** e-GP method names → OCDS procurementMethod (the original name stays in procurementMethodDetails). */
export function methodOf(name: string | undefined): 'open' | 'selective' | 'limited' | 'direct' | undefined {
  if (!name) return undefined;
  const n = name.toLowerCase();
  if (/e-?bidding|e-?market|ประกวดราคา|ตลาดอิเล็กทรอนิกส์|สอบราคา/.test(n)) return 'open';
  if (/คัดเลือก/.test(n)) return 'selective';
  if (/เฉพาะเจาะจง|ตกลงราคา/.test(n)) return 'direct';
  return undefined;
}

const satangToAmount = (s: bigint) => Number(s) / 100;

export interface EgpOptions {
  /** OCID prefix (a registered `ocds-xxxxxx` prefix in production; see docs/egp-mapping.md). */
  ocidPrefix: string;
}

/**
 * Maps the rows of one project (same project_id) to an OCDS compiled release. `firstRow` is the
 * 1-based file row of rows[0] (for messages). Unreadable values are reported and left out.
 */
export function egpRowsToRelease(rows: readonly EgpRow[], firstRow: number, options: EgpOptions): { release: Record<string, unknown>; problems: EgpProblem[] } {
  const problems: EgpProblem[] = [];
  const head = rows[0] ?? {};
  const projectId = (head.project_id ?? '').trim();
  const ocid = `${options.ocidPrefix}-${projectId}`;
  const money = (row: EgpRow, i: number, col: 'project_money' | 'price_build' | 'price_agree') => {
    const raw = row[col]?.trim();
    if (!raw) return undefined;
    const v = parseBaht(raw);
    if (v === undefined) problems.push({ row: firstRow + i, column: col, value: raw, message: 'not an amount in baht' });
    return v;
  };
  const date = (row: EgpRow, i: number, col: 'announce_date' | 'submission_deadline' | 'contract_date' | 'contract_finish_date' | 'winner_registered_date') => {
    const raw = row[col]?.trim();
    if (!raw) return undefined;
    const v = parseThaiDate(raw);
    if (!v) problems.push({ row: firstRow + i, column: col, value: raw, message: 'not a date (e.g. 20 พ.ย. 68, 20/11/2568, 2025-11-20)' });
    return v;
  };

  const buyerId = head.dept_code?.trim() ? `TH-EGP-${head.dept_code.trim()}` : undefined;
  const buyerName = [head.dept_name?.trim(), head.dept_sub_name?.trim()].filter(Boolean).join(' ') || undefined;
  const parties = new Map<string, Record<string, unknown>>();
  if (buyerId) parties.set(buyerId, { id: buyerId, name: buyerName, roles: ['buyer', 'procuringEntity'], identifier: { scheme: 'TH-EGP', id: head.dept_code!.trim(), legalName: buyerName } });

  const awards: Record<string, unknown>[] = [];
  const contracts: Record<string, unknown>[] = [];
  rows.forEach((row, i) => {
    const name = row.winner_name?.trim();
    const tinRaw = row.winner_tin?.trim();
    if (!name && !tinRaw && !row.price_agree?.trim()) return;
    const tin = normalizeTaxId(tinRaw);
    if (tinRaw && !tin) problems.push({ row: firstRow + i, column: 'winner_tin', value: tinRaw, message: 'not a 13-digit tax ID (masked or short); the supplier is identified by name only' });
    const supplierId = tin ? `TH-TIN-${tin}` : `TH-NAME-${(name ?? `row${firstRow + i}`).replace(/\s+/g, ' ')}`;
    const registered = date(row, i, 'winner_registered_date');
    const existing = parties.get(supplierId);
    if (existing) (existing.roles as string[]).includes('supplier') || (existing.roles as string[]).push('supplier');
    else {
      parties.set(supplierId, {
        id: supplierId,
        name: name ?? supplierId,
        roles: ['supplier'],
        ...(tin ? { identifier: { scheme: 'TH-TIN', id: tin, legalName: name } } : {}),
        ...(registered ? { details: { registrationDate: registered.slice(0, 10) } } : {}),
      });
    }
    const awardId = `${projectId}-${row.contract_no?.trim() || i + 1}`;
    const agreed = money(row, i, 'price_agree');
    const signed = date(row, i, 'contract_date');
    const finish = date(row, i, 'contract_finish_date');
    awards.push({
      id: awardId,
      status: 'active',
      ...(signed ? { date: signed } : {}),
      ...(agreed !== undefined ? { value: { amount: satangToAmount(agreed), currency: 'THB' } } : {}),
      suppliers: [{ id: supplierId, name: name ?? supplierId }],
    });
    contracts.push({
      id: awardId,
      awardID: awardId,
      status: 'active',
      ...(signed ? { dateSigned: signed } : {}),
      ...(agreed !== undefined ? { value: { amount: satangToAmount(agreed), currency: 'THB' } } : {}),
      ...(signed || finish ? { period: { ...(signed ? { startDate: signed } : {}), ...(finish ? { endDate: finish } : {}) } } : {}),
    });
  });

  const budget = money(head, 0, 'project_money');
  const reference = money(head, 0, 'price_build');
  const announced = date(head, 0, 'announce_date');
  const deadline = date(head, 0, 'submission_deadline');
  const biddersRaw = head.number_of_bidders?.trim();
  const bidders = biddersRaw ? Number(biddersRaw) : undefined;
  if (biddersRaw && !Number.isInteger(bidders)) problems.push({ row: firstRow, column: 'number_of_bidders', value: biddersRaw, message: 'not a whole number' });
  const methodName = head.purchase_method_name?.trim();
  const method = methodOf(methodName);
  const category = categoryOf(head.project_type_name?.trim());
  const unspsc = head.unspsc?.trim();
  const dates = [announced, ...awards.map((a) => a.date as string | undefined)].filter((d): d is string => !!d).sort();

  const release: Record<string, unknown> = {
    ocid,
    id: `${ocid}-egp`,
    date: dates[dates.length - 1] ?? '1970-01-01T00:00:00Z',
    tag: ['compiled'],
    initiationType: 'tender',
    language: 'th',
    parties: [...parties.values()],
    ...(buyerId ? { buyer: { id: buyerId, name: buyerName } } : {}),
    ...(budget !== undefined ? { planning: { budget: { amount: { amount: satangToAmount(budget), currency: 'THB' } } } } : {}),
    tender: {
      id: projectId,
      ...(head.project_name?.trim() ? { title: head.project_name.trim() } : {}),
      status: awards.length > 0 ? 'complete' : 'active',
      ...(buyerId ? { procuringEntity: { id: buyerId, name: buyerName } } : {}),
      ...(method ? { procurementMethod: method } : {}),
      ...(methodName ? { procurementMethodDetails: methodName } : {}),
      ...(category ? { mainProcurementCategory: category } : {}),
      ...(reference !== undefined ? { value: { amount: satangToAmount(reference), currency: 'THB' } } : {}),
      ...(announced || deadline ? { tenderPeriod: { ...(announced ? { startDate: announced } : {}), ...(deadline ? { endDate: deadline } : {}) } } : {}),
      ...(announced ? { datePublished: announced } : {}),
      ...(bidders !== undefined && Number.isInteger(bidders) ? { numberOfTenderers: bidders } : {}),
      ...(unspsc ? { items: [{ id: '1', classification: { scheme: 'UNSPSC', id: unspsc } }] } : {}),
    },
    ...(awards.length ? { awards, contracts } : {}),
  };
  return { release, problems };
}
