/**
 * The Thai indicators in words: what each one means, the law it relates to, its parameters, and how
 * a flag is explained to a reader. A flag is a lead for review, never proof of wrongdoing.
 *
 * Legal references follow shared/docs/domain.md §5; items marked `certain: false` name the law
 * but the exact section was not confirmed from the legal text and must be checked before a flag
 * is quoted in an official letter.
 */

export const THAI_INDICATOR_CODES = ['TH01', 'TH02', 'TH03', 'TH04', 'TH05', 'TH06', 'TH07'] as const;
export type ThaiIndicatorCode = (typeof THAI_INDICATOR_CODES)[number];

export interface Bilingual {
  th: string;
  en: string;
}

export interface ThaiIndicatorDefinition {
  code: ThaiIndicatorCode;
  title: Bilingual;
  definition: Bilingual;
  legalReference: Bilingual & { certain: boolean };
  /** Names of the parameters in the thresholds data (`versions[].THxx`). */
  parameters: string[];
}

/** Said with every flag, in every view. */
export const LEAD_NOT_PROOF: Bilingual = {
  th: 'ธงนี้เป็นข้อสังเกตเพื่อการตรวจสอบ ไม่ใช่หลักฐานว่ามีการทุจริต หน่วยงานมีสิทธิ์ชี้แจง',
  en: 'A flag is a lead for review, not proof of wrongdoing. The agency may answer it.',
};

const ACT = 'พ.ร.บ.การจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560';
const ACT_EN = 'Public Procurement and Supplies Administration Act B.E. 2560 (2017)';
const LIMITS_REG = 'กฎกระทรวงกำหนดวงเงินการจัดซื้อจัดจ้างพัสดุโดยวิธีเฉพาะเจาะจง วงเงินการจัดซื้อจัดจ้างที่ไม่ทำข้อตกลงเป็นหนังสือ และวงเงินการจัดซื้อจัดจ้างในการแต่งตั้งผู้ตรวจรับพัสดุ พ.ศ. 2560';

export const THAI_INDICATORS: Record<ThaiIndicatorCode, ThaiIndicatorDefinition> = {
  TH01: {
    code: 'TH01',
    title: { th: 'แบ่งซื้อแบ่งจ้างให้ต่ำกว่าวงเงินวิธีเฉพาะเจาะจง', en: 'Purchases split under the specific-method limit' },
    definition: {
      th: 'หน่วยงานผู้ซื้อเดียวกันซื้อโดยวิธีเฉพาะเจาะจงจากผู้ขายรายเดียวกัน (หรือในหมวดพัสดุเดียวกัน) ตั้งแต่ 2 ครั้งขึ้นไปภายในช่วงเวลาสั้น ๆ โดยแต่ละครั้งไม่เกินวงเงิน (500,000 หรือ 100,000 บาท) แต่รวมกันเกินวงเงินนั้น',
      en: 'One buyer made several specific-method purchases from one supplier (or in one category) within a short window; each stays at or under a limit (500,000 or 100,000 baht) while together they exceed it.',
    },
    legalReference: {
      th: `${ACT} (วิธีเฉพาะเจาะจง และข้อห้ามแบ่งซื้อแบ่งจ้างเพื่อเปลี่ยนวิธี — ยังไม่ยืนยันเลขมาตรา); ${LIMITS_REG}`,
      en: `${ACT_EN} (specific method; the rule against splitting a purchase to change the method — section not confirmed); Ministerial Regulation on the specific-method limit B.E. 2560`,
      certain: false,
    },
    parameters: ['limitsSatang', 'windowDays', 'minAwards', 'groupBy', 'categoryDigits'],
  },
  TH02: {
    code: 'TH02',
    title: { th: 'จัดซื้อวิธีเฉพาะเจาะจงกับผู้ขายรายเดิมซ้ำ ๆ', en: 'Repeated specific-method awards to one supplier' },
    definition: {
      th: 'หน่วยงานผู้ซื้อเดียวกันทำสัญญาโดยวิธีเฉพาะเจาะจงกับผู้ขายรายเดียวกันตั้งแต่จำนวนครั้งที่กำหนดขึ้นไปในปีงบประมาณเดียวกัน',
      en: 'One buyer awarded at least the set number of specific-method contracts to one supplier in one fiscal year.',
    },
    legalReference: { th: `${ACT} (วิธีเฉพาะเจาะจง — ยังไม่ยืนยันเลขมาตรา)`, en: `${ACT_EN} (specific method — section not confirmed)`, certain: false },
    parameters: ['minAwards'],
  },
  TH03: {
    code: 'TH03',
    title: { th: 'ผู้เสนอราคารายเดียวใน e-bidding', en: 'Single bidder in e-bidding' },
    definition: {
      th: 'การประกวดราคาอิเล็กทรอนิกส์ (e-bidding) ที่มีผู้ยื่นข้อเสนอเพียงรายเดียว',
      en: 'An electronic bidding (e-bidding) process that received only one bid.',
    },
    legalReference: {
      th: `${ACT} (วิธีประกาศเชิญชวนทั่วไป) และระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 (กรณีมีผู้ยื่นข้อเสนอรายเดียว — ยังไม่ยืนยันเลขข้อ)`,
      en: `${ACT_EN} (open invitation) and the Ministry of Finance Regulation B.E. 2560 (single-bid case — clause not confirmed)`,
      certain: false,
    },
    parameters: ['methods'],
  },
  TH04: {
    code: 'TH04',
    title: { th: 'ราคาที่ได้ใกล้หรือเท่ากับราคากลาง', en: 'Winning price at or near the reference price' },
    definition: {
      th: 'มูลค่าที่ทำสัญญาต่ำกว่าราคากลางไม่เกินร้อยละที่กำหนด (หรือเท่ากับ/สูงกว่าราคากลาง) ในวิธีที่ควรมีการแข่งขันราคา',
      en: 'In a method meant to be competitive, the awarded value is at most the set percentage below the reference price (ราคากลาง), or at or above it.',
    },
    legalReference: { th: `${ACT} (นิยาม "ราคากลาง" และการเปิดเผยราคากลาง — ยังไม่ยืนยันเลขมาตรา)`, en: `${ACT_EN} (definition and publication of the reference price — section not confirmed)`, certain: false },
    parameters: ['maxDiscountBasisPoints', 'methods'],
  },
  TH05: {
    code: 'TH05',
    title: { th: 'เร่งใช้งบปลายปีงบประมาณ', en: 'Year-end rush' },
    definition: {
      th: 'สัญญาที่ทำในช่วงท้ายปีงบประมาณ (ค่าเริ่มต้น: กันยายน) ของหน่วยงานที่มีสัดส่วนมูลค่าในช่วงนั้นสูงกว่าที่กำหนดของทั้งปี',
      en: 'A contract awarded in the last days of the fiscal year (default: September) by a buyer whose share of the year’s awarded value in that period is at least the set share.',
    },
    legalReference: { th: 'พ.ร.บ.วิธีการงบประมาณ พ.ศ. 2561 (ปีงบประมาณ 1 ต.ค.–30 ก.ย.)', en: 'Budget Procedures Act B.E. 2561 (fiscal year 1 Oct–30 Sep)', certain: false },
    parameters: ['lastDays', 'minShare', 'minAwardsInYear'],
  },
  TH06: {
    code: 'TH06',
    title: { th: 'ผู้ขายเป็นนิติบุคคลจดทะเบียนใหม่', en: 'New company' },
    definition: {
      th: 'ผู้ขายจดทะเบียนน้อยกว่าจำนวนวันที่กำหนด (ค่าเริ่มต้น 365 วัน) ก่อนวันที่ได้รับการคัดเลือก',
      en: 'The supplier was registered fewer than the set number of days (default 365) before the award.',
    },
    legalReference: { th: 'ไม่มีข้อห้ามในกฎหมาย เป็นตัวชี้วัดตามแนวปฏิบัติสากล (opentender INTEGRITY_NEW_COMPANY)', en: 'No legal prohibition; an international practice indicator (opentender INTEGRITY_NEW_COMPANY)', certain: true },
    parameters: ['minCompanyAgeDays'],
  },
  TH07: {
    code: 'TH07',
    title: { th: 'ผู้ขายเชื่อมโยงกับเจ้าหน้าที่ของรัฐ', en: 'Supplier linked to an official' },
    definition: {
      th: 'ผู้ขายตรงกับรายชื่อเจ้าหน้าที่หรือผู้เกี่ยวข้องที่สำนักงานอัปโหลด โดยเลขประจำตัวผู้เสียภาษี หรือชื่อ (ตัดคำนำหน้าและช่องว่างแล้ว)',
      en: 'The supplier matches the list of officials or related persons uploaded by the office, by tax ID or by name (titles and spacing normalised).',
    },
    legalReference: {
      th: `${ACT} (ผู้มีส่วนได้เสียกับผู้ยื่นข้อเสนอ) และ พ.ร.ป.ว่าด้วยการป้องกันและปราบปรามการทุจริต พ.ศ. 2561 (การมีส่วนได้เสียในสัญญากับหน่วยงาน) — ยังไม่ยืนยันเลขมาตรา`,
      en: `${ACT_EN} (conflicts of interest with bidders) and the Organic Act on Anti-Corruption B.E. 2561 (interests in contracts with the agency) — sections not confirmed`,
      certain: false,
    },
    parameters: ['matchByName'],
  },
};
