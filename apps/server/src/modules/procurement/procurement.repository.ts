/** The only SQL about procurement surveillance. Plain rows in, plain rows out. */
import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Database, Tx } from '../../db/database.ts';
import type {
  ProcurementBuyersTable,
  ProcurementFlagsTable,
  ProcurementImportIssuesTable,
  ProcurementImportsTable,
  ProcurementReleasesTable,
  ProcurementReleaseSuppliersTable,
} from '../../db/tables.ts';
import type { VisibleScope } from '../../auth/policy.ts';

type Db = Database | Tx;

/** Filters shared by flag lists, risk tables and the map. Money in satang. */
export interface ProcessFilter {
  provinceCode?: string | undefined;
  paccRegion?: number | undefined;
  thaiMethod?: string | undefined;
  fiscalYear?: number | undefined;
  minValueSatang?: bigint | undefined;
  maxValueSatang?: bigint | undefined;
  organizationCode?: string | undefined;
  buyerId?: string | undefined;
}

/** A flag may be shown to the public: not TH07 (confidential list), and answered, reviewed, or older than the right-to-answer period. */
export const PUBLIC_AFTER_DAYS = 30;

/** Cardinal's entity-level indicators (they describe a buyer or supplier as a whole): the entity term of the risk score. */
export const ENTITY_LEVEL_CODES = ['R025', 'R038', 'R048'];

/** `where` parts for releases `r` (with provinces `p` joined) from filters and the actor's scope. */
function processWhere(eb: any, f: ProcessFilter, scope: VisibleScope | 'public'): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (f.provinceCode) parts.push(eb('r.provinceCode', '=', f.provinceCode));
  if (f.paccRegion) parts.push(eb('p.paccRegion', '=', f.paccRegion));
  if (f.thaiMethod) parts.push(eb('r.thaiMethod', '=', f.thaiMethod));
  if (f.fiscalYear) parts.push(eb('r.fiscalYear', '=', f.fiscalYear));
  if (f.minValueSatang !== undefined) parts.push(eb('r.valueSatang', '>=', f.minValueSatang.toString()));
  if (f.maxValueSatang !== undefined) parts.push(eb('r.valueSatang', '<=', f.maxValueSatang.toString()));
  if (f.buyerId) parts.push(eb('r.buyerId', '=', f.buyerId));
  if (f.organizationCode) parts.push(eb('r.organizationId', '=', eb.selectFrom('organizations').select('id').where('code', '=', f.organizationCode).limit(1)));
  if (scope !== 'public' && !scope.national) {
    const any: Expression<SqlBool>[] = [];
    if (scope.organizationIds.length) any.push(eb('r.organizationId', 'in', scope.organizationIds));
    if (scope.provinceCodes.length) any.push(eb('r.provinceCode', 'in', scope.provinceCodes));
    if (scope.paccRegions.length) any.push(eb('p.paccRegion', 'in', scope.paccRegions));
    parts.push(any.length ? eb.or(any) : sql<boolean>`false`);
  }
  return parts.length ? eb.and(parts) : sql<boolean>`true`;
}

/** Flags `f` the public may see at `now`. */
function publicFlagWhere(eb: any, now: Date): Expression<SqlBool> {
  const cutoff = new Date(now.getTime() - PUBLIC_AFTER_DAYS * 86_400_000);
  return eb.and([eb('f.withdrawnAt', 'is', null), eb('f.code', '<>', 'TH07'), eb.or([eb('f.status', '<>', 'open'), eb('f.firstSeenAt', '<=', cutoff)])]);
}

export interface FlagFilter extends ProcessFilter {
  code?: string | undefined;
  status?: string | undefined;
  supplierId?: string | undefined;
  ocid?: string | undefined;
  includeWithdrawn?: boolean;
}

export function createProcurementRepository() {
  function flagsBase(db: Db) {
    return db
      .selectFrom('procurementFlags as f')
      .innerJoin('procurementReleases as r', 'r.ocid', 'f.ocid')
      .leftJoin('provinces as p', 'p.code', 'r.provinceCode')
      .leftJoin('organizations as o', 'o.id', 'r.organizationId');
  }

  const flagColumns = [
    'f.id', 'f.ocid', 'f.code', 'f.supplierId', 'f.source', 'f.value', sql<string>`f.evidence::text`.as('evidenceJson'), 'f.thresholdsVersion', 'f.firstSeenAt', 'f.withdrawnAt',
    'f.status', 'f.response', 'f.respondedAt', 'f.reviewOutcome', 'f.reviewNote', 'f.reviewedAt',
    'r.buyerId', 'r.buyerName', 'r.organizationId', 'r.provinceCode', 'r.valueSatang', 'r.fiscalYear', 'o.code as organizationCode', 'p.paccRegion',
  ] as const;

  return {
    // Thresholds and weights ---------------------------------------------------------------------
    async insertThresholdSets(tx: Db, rows: Array<{ id: string; validFrom: string; status: 'confirmed' | 'provisional'; source: string; params: unknown }>) {
      if (rows.length === 0) return;
      await tx.insertInto('procurementThresholdSets').values(rows.map((r) => ({ ...r, params: JSON.stringify(r.params) }))).onConflict((oc) => oc.column('id').doNothing()).execute();
    },
    async insertWeights(tx: Db, weights: Record<string, number>) {
      const rows = Object.entries(weights).map(([code, weight]) => ({ code, weight }));
      if (rows.length) await tx.insertInto('procurementRiskWeights').values(rows).onConflict((oc) => oc.column('code').doNothing()).execute();
    },
    async listThresholdSets(db: Db) {
      // jsonb is read as text: the CamelCasePlugin would rename snake_case keys inside it.
      const rows = await db.selectFrom('procurementThresholdSets').select(['id', 'validFrom', 'status', sql<string>`params::text`.as('paramsJson')]).orderBy('validFrom').execute();
      return rows.map((r) => ({ ...r, params: JSON.parse(r.paramsJson) as unknown }));
    },
    async listWeights(db: Db) {
      return db.selectFrom('procurementRiskWeights').select(['code', 'weight']).orderBy('code').execute();
    },

    // Imports ------------------------------------------------------------------------------------
    async insertImport(tx: Db, row: Insertable<ProcurementImportsTable>) {
      return tx.insertInto('procurementImports').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async findImport(db: Db, id: string) {
      return db.selectFrom('procurementImports').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listImports(db: Db, createdBy: string | null, limit: number) {
      let q = db.selectFrom('procurementImports').selectAll().orderBy('createdAt', 'desc').limit(limit);
      if (createdBy) q = q.where('createdBy', '=', createdBy);
      return q.execute();
    },
    async updateImport(tx: Db, id: string, patch: Updateable<ProcurementImportsTable>) {
      await tx.updateTable('procurementImports').set(patch).where('id', '=', id).execute();
    },
    async insertIssues(tx: Db, rows: Insertable<ProcurementImportIssuesTable>[]) {
      for (let i = 0; i < rows.length; i += 1000) {
        await tx.insertInto('procurementImportIssues').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.columns(['importId', 'line', 'seq']).doNothing()).execute();
      }
    },
    async listIssues(db: Db, importId: string, limit: number, offset: number) {
      const [{ total } = { total: 0 }] = await db.selectFrom('procurementImportIssues').select(sql<number>`count(*)::int`.as('total')).where('importId', '=', importId).execute();
      const items = await db.selectFrom('procurementImportIssues').select(['line', 'severity', 'ocid', 'path', 'message']).where('importId', '=', importId).orderBy('line').orderBy('seq').limit(limit).offset(offset).execute();
      return { total, items };
    },

    // Releases -----------------------------------------------------------------------------------
    async findStoredReleases(tx: Db, ocids: string[]) {
      if (ocids.length === 0) return [];
      const rows = await tx.selectFrom('procurementReleases').select(['ocid', sql<string>`release::text`.as('json'), 'importId']).where('ocid', 'in', ocids).execute();
      return rows.map((r) => ({ ocid: r.ocid, importId: r.importId, release: JSON.parse(r.json) as Record<string, unknown> }));
    },
    async upsertReleases(tx: Db, rows: Insertable<ProcurementReleasesTable>[]) {
      if (rows.length === 0) return;
      await tx
        .insertInto('procurementReleases')
        .values(rows)
        .onConflict((oc) =>
          oc.column('ocid').doUpdateSet((eb) => ({
            release: eb.ref('excluded.release'),
            buyerId: eb.ref('excluded.buyerId'),
            buyerName: eb.ref('excluded.buyerName'),
            procurementMethod: eb.ref('excluded.procurementMethod'),
            methodDetails: eb.ref('excluded.methodDetails'),
            thaiMethod: eb.ref('excluded.thaiMethod'),
            mainCategory: eb.ref('excluded.mainCategory'),
            tenderStatus: eb.ref('excluded.tenderStatus'),
            valueSatang: eb.ref('excluded.valueSatang'),
            referenceSatang: eb.ref('excluded.referenceSatang'),
            tenderers: eb.ref('excluded.tenderers'),
            awardDate: eb.ref('excluded.awardDate'),
            fiscalYear: eb.ref('excluded.fiscalYear'),
            releaseDate: eb.ref('excluded.releaseDate'),
            importId: eb.ref('excluded.importId'),
            updatedAt: eb.ref('excluded.updatedAt'),
          })),
        )
        .execute();
    },
    async replaceSuppliers(tx: Db, ocids: string[], rows: Insertable<ProcurementReleaseSuppliersTable>[]) {
      if (ocids.length) await tx.deleteFrom('procurementReleaseSuppliers').where('ocid', 'in', ocids).execute();
      for (let i = 0; i < rows.length; i += 2000) await tx.insertInto('procurementReleaseSuppliers').values(rows.slice(i, i + 2000)).onConflict((oc) => oc.columns(['ocid', 'supplierId']).doNothing()).execute();
    },
    async upsertBuyers(tx: Db, rows: Insertable<ProcurementBuyersTable>[]) {
      if (rows.length === 0) return;
      await tx.insertInto('procurementBuyers').values(rows).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') }))).execute();
    },

    /**
     * Matches unmatched buyers to organisations: by DLA code (`TH-DLA-<code>` or a bare 7-digit id),
     * then by a name that exactly one organisation has. Then copies the match onto the releases.
     */
    async matchBuyers(tx: Db) {
      await sql`
        update procurement_buyers b set organization_id = o.id, match_method = 'code', updated_at = now()
        from organizations o
        where b.organization_id is null and o.code = coalesce(substring(b.id from '^TH-DLA-(\\d{7})$'), substring(b.id from '^(\\d{7})$'))`.execute(tx);
      await sql`
        update procurement_buyers b set organization_id = u.id, match_method = 'name', updated_at = now()
        from (select name_th, min(id::text)::uuid as id from organizations where archived_at is null group by name_th having count(*) = 1) u
        where b.organization_id is null and b.name is not null and regexp_replace(b.name, '\\s+', '', 'g') = regexp_replace(u.name_th, '\\s+', '', 'g')`.execute(tx);
      await sql`
        update procurement_releases r set organization_id = b.organization_id, province_code = o.province_code
        from procurement_buyers b join organizations o on o.id = b.organization_id
        where r.buyer_id = b.id and (r.organization_id is distinct from b.organization_id or r.province_code is distinct from o.province_code)`.execute(tx);
    },

    /** Releases in ocid order after `afterOcid`, as JSON text (for the engine's byte scanner). */
    async releasesAfter(db: Db, afterOcid: string, limit: number) {
      return db.selectFrom('procurementReleases').select(['ocid', sql<string>`release::text`.as('json')]).where('ocid', '>', afterOcid).orderBy('ocid').limit(limit).execute();
    },
    /** Changes whenever a release is added or updated: count + last update (a resumed analysis checks it). */
    async releasesFingerprint(db: Db) {
      const row = await db.selectFrom('procurementReleases').select([sql<number>`count(*)::int`.as('n'), sql<string | null>`max(updated_at)::text`.as('last')]).executeTakeFirstOrThrow();
      return { total: row.n, fingerprint: `${row.n}:${row.last ?? ''}` };
    },
    async findProcess(db: Db, ocid: string) {
      return db
        .selectFrom('procurementReleases as r')
        .leftJoin('provinces as p', 'p.code', 'r.provinceCode')
        .leftJoin('organizations as o', 'o.id', 'r.organizationId')
        .select([
          'r.ocid', 'r.buyerId', 'r.buyerName', 'r.organizationId', 'r.provinceCode', 'p.paccRegion', 'o.code as organizationCode',
          'r.procurementMethod', 'r.methodDetails', 'r.thaiMethod', 'r.valueSatang', 'r.referenceSatang', 'r.tenderers', 'r.awardDate', 'r.fiscalYear',
          sql<string | null>`r.release->'tender'->>'title'`.as('title'),
        ])
        .where('r.ocid', '=', ocid)
        .executeTakeFirst();
    },
    async suppliersOf(db: Db, ocid: string) {
      return db.selectFrom('procurementReleaseSuppliers').select(['supplierId as id', 'supplierName as name']).where('ocid', '=', ocid).orderBy('supplierId').execute();
    },
    /** Compiled releases for export, in ocid order, within the scope. */
    async exportReleases(db: Db, scope: VisibleScope, afterOcid: string, limit: number) {
      return db
        .selectFrom('procurementReleases as r')
        .leftJoin('provinces as p', 'p.code', 'r.provinceCode')
        .select(['r.ocid', sql<string>`r.release::text`.as('json')])
        .where((eb) => processWhere(eb, {}, scope))
        .where('r.ocid', '>', afterOcid)
        .orderBy('r.ocid')
        .limit(limit)
        .execute();
    },

    // Flags --------------------------------------------------------------------------------------
    /**
     * Upserts one chunk of flags (at most one row per (ocid, code, supplier)); returns how many were
     * seen for the first time. A new flag gets first_seen_at = computed_at of the analysis, an existing
     * one keeps its first_seen_at, answer and review.
     */
    async upsertFlags(tx: Db, rows: Insertable<ProcurementFlagsTable>[]): Promise<number> {
      let fresh = 0;
      for (let i = 0; i < rows.length; i += 1000) {
        const out = await tx
          .insertInto('procurementFlags')
          .values(rows.slice(i, i + 1000))
          .onConflict((oc) =>
            oc.columns(['ocid', 'code', 'supplierId']).doUpdateSet((eb) => ({
              value: eb.ref('excluded.value'),
              evidence: eb.ref('excluded.evidence'),
              thresholdsVersion: eb.ref('excluded.thresholdsVersion'),
              source: eb.ref('excluded.source'),
              computedAt: eb.ref('excluded.computedAt'),
              withdrawnAt: null,
            })),
          )
          .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
          .execute();
        for (const r of out) if (r.inserted) fresh++;
      }
      return fresh;
    },
    async countFlagsFirstSeenAt(db: Db, at: Date) {
      const row = await db.selectFrom('procurementFlags').select(sql<number>`count(*)::int`.as('n')).where('firstSeenAt', '=', at).executeTakeFirstOrThrow();
      return row.n;
    },
    async withdrawFlagsNotComputedAt(tx: Db, computedAt: Date) {
      const res = await tx.updateTable('procurementFlags').set({ withdrawnAt: computedAt }).where('computedAt', '<', computedAt).where('withdrawnAt', 'is', null).executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
    async replaceEntityFlags(tx: Db, rows: Array<{ entityKind: 'buyer' | 'procuring_entity' | 'supplier'; entityId: string; code: string; value: number; computedAt: Date }>) {
      await tx.deleteFrom('procurementEntityFlags').execute();
      for (let i = 0; i < rows.length; i += 2000) await tx.insertInto('procurementEntityFlags').values(rows.slice(i, i + 2000)).execute();
    },
    /** Sets each process's risk weight = Σ weights of its distinct live flag codes (unknown codes weigh 1). */
    async recomputeRiskWeights(tx: Db) {
      await sql`update procurement_releases set risk_weight = 0, flag_count = 0 where risk_weight <> 0 or flag_count <> 0`.execute(tx);
      await sql`
        update procurement_releases r set risk_weight = x.w, flag_count = x.n
        from (
          select f.ocid, sum(coalesce(w.weight, 1)) as w, count(*)::int as n
          from (select distinct ocid, code from procurement_flags where withdrawn_at is null) f
          left join procurement_risk_weights w on w.code = f.code
          group by f.ocid
        ) x
        where r.ocid = x.ocid`.execute(tx);
    },
    /** Rebuilds procurement_risk_summary from the releases' risk weights (run after recomputeRiskWeights). */
    async refreshRiskSummary(tx: Db) {
      await tx.deleteFrom('procurementRiskSummary').execute();
      await sql`
        insert into procurement_risk_summary (entity_kind, entity_id, name, organization_id, province_code, thai_method, fiscal_year, processes, flagged_processes, value_satang, risk_weight)
        select 'buyer', r.buyer_id, max(r.buyer_name), r.organization_id, r.province_code, r.thai_method, r.fiscal_year,
               count(*)::int, (count(*) filter (where r.flag_count > 0))::int, coalesce(sum(r.value_satang), 0), sum(r.risk_weight)
        from procurement_releases r
        where r.buyer_id is not null
        group by r.buyer_id, r.organization_id, r.province_code, r.thai_method, r.fiscal_year`.execute(tx);
      await sql`
        insert into procurement_risk_summary (entity_kind, entity_id, name, organization_id, province_code, thai_method, fiscal_year, processes, flagged_processes, value_satang, risk_weight)
        select 'supplier', s.supplier_id, max(s.supplier_name), r.organization_id, r.province_code, r.thai_method, r.fiscal_year,
               count(*)::int, (count(*) filter (where r.flag_count > 0))::int, coalesce(sum(r.value_satang), 0), sum(r.risk_weight)
        from procurement_release_suppliers s join procurement_releases r on r.ocid = s.ocid
        group by s.supplier_id, r.organization_id, r.province_code, r.thai_method, r.fiscal_year`.execute(tx);
    },
    async findFlag(db: Db, id: string) {
      return flagsBase(db).select([...flagColumns, sql<string | null>`r.release->'tender'->>'title'`.as('processTitle')]).where('f.id', '=', id).executeTakeFirst();
    },
    async listFlags(db: Db, f: FlagFilter, scope: VisibleScope | 'public', now: Date, limit: number, offset: number) {
      let q = flagsBase(db).where((eb) => processWhere(eb, f, scope));
      if (scope === 'public') q = q.where((eb) => publicFlagWhere(eb, now));
      else if (!f.includeWithdrawn) q = q.where('f.withdrawnAt', 'is', null);
      if (f.code) q = q.where('f.code', '=', f.code);
      if (f.status) q = q.where('f.status', '=', f.status as 'open');
      if (f.supplierId) q = q.where((eb) => eb.or([eb('f.supplierId', '=', f.supplierId!), eb.exists(eb.selectFrom('procurementReleaseSuppliers as s').select('s.ocid').whereRef('s.ocid', '=', 'f.ocid').where('s.supplierId', '=', f.supplierId!))]));
      if (f.ocid) q = q.where('f.ocid', '=', f.ocid);
      const [{ total } = { total: 0 }] = await q.select(sql<number>`count(*)::int`.as('total')).execute();
      const items = await q
        .select([...flagColumns, sql<string | null>`r.release->'tender'->>'title'`.as('processTitle')])
        .orderBy('f.firstSeenAt', 'desc')
        .orderBy('f.ocid')
        .orderBy('f.code')
        .orderBy('f.supplierId')
        .limit(limit)
        .offset(offset)
        .execute();
      return { total, items };
    },
    async respondToFlag(tx: Tx, id: string, response: string, userId: string | null, at: Date) {
      return tx.updateTable('procurementFlags').set({ response, respondedBy: userId, respondedAt: at, status: sql`case when status = 'reviewed' then 'reviewed' else 'answered' end` as never }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    },
    async reviewFlag(tx: Tx, id: string, outcome: 'cleared' | 'noted' | 'referred', note: string, userId: string | null, at: Date) {
      return tx.updateTable('procurementFlags').set({ reviewOutcome: outcome, reviewNote: note, reviewedBy: userId, reviewedAt: at, status: 'reviewed' }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    },
    async flagsByIds(db: Db, ids: string[]) {
      if (ids.length === 0) return [];
      return flagsBase(db).select([...flagColumns]).where('f.id', 'in', ids).execute();
    },

    // Risk ---------------------------------------------------------------------------------------
    /** Ranked buyers or suppliers: score = avg(process risk weight) + Σ entity-level flag weights. */
    async rankRisk(db: Db, entity: 'buyer' | 'supplier', f: ProcessFilter, scope: VisibleScope, minProcesses: number, limit: number, offset: number) {
      const kind = entity === 'buyer' ? 'buyer' : 'supplier';
      const entityWeights = db
        .selectFrom('procurementEntityFlags as e')
        .leftJoin('procurementRiskWeights as w', 'w.code', 'e.code')
        .select(['e.entityId', sql<number>`sum(coalesce(w.weight, 1))`.as('w')])
        .where('e.entityKind', '=', kind)
        .where('e.code', 'in', ENTITY_LEVEL_CODES)
        .groupBy('e.entityId');
      // The summary answers every filter but a value range or one buyer's processes; those read the releases.
      const useSummary = f.minValueSatang === undefined && f.maxValueSatang === undefined && !f.buyerId;
      const base = useSummary
        ? db
            .selectFrom('procurementRiskSummary as r')
            .select(['r.entityId as id', sql<string | null>`max(r.name)`.as('name')])
            .where('r.entityKind', '=', kind)
            .groupBy('r.entityId')
        : entity === 'buyer'
          ? db.selectFrom('procurementReleases as r').select(['r.buyerId as id', sql<string | null>`max(r.buyer_name)`.as('name')]).where('r.buyerId', 'is not', null).groupBy('r.buyerId')
          : db
              .selectFrom('procurementReleaseSuppliers as s')
              .innerJoin('procurementReleases as r', 'r.ocid', 's.ocid')
              .select(['s.supplierId as id', sql<string | null>`max(s.supplier_name)`.as('name')])
              .groupBy('s.supplierId');
      const totals = useSummary
        ? [
            sql<number>`sum(r.processes)::int`.as('processes'),
            sql<number>`sum(r.flagged_processes)::int`.as('flaggedProcesses'),
            sql<string>`coalesce(sum(r.value_satang), 0)::text`.as('valueSatang'),
            sql<number>`sum(r.risk_weight) / sum(r.processes)`.as('processScore'),
          ]
        : [
            sql<number>`count(*)::int`.as('processes'),
            sql<number>`(count(*) filter (where r.flag_count > 0))::int`.as('flaggedProcesses'),
            sql<string>`coalesce(sum(r.value_satang), 0)::text`.as('valueSatang'),
            sql<number>`avg(r.risk_weight)`.as('processScore'),
          ];
      const grouped = (base as any)
        .leftJoin('provinces as p', 'p.code', 'r.provinceCode')
        .leftJoin('organizations as o', 'o.id', 'r.organizationId')
        .where((eb: any) => processWhere(eb, f, scope))
        .select([sql<string | null>`max(o.code)`.as('organizationCode'), sql<string | null>`max(r.province_code)`.as('provinceCode'), ...totals])
        .having(useSummary ? sql`sum(r.processes)` : sql`count(*)`, '>=', minProcesses);
      const ranked = db
        .selectFrom(grouped.as('g'))
        .leftJoin(entityWeights.as('ew'), 'ew.entityId', 'g.id' as never)
        .select(['g.id', 'g.name', 'g.organizationCode', 'g.provinceCode', 'g.processes', 'g.flaggedProcesses', 'g.valueSatang', sql<number>`round((g.process_score + coalesce(ew.w, 0))::numeric, 4)::float8`.as('score')] as never[]);
      // One pass: the page and the total (a window count); a page past the end counts separately.
      const rows = (await db
        .selectFrom(ranked.as('x'))
        .selectAll()
        .select(sql<number>`(count(*) over ())::int`.as('total'))
        .orderBy(sql`score`, 'desc')
        .orderBy(sql`processes`, 'desc')
        .orderBy(sql`id`)
        .limit(limit)
        .offset(offset)
        .execute()) as unknown as Array<{ id: string; name: string | null; organizationCode: string | null; provinceCode: string | null; processes: number; flaggedProcesses: number; valueSatang: string; score: number; total: number }>;
      const total = rows.length ? rows[0]!.total : offset === 0 ? 0 : ((await db.selectFrom(ranked.as('x')).select(sql<number>`count(*)::int`.as('total')).executeTakeFirst())?.total ?? 0);
      const items = rows.map(({ total: _t, ...r }) => r);
      return { total, items };
    },
    /** For one entity: processes, flagged processes per code, entity-level codes (for the breakdown). */
    async riskBreakdown(db: Db, entity: 'buyer' | 'supplier', id: string, f: ProcessFilter, scope: VisibleScope) {
      const processes = () => {
        let q = db.selectFrom('procurementReleases as r').leftJoin('provinces as p', 'p.code', 'r.provinceCode').where((eb) => processWhere(eb, f, scope));
        q = entity === 'buyer' ? q.where('r.buyerId', '=', id) : q.where((eb) => eb.exists(eb.selectFrom('procurementReleaseSuppliers as s').select('s.ocid').whereRef('s.ocid', '=', 'r.ocid').where('s.supplierId', '=', id)));
        return q;
      };
      const [{ n } = { n: 0 }] = await processes().select(sql<number>`count(*)::int`.as('n')).execute();
      const byCode = await db
        .selectFrom('procurementFlags as f')
        .where('f.withdrawnAt', 'is', null)
        .where('f.ocid', 'in', processes().select('r.ocid'))
        .select(['f.code', sql<number>`count(distinct f.ocid)::int`.as('count')])
        .groupBy('f.code')
        .execute();
      const entityCodes = await db.selectFrom('procurementEntityFlags').select('code').where('entityKind', '=', entity).where('entityId', '=', id).where('code', 'in', ENTITY_LEVEL_CODES).execute();
      return { processes: n, byCode, entityCodes: entityCodes.map((e) => e.code) };
    },

    // Map ----------------------------------------------------------------------------------------
    async flagMap(db: Db, f: { fiscalYear?: number | undefined; code?: string | undefined }, scope: VisibleScope | 'public', now: Date) {
      const live = (eb: any) => {
        const parts: Expression<SqlBool>[] = [eb('f.ocid', '=', eb.ref('r.ocid'))];
        if (f.code) parts.push(eb('f.code', '=', f.code));
        parts.push(scope === 'public' ? publicFlagWhere(eb, now) : eb('f.withdrawnAt', 'is', null));
        return eb.and(parts);
      };
      return db
        .selectFrom('procurementReleases as r')
        .leftJoin('provinces as p', 'p.code', 'r.provinceCode')
        .leftJoin('procurementFlags as f', (j) => j.on((eb) => live(eb)))
        .where('r.provinceCode', 'is not', null)
        .where((eb) => processWhere(eb, { fiscalYear: f.fiscalYear }, scope))
        .select([
          'r.provinceCode',
          sql<number>`count(distinct r.ocid)::int`.as('processes'),
          sql<number>`count(f.id)::int`.as('flags'),
          sql<number>`count(distinct f.ocid)::int`.as('flaggedProcesses'),
        ])
        .groupBy('r.provinceCode')
        .orderBy('r.provinceCode')
        .execute() as Promise<Array<{ provinceCode: string; processes: number; flags: number; flaggedProcesses: number }>>;
    },

    // Analyses -----------------------------------------------------------------------------------
    async insertAnalysis(tx: Db, row: { jobId: string | null; createdBy: string | null }) {
      return tx.insertInto('procurementAnalyses').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async updateAnalysis(tx: Db, id: string, patch: Record<string, unknown>) {
      await tx.updateTable('procurementAnalyses').set(patch as never).where('id', '=', id).execute();
    },
    async findAnalysis(db: Db, id: string) {
      return db.selectFrom('procurementAnalyses').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async latestAnalysis(db: Db) {
      return db.selectFrom('procurementAnalyses').selectAll().orderBy('createdAt', 'desc').limit(1).executeTakeFirst();
    },

    // Officials (TH07) ---------------------------------------------------------------------------
    async listOfficials(db: Db) {
      return db.selectFrom('procurementOfficials').select(['id', 'name', 'taxId', 'position', 'buyerIds']).where('removedAt', 'is', null).orderBy('name').execute();
    },
    async replaceOfficials(tx: Tx, rows: Array<{ name: string; taxId: string | null; position: string | null; buyerIds: string[] }>, userId: string | null, at: Date) {
      const removed = await tx.updateTable('procurementOfficials').set({ removedAt: at }).where('removedAt', 'is', null).executeTakeFirst();
      for (let i = 0; i < rows.length; i += 1000) {
        await tx.insertInto('procurementOfficials').values(rows.slice(i, i + 1000).map((r) => ({ ...r, uploadedBy: userId }))).execute();
      }
      return Number(removed.numUpdatedRows);
    },

    // Watchlists ---------------------------------------------------------------------------------
    async listWatchlists(db: Db, userId: string) {
      const lists = await db.selectFrom('procurementWatchlists').selectAll().where('userId', '=', userId).orderBy('createdAt').execute();
      const items = lists.length
        ? await db.selectFrom('procurementWatchItems').select(['id', 'watchlistId', 'kind', 'subjectId', 'label']).where('watchlistId', 'in', lists.map((l) => l.id)).orderBy('createdAt').execute()
        : [];
      return lists.map((l) => ({ ...l, items: items.filter((i) => i.watchlistId === l.id) }));
    },
    async findWatchlist(db: Db, id: string) {
      return db.selectFrom('procurementWatchlists').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async insertWatchlist(tx: Tx, userId: string, name: string) {
      return tx.insertInto('procurementWatchlists').values({ userId, name }).returningAll().executeTakeFirstOrThrow();
    },
    async deleteWatchlist(tx: Tx, id: string) {
      await tx.deleteFrom('procurementWatchlists').where('id', '=', id).execute();
    },
    async insertWatchItem(tx: Tx, row: { watchlistId: string; kind: 'buyer' | 'supplier'; subjectId: string; label: string | null }) {
      return tx.insertInto('procurementWatchItems').values(row).onConflict((oc) => oc.columns(['watchlistId', 'kind', 'subjectId']).doUpdateSet({ label: row.label })).returningAll().executeTakeFirstOrThrow();
    },
    async deleteWatchItem(tx: Tx, watchlistId: string, itemId: string) {
      const res = await tx.deleteFrom('procurementWatchItems').where('id', '=', itemId).where('watchlistId', '=', watchlistId).executeTakeFirst();
      return Number(res.numDeletedRows) > 0;
    },
    /** Watchers of new flags (first seen by the analysis at `computedAt`): (user, flag) pairs where the user watches the flag's buyer or one of its suppliers. */
    async watchersOf(db: Db, computedAt: Date) {
      const any = await db.selectFrom('procurementWatchItems').select('id').limit(1).executeTakeFirst();
      if (!any) return [];
      return db
        .selectFrom('procurementFlags as f')
        .innerJoin('procurementReleases as r', 'r.ocid', 'f.ocid')
        .innerJoin('procurementWatchItems as i', (j) =>
          j.on((eb) =>
            eb.or([
              eb.and([eb('i.kind', '=', 'buyer'), eb('i.subjectId', '=', eb.ref('r.buyerId'))]),
              eb.and([
                eb('i.kind', '=', 'supplier'),
                eb.or([eb('i.subjectId', '=', eb.ref('f.supplierId')), eb.exists(eb.selectFrom('procurementReleaseSuppliers as s').select('s.ocid').whereRef('s.ocid', '=', 'f.ocid').whereRef('s.supplierId', '=', 'i.subjectId'))]),
              ]),
            ]),
          ),
        )
        .innerJoin('procurementWatchlists as w', 'w.id', 'i.watchlistId')
        .select(['w.userId', 'w.name as watchlistName', 'f.id as flagId', 'f.code', 'f.ocid', 'r.organizationId', 'r.provinceCode', 'i.label', 'i.subjectId'])
        .where('f.firstSeenAt', '=', computedAt)
        .where('f.withdrawnAt', 'is', null)
        .execute();
    },
    async membershipsOf(db: Db, userIds: string[]) {
      if (userIds.length === 0) return [];
      return db.selectFrom('memberships').select(['id', 'userId', 'role', 'organizationId', 'provinceCode', 'paccRegion']).where('userId', 'in', userIds).where('revokedAt', 'is', null).execute();
    },
  };
}

export type ProcurementRepository = ReturnType<typeof createProcurementRepository>;
