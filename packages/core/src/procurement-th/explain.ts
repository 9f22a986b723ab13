/**
 * Plain-language explanations of flags, from their evidence, in Thai or English. Used by the API,
 * the web pages and exports so every reader sees the same words. Cardinal's indicators (R###) get
 * a generic explanation from their definition and value.
 */
import { formatBaht } from '../money.ts';
import { LEAD_NOT_PROOF, THAI_INDICATORS, type ThaiIndicatorCode } from './definitions.ts';
import type { EvidenceValue } from './indicators.ts';

type Evidence = Record<string, EvidenceValue>;

const baht = (v: EvidenceValue | undefined) => (typeof v === 'string' && /^-?\d+$/.test(v) ? formatBaht(BigInt(v)) : String(v ?? '?'));
const methodTh: Record<string, string> = { e_bidding: 'e-bidding', e_market: 'e-market', selective: 'วิธีคัดเลือก', specific: 'วิธีเฉพาะเจาะจง' };
const methodEn: Record<string, string> = { e_bidding: 'e-bidding', e_market: 'e-market', selective: 'selective method', specific: 'specific method' };

/** Cardinal's 11 indicators, named for readers. */
export const CARDINAL_TITLES: Record<string, { th: string; en: string }> = {
  R003: { th: 'ระยะเวลายื่นข้อเสนอสั้นผิดปกติ', en: 'Short submission period' },
  R018: { th: 'มีผู้เสนอราคารายเดียว', en: 'Single bid received' },
  R024: { th: 'ราคาผู้ชนะใกล้กับราคาอันดับสอง', en: 'Price close to winning bid' },
  R025: { th: 'ผู้เสนอราคาแพ้บ่อยผิดปกติ', en: 'Excessive unsuccessful bids' },
  R028: { th: 'ราคาเสนอเท่ากันระหว่างผู้เสนอราคาต่างราย', en: 'Identical bid prices' },
  R030: { th: 'ผู้ชนะยื่นข้อเสนอหลังกำหนด', en: 'Late bid won' },
  R035: { th: 'ผู้เสนอราคาอื่นถูกตัดสิทธิ์ทั้งหมด ยกเว้นผู้ชนะ', en: 'All except winning bid disqualified' },
  R036: { th: 'ผู้เสนอราคาต่ำสุดถูกตัดสิทธิ์', en: 'Lowest bid disqualified' },
  R038: { th: 'สัดส่วนข้อเสนอถูกตัดสิทธิ์สูงผิดปกติ', en: 'Excessive disqualified bids' },
  R048: { th: 'ผู้ขายขายสินค้าหลากหลายหมวดผิดปกติ', en: 'Heterogeneous supplier' },
  R058: { th: 'ราคาผู้ชนะต่ำกว่าอันดับสองมากผิดปกติ', en: 'Heavily discounted bid' },
};

/** The title of any indicator code, Thai or Cardinal. */
export function indicatorTitle(code: string, locale: 'th' | 'en'): string {
  const thai = THAI_INDICATORS[code as ThaiIndicatorCode];
  if (thai) return thai.title[locale];
  return CARDINAL_TITLES[code]?.[locale] ?? code;
}

/** One or two sentences saying why this process was flagged, followed by "a lead, not proof". */
export function explainFlag(code: string, value: number, evidence: Evidence, locale: 'th' | 'en'): string {
  const e = evidence;
  const th = locale === 'th';
  let text: string;
  switch (code) {
    case 'TH01':
      text = th
        ? `ซื้อ/จ้างวิธีเฉพาะเจาะจง ${e.purchases} ครั้ง ${e.groupBy === 'supplier' ? `จากผู้ขายรายเดียวกัน (${e.group})` : `ในหมวดพัสดุเดียวกัน (${e.group})`} ระหว่าง ${e.windowStart} ถึง ${e.windowEnd} แต่ละครั้งไม่เกิน ${baht(e.limitSatang)} บาท แต่รวม ${baht(e.totalSatang)} บาท`
        : `${e.purchases} specific-method purchases ${e.groupBy === 'supplier' ? `from one supplier (${e.group})` : `in one category (${e.group})`} between ${e.windowStart} and ${e.windowEnd}, each at most ${baht(e.limitSatang)} baht, together ${baht(e.totalSatang)} baht`;
      break;
    case 'TH02':
      text = th
        ? `ทำสัญญาวิธีเฉพาะเจาะจงกับผู้ขายรายนี้ ${e.awards} ครั้งในปีงบประมาณ ${e.fiscalYear} รวม ${baht(e.totalSatang)} บาท (เกณฑ์ ${e.minAwards} ครั้ง)`
        : `${e.awards} specific-method contracts with this supplier in fiscal year ${e.fiscalYear}, ${baht(e.totalSatang)} baht in total (threshold ${e.minAwards})`;
      break;
    case 'TH03':
      text = th ? `${methodTh[String(e.method)] ?? e.method} ที่มีผู้ยื่นข้อเสนอเพียงรายเดียว` : `${methodEn[String(e.method)] ?? e.method} with a single bidder`;
      break;
    case 'TH04':
      text = th
        ? `มูลค่าสัญญา ${baht(e.awardSatang)} บาท ต่ำกว่าราคากลาง ${baht(e.referencePriceSatang)} บาท เพียงร้อยละ ${e.discountPercent} (เกณฑ์ไม่เกินร้อยละ ${e.maxDiscountPercent})`
        : `Contract value ${baht(e.awardSatang)} baht is only ${e.discountPercent}% below the reference price of ${baht(e.referencePriceSatang)} baht (threshold ${e.maxDiscountPercent}%)`;
      break;
    case 'TH05':
      text = th
        ? `ทำสัญญาใน ${e.lastDays} วันสุดท้ายของปีงบประมาณ ${e.fiscalYear}; หน่วยงานทำสัญญาช่วงนี้ ${baht(e.yearEndSatang)} บาท จากทั้งปี ${baht(e.yearTotalSatang)} บาท (สัดส่วน ${(Number(e.share) * 100).toFixed(1)}%, เกณฑ์ ${(Number(e.minShare) * 100).toFixed(0)}%)`
        : `Awarded in the last ${e.lastDays} days of fiscal year ${e.fiscalYear}; the buyer awarded ${baht(e.yearEndSatang)} of ${baht(e.yearTotalSatang)} baht in that period (${(Number(e.share) * 100).toFixed(1)}%, threshold ${(Number(e.minShare) * 100).toFixed(0)}%)`;
      break;
    case 'TH06':
      text = th
        ? `ผู้ขาย ${e.supplierName ?? ''} จดทะเบียนเมื่อ ${e.registrationDate} เพียง ${e.ageDays} วันก่อนได้รับงาน (${e.awardDate})`
        : `Supplier ${e.supplierName ?? ''} was registered on ${e.registrationDate}, only ${e.ageDays} days before the award (${e.awardDate})`;
      break;
    case 'TH07':
      text = th
        ? `ผู้ขาย ${e.supplierName ?? ''} ตรงกับรายชื่อ "${e.officialName}"${e.officialPosition ? ` (${e.officialPosition})` : ''} ${e.matchedBy === 'taxId' ? 'โดยเลขประจำตัวผู้เสียภาษี' : 'โดยชื่อ'}`
        : `Supplier ${e.supplierName ?? ''} matches the listed "${e.officialName}"${e.officialPosition ? ` (${e.officialPosition})` : ''} by ${e.matchedBy === 'taxId' ? 'tax ID' : 'name'}`;
      break;
    default:
      text = th ? `${indicatorTitle(code, 'th')} (ค่า ${value}) ตามเกณฑ์ของ Cardinal` : `${indicatorTitle(code, 'en')} (value ${value}), by Cardinal's rule`;
  }
  return `${text}. ${LEAD_NOT_PROOF[locale]}`;
}
