/**
 * Organisation codes and search text. Local governments keep their DLA code (7 digits: type digit +
 * 4-digit DOPA district code + 2-digit number, e.g. 6620708 = อบต.หนองหลวง). Bodies without an
 * official code get a Prongsai code built here, so they are stable across installations.
 */
import { normalizeText } from './thai-text.ts';

/** Prefix of NACC provincial office codes; the province code follows (NACC-P62). */
export const NACC_PROVINCIAL_OFFICE_PREFIX = 'NACC-P';
/** Prefix of PACC regional office codes; the region number follows (PACC-R8). */
export const PACC_REGIONAL_OFFICE_PREFIX = 'PACC-R';
/** Code of the NACC provincial office (สำนักงาน ป.ป.ช. ประจำจังหวัด) of a province. */
export const naccProvincialOfficeCode = (provinceCode: string) => `${NACC_PROVINCIAL_OFFICE_PREFIX}${provinceCode}`;
/** Code of the PACC regional office (สำนักงาน ป.ป.ท. เขต n). */
export const paccRegionalOfficeCode = (region: number) => `${PACC_REGIONAL_OFFICE_PREFIX}${region}`;
/** Code of a provincial hall (ศาลากลางจังหวัด). */
export const provincialHallCode = (provinceCode: string) => `PHALL-${provinceCode}`;
export const NACC_HEAD_OFFICE_CODE = 'NACC-HQ';
export const PACC_HEAD_OFFICE_CODE = 'PACC-HQ';
/** กรุงเทพมหานคร: a special local government outside DLA's list, so it has no DLA code. */
export const BANGKOK_CODE = 'BMA';

/** The kind of local government from the first digit of a DLA code (2 อบจ. … 6 อบต.). */
export function kindFromDlaCode(code: string): string | undefined {
  return ({ '2': 'pao', '3': 'city_municipality', '4': 'town_municipality', '5': 'subdistrict_municipality', '6': 'sao' } as Record<string, string>)[code[0] ?? ''];
}

/** Is `code` shaped like a DLA code (7 digits)? */
export function isDlaCode(code: string): boolean {
  return /^\d{7}$/.test(code);
}

/**
 * Everyday abbreviations of local-government types, so "อบต.หนองหลวง" or "ทต.ลานกระบือ" finds the
 * organisation whose official name is written out in full.
 */
export const KIND_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  pao: ['อบจ.'],
  city_municipality: ['ทน.'],
  town_municipality: ['ทม.'],
  subdistrict_municipality: ['ทต.'],
  sao: ['อบต.'],
};

/**
 * The text an organisation is found by: code, names in Thai and English, and its place, normalised
 * (lower case, Thai digits → ASCII, single spaces). Searched by substring (ILIKE with a trigram
 * index), which suits Thai because it needs no word boundaries.
 */
export function organizationSearchText(parts: {
  code: string;
  kind?: string | null;
  nameTh: string;
  shortNameTh?: string | null;
  nameEn?: string | null;
  provinceNameTh?: string | null;
  provinceNameEn?: string | null;
  districtNameTh?: string | null;
  districtNameEn?: string | null;
}): string {
  return normalizeText(
    [
      parts.code,
      parts.nameTh,
      parts.shortNameTh,
      ...(parts.shortNameTh && parts.kind ? (KIND_ABBREVIATIONS[parts.kind] ?? []).map((abbr) => `${abbr}${parts.shortNameTh}`) : []),
      parts.nameEn,
      parts.provinceNameTh,
      parts.provinceNameEn,
      parts.districtNameTh,
      parts.districtNameEn,
    ]
      .filter(Boolean)
      .join(' | '),
  );
}

/** Splits a search query into normalised terms; every term must match. */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  return normalizeText(query).split(' ').filter((t) => t.length > 0).slice(0, 8);
}
