/** The only SQL about organisations, provinces and districts. Plain rows in, plain rows out. */
import { sql, type Insertable } from 'kysely';
import type { Database, Tx } from '../../db/database.ts';
import type { OrganizationsTable } from '../../db/tables.ts';
import type { ResourceScope } from '../../auth/policy.ts';
import { LOCAL_GOVERNMENT_KINDS } from '@prongsai/contracts';
import { NACC_PROVINCIAL_OFFICE_PREFIX, PACC_REGIONAL_OFFICE_PREFIX } from '@prongsai/core';

export interface OrganizationSearch {
  terms: string[];
  kind?: string | undefined;
  provinceCode?: string | undefined;
  districtCode?: string | undefined;
  /** Exact code match is ranked first. */
  rawQuery?: string | undefined;
  limit: number;
  offset: number;
}

const summaryColumns = [
  'o.id',
  'o.code',
  'o.kind',
  'o.nameTh',
  'o.nameEn',
  'o.provinceCode',
  'p.nameTh as provinceNameTh',
  'o.districtCode',
  'd.nameTh as districtNameTh',
] as const;

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function createOrganizationsRepository() {
  function baseQuery(db: Database | Tx) {
    return db
      .selectFrom('organizations as o')
      .leftJoin('provinces as p', 'p.code', 'o.provinceCode')
      .leftJoin('districts as d', 'd.code', 'o.districtCode')
      .where('o.archivedAt', 'is', null);
  }

  return {
    /** One query: the page of matches and, through a window count, the total. */
    async search(db: Database, s: OrganizationSearch) {
      let q = baseQuery(db);
      // search_text and terms are both normalised (lower case, ASCII digits), so a case-sensitive
      // LIKE does: it is several times cheaper than ILIKE on Thai text and uses the trigram index.
      for (const term of s.terms) q = q.where('o.searchText', 'like', `%${escapeLike(term)}%`);
      if (s.kind) q = q.where('o.kind', '=', s.kind);
      if (s.provinceCode) q = q.where('o.provinceCode', '=', s.provinceCode);
      if (s.districtCode) q = q.where('o.districtCode', '=', s.districtCode);
      const raw = s.rawQuery ?? '';
      let ordered = q.select(summaryColumns).select(sql<number>`count(*) over ()`.as('total'));
      if (raw) {
        ordered = ordered
          .orderBy(sql`(o.code = ${raw})`, 'desc')
          .orderBy(sql`(o.name_th = ${raw} or o.short_name_th = ${raw})`, 'desc')
          // Names that contain the query as typed first, shorter (closer) names before longer ones.
          .orderBy(sql`strpos(o.name_th, ${raw}) = 0`)
          .orderBy(sql`length(o.name_th)`);
      }
      const rows = await ordered.orderBy('o.kind').orderBy('o.code').limit(s.limit).offset(s.offset).execute();
      let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
      if (rows.length === 0 && s.offset > 0) {
        const [row] = await q.select(sql<number>`count(*)::int`.as('total')).execute();
        total = row?.total ?? 0;
      }
      return { total, items: rows.map(({ total: _total, ...item }) => item) };
    },

    /**
     * An organisation with its place and, in the same query, the oversight offices responsible for
     * it: the NACC provincial office of its province and the PACC regional office of its region.
     */
    async findByCode(db: Database | Tx, code: string) {
      return baseQuery(db)
        .leftJoin('organizations as nacc', (j) =>
          j.on('nacc.code', '=', sql<string>`${NACC_PROVINCIAL_OFFICE_PREFIX} || o.province_code`),
        )
        .leftJoin('organizations as pacc', (j) =>
          j.on('pacc.code', '=', sql<string>`${PACC_REGIONAL_OFFICE_PREFIX} || p.pacc_region::text`),
        )
        .leftJoin('provinces as paccProvince', 'paccProvince.code', 'pacc.provinceCode')
        .select([
          ...summaryColumns,
          'o.shortNameTh',
          'o.lat',
          'o.lon',
          'o.website',
          'o.address',
          'o.postcode',
          'o.areaKm2',
          'o.source',
          'p.paccRegion',
          'p.paccRegionStatus',
          'nacc.id as naccId',
          'nacc.code as naccCode',
          'nacc.nameTh as naccNameTh',
          'nacc.nameEn as naccNameEn',
          'pacc.id as paccId',
          'pacc.code as paccCode',
          'pacc.nameTh as paccNameTh',
          'pacc.nameEn as paccNameEn',
          'pacc.provinceCode as paccProvinceCode',
          'paccProvince.nameTh as paccProvinceNameTh',
        ])
        .where('o.code', '=', code)
        .executeTakeFirst();
    },

    async findSummaryByCode(db: Database | Tx, code: string) {
      return baseQuery(db).select(summaryColumns).where('o.code', '=', code).executeTakeFirst();
    },

    async findSummariesByIds(db: Database | Tx, ids: string[]) {
      if (ids.length === 0) return [];
      return baseQuery(db).select(summaryColumns).where('o.id', 'in', ids).execute();
    },

    /** Where an organisation sits, for the policy. */
    async findScope(db: Database | Tx, organizationId: string): Promise<ResourceScope | undefined> {
      const row = await db
        .selectFrom('organizations as o')
        .leftJoin('provinces as p', 'p.code', 'o.provinceCode')
        .select(['o.id', 'o.provinceCode', 'p.paccRegion'])
        .where('o.id', '=', organizationId)
        .executeTakeFirst();
      return row && { organizationId: row.id, provinceCode: row.provinceCode, paccRegion: row.paccRegion ?? null };
    },

    async findRaw(db: Database | Tx, code: string) {
      return db.selectFrom('organizations').selectAll().where('code', '=', code).executeTakeFirst();
    },

    async insert(tx: Tx, row: Insertable<OrganizationsTable>) {
      return tx.insertInto('organizations').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async insertMany(tx: Tx, rows: Insertable<OrganizationsTable>[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await tx.insertInto('organizations').values(rows.slice(i, i + 500)).onConflict((oc) => oc.column('code').doNothing()).execute();
      }
    },

    async update(tx: Tx, id: string, patch: Partial<Insertable<OrganizationsTable>>) {
      return tx.updateTable('organizations').set({ ...patch, updatedAt: sql`now()` as never }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    },

    async listProvinces(db: Database) {
      return db
        .selectFrom('provinces as p')
        .leftJoin('organizations as o', (j) => j.onRef('o.provinceCode', '=', 'p.code').on('o.archivedAt', 'is', null))
        .select(['p.code', 'p.nameTh', 'p.nameEn', 'p.iso', 'p.regionTh', 'p.paccRegion', 'p.paccRegionStatus'])
        .select(sql<number>`count(o.id)::int`.as('organizationCount'))
        .select(sql<number>`(count(o.id) filter (where o.kind in (${sql.join(LOCAL_GOVERNMENT_KINDS)})))::int`.as('localGovernmentCount'))
        .groupBy('p.code')
        .orderBy('p.code')
        .execute();
    },

    async findProvince(db: Database | Tx, code: string) {
      return db.selectFrom('provinces').selectAll().where('code', '=', code).executeTakeFirst();
    },

    async countByKindInProvince(db: Database, provinceCode: string) {
      return db
        .selectFrom('organizations')
        .select(['kind', sql<number>`count(*)::int`.as('count')])
        .where('provinceCode', '=', provinceCode)
        .where('archivedAt', 'is', null)
        .groupBy('kind')
        .execute();
    },

    async listDistrictsWithCounts(db: Database, provinceCode: string) {
      return db
        .selectFrom('districts as d')
        .leftJoin('organizations as o', (j) => j.onRef('o.districtCode', '=', 'd.code').on('o.archivedAt', 'is', null))
        .select(['d.code', 'd.nameTh', 'd.nameEn', sql<number>`count(o.id)::int`.as('organizationCount')])
        .where('d.provinceCode', '=', provinceCode)
        .groupBy('d.code')
        .orderBy('d.code')
        .execute();
    },

    async updateProvinceRegion(tx: Tx, code: string, paccRegion: number | null, status: 'confirmed' | 'unconfirmed' | 'not_applicable') {
      return tx.updateTable('provinces').set({ paccRegion, paccRegionStatus: status }).where('code', '=', code).returningAll().executeTakeFirstOrThrow();
    },

    async countProvinces(db: Database | Tx): Promise<number> {
      const row = await db.selectFrom('provinces').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      return row.n;
    },
  };
}

export type OrganizationsRepository = ReturnType<typeof createOrganizationsRepository>;
