/**
 * Loads the real reference data kept in data/reference/ (see its README for sources and licences):
 * 77 provinces, 928 districts, 7,849 local governments from DLA plus Bangkok, and the oversight
 * bodies: NACC head office and 76 provincial offices, PACC head office and regional offices 1–9,
 * and the 76 provincial halls. Idempotent: rows that exist are left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  BANGKOK_CODE,
  NACC_HEAD_OFFICE_CODE,
  PACC_HEAD_OFFICE_CODE,
  naccProvincialOfficeCode,
  organizationSearchText,
  paccRegionalOfficeCode,
  provincialHallCode,
} from '@prongsai/core';
import { sql, type Insertable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { OrganizationsTable } from '../../db/tables.ts';
import { recordAudit } from '../../audit/audit.ts';
import { systemActor } from '../../auth/actor.ts';
import { ADVISORY_LOCKS } from '../../db/advisory-locks.ts';

export const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data/reference');

/** PACC regional offices' seats (domain notes §3.1): region → province code. */
const PACC_REGION_SEATS: Record<number, string> = { 1: '14', 2: '20', 3: '30', 4: '40', 5: '50', 6: '65', 7: '73', 8: '84', 9: '90' };

function readCsv(file: string, dir: string = REFERENCE_DIR): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dir, file)), { columns: true, skip_empty_lines: true, trim: true });
}

const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);
const numberOrNull = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

export interface ReferenceLoadResult {
  provinces: number;
  districts: number;
  organizations: number;
  loaded: boolean;
}

/** `dir`: a folder with the same CSV files (default data/reference; `prongsai reference import --dir`). */
export async function loadReferenceData(db: Database, log: (line: string) => void = () => {}, dir: string = REFERENCE_DIR): Promise<ReferenceLoadResult> {
  const existing = await db.selectFrom('provinces').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { provinces: 0, districts: 0, organizations: 0, loaded: false };

  const provinces = readCsv('provinces.csv', dir);
  const districts = readCsv('districts.csv', dir);
  const laos = readCsv('laos.csv', dir);
  const provinceByCode = new Map(provinces.map((p) => [p.code!, p]));
  const districtByCode = new Map(districts.map((d) => [d.code!, d]));

  const orgs: Insertable<OrganizationsTable>[] = [];
  const add = (row: Omit<Insertable<OrganizationsTable>, 'searchText'>) => {
    const province = row.provinceCode ? provinceByCode.get(row.provinceCode) : undefined;
    const district = row.districtCode ? districtByCode.get(row.districtCode) : undefined;
    orgs.push({
      ...row,
      searchText: organizationSearchText({
        code: row.code,
        kind: row.kind,
        nameTh: row.nameTh,
        shortNameTh: row.shortNameTh ?? null,
        nameEn: row.nameEn ?? null,
        provinceNameTh: province?.name_th ?? null,
        provinceNameEn: province?.name_en ?? null,
        districtNameTh: district?.name_th ?? null,
        districtNameEn: district?.name_en ?? null,
      }),
    });
  };

  for (const l of laos) {
    const address = [l.office_address_no && `เลขที่ ${l.office_address_no}`, l.office_moo && `หมู่ ${l.office_moo}`].filter(Boolean).join(' ');
    add({
      code: l.dla_code!,
      kind: l.type!,
      nameTh: l.full_name_th!,
      shortNameTh: orNull(l.name_th),
      nameEn: null,
      provinceCode: orNull(l.province_code),
      districtCode: orNull(l.district_code),
      lat: l.coord_check === 'outside_province' ? null : numberOrNull(l.lat),
      lon: l.coord_check === 'outside_province' ? null : numberOrNull(l.lon),
      website: orNull(l.website_url),
      address: address || null,
      postcode: orNull(l.postcode),
      areaKm2: numberOrNull(l.area_km2),
      source: 'DLA dlads_05_01',
    });
  }
  add({ code: BANGKOK_CODE, kind: 'bangkok', nameTh: 'กรุงเทพมหานคร', shortNameTh: 'กทม.', nameEn: 'Bangkok Metropolitan Administration', provinceCode: '10', districtCode: null, lat: 13.7539, lon: 100.5014, website: 'https://www.bangkok.go.th', address: '173 ถนนดินสอ แขวงเสาชิงช้า เขตพระนคร', postcode: '10200', areaKm2: 1568.7, source: 'Prongsai (not in the DLA list)' });
  add({ code: NACC_HEAD_OFFICE_CODE, kind: 'nacc_head_office', nameTh: 'สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ', shortNameTh: 'สำนักงาน ป.ป.ช.', nameEn: 'Office of the National Anti-Corruption Commission (NACC)', provinceCode: '12', districtCode: null, lat: null, lon: null, website: 'https://www.nacc.go.th', address: null, postcode: null, areaKm2: null, source: 'Prongsai' });
  add({ code: PACC_HEAD_OFFICE_CODE, kind: 'pacc_head_office', nameTh: 'สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตในภาครัฐ', shortNameTh: 'สำนักงาน ป.ป.ท.', nameEn: 'Office of the Public Sector Anti-Corruption Commission (PACC)', provinceCode: '12', districtCode: null, lat: null, lon: null, website: 'https://www.pacc.go.th', address: null, postcode: null, areaKm2: null, source: 'Prongsai' });
  for (const [region, seat] of Object.entries(PACC_REGION_SEATS)) {
    add({ code: paccRegionalOfficeCode(Number(region)), kind: 'pacc_regional_office', nameTh: `สำนักงาน ป.ป.ท. เขต ${region}`, shortNameTh: `ป.ป.ท. เขต ${region}`, nameEn: `PACC Regional Office ${region}`, provinceCode: seat, districtCode: null, lat: null, lon: null, website: null, address: null, postcode: null, areaKm2: null, source: 'Prongsai (seat from domain notes §3.1)' });
  }
  for (const p of provinces) {
    if (p.code === '10') continue; // Bangkok has neither a NACC provincial office nor a provincial hall
    add({ code: naccProvincialOfficeCode(p.code!), kind: 'nacc_provincial_office', nameTh: `สำนักงาน ป.ป.ช. ประจำจังหวัด${p.name_th}`, shortNameTh: `ป.ป.ช. ${p.name_th}`, nameEn: `NACC ${p.name_en} Provincial Office`, provinceCode: p.code!, districtCode: null, lat: null, lon: null, website: null, address: null, postcode: null, areaKm2: null, source: 'Prongsai' });
    add({ code: provincialHallCode(p.code!), kind: 'provincial_hall', nameTh: `ศาลากลางจังหวัด${p.name_th}`, shortNameTh: `จังหวัด${p.name_th}`, nameEn: `${p.name_en} Provincial Hall`, provinceCode: p.code!, districtCode: null, lat: null, lon: null, website: null, address: null, postcode: null, areaKm2: null, source: 'Prongsai' });
  }

  // Several instances may start at once on one PostgreSQL: one loads, the others find it loaded.
  const loadedMeanwhile = await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.referenceData})`.execute(tx);
    const again = await tx.selectFrom('provinces').select(tx.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(again.n) > 0) return true;
    await tx
      .insertInto('provinces')
      .values(
        provinces.map((p) => ({
          code: p.code!,
          nameTh: p.name_th!,
          nameEn: p.name_en!,
          iso: p.iso_3166_2!,
          regionTh: p.region6_th!,
          paccRegion: numberOrNull(p.pacc_region),
          paccRegionStatus: p.pacc_region_status as 'confirmed' | 'unconfirmed' | 'not_applicable',
        })),
      )
      .execute();
    for (let i = 0; i < districts.length; i += 500) {
      await tx
        .insertInto('districts')
        .values(districts.slice(i, i + 500).map((d) => ({ code: d.code!, provinceCode: d.province_code!, nameTh: d.name_th!, nameEn: orNull(d.name_en), kind: d.kind as 'amphoe' | 'khet' })))
        .execute();
    }
    for (let i = 0; i < orgs.length; i += 500) {
      await tx.insertInto('organizations').values(orgs.slice(i, i + 500)).execute();
    }
    await recordAudit(tx, systemActor('reference-data'), {
      action: 'reference_data.load',
      subjectType: 'reference_data',
      after: { provinces: provinces.length, districts: districts.length, organizations: orgs.length },
    });
    return false;
  });
  if (loadedMeanwhile) return { provinces: 0, districts: 0, organizations: 0, loaded: false };
  // Fresh statistics, so the planner knows the tables' real sizes for search and joins.
  await sql`analyze provinces, districts, organizations`.execute(db);
  log(`loaded ${provinces.length} provinces, ${districts.length} districts, ${orgs.length} organisations`);
  return { provinces: provinces.length, districts: districts.length, organizations: orgs.length, loaded: true };
}
