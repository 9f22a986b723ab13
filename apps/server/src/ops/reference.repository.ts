/** The SQL of reference-data export: provinces, districts and local governments, in code order. */
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

export function createReferenceRepository() {
  return {
    async provinces(db: Database) {
      return db.selectFrom('provinces').selectAll().orderBy(sql`code collate "C"`).execute();
    },
    async districts(db: Database) {
      return db.selectFrom('districts').selectAll().orderBy(sql`code collate "C"`).execute();
    },
    async localGovernments(db: Database, kinds: readonly string[]) {
      return db
        .selectFrom('organizations as o')
        .leftJoin('provinces as p', 'p.code', 'o.provinceCode')
        .leftJoin('districts as d', 'd.code', 'o.districtCode')
        .select([
          'o.code', 'o.kind', 'o.nameTh', 'o.shortNameTh', 'o.provinceCode', 'p.nameTh as provinceNameTh', 'o.districtCode',
          'd.nameTh as districtNameTh', 'o.lat', 'o.lon', 'o.areaKm2', 'o.address', 'o.postcode', 'o.website',
        ])
        .where('o.kind', 'in', kinds)
        .where('o.archivedAt', 'is', null)
        .orderBy(sql`o.code collate "C"`)
        .execute();
    },
  };
}
