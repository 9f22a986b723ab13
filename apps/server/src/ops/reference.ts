/**
 * `prongsai reference export --dir`: writes the reference data as it is now in the database (with
 * edits made in the app, such as the province → PACC region table) in the same CSV files and
 * columns as data/reference, so `prongsai reference import --dir` (or a fresh start with the files
 * copied into data/reference) loads them back. Export → import → export gives identical files;
 * provinces.csv and districts.csv are byte-identical to the originals while unedited.
 * laos.csv keeps every column the loader reads; columns the database does not keep (coord_check,
 * website_raw) are written empty / equal to website_url.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { LOCAL_GOVERNMENT_KINDS } from '@prongsai/contracts';
import type { Database } from '../db/database.ts';
import { createReferenceRepository } from './reference.repository.ts';

const LAO_TYPE_TH: Record<string, string> = {
  pao: 'อบจ.',
  city_municipality: 'เทศบาลนคร',
  town_municipality: 'เทศบาลเมือง',
  subdistrict_municipality: 'เทศบาลตำบล',
  sao: 'อบต.',
  special: 'ท้องถิ่นรูปแบบพิเศษ',
};

const LAO_COLUMNS = [
  'dla_code', 'name_th', 'full_name_th', 'type_th', 'type', 'province_code', 'province_name_th', 'district_code', 'district_name_th',
  'lat', 'lon', 'coord_check', 'area_km2', 'office_address_no', 'office_moo', 'postcode', 'website_raw', 'website_url',
];

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * The loader stores "เลขที่ <no> หมู่ <moo>"; split it back so that loading the parts gives the
 * same address again (free-form addresses typed in the app go whole into office_address_no).
 */
function splitAddress(address: string | null): { no: string; moo: string } {
  const NO = 'เลขที่ ';
  const MOO = 'หมู่ ';
  if (!address) return { no: '', moo: '' };
  if (address.startsWith(MOO)) return { no: '', moo: address.slice(MOO.length) };
  if (!address.startsWith(NO)) return { no: address, moo: '' };
  const rest = address.slice(NO.length);
  const at = rest.lastIndexOf(` ${MOO}`);
  return at < 0 ? { no: rest, moo: '' } : { no: rest.slice(0, at), moo: rest.slice(at + MOO.length + 1) };
}

function writeCsv(file: string, columns: string[], rows: Array<Record<string, string>>): void {
  fs.writeFileSync(file, stringify(rows, { header: true, columns }));
}

export interface ReferenceExportResult {
  provinces: number;
  districts: number;
  localGovernments: number;
}

export async function exportReferenceData(db: Database, dir: string): Promise<ReferenceExportResult> {
  const repo = createReferenceRepository();
  fs.mkdirSync(dir, { recursive: true });
  const provinces = await repo.provinces(db);
  writeCsv(
    path.join(dir, 'provinces.csv'),
    ['code', 'name_th', 'name_en', 'iso_3166_2', 'region6_th', 'pacc_region', 'pacc_region_status'],
    provinces.map((p) => ({ code: p.code, name_th: p.nameTh, name_en: p.nameEn, iso_3166_2: p.iso, region6_th: p.regionTh, pacc_region: text(p.paccRegion), pacc_region_status: p.paccRegionStatus })),
  );
  const districts = await repo.districts(db);
  writeCsv(
    path.join(dir, 'districts.csv'),
    ['code', 'province_code', 'name_th', 'name_en', 'kind'],
    districts.map((d) => ({ code: d.code, province_code: d.provinceCode, name_th: d.nameTh, name_en: text(d.nameEn), kind: d.kind })),
  );
  const laos = await repo.localGovernments(db, LOCAL_GOVERNMENT_KINDS.filter((k) => k !== 'bangkok'));
  writeCsv(
    path.join(dir, 'laos.csv'),
    LAO_COLUMNS,
    laos.map((o) => {
      const address = splitAddress(o.address);
      return {
        dla_code: o.code,
        name_th: text(o.shortNameTh),
        full_name_th: o.nameTh,
        type_th: LAO_TYPE_TH[o.kind] ?? '',
        type: o.kind,
        province_code: text(o.provinceCode),
        province_name_th: text(o.provinceNameTh),
        district_code: text(o.districtCode),
        district_name_th: text(o.districtNameTh),
        lat: text(o.lat),
        lon: text(o.lon),
        coord_check: '',
        area_km2: text(o.areaKm2),
        office_address_no: address.no,
        office_moo: address.moo,
        postcode: text(o.postcode),
        website_raw: text(o.website),
        website_url: text(o.website),
      };
    }),
  );
  return { provinces: provinces.length, districts: districts.length, localGovernments: laos.length };
}
