/** The only SQL about plans: frameworks, cycles, rubrics, deadlines, plans, items, progress, roll-ups. */
import { plans as rules } from '@prongsai/core';
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Database, Tx } from '../../db/database.ts';
import type { PlanFrameworkNodesTable, PlanItemsTable, PlansTable } from '../../db/tables.ts';
import { ADVISORY_LOCKS } from '../../db/advisory-locks.ts';

type Db = Database | Tx;
const json = (v: unknown) => JSON.stringify(v);

export interface PlanVisibility {
  /** Only published plans (the public). */
  publishedOnly: boolean;
  /** Otherwise: the organisations / provinces / regions the reader may see (national = all). */
  national?: boolean;
  organizationIds?: string[];
  provinceCodes?: string[];
  paccRegions?: number[];
  /** Oversight everywhere (national oversight roles): plans that were submitted or later. */
  oversightEverywhere?: boolean;
}

const SUBMITTED_OR_LATER = ['submitted', 'returned', 'accepted', 'published'];

export interface EntryInput {
  reportId: string;
  itemId: string;
  status: string;
  percent: number;
  spentSatang: string;
  outputs: string;
  kpiActuals: unknown;
  links: unknown;
  note: string;
  updatedByLabel: string;
}

type ItemRow = Selectable<PlanItemsTable> & { budgets: Array<{ fiscalYear: number; amountSatang: string }> };
interface ProgressOptions {
  submittedOnly: boolean;
  latestOnly: boolean;
}
type ProgressRow = { id: string; itemId: string; reportId: string; fiscalYear: number; round: string; status: string; percent: number; spentSatang: string; outputs: string; kpiActuals: unknown; links: unknown; note: string; updatedAt: Date; evidence: Array<{ fileId: string; fileName: string; contentType: string; sizeBytes: string }> };

const camelKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()), v]));

/** A plan's items, each with its budgets per fiscal year as JSON. */
const itemsQuery = (planId: string) => sql`
  select i.*, coalesce((select json_agg(json_build_object('fiscalYear', b.fiscal_year, 'amountSatang', b.amount_satang::text) order by b.fiscal_year)
    from plan_item_budgets b where b.item_id = i.id), '[]') as budgets
  from plan_items i where i.plan_id = ${planId}`;

/** The order of reporting rounds within a fiscal year (core's roundOrder) as SQL over `r.round`. */
const ROUND_RANK = sql`case r.round ${sql.join((['q1', 'q2', '6m', 'q3', '12m'] as const).map((round) => sql`when ${sql.lit(round)} then ${sql.lit(rules.roundOrder(round))}`), sql` `)} else 0 end`;

/** A plan's progress entries with year, round and evidence (each item's latest only, with `latestOnly`). */
const progressQuery = (planId: string, options: ProgressOptions) => sql`
  select ${options.latestOnly ? sql`distinct on (e.item_id)` : sql``} e.id, e.item_id, e.report_id, r.fiscal_year, r.round, e.status, e.percent, e.spent_satang::text as spent_satang,
    e.outputs, e.kpi_actuals, e.links, e.note, e.updated_at,
    coalesce((select json_agg(json_build_object('fileId', f.id, 'fileName', f.file_name, 'contentType', f.content_type, 'sizeBytes', f.size_bytes::text) order by ev.created_at)
      from plan_progress_evidence ev join stored_files f on f.id = ev.file_id where ev.entry_id = e.id), '[]') as evidence
  from plan_progress_reports r join plan_progress_entries e on e.report_id = r.id
  where r.plan_id = ${planId} ${options.submittedOnly ? sql`and r.status = 'submitted'` : sql``}
  ${options.latestOnly ? sql`order by e.item_id, r.fiscal_year desc, ${ROUND_RANK} desc, r.round` : sql``}`;

/**
 * Recomputes the roll-up totals of these plans (plan_year_totals, migration 202611231300) in the
 * transaction of the write that changed their items, budgets or progress entries.
 */
async function refreshYearTotals(tx: Tx, planIds: string[]) {
  if (planIds.length > 0) await sql`select plan_year_totals_refresh(${planIds}::uuid[])`.execute(tx);
}

/** Saves entries of one plan's reports in one statement and refreshes the plan's roll-up totals. */
async function upsertEntries(tx: Tx, planId: string, rows: EntryInput[]) {
  if (rows.length === 0) return [];
  // One row per entry (a repeated item in one request: the last one wins, as when saved one by one).
  const unique = [...new Map(rows.map((r) => [`${r.reportId}:${r.itemId}`, r])).values()];
  const saved = await tx
    .insertInto('planProgressEntries')
    .values(unique.map((row) => ({ ...row, kpiActuals: json(row.kpiActuals), links: json(row.links) })))
    .onConflict((oc) =>
      oc.columns(['reportId', 'itemId']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'), percent: eb.ref('excluded.percent'), spentSatang: eb.ref('excluded.spentSatang'), outputs: eb.ref('excluded.outputs'),
        kpiActuals: eb.ref('excluded.kpiActuals'), links: eb.ref('excluded.links'), note: eb.ref('excluded.note'), updatedByLabel: eb.ref('excluded.updatedByLabel'),
        updatedAt: sql`now()` as never,
      })),
    )
    .returningAll()
    .execute();
  await refreshYearTotals(tx, [planId]);
  return saved;
}

export function createPlansRepository() {
  function planQuery(db: Db) {
    return db
      .selectFrom('plans as pl')
      .innerJoin('organizations as o', 'o.id', 'pl.organizationId')
      .leftJoin('provinces as pv', 'pv.code', 'o.provinceCode')
      .leftJoin('districts as d', 'd.code', 'o.districtCode')
      .innerJoin('planCycles as c', 'c.id', 'pl.cycleId')
      .innerJoin('planFrameworks as f', 'f.id', 'pl.frameworkId')
      .leftJoin('planDeadlines as dl', (j) => j.onRef('dl.cycleId', '=', 'pl.cycleId').onRef('dl.provinceCode', '=', 'o.provinceCode'))
      .select([
        'pl.id', 'pl.lineageId', 'pl.version', 'pl.previousVersionId', 'pl.organizationId', 'pl.cycleId', 'pl.frameworkId', 'pl.titleTh', 'pl.status',
        'pl.part1', 'pl.workingGroup', 'pl.coverageReasons', 'pl.reportingRounds', 'pl.rowVersion', 'pl.createdAt', 'pl.updatedAt',
        'pl.submittedAt', 'pl.acceptedAt', 'pl.publishedAt',
        'o.code as orgCode', 'o.kind as orgKind', 'o.nameTh as orgNameTh', 'o.provinceCode', 'pv.nameTh as provinceNameTh', 'pv.paccRegion',
        'o.districtCode', 'd.nameTh as districtNameTh',
        'c.code as cycleCode', 'c.firstYear', 'c.lastYear',
        'f.code as frameworkCode', 'f.version as frameworkVersion', 'f.nameTh as frameworkNameTh',
        'dl.dueAt as deadlineDueAt',
      ])
      .select([
        sql<number>`(select count(*)::int from plan_items i where i.plan_id = pl.id)`.as('itemCount'),
        sql<string>`(select coalesce(sum(b.amount_satang), 0)::text from plan_items i join plan_item_budgets b on b.item_id = i.id where i.plan_id = pl.id and not i.no_budget)`.as('totalSatang'),
      ]);
  }

  return {
    // --- frameworks -------------------------------------------------------------------------
    async listFrameworks(db: Db) {
      return db
        .selectFrom('planFrameworks as f')
        .selectAll('f')
        .select(sql<number>`(select count(*)::int from plans p where p.framework_id = f.id)`.as('planCount'))
        .orderBy('f.code')
        .orderBy('f.version')
        .execute();
    },
    async findFramework(db: Db, id: string) {
      return db
        .selectFrom('planFrameworks as f')
        .selectAll('f')
        .select(sql<number>`(select count(*)::int from plans p where p.framework_id = f.id)`.as('planCount'))
        .where('f.id', '=', id)
        .executeTakeFirst();
    },
    async findFrameworkByVersion(db: Db, code: string, version: string) {
      return db.selectFrom('planFrameworks').selectAll().where('code', '=', code).where('version', '=', version).executeTakeFirst();
    },
    async listNodes(db: Db, frameworkId: string) {
      return db.selectFrom('planFrameworkNodes').selectAll().where('frameworkId', '=', frameworkId).orderBy('position').execute();
    },
    async insertFramework(tx: Tx, row: Insertable<import('../../db/tables.ts').PlanFrameworksTable>) {
      return tx.insertInto('planFrameworks').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async updateFramework(tx: Tx, id: string, patch: Updateable<import('../../db/tables.ts').PlanFrameworksTable>) {
      return tx.updateTable('planFrameworks').set({ ...patch, updatedAt: sql`now()` as never }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    },
    async replaceNodes(tx: Tx, frameworkId: string, nodes: Array<{ code: string; parentCode: string | null; level: number; position: number; titleTh: string; titleEn: string | null; unconfirmed: boolean; sourceNote: string | null }>) {
      await tx.deleteFrom('planFrameworkNodes').where('frameworkId', '=', frameworkId).execute();
      if (nodes.length > 0) await tx.insertInto('planFrameworkNodes').values(nodes.map((n) => ({ ...n, frameworkId }))).execute();
    },

    /** Serialises the start-up loaders of several instances (transaction-scoped lock). */
    async lockFrameworkLoad(tx: Tx) {
      await sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.planFrameworks})`.execute(tx);
    },

    // --- cycles -----------------------------------------------------------------------------
    async listCycles(db: Db) {
      return db.selectFrom('planCycles').selectAll().orderBy('firstYear').orderBy('lastYear').execute();
    },
    async findCycle(db: Db, id: string) {
      return db.selectFrom('planCycles').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async findCycleByCode(db: Db, code: string) {
      return db.selectFrom('planCycles').selectAll().where('code', '=', code).executeTakeFirst();
    },
    async insertCycle(tx: Tx, row: Insertable<import('../../db/tables.ts').PlanCyclesTable>) {
      return tx.insertInto('planCycles').values(row).onConflict((oc) => oc.column('code').doNothing()).returningAll().executeTakeFirst();
    },

    // --- rubrics ----------------------------------------------------------------------------
    async listRubrics(db: Db) {
      return db.selectFrom('planRubrics').selectAll().orderBy('code').orderBy('version', 'desc').execute();
    },
    async findRubric(db: Db, id: string) {
      return db.selectFrom('planRubrics').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listCriteria(db: Db, rubricIds: string[]) {
      if (rubricIds.length === 0) return [];
      return db.selectFrom('planRubricCriteria').selectAll().where('rubricId', 'in', rubricIds).orderBy('position').execute();
    },
    async nextRubricVersion(db: Db, code: string): Promise<number> {
      const row = await db.selectFrom('planRubrics').select(sql<number>`coalesce(max(version), 0)::int + 1`.as('v')).where('code', '=', code).executeTakeFirstOrThrow();
      return row.v;
    },
    async insertRubric(tx: Tx, row: Insertable<import('../../db/tables.ts').PlanRubricsTable>, criteria: Array<{ dimensionCode: string | null; textTh: string; textEn: string | null; maxPoints: number }>) {
      const rubric = await tx.insertInto('planRubrics').values(row).returningAll().executeTakeFirstOrThrow();
      await tx.insertInto('planRubricCriteria').values(criteria.map((c, i) => ({ ...c, rubricId: rubric.id, position: i + 1 }))).execute();
      return rubric;
    },

    // --- deadlines --------------------------------------------------------------------------
    async upsertDeadline(tx: Tx, row: { cycleId: string; provinceCode: string; dueAt: Date; note: string | null; setBy: string | null }) {
      return tx
        .insertInto('planDeadlines')
        .values(row)
        .onConflict((oc) => oc.columns(['cycleId', 'provinceCode']).doUpdateSet({ dueAt: row.dueAt, note: row.note, setBy: row.setBy, updatedAt: sql`now()` as never }))
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    async findDeadline(db: Db, cycleId: string, provinceCode: string) {
      return db.selectFrom('planDeadlines').selectAll().where('cycleId', '=', cycleId).where('provinceCode', '=', provinceCode).executeTakeFirst();
    },
    async listDeadlines(db: Db, filter: { cycleId?: string | undefined; provinceCode?: string | undefined }) {
      let q = db
        .selectFrom('planDeadlines as dl')
        .innerJoin('planCycles as c', 'c.id', 'dl.cycleId')
        .innerJoin('provinces as p', 'p.code', 'dl.provinceCode')
        .select(['dl.cycleId', 'c.code as cycleCode', 'dl.provinceCode', 'p.nameTh as provinceNameTh', 'dl.dueAt', 'dl.note', 'dl.updatedAt']);
      if (filter.cycleId) q = q.where('dl.cycleId', '=', filter.cycleId);
      if (filter.provinceCode) q = q.where('dl.provinceCode', '=', filter.provinceCode);
      return q.orderBy('dl.provinceCode').execute();
    },
    /** Deadlines from `from` to `to` with the organisations of the province that have not submitted. */
    async findUnsubmittedBeforeDeadlines(db: Db, from: Date, to: Date) {
      return db
        .selectFrom('planDeadlines as dl')
        .innerJoin('organizations as o', 'o.provinceCode', 'dl.provinceCode')
        .leftJoin('plans as pl', (j) => j.onRef('pl.organizationId', '=', 'o.id').onRef('pl.cycleId', '=', 'dl.cycleId'))
        .select(['dl.cycleId', 'dl.provinceCode', 'dl.dueAt', 'o.id as organizationId', sql<string | null>`max(pl.id::text)`.as('planId')])
        .where('dl.dueAt', '>=', from)
        .where('dl.dueAt', '<=', to)
        .where('o.kind', 'in', ['pao', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao', 'special'])
        .where('o.archivedAt', 'is', null)
        .groupBy(['dl.cycleId', 'dl.provinceCode', 'dl.dueAt', 'o.id'])
        .having(sql<boolean>`bool_and(pl.status is null or pl.status not in ('submitted', 'returned', 'accepted', 'published'))`)
        .execute();
    },
    async markReminderSent(tx: Db, key: string): Promise<boolean> {
      const r = await tx.insertInto('planRemindersSent').values({ key }).onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst();
      return r !== undefined;
    },
    async remindersSent(db: Db, keys: string[]) {
      if (keys.length === 0) return new Set<string>();
      const rows = await db.selectFrom('planRemindersSent').select('key').where('key', 'in', keys).execute();
      return new Set(rows.map((r) => r.key));
    },

    /** Is a job of this kind waiting in the queue? Under a lock, so two workers starting at once schedule one. */
    async hasQueuedJob(tx: Tx, kind: string): Promise<boolean> {
      await sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.recurringJobs})`.execute(tx);
      const row = await tx.selectFrom('jobs').select('id').where('kind', '=', kind).where('status', '=', 'queued').limit(1).executeTakeFirst();
      return row !== undefined;
    },

    // --- plans ------------------------------------------------------------------------------
    async findPlan(db: Db, id: string) {
      return planQuery(db).where('pl.id', '=', id).executeTakeFirst();
    },
    async listPlans(db: Db, f: { organizationId?: string; cycleId?: string; status?: string; provinceCode?: string; limit: number; offset: number }, v: PlanVisibility) {
      let q = planQuery(db);
      if (f.organizationId) q = q.where('pl.organizationId', '=', f.organizationId);
      if (f.cycleId) q = q.where('pl.cycleId', '=', f.cycleId);
      if (f.status) q = q.where('pl.status', '=', f.status);
      if (f.provinceCode) q = q.where('o.provinceCode', '=', f.provinceCode);
      if (v.publishedOnly) q = q.where('pl.status', '=', 'published');
      else if (!v.national) {
        q = q.where((eb) => {
          const ors = [eb('pl.status', '=', 'published')];
          if (v.organizationIds?.length) ors.push(eb('pl.organizationId', 'in', v.organizationIds));
          const oversight = [];
          if (v.oversightEverywhere) oversight.push(eb.lit(true));
          if (v.provinceCodes?.length) oversight.push(eb('o.provinceCode', 'in', v.provinceCodes));
          if (v.paccRegions?.length) oversight.push(eb('pv.paccRegion', 'in', v.paccRegions));
          if (oversight.length) ors.push(eb.and([eb.or(oversight), eb('pl.status', 'in', SUBMITTED_OR_LATER)]));
          return eb.or(ors);
        });
      }
      const [{ total } = { total: 0 }] = await q.clearSelect().select(sql<number>`count(*)::int`.as('total')).execute();
      const items = await q.orderBy('c.firstYear', 'desc').orderBy('pl.version', 'desc').orderBy('pl.createdAt', 'desc').limit(f.limit).offset(f.offset).execute();
      return { total, items };
    },
    async insertPlan(tx: Tx, row: Insertable<PlansTable>) {
      return tx.insertInto('plans').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async updatePlan(tx: Tx, id: string, patch: Updateable<PlansTable>, ifVersion?: number) {
      let q = tx.updateTable('plans').set({ ...patch, rowVersion: sql`row_version + 1` as never, updatedAt: sql`now()` as never }).where('id', '=', id);
      if (ifVersion !== undefined) q = q.where('rowVersion', '=', ifVersion);
      return q.returningAll().executeTakeFirst();
    },
    async latestVersionOf(db: Db, lineageId: string) {
      return db.selectFrom('plans').select(['id', 'version', 'status']).where('lineageId', '=', lineageId).orderBy('version', 'desc').executeTakeFirst();
    },
    async listVersions(db: Db, lineageId: string) {
      return db.selectFrom('plans').select(['id', 'version', 'status', 'createdAt', 'publishedAt']).where('lineageId', '=', lineageId).orderBy('version').execute();
    },

    // --- items ------------------------------------------------------------------------------
    /** The plan's items in order, each with its budgets per fiscal year (one query). */
    async listItems(db: Db, planId: string): Promise<ItemRow[]> {
      return (await sql<ItemRow>`${itemsQuery(planId)} order by i.position, i.created_at`.execute(db)).rows;
    },
    async findItem(db: Db, planId: string, itemId: string) {
      return db.selectFrom('planItems').selectAll().where('planId', '=', planId).where('id', '=', itemId).executeTakeFirst();
    },
    async nextPosition(db: Db, planId: string): Promise<number> {
      const r = await db.selectFrom('planItems').select(sql<number>`coalesce(max(position), 0)::int + 1`.as('p')).where('planId', '=', planId).executeTakeFirstOrThrow();
      return r.p;
    },
    async insertItems(tx: Tx, rows: Array<Insertable<PlanItemsTable> & { budgets: Array<{ fiscalYear: number; amountSatang: bigint | string }> }>) {
      const out = [];
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const inserted = await tx.insertInto('planItems').values(chunk.map(({ budgets: _b, ...r }) => r)).returningAll().execute();
        const budgets = inserted.flatMap((row, k) => chunk[k]!.budgets.map((b) => ({ itemId: row.id, fiscalYear: b.fiscalYear, amountSatang: b.amountSatang.toString() })));
        for (let j = 0; j < budgets.length; j += 1000) await tx.insertInto('planItemBudgets').values(budgets.slice(j, j + 1000)).execute();
        out.push(...inserted);
      }
      await refreshYearTotals(tx, [...new Set(rows.map((r) => r.planId))]);
      return out;
    },
    async updateItem(tx: Tx, itemId: string, patch: Updateable<PlanItemsTable>, budgets?: Array<{ fiscalYear: number; amountSatang: bigint | string }>) {
      const row = await tx.updateTable('planItems').set({ ...patch, updatedAt: sql`now()` as never }).where('id', '=', itemId).returningAll().executeTakeFirstOrThrow();
      if (budgets) {
        await tx.deleteFrom('planItemBudgets').where('itemId', '=', itemId).execute();
        if (budgets.length) await tx.insertInto('planItemBudgets').values(budgets.map((b) => ({ itemId, fiscalYear: b.fiscalYear, amountSatang: b.amountSatang.toString() }))).execute();
      }
      await refreshYearTotals(tx, [row.planId]);
      return row;
    },
    async deleteItem(tx: Tx, itemId: string) {
      const row = await tx.deleteFrom('planItems').where('id', '=', itemId).returning('planId').executeTakeFirst();
      if (row) await refreshYearTotals(tx, [row.planId]);
    },
    async deleteAllItems(tx: Tx, planId: string) {
      await tx.deleteFrom('planItems').where('planId', '=', planId).execute();
      await refreshYearTotals(tx, [planId]);
    },
    async setPositions(tx: Tx, planId: string, itemIds: string[]) {
      if (itemIds.length === 0) return;
      await sql`update plan_items set position = v.pos, updated_at = now()
        from (select * from unnest(${sql.val(itemIds)}::uuid[], ${sql.val(itemIds.map((_, i) => i + 1))}::int[]) as t(id, pos)) v
        where plan_items.id = v.id and plan_items.plan_id = ${planId}`.execute(tx);
    },
    /** Copies items and budgets to a new plan version, keeping item keys. */
    async copyItems(tx: Tx, fromPlanId: string, toPlanId: string) {
      await sql`with src as (
          select i.*, gen_random_uuid() as new_id from plan_items i where i.plan_id = ${fromPlanId}
        ), ins as (
          insert into plan_items (id, plan_id, item_key, position, type, framework_code, dimension_code, name_th, no_budget, responsible_unit, quarters, remarks, sheet, has_kpis, updated_by_label, created_at, updated_at)
          select new_id, ${toPlanId}, item_key, position, type, framework_code, dimension_code, name_th, no_budget, responsible_unit, quarters, remarks, sheet, has_kpis, updated_by_label, created_at, updated_at from src
          returning id
        )
        insert into plan_item_budgets (item_id, fiscal_year, amount_satang)
        select src.new_id, b.fiscal_year, b.amount_satang from src join plan_item_budgets b on b.item_id = src.id`.execute(tx);
      await refreshYearTotals(tx, [toPlanId]);
    },
    refreshYearTotals,

    // --- events, comments, reviews ------------------------------------------------------------
    async insertEvent(tx: Tx, row: { planId: string; at: Date; actorUserId: string | null; actorLabel: string; action: string; fromStatus: string | null; toStatus: string | null; comment: string | null }) {
      return tx.insertInto('planEvents').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async listEvents(db: Db, planIds: string[]) {
      if (planIds.length === 0) return [];
      return db.selectFrom('planEvents').selectAll().where('planId', 'in', planIds).orderBy('id').execute();
    },
    async insertComments(tx: Tx, rows: Array<{ planId: string; itemId: string | null; eventId: string | null; authorUserId: string | null; authorLabel: string; body: string; createdAt: Date }>) {
      if (rows.length) await tx.insertInto('planComments').values(rows).execute();
    },
    async listComments(db: Db, planId: string) {
      return db.selectFrom('planComments').selectAll().where('planId', '=', planId).orderBy('createdAt').execute();
    },
    async insertReview(tx: Tx, row: Insertable<import('../../db/tables.ts').PlanReviewsTable>) {
      return tx.insertInto('planReviews').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async listReviews(db: Db, planId: string) {
      return db
        .selectFrom('planReviews as r')
        .innerJoin('planRubrics as rb', 'rb.id', 'r.rubricId')
        .selectAll('r')
        .select('rb.nameTh as rubricNameTh')
        .where('r.planId', '=', planId)
        .orderBy('r.createdAt')
        .execute();
    },

    // --- people to notify -------------------------------------------------------------------
    async usersWithRoles(db: Db, where: { organizationId?: string; provinceCode?: string | null }, roles: string[]) {
      let q = db.selectFrom('memberships').select('userId').distinct().where('revokedAt', 'is', null).where('role', 'in', roles);
      if (where.organizationId) q = q.where('organizationId', '=', where.organizationId);
      if (where.provinceCode !== undefined) {
        if (where.provinceCode === null) return [];
        q = q.where('provinceCode', '=', where.provinceCode);
      }
      return (await q.execute()).map((r) => r.userId);
    },

    // --- progress ---------------------------------------------------------------------------
    async findReport(db: Db, planId: string, fiscalYear: number, round: string) {
      return db.selectFrom('planProgressReports').selectAll().where('planId', '=', planId).where('fiscalYear', '=', fiscalYear).where('round', '=', round).executeTakeFirst();
    },
    async listReports(db: Db, planId: string) {
      return db.selectFrom('planProgressReports').selectAll().where('planId', '=', planId).orderBy('fiscalYear').orderBy('round').execute();
    },
    async upsertReport(tx: Tx, planId: string, fiscalYear: number, round: string, summary: string) {
      return tx
        .insertInto('planProgressReports')
        .values({ planId, fiscalYear, round, summary })
        .onConflict((oc) => oc.columns(['planId', 'fiscalYear', 'round']).doUpdateSet({ summary, updatedAt: sql`now()` as never }))
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    /** Submits a progress report; only submitted reports count in the roll-up totals, so refresh them. */
    async submitReport(tx: Tx, reportId: string, at: Date) {
      const report = await tx.updateTable('planProgressReports').set({ status: 'submitted', submittedAt: at, updatedAt: sql`now()` as never }).where('id', '=', reportId).returningAll().executeTakeFirstOrThrow();
      await refreshYearTotals(tx, [report.planId]);
      return report;
    },
    /** Saves entries of one plan's reports (one statement) and refreshes the plan's roll-up totals. */
    upsertEntries,
    async findEntry(db: Db, reportId: string, itemId: string) {
      return db.selectFrom('planProgressEntries').selectAll().where('reportId', '=', reportId).where('itemId', '=', itemId).executeTakeFirst();
    },
    /**
     * Progress entries of a plan with their report's year and round and their evidence files, in one
     * query: every entry, or with `latestOnly` each item's latest (last year, last round).
     */
    async listPlanProgress(db: Db, planId: string, options: ProgressOptions) {
      return (await sql<ProgressRow>`${progressQuery(planId, options)}`.execute(db)).rows;
    },
    /**
     * What a plan page shows besides the plan row, in ONE query: items with budgets, the framework's
     * nodes, and each item's latest progress (as JSON, decoded natively rather than value by value).
     */
    async planContent(db: Db, planId: string, frameworkId: string, submittedOnly: boolean) {
      const result = await sql<{ items: Array<Record<string, unknown>>; nodes: Array<Record<string, unknown>>; progress: Array<Record<string, unknown>> }>`
        select
          (select coalesce(json_agg(x order by x.position, x.created_at), '[]') from (${itemsQuery(planId)}) x) as items,
          (select coalesce(json_agg(n order by n.position), '[]') from plan_framework_nodes n where n.framework_id = ${frameworkId}) as nodes,
          (select coalesce(json_agg(e), '[]') from (${progressQuery(planId, { submittedOnly, latestOnly: true })}) e) as progress`.execute(db);
      const row = result.rows[0]!;
      const dated = <T>(o: Record<string, unknown>, keys: string[]) => {
        const c = camelKeys(o);
        for (const k of keys) if (typeof c[k] === 'string') c[k] = new Date(c[k] as string);
        return c as T;
      };
      return {
        items: row.items.map((i) => dated<ItemRow>(i, ['createdAt', 'updatedAt'])),
        nodes: row.nodes.map((n) => camelKeys(n) as Selectable<PlanFrameworkNodesTable>),
        progress: row.progress.map((e) => dated<ProgressRow>(e, ['updatedAt'])),
      };
    },
    async addEvidence(tx: Tx, entryId: string, fileId: string) {
      await tx.insertInto('planProgressEvidence').values({ entryId, fileId }).onConflict((oc) => oc.columns(['entryId', 'fileId']).doNothing()).execute();
    },
    /** Is the file evidence of this plan? */
    async evidenceBelongsToPlan(db: Db, planId: string, fileId: string) {
      const r = await db
        .selectFrom('planProgressEvidence as ev')
        .innerJoin('planProgressEntries as e', 'e.id', 'ev.entryId')
        .innerJoin('planProgressReports as r', 'r.id', 'e.reportId')
        .select('ev.fileId')
        .where('r.planId', '=', planId)
        .where('ev.fileId', '=', fileId)
        .executeTakeFirst();
      return r !== undefined;
    },

    // --- roll-ups and province views ----------------------------------------------------------
    /**
     * Roll-up for a fiscal year: planned money, items with and without budget, and the latest
     * progress of the year per item, grouped by dimension, organisation, district, province, PACC
     * region or the nation. Only plans in `statuses`; one plan per organisation and cycle (the
     * latest version in those statuses).
     */
    async rollup(db: Db, q: { fiscalYear: number; level: string; statuses: string[]; provinceCode?: string | undefined; paccRegion?: number | undefined; organizationCode?: string | undefined }) {
      const keyExpr = {
        dimension: sql`i.dimension_code`,
        organization: sql`o.code`,
        district: sql`coalesce(o.district_code, '-')`,
        province: sql`coalesce(o.province_code, '-')`,
        region: sql`coalesce(pv.pacc_region::text, '-')`,
        nation: sql`'TH'`,
      }[q.level as 'nation'];
      const labelExpr = {
        dimension: sql`min(i.dimension_code)`,
        organization: sql`min(o.name_th)`,
        district: sql`coalesce(min(d.name_th), '-')`,
        province: sql`coalesce(min(pv.name_th), '-')`,
        region: sql`coalesce('ป.ป.ท. เขต ' || min(pv.pacc_region)::text, '-')`,
        nation: sql`'ประเทศไทย'`,
      }[q.level as 'nation'];
      // Adds up plan_year_totals (kept per plan, fiscal year and dimension on every write), not items and entries.
      const result = await sql<{ key: string; labelTh: string; plans: number; items: number; withBudget: number; noBudget: number; plannedSatang: string; spentSatang: string; reportedItems: number; completedItems: number; averagePercent: string | null }>`
        with pl as (
          select distinct on (p.organization_id, p.cycle_id) p.id, p.organization_id
          from plans p join plan_cycles c on c.id = p.cycle_id
          where p.status in (${sql.join(q.statuses)}) and ${q.fiscalYear} between c.first_year and c.last_year
          order by p.organization_id, p.cycle_id, p.version desc
        )
        select ${keyExpr} as key, ${labelExpr} as label_th,
          count(distinct i.plan_id)::int as plans,
          sum(i.items)::int as items,
          sum(i.with_budget)::int as with_budget,
          sum(i.no_budget)::int as no_budget,
          coalesce(sum(i.planned_satang), 0)::text as planned_satang,
          coalesce(sum(i.spent_satang), 0)::text as spent_satang,
          sum(i.reported_items)::int as reported_items,
          sum(i.completed_items)::int as completed_items,
          round(sum(i.percent_sum)::numeric / sum(i.items), 1)::text as average_percent
        from pl join plan_year_totals i on i.plan_id = pl.id and i.fiscal_year = ${q.fiscalYear}
        join organizations o on o.id = pl.organization_id
        left join provinces pv on pv.code = o.province_code
        left join districts d on d.code = o.district_code
        where true
          ${q.provinceCode ? sql`and o.province_code = ${q.provinceCode}` : sql``}
          ${q.paccRegion ? sql`and pv.pacc_region = ${q.paccRegion}` : sql``}
          ${q.organizationCode ? sql`and o.code = ${q.organizationCode}` : sql``}
        group by 1
        order by 1`.execute(db);
      return result.rows;
    },

    /**
     * Every item with a budget in `fiscalYear` or without budget, of plans in the province (latest
     * version per organisation), ordered by dimension, district, organisation and position. One row
     * per plan with its items as JSON: far fewer values to decode (PGlite decodes each in JS).
     */
    async provinceItems(db: Db, q: { provinceCode: string; fiscalYear: number; statuses: string[] }) {
      const result = await sql<{ planId: string; organizationCode: string; organizationNameTh: string; districtCode: string | null; planStatus: string; frameworkId: string; items: Array<[string, string, string, string, string, boolean, string, string, number]> }>`
        with pl as (
          select distinct on (p.organization_id, p.cycle_id) p.id, p.status, p.framework_id, o.code, o.name_th, o.district_code
          from organizations o join plans p on p.organization_id = o.id join plan_cycles c on c.id = p.cycle_id
          where o.province_code = ${q.provinceCode} and p.status in (${sql.join(q.statuses)}) and ${q.fiscalYear} between c.first_year and c.last_year
          order by p.organization_id, p.cycle_id, p.version desc
        )
        select pl.id as plan_id, pl.code as organization_code, pl.name_th as organization_name_th, pl.district_code, pl.status as plan_status, pl.framework_id,
          json_agg(json_build_array(i.id, i.framework_code, i.dimension_code, i.type, i.name_th, i.no_budget, coalesce(b.amount_satang, 0)::text, i.responsible_unit, i.position)
            order by i.position) as items
        from pl join plan_items i on i.plan_id = pl.id
        left join plan_item_budgets b on b.item_id = i.id and b.fiscal_year = ${q.fiscalYear}
        where i.no_budget or b.amount_satang is not null
        group by pl.id, pl.code, pl.name_th, pl.district_code, pl.status, pl.framework_id
        order by pl.district_code nulls first, pl.code`.execute(db);
      const rows = result.rows.flatMap((p) =>
        p.items.map(([itemId, frameworkCode, dimensionCode, type, nameTh, noBudget, amountSatang, responsibleUnit, position]) => ({
          planId: p.planId, itemId, organizationCode: p.organizationCode, organizationNameTh: p.organizationNameTh, districtCode: p.districtCode,
          frameworkCode, dimensionCode, type, nameTh, noBudget, amountSatang, responsibleUnit, planStatus: p.planStatus, frameworkId: p.frameworkId, position,
        })),
      );
      // Stable: within a dimension the rows keep the district, organisation, position order.
      return rows.sort((x, y) => (x.dimensionCode < y.dimensionCode ? -1 : x.dimensionCode > y.dimensionCode ? 1 : 0));
    },

    /** Organisations of a province (local governments and the provincial hall) with their latest plan in a cycle. */
    async provinceDashboardRows(db: Db, provinceCode: string, cycleId: string) {
      const result = await sql<{ id: string; code: string; kind: string; nameTh: string; districtCode: string | null; districtNameTh: string | null; lat: number | null; lon: number | null; planId: string | null; planStatus: string | null; submittedAt: Date | null; frameworkId: string | null; coverageReasons: Record<string, string> | null; coveredCodes: string[] | null }>`
        select o.id, o.code, o.kind, o.name_th, o.district_code, d.name_th as district_name_th, o.lat, o.lon,
          p.id as plan_id, p.status as plan_status, p.submitted_at, p.framework_id, p.coverage_reasons,
          (select array_agg(distinct i.framework_code) from plan_items i where i.plan_id = p.id) as covered_codes
        from organizations o
        left join districts d on d.code = o.district_code
        left join lateral (
          select * from plans p where p.organization_id = o.id and p.cycle_id = ${cycleId}
          order by (p.status in ('submitted', 'returned', 'accepted', 'published')) desc, p.version desc limit 1
        ) p on true
        where o.province_code = ${provinceCode} and o.archived_at is null
          and o.kind in ('pao', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao', 'special', 'provincial_hall')
        order by o.district_code nulls first, o.code`.execute(db);
      return result.rows;
    },

    async findProvince(db: Db, code: string) {
      return db.selectFrom('provinces').selectAll().where('code', '=', code).executeTakeFirst();
    },
    async findOrganizationByCode(db: Db, code: string) {
      return db.selectFrom('organizations').select(['id', 'code', 'kind', 'nameTh', 'provinceCode']).where('code', '=', code).executeTakeFirst();
    },
  };
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;
