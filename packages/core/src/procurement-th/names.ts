/**
 * Matching people and firms by name or tax ID for TH07 (supplier linked to an official).
 * Thai names are written with or without titles (นาย, นาง, นางสาว, น.ส., ดร., ว่าที่ ร.ต., พล.อ. …),
 * with the title glued to the name or not, and with irregular spaces. Firm names carry legal forms
 * (บริษัท … จำกัด (มหาชน), ห้างหุ้นส่วนจำกัด, หจก., บจก.). We strip those and all spaces so
 * "นาย สมชาย  ใจดี" = "นายสมชาย ใจดี" = "สมชาย ใจดี".
 */
import { normalizeText } from '../thai-text.ts';

/**
 * Titles and ranks, longest first so "นางสาว" wins over "นาง". Dotted abbreviations are matched
 * with or without the dots' following space. Kept here (not in the thresholds data) because they
 * are spelling, not policy.
 */
const TITLES = [
  'ว่าที่ร้อยตรีหญิง', 'ว่าที่ร้อยตรี', 'ว่าที่ร.ต.หญิง', 'ว่าที่ร.ต.', 'ว่าที่ ร.ต.',
  'ศาสตราจารย์', 'รองศาสตราจารย์', 'ผู้ช่วยศาสตราจารย์', 'นายแพทย์', 'แพทย์หญิง', 'ทันตแพทย์',
  'พลตำรวจเอก', 'พลตำรวจโท', 'พลตำรวจตรี', 'พันตำรวจเอก', 'พันตำรวจโท', 'พันตำรวจตรี',
  'ร้อยตำรวจเอก', 'ร้อยตำรวจโท', 'ร้อยตำรวจตรี', 'พลเอก', 'พลโท', 'พลตรี', 'พันเอก', 'พันโท', 'พันตรี',
  'ร้อยเอก', 'ร้อยโท', 'ร้อยตรี', 'จ่าสิบเอก', 'สิบเอก',
  'พล.ต.อ.', 'พล.ต.ท.', 'พล.ต.ต.', 'พ.ต.อ.', 'พ.ต.ท.', 'พ.ต.ต.', 'ร.ต.อ.', 'ร.ต.ท.', 'ร.ต.ต.',
  'พล.อ.', 'พล.ท.', 'พล.ต.', 'พ.อ.', 'พ.ท.', 'พ.ต.', 'ร.อ.', 'ร.ท.', 'ร.ต.', 'จ.ส.อ.', 'ส.อ.',
  'ผศ.ดร.', 'รศ.ดร.', 'ศ.ดร.', 'ผศ.', 'รศ.', 'ศ.', 'นพ.', 'พญ.', 'ทพ.', 'ดร.', 'ด.ร.',
  'นางสาว', 'น.ส.', 'นาง', 'นาย',
  'mrs.', 'mrs', 'mr.', 'mr', 'ms.', 'ms', 'miss', 'dr.', 'dr',
].map((t) => t.replace(/\s+/g, '')).sort((a, b) => b.length - a.length);

/** Legal forms of firms, longest first. */
const LEGAL_FORMS = [
  'ห้างหุ้นส่วนจำกัด', 'ห้างหุ้นส่วนสามัญนิติบุคคล', 'ห้างหุ้นส่วนสามัญ', 'บริษัทมหาชนจำกัด', 'บริษัท', 'หจก.', 'บจก.', 'บมจ.', 'หสม.',
  'ร้าน', '(มหาชน)', 'จำกัด', 'co.,ltd.', 'co.,ltd', 'company limited', 'limited', 'ltd.', 'ltd', 'public company',
].map((t) => t.replace(/\s+/g, '')).sort((a, b) => b.length - a.length);

function stripPrefixes(compact: string, prefixes: readonly string[]): string {
  let text = compact;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of prefixes) {
      // Keep at least one character: a bare title is not a name.
      if (text.startsWith(p) && text.length > p.length) {
        text = text.slice(p.length);
        changed = true;
        break;
      }
    }
  }
  return text;
}

/**
 * Key for matching a person's name: NFC, lower case, Thai digits → ASCII, titles removed (also
 * when glued to the name, and repeated titles such as "ว่าที่ ร.ต. ดร."), then every space and dot
 * removed. Returns '' when nothing is left.
 */
export function personNameKey(name: string): string {
  const compact = normalizeText(name).replace(/\s+/g, '');
  return stripPrefixes(compact, TITLES).replace(/[.\s]/g, '');
}

/** Key for matching a firm's name: legal forms anywhere in the name removed, then spaces and dots. */
export function firmNameKey(name: string): string {
  let compact = normalizeText(name).replace(/\s+/g, '');
  for (const form of LEGAL_FORMS) compact = compact.split(form).join('');
  return compact.replace(/[.,\s()]/g, '');
}

/** The name keys a supplier or listed person may match on (a sole trader's firm name is a person). */
export function nameKeys(name: string | undefined | null): string[] {
  if (!name) return [];
  const keys = new Set([personNameKey(name), firmNameKey(personNameKey(name)), firmNameKey(name)]);
  keys.delete('');
  return [...keys];
}

/**
 * A Thai tax ID (เลขประจำตัวผู้เสียภาษีอากร, 13 digits; the same number as a citizen ID for a person):
 * digits only, Thai digits converted, scheme prefixes such as "TH-TIN-" dropped. Masked ids
 * ("…xxxx") and anything that is not 13 digits give undefined: they must not match.
 */
export function normalizeTaxId(id: string | undefined | null): string | undefined {
  if (!id) return undefined;
  const text = normalizeText(id);
  if (/[x*]/i.test(text.replace(/^[a-z]{2}-[a-z]+-/i, ''))) return undefined;
  const digits = text.replace(/\D/g, '');
  return digits.length === 13 ? digits : undefined;
}
