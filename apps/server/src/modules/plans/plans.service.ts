/**
 * Use cases of anti-corruption action plans: configuration (frameworks, cycles, rubrics,
 * deadlines), drafting (parts 1–3, items, import), the workflow with notifications, reviews and
 * versions, progress with evidence, roll-ups and the province views. Every method takes an Actor
 * and asks the policy; every write is audited in its transaction.
 */
import { fiscalYearsOfSpan, plans as rules } from '@prongsai/core';
import {
  PLAN_STATUS_LABELS,
  PlanProjectSheetSchema,
  type CreatePlanBody,
  type CreatePlanCycleBody,
  type ListPlansQuery,
  type Plan,
  type PlanAction,
  type PlanChecks,
  type PlanComparison,
  type PlanCreateFrameworkBody,
  type PlanCreateRubricBody,
  type PlanCycle,
  type PlanDeadline,
  type PlanEvent,
  type PlanFramework,
  type PlanFrameworkSummary,
  type PlanItem,
  type PlanItemInput,
  type PlanItemPatch,
  type PlanItemProgress,
  type PlanList,
  type PlanProgressReport,
  type PlanReportRound,
  type PlanRubric,
  type PlanStatus,
  type PlanSummary,
  type PlanTransitionBody,
  type PlanUpdateFrameworkBody,
  type ScorePlanBody,
  type SetPlanDeadlineBody,
  type UpdatePlanBody,
  type PlanSaveProgressBody,
  type PlanDueReminder,
} from '@prongsai/contracts';
import type { Actor } from '../../auth/actor.ts';
import { actorLabel } from '../../auth/actor.ts';
import { assertCan, can, NATIONAL_SCOPE, visibleScope, type ResourceScope } from '../../auth/policy.ts';
import { recordAudit, type RequestContext } from '../../audit/audit.ts';
import type { Database, Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { notify } from '../../platform/notifications.ts';
import type { Mailer } from '../../platform/mailer.ts';
import type { FileStore } from '../../platform/file-store.ts';
import { openFile, saveFile } from '../../platform/file-store.ts';
import { createPlansRepository } from './plans.repository.ts';

export interface PlansServiceDeps {
  db: Database;
  clock: Clock;
  mailer?: Mailer;
  fileStore: FileStore;
  publicUrl?: string;
}

type PlanRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createPlansRepository>['findPlan']>>>;
type ItemRow = Awaited<ReturnType<ReturnType<typeof createPlansRepository>['listItems']>>[number];

const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());
const ORG_EDITOR_ROLES = ['org_editor', 'org_admin'];
const APPROVER_ROLES = ['org_approver'];
const REVIEWER_ROLES = ['nacc_provincial_officer'];

function scopeOf(row: { organizationId: string; provinceCode: string | null; paccRegion: number | null }): ResourceScope {
  return { organizationId: row.organizationId, provinceCode: row.provinceCode, paccRegion: row.paccRegion ?? null };
}

/** Is the actor inside the organisation (or national)? Oversight offices see plans only once submitted. */
function isInsider(actor: Actor, organizationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  return actor.memberships.some((m) => m.organizationId === organizationId || m.role === 'system_admin' || m.role === 'nacc_national_officer');
}

export function canReadPlan(actor: Actor, plan: { status: string; organizationId: string; provinceCode: string | null; paccRegion: number | null }): boolean {
  if (rules.isPublicState(plan.status as PlanStatus)) return true;
  if (!can(actor, 'plan.read', scopeOf(plan))) return false;
  return isInsider(actor, plan.organizationId) || rules.isSubmittedState(plan.status as PlanStatus);
}

export function createPlansService(deps: PlansServiceDeps) {
  const { db, clock } = deps;
  const repo = createPlansRepository();

  // ---------------------------------------------------------------------------------------------
  // Shapes
  // ---------------------------------------------------------------------------------------------

  /** The countdown to the province's deadline for the plan's cycle (joined into the plan row). */
  function deadlineInfo(row: PlanRow) {
    if (!row.provinceCode || !row.deadlineDueAt) return null;
    const dueAt = new Date(row.deadlineDueAt);
    const c = rules.countdown(dueAt, clock.now());
    return { dueAt: iso(dueAt)!, daysLeft: c.daysLeft, overdue: c.overdue && !row.submittedAt, submittedLate: row.submittedAt ? new Date(row.submittedAt) > dueAt : null };
  }

  function toSummary(row: PlanRow): PlanSummary {
    return {
      id: row.id,
      lineageId: row.lineageId,
      version: row.version,
      titleTh: row.titleTh,
      status: row.status as PlanStatus,
      organization: { id: row.organizationId, code: row.orgCode, kind: row.orgKind, nameTh: row.orgNameTh, provinceCode: row.provinceCode, provinceNameTh: row.provinceNameTh ?? null, districtCode: row.districtCode, districtNameTh: row.districtNameTh ?? null },
      cycle: { id: row.cycleId, code: row.cycleCode, firstYear: row.firstYear, lastYear: row.lastYear },
      framework: { id: row.frameworkId, code: row.frameworkCode, version: row.frameworkVersion, nameTh: row.frameworkNameTh },
      itemCount: row.itemCount,
      totalSatang: row.totalSatang,
      createdAt: iso(row.createdAt)!,
      updatedAt: iso(row.updatedAt)!,
      submittedAt: iso(row.submittedAt),
      acceptedAt: iso(row.acceptedAt),
      publishedAt: iso(row.publishedAt),
      deadline: deadlineInfo(row),
      rowVersion: row.rowVersion,
    };
  }

  function kpiCount(sheet: unknown): number {
    const kpis = (sheet as { kpis?: unknown[] } | null)?.kpis;
    return Array.isArray(kpis) ? kpis.length : 0;
  }

  function checksOf(row: PlanRow, nodes: Array<{ code: string; titleTh: string }>, items: ItemRow[]) {
    return rules.checkPlan({
      nodes,
      items: items.map((i) => ({
        id: i.id, nameTh: i.nameTh, type: i.type as 'project', frameworkCode: i.frameworkCode, noBudget: i.noBudget,
        budgets: i.budgets.map((b) => ({ fiscalYear: b.fiscalYear, amountSatang: BigInt(b.amountSatang) })), kpiCount: kpiCount(i.sheet),
      })),
      coverageReasons: (row.coverageReasons ?? {}) as Record<string, string>,
      fiscalYears: fiscalYearsOfSpan(row.firstYear, row.lastYear),
    });
  }

  function checksToWire(c: ReturnType<typeof rules.checkPlan>): PlanChecks {
    const yl = (l: Array<{ fiscalYear: number; amountSatang: bigint }>) => l.map((x) => ({ fiscalYear: x.fiscalYear, amountSatang: x.amountSatang.toString() }));
    return {
      ...c,
      totals: {
        ...c.totals,
        byYear: yl(c.totals.byYear),
        byDimension: c.totals.byDimension.map((d) => ({ ...d, byYear: yl(d.byYear), totalSatang: d.totalSatang.toString() })),
        totalSatang: c.totals.totalSatang.toString(),
      },
    };
  }

  /** Every progress entry of a plan and the latest per item (submitted reports only when `submittedOnly`), from one query. */
  async function progressByItem(planId: string, planIdForUrls: string, submittedOnly: boolean) {
    return progressOf(await repo.listPlanProgress(db, planId, { submittedOnly, latestOnly: false }), planIdForUrls);
  }

  /** Progress rows in the wire shape: `all` by entry id, `latest` per item (last year, last round). */
  function progressOf(entries: Awaited<ReturnType<typeof repo.listPlanProgress>>, planIdForUrls: string) {
    const latest = new Map<string, PlanItemProgress>();
    const rank = (e: { fiscalYear: number; round: string }) => e.fiscalYear * 10 + rules.roundOrder(e.round as PlanReportRound);
    const ranks = new Map<string, number>();
    const all = new Map<string, PlanItemProgress & { itemId: string }>();
    for (const e of entries) {
      const p: PlanItemProgress = {
        fiscalYear: e.fiscalYear, round: e.round as PlanReportRound, status: e.status as PlanItemProgress['status'], percent: e.percent, spentSatang: e.spentSatang,
        outputs: e.outputs, kpiActuals: e.kpiActuals as PlanItemProgress['kpiActuals'], links: e.links as PlanItemProgress['links'],
        evidence: e.evidence.map((v) => ({ fileId: v.fileId, fileName: v.fileName, contentType: v.contentType, sizeBytes: Number(v.sizeBytes), url: `/api/v1/plans/${planIdForUrls}/evidence/${v.fileId}` })),
        note: e.note, updatedAt: iso(e.updatedAt)!,
      };
      all.set(e.id, { ...p, itemId: e.itemId });
      if ((ranks.get(e.itemId) ?? -1) < rank(e)) {
        ranks.set(e.itemId, rank(e));
        latest.set(e.itemId, p);
      }
    }
    return { latest, all };
  }

  function toItem(i: ItemRow, latest: PlanItemProgress | null): PlanItem {
    const total = i.noBudget ? 0n : i.budgets.reduce((s, b) => s + BigInt(b.amountSatang), 0n);
    return {
      id: i.id, itemKey: i.itemKey, position: i.position, type: i.type as PlanItem['type'], frameworkCode: i.frameworkCode, dimensionCode: i.dimensionCode,
      nameTh: i.nameTh, noBudget: i.noBudget, budgets: i.noBudget ? [] : i.budgets, totalSatang: total.toString(), responsibleUnit: i.responsibleUnit,
      quarters: (i.quarters ?? []) as number[], remarks: i.remarks, sheet: i.sheet ? PlanProjectSheetSchema.parse(i.sheet) : null, latestProgress: latest,
      updatedAt: iso(i.updatedAt)!, updatedBy: i.updatedByLabel,
    };
  }

  function capabilities(actor: Actor, scope: ResourceScope) {
    const caps = new Set<rules.WorkflowCapability>();
    if (can(actor, 'plan.edit', scope)) caps.add('edit');
    if (can(actor, 'plan.approve', scope)) caps.add('approve');
    if (can(actor, 'plan.review', scope)) caps.add('review');
    return caps;
  }

  async function loadRow(actor: Actor, id: string): Promise<PlanRow> {
    const row = await repo.findPlan(db, id);
    if (!row || !canReadPlan(actor, row)) throw new AppError('NOT_FOUND', { plan: id });
    return row;
  }

  async function buildPlan(actor: Actor, row: PlanRow): Promise<Plan> {
    const scope = scopeOf(row);
    const privateView = can(actor, 'plan.read', scope) && (isInsider(actor, row.organizationId) || rules.isSubmittedState(row.status as PlanStatus));
    // Two queries for the public page (the plan row; items, nodes and latest progress), two more inside.
    const [{ items, nodes, progress }, comments, reviews] = await Promise.all([
      repo.planContent(db, row.id, row.frameworkId, !privateView),
      privateView ? repo.listComments(db, row.id) : [],
      privateView ? repo.listReviews(db, row.id) : [],
    ]);
    const { latest } = progressOf(progress, row.id);
    const checks = checksOf(row, nodes, items);
    const caps = capabilities(actor, scope);
    return {
      ...toSummary(row),
      part1: { riskAnalysis: [], rationale: '', vision: '', objectives: [], targets: [], expectedBenefits: [], ...(row.part1 as object) },
      workingGroup: { appointingOrder: null, members: [], ...(row.workingGroup as object) },
      coverageReasons: (row.coverageReasons ?? {}) as Record<string, string>,
      reportingRounds: (row.reportingRounds ?? ['6m', '12m']) as PlanReportRound[],
      items: items.map((i) => toItem(i, latest.get(i.id) ?? null)),
      frameworkNodes: nodes.map((n) => ({ code: n.code, parentCode: n.parentCode, level: n.level, position: n.position, titleTh: n.titleTh, titleEn: n.titleEn, unconfirmed: n.unconfirmed, sourceNote: n.sourceNote })),
      checks: checksToWire(checks),
      comments: comments.map((c) => ({ id: c.id, itemId: c.itemId, body: c.body, authorLabel: c.authorLabel, createdAt: iso(c.createdAt)!, eventId: c.eventId })),
      reviews: reviews.map((r) => {
        const scores = r.scores as Array<{ criterionId: string; points: number; note: string }>;
        return { id: r.id, rubricId: r.rubricId, rubricNameTh: r.rubricNameTh, reviewerLabel: r.reviewerLabel, scores, totalPoints: r.totalPoints, maxPoints: r.maxPoints, byDimension: [], note: r.note, createdAt: iso(r.createdAt)! };
      }),
      allowedActions: rules.availableActions(row.status as PlanStatus, caps) as PlanAction[],
      canEdit: caps.has('edit') && rules.isEditableState(row.status as PlanStatus),
    };
  }

  /** Loads a plan for editing: editors of the organisation, plan in an editable state. */
  async function loadForEdit(actor: Actor, id: string): Promise<PlanRow> {
    const row = await loadRow(actor, id);
    assertCan(actor, 'plan.edit', scopeOf(row));
    if (!rules.isEditableState(row.status as PlanStatus)) throw new AppError('INVALID_TRANSITION', { status: row.status, reason: 'plan is not editable in this state' });
    return row;
  }

  async function touch(tx: Tx, planId: string) {
    await repo.updatePlan(tx, planId, {});
  }

  function validateItem(row: PlanRow, nodeCodes: Set<string>, input: { frameworkCode?: string | undefined; noBudget?: boolean | undefined; budgets?: Array<{ fiscalYear: number; amountSatang: string }> | undefined }) {
    const fields: Record<string, string> = {};
    if (input.frameworkCode !== undefined && !nodeCodes.has(input.frameworkCode)) fields.frameworkCode = `the framework ${row.frameworkVersion} has no sub-item ${input.frameworkCode}`;
    const years = new Set(fiscalYearsOfSpan(row.firstYear, row.lastYear));
    for (const b of input.budgets ?? []) {
      if (!years.has(b.fiscalYear)) fields.budgets = `fiscal year ${b.fiscalYear} is outside the cycle ${row.cycleCode}`;
      if (BigInt(b.amountSatang) < 0n) fields.budgets = 'negative amount';
    }
    if (input.noBudget && (input.budgets ?? []).some((b) => BigInt(b.amountSatang) > 0n)) fields.budgets = 'an item marked "no budget" cannot have amounts';
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  }

  function itemValues(input: PlanItemInput | PlanItemPatch, label: string) {
    const v: Record<string, unknown> = { updatedByLabel: label };
    if (input.type !== undefined) v.type = input.type;
    if (input.frameworkCode !== undefined) {
      v.frameworkCode = input.frameworkCode;
      v.dimensionCode = rules.dimensionOf(input.frameworkCode);
    }
    if (input.nameTh !== undefined) v.nameTh = input.nameTh;
    if (input.noBudget !== undefined) v.noBudget = input.noBudget;
    if (input.responsibleUnit !== undefined) v.responsibleUnit = input.responsibleUnit;
    if (input.quarters !== undefined) v.quarters = JSON.stringify([...new Set(input.quarters)].sort());
    if (input.remarks !== undefined) v.remarks = input.remarks;
    if (input.sheet !== undefined) {
      v.sheet = input.sheet === null ? null : JSON.stringify(input.sheet);
      v.hasKpis = (input.sheet?.kpis?.length ?? 0) > 0;
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // Notifications
  // ---------------------------------------------------------------------------------------------

  async function notifyNext(tx: Tx, row: PlanRow, audience: rules.Transition['notify'], kind: string, title: string, body: string) {
    const users =
      audience === 'reviewers'
        ? await repo.usersWithRoles(tx, { provinceCode: row.provinceCode }, REVIEWER_ROLES)
        : await repo.usersWithRoles(tx, { organizationId: row.organizationId }, audience === 'approvers' ? APPROVER_ROLES : audience === 'editors' ? ORG_EDITOR_ROLES : [...ORG_EDITOR_ROLES, ...APPROVER_ROLES]);
    const options: Parameters<typeof notify>[3] = {};
    if (deps.mailer) options.mailer = deps.mailer;
    if (deps.publicUrl) options.publicUrl = deps.publicUrl;
    return notify(tx, users, { kind, title, body, link: `/plans/${row.id}` }, options);
  }

  // ---------------------------------------------------------------------------------------------
  // Configuration
  // ---------------------------------------------------------------------------------------------

  function frameworkSummary(f: Awaited<ReturnType<typeof repo.listFrameworks>>[number]): PlanFrameworkSummary {
    return { id: f.id, code: f.code, version: f.version, nameTh: f.nameTh, nameEn: f.nameEn, cycleFirstYear: f.cycleFirstYear, cycleLastYear: f.cycleLastYear, sourceNote: f.sourceNote, status: f.status, planCount: f.planCount };
  }

  async function getFramework(id: string): Promise<PlanFramework> {
    const f = await repo.findFramework(db, id);
    if (!f) throw new AppError('NOT_FOUND', { framework: id });
    const nodes = await repo.listNodes(db, id);
    return { ...frameworkSummary(f), nodes: nodes.map((n) => ({ code: n.code, parentCode: n.parentCode, level: n.level, position: n.position, titleTh: n.titleTh, titleEn: n.titleEn, unconfirmed: n.unconfirmed, sourceNote: n.sourceNote })) };
  }

  function checkedNodes(nodes: PlanCreateFrameworkBody['nodes']) {
    const problems = rules.validateFramework(nodes);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: { nodes: problems } });
    return rules.normalizeFrameworkNodes(nodes).map((n) => ({ code: n.code, parentCode: n.parentCode, level: n.level, position: n.position, titleTh: n.titleTh, titleEn: n.titleEn ?? null, unconfirmed: n.unconfirmed ?? false, sourceNote: n.sourceNote ?? null }));
  }

  function toCycle(c: Awaited<ReturnType<typeof repo.listCycles>>[number]): PlanCycle {
    return { id: c.id, code: c.code, firstYear: c.firstYear, lastYear: c.lastYear, labelTh: c.labelTh, defaultFrameworkId: c.defaultFrameworkId, active: c.active, sourceNote: c.sourceNote };
  }

  async function listRubrics(): Promise<PlanRubric[]> {
    const rubrics = await repo.listRubrics(db);
    const criteria = await repo.listCriteria(db, rubrics.map((r) => r.id));
    return rubrics.map((r) => {
      const cs = criteria.filter((c) => c.rubricId === r.id);
      return {
        id: r.id, code: r.code, version: r.version, nameTh: r.nameTh, nameEn: r.nameEn, isOfficial: r.isOfficial, sourceNote: r.sourceNote, active: r.active,
        maxPoints: cs.reduce((s, c) => s + c.maxPoints, 0),
        criteria: cs.map((c) => ({ id: c.id, dimensionCode: c.dimensionCode, position: c.position, textTh: c.textTh, textEn: c.textEn, maxPoints: c.maxPoints })),
      };
    });
  }

  async function findCycleOr404(code: string) {
    const c = await repo.findCycleByCode(db, code);
    if (!c) throw new AppError('NOT_FOUND', { cycle: code });
    return c;
  }

  // ---------------------------------------------------------------------------------------------
  // Progress helpers
  // ---------------------------------------------------------------------------------------------

  /** Items and every progress entry of a plan, loaded once for one or many reports. */
  async function loadProgress(row: PlanRow) {
    const [items, { all }] = await Promise.all([repo.listItems(db, row.id), progressByItem(row.id, row.id, false)]);
    return { items, all };
  }

  async function buildReport(row: PlanRow, report: NonNullable<Awaited<ReturnType<typeof repo.findReport>>>, loaded?: Awaited<ReturnType<typeof loadProgress>>): Promise<PlanProgressReport> {
    const { items, all } = loaded ?? (await loadProgress(row));
    const byItem = new Map([...all.values()].filter((e) => e.fiscalYear === report.fiscalYear && e.round === report.round).map((e) => [e.itemId, e]));
    const entries = items.filter((i) => byItem.has(i.id)).map((i) => ({ ...byItem.get(i.id)!, itemId: i.id, nameTh: i.nameTh, frameworkCode: i.frameworkCode }));
    const planned = items.reduce((s, i) => s + (i.noBudget ? 0n : BigInt(i.budgets.find((b) => b.fiscalYear === report.fiscalYear)?.amountSatang ?? '0')), 0n);
    const spent = entries.reduce((s, e) => s + BigInt(e.spentSatang), 0n);
    return {
      id: report.id, planId: row.id, fiscalYear: report.fiscalYear, round: report.round as PlanReportRound, status: report.status, summary: report.summary,
      submittedAt: iso(report.submittedAt), updatedAt: iso(report.updatedAt)!, entries,
      totals: {
        items: items.length, reported: entries.length, completed: entries.filter((e) => e.status === 'completed').length,
        averagePercent: items.length === 0 ? 0 : Math.round((entries.reduce((s, e) => s + e.percent, 0) / items.length) * 10) / 10,
        plannedSatang: planned.toString(), spentSatang: spent.toString(),
      },
    };
  }

  async function loadForProgress(actor: Actor, id: string, fiscalYear: number, round: PlanReportRound) {
    const row = await loadRow(actor, id);
    assertCan(actor, 'plan.edit', scopeOf(row));
    if (row.status !== 'accepted' && row.status !== 'published') throw new AppError('INVALID_TRANSITION', { status: row.status, reason: 'progress is reported on accepted or published plans' });
    if (fiscalYear < row.firstYear || fiscalYear > row.lastYear) throw new AppError('VALIDATION_FAILED', { fields: { fiscalYear: `outside the cycle ${row.cycleCode}` } });
    const rounds = (row.reportingRounds ?? ['6m', '12m']) as string[];
    if (!rounds.includes(round)) throw new AppError('VALIDATION_FAILED', { fields: { round: `this plan reports in rounds ${rounds.join(', ')}` } });
    return row;
  }

  // ---------------------------------------------------------------------------------------------
  // The service
  // ---------------------------------------------------------------------------------------------

  return {
    canReadPlan,

    // Configuration ------------------------------------------------------------------------
    async listFrameworks(): Promise<PlanFrameworkSummary[]> {
      return (await repo.listFrameworks(db)).map(frameworkSummary);
    },
    getFramework,
    async createFramework(actor: Actor, body: PlanCreateFrameworkBody, context: RequestContext): Promise<PlanFramework> {
      assertCan(actor, 'plan.configure', NATIONAL_SCOPE);
      const nodes = checkedNodes(body.nodes);
      if (await repo.findFrameworkByVersion(db, body.code, body.version)) throw new AppError('CONFLICT', { framework: `${body.code}@${body.version}` });
      const id = await db.transaction().execute(async (tx) => {
        const row = await repo.insertFramework(tx, { code: body.code, version: body.version, nameTh: body.nameTh, nameEn: body.nameEn ?? null, cycleFirstYear: body.cycleFirstYear ?? null, cycleLastYear: body.cycleLastYear ?? null, sourceNote: body.sourceNote, status: body.status });
        await repo.replaceNodes(tx, row.id, nodes);
        await recordAudit(tx, actor, { action: 'plan_framework.create', subjectType: 'plan_framework', subjectId: row.id, after: { ...row, nodes } }, context);
        return row.id;
      });
      return getFramework(id);
    },
    async updateFramework(actor: Actor, id: string, body: PlanUpdateFrameworkBody, context: RequestContext): Promise<PlanFramework> {
      assertCan(actor, 'plan.configure', NATIONAL_SCOPE);
      const before = await getFramework(id);
      if (body.nodes && before.planCount > 0) throw new AppError('CONFLICT', { reason: 'plans were written under this version; create a new version instead', planCount: before.planCount });
      const nodes = body.nodes ? checkedNodes(body.nodes) : undefined;
      await db.transaction().execute(async (tx) => {
        const { nodes: _n, ...patch } = body;
        await repo.updateFramework(tx, id, patch);
        if (nodes) await repo.replaceNodes(tx, id, nodes);
        await recordAudit(tx, actor, { action: 'plan_framework.update', subjectType: 'plan_framework', subjectId: id, before, after: body }, context);
      });
      return getFramework(id);
    },
    async listCycles(): Promise<PlanCycle[]> {
      return (await repo.listCycles(db)).map(toCycle);
    },
    async createCycle(actor: Actor, body: CreatePlanCycleBody, context: RequestContext): Promise<PlanCycle> {
      assertCan(actor, 'plan.configure', NATIONAL_SCOPE);
      if (body.lastYear < body.firstYear || body.lastYear - body.firstYear > 9) throw new AppError('VALIDATION_FAILED', { fields: { lastYear: 'a cycle spans 1–10 fiscal years' } });
      if (body.defaultFrameworkId && !(await repo.findFramework(db, body.defaultFrameworkId))) throw new AppError('VALIDATION_FAILED', { fields: { defaultFrameworkId: 'unknown framework' } });
      const code = `${body.firstYear}-${body.lastYear}`;
      const row = await db.transaction().execute(async (tx) => {
        const c = await repo.insertCycle(tx, { code, firstYear: body.firstYear, lastYear: body.lastYear, labelTh: body.labelTh ?? `แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ${body.firstYear}–${body.lastYear})`, defaultFrameworkId: body.defaultFrameworkId ?? null, active: body.active, sourceNote: body.sourceNote ?? null });
        if (!c) throw new AppError('CONFLICT', { cycle: code });
        await recordAudit(tx, actor, { action: 'plan_cycle.create', subjectType: 'plan_cycle', subjectId: c.id, after: c }, context);
        return c;
      });
      return toCycle(row);
    },
    listRubrics,
    async createRubric(actor: Actor, body: PlanCreateRubricBody, context: RequestContext): Promise<PlanRubric> {
      assertCan(actor, 'plan.configure', NATIONAL_SCOPE);
      const id = await db.transaction().execute(async (tx) => {
        const version = await repo.nextRubricVersion(tx, body.code);
        const row = await repo.insertRubric(tx, { code: body.code, version, nameTh: body.nameTh, nameEn: body.nameEn ?? null, isOfficial: body.isOfficial, sourceNote: body.sourceNote, active: body.active }, body.criteria.map((c) => ({ dimensionCode: c.dimensionCode, textTh: c.textTh, textEn: c.textEn ?? null, maxPoints: c.maxPoints })));
        await recordAudit(tx, actor, { action: 'plan_rubric.create', subjectType: 'plan_rubric', subjectId: row.id, after: body }, context);
        return row.id;
      });
      return (await listRubrics()).find((r) => r.id === id)!;
    },
    async listDeadlines(query: { cycle?: string | undefined; province?: string | undefined }): Promise<PlanDeadline[]> {
      const cycle = query.cycle ? await findCycleOr404(query.cycle) : undefined;
      const rows = await repo.listDeadlines(db, { cycleId: cycle?.id, provinceCode: query.province });
      return rows.map((r) => ({ ...r, dueAt: iso(r.dueAt)!, updatedAt: iso(r.updatedAt)! }));
    },
    async setDeadline(actor: Actor, body: SetPlanDeadlineBody, context: RequestContext): Promise<PlanDeadline> {
      const province = await repo.findProvince(db, body.provinceCode);
      if (!province) throw new AppError('NOT_FOUND', { province: body.provinceCode });
      assertCan(actor, 'plan.deadline', { organizationId: null, provinceCode: body.provinceCode, paccRegion: province.paccRegion });
      const cycle = await repo.findCycle(db, body.cycleId);
      if (!cycle) throw new AppError('NOT_FOUND', { cycle: body.cycleId });
      await db.transaction().execute(async (tx) => {
        const before = await repo.findDeadline(tx, body.cycleId, body.provinceCode);
        const after = await repo.upsertDeadline(tx, { cycleId: body.cycleId, provinceCode: body.provinceCode, dueAt: new Date(body.dueAt), note: body.note ?? null, setBy: actor.kind === 'user' ? actor.userId : null });
        await recordAudit(tx, actor, { action: 'plan_deadline.set', subjectType: 'plan_deadline', subjectId: `${cycle.code}/${body.provinceCode}`, before, after }, context);
      });
      const [row] = await repo.listDeadlines(db, { cycleId: body.cycleId, provinceCode: body.provinceCode });
      return { ...row!, dueAt: iso(row!.dueAt)!, updatedAt: iso(row!.updatedAt)! };
    },

    // Plans --------------------------------------------------------------------------------
    async listPlans(actor: Actor, query: ListPlansQuery & { organizationCode?: string }): Promise<PlanList> {
      let organizationId: string | undefined;
      if (query.organizationCode) {
        const org = await repo.findOrganizationByCode(db, query.organizationCode);
        if (!org) throw new AppError('ORGANIZATION_NOT_FOUND', { code: query.organizationCode });
        organizationId = org.id;
      }
      const cycle = query.cycle ? await findCycleOr404(query.cycle) : undefined;
      const vs = visibleScope(actor, 'plan.read');
      const nationalInsider = vs.national && isInsider(actor, '');
      const { total, items } = await repo.listPlans(
        db,
        { ...(organizationId ? { organizationId } : {}), ...(cycle ? { cycleId: cycle.id } : {}), ...(query.status ? { status: query.status } : {}), ...(query.province ? { provinceCode: query.province } : {}), limit: query.limit, offset: query.offset },
        actor.kind === 'anonymous'
          ? { publishedOnly: true }
          : { publishedOnly: false, national: nationalInsider, oversightEverywhere: vs.national && !nationalInsider, organizationIds: vs.organizationIds, provinceCodes: vs.provinceCodes, paccRegions: vs.paccRegions },
      );
      return { total, items: items.map(toSummary) };
    },

    async create(actor: Actor, organizationCode: string, body: CreatePlanBody, context: RequestContext): Promise<Plan> {
      const org = await repo.findOrganizationByCode(db, organizationCode);
      if (!org) throw new AppError('ORGANIZATION_NOT_FOUND', { code: organizationCode });
      const province = org.provinceCode ? await repo.findProvince(db, org.provinceCode) : undefined;
      assertCan(actor, 'plan.edit', { organizationId: org.id, provinceCode: org.provinceCode, paccRegion: province?.paccRegion ?? null });
      const cycle = await repo.findCycle(db, body.cycleId);
      if (!cycle) throw new AppError('VALIDATION_FAILED', { fields: { cycleId: 'unknown cycle' } });
      const frameworkId = body.frameworkId ?? cycle.defaultFrameworkId;
      const framework = frameworkId ? await repo.findFramework(db, frameworkId) : undefined;
      if (!framework || framework.status === 'draft') throw new AppError('VALIDATION_FAILED', { fields: { frameworkId: 'choose an active framework' } });
      const id = await db.transaction().execute(async (tx) => {
        const lineageId = crypto.randomUUID();
        const row = await repo.insertPlan(tx, {
          lineageId, organizationId: org.id, cycleId: cycle.id, frameworkId: framework.id,
          titleTh: body.titleTh ?? `แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ${cycle.firstYear}–${cycle.lastYear}) ${org.nameTh}`,
          part1: JSON.stringify({}), workingGroup: JSON.stringify({}), coverageReasons: JSON.stringify({}), reportingRounds: JSON.stringify(rules.DEFAULT_REPORT_ROUNDS),
          createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: clock.now(), updatedAt: clock.now(),
        });
        await repo.insertEvent(tx, { planId: row.id, at: clock.now(), actorUserId: actor.kind === 'user' ? actor.userId : null, actorLabel: actorLabel(actor), action: 'create', fromStatus: null, toStatus: 'draft', comment: null });
        await recordAudit(tx, actor, { action: 'plan.create', subjectType: 'plan', subjectId: row.id, organizationId: org.id, after: row }, context);
        return row.id;
      });
      return buildPlan(actor, (await repo.findPlan(db, id))!);
    },

    async get(actor: Actor, id: string): Promise<Plan> {
      return buildPlan(actor, await loadRow(actor, id));
    },

    async checks(actor: Actor, id: string): Promise<PlanChecks> {
      return (await this.get(actor, id)).checks;
    },

    async update(actor: Actor, id: string, body: UpdatePlanBody, context: RequestContext): Promise<Plan> {
      const row = await loadForEdit(actor, id);
      const patch: Record<string, unknown> = {};
      if (body.titleTh !== undefined) patch.titleTh = body.titleTh;
      if (body.part1 !== undefined) patch.part1 = JSON.stringify(body.part1);
      if (body.workingGroup !== undefined) patch.workingGroup = JSON.stringify(body.workingGroup);
      if (body.coverageReasons !== undefined) patch.coverageReasons = JSON.stringify(Object.fromEntries(Object.entries(body.coverageReasons).filter(([, v]) => v.trim() !== '')));
      if (body.reportingRounds !== undefined) patch.reportingRounds = JSON.stringify([...new Set(body.reportingRounds)]);
      await db.transaction().execute(async (tx) => {
        const after = await repo.updatePlan(tx, id, patch, body.ifVersion);
        if (!after) throw new AppError('CONFLICT_STALE_VERSION', { rowVersion: row.rowVersion });
        await recordAudit(tx, actor, { action: 'plan.update', subjectType: 'plan', subjectId: id, organizationId: row.organizationId, before: { titleTh: row.titleTh, part1: row.part1, workingGroup: row.workingGroup, coverageReasons: row.coverageReasons }, after: body }, context);
      });
      return this.get(actor, id);
    },

    async addItem(actor: Actor, id: string, input: PlanItemInput, context: RequestContext): Promise<PlanItem> {
      const row = await loadForEdit(actor, id);
      const nodes = await repo.listNodes(db, row.frameworkId);
      validateItem(row, new Set(nodes.map((n) => n.code)), input);
      const itemId = await db.transaction().execute(async (tx) => {
        const position = await repo.nextPosition(tx, id);
        const values = itemValues(input, actorLabel(actor));
        const [item] = await repo.insertItems(tx, [{ ...values, planId: id, position, quarters: (values.quarters ?? "[]") as string, budgets: input.noBudget ? [] : input.budgets.filter((b) => BigInt(b.amountSatang) > 0n) } as never]);
        await touch(tx, id);
        await recordAudit(tx, actor, { action: 'plan.item.create', subjectType: 'plan_item', subjectId: item!.id, organizationId: row.organizationId, after: { planId: id, ...input } }, context);
        return item!.id;
      });
      const item = (await repo.listItems(db, id)).find((i) => i.id === itemId)!;
      return toItem(item, null);
    },

    async updateItem(actor: Actor, id: string, itemId: string, patch: PlanItemPatch, context: RequestContext): Promise<PlanItem> {
      const row = await loadForEdit(actor, id);
      const before = (await repo.listItems(db, id)).find((i) => i.id === itemId);
      if (!before) throw new AppError('NOT_FOUND', { item: itemId });
      const nodes = await repo.listNodes(db, row.frameworkId);
      const noBudget = patch.noBudget ?? before.noBudget;
      validateItem(row, new Set(nodes.map((n) => n.code)), { frameworkCode: patch.frameworkCode, noBudget, budgets: patch.budgets ?? (patch.noBudget ? [] : before.budgets) });
      await db.transaction().execute(async (tx) => {
        const budgets = noBudget ? [] : patch.budgets?.filter((b) => BigInt(b.amountSatang) > 0n);
        await repo.updateItem(tx, itemId, itemValues(patch, actorLabel(actor)) as never, budgets);
        await touch(tx, id);
        await recordAudit(tx, actor, { action: 'plan.item.update', subjectType: 'plan_item', subjectId: itemId, organizationId: row.organizationId, before, after: patch }, context);
      });
      const item = (await repo.listItems(db, id)).find((i) => i.id === itemId)!;
      return toItem(item, null);
    },

    async deleteItem(actor: Actor, id: string, itemId: string, context: RequestContext): Promise<void> {
      const row = await loadForEdit(actor, id);
      const before = (await repo.listItems(db, id)).find((i) => i.id === itemId);
      if (!before) throw new AppError('NOT_FOUND', { item: itemId });
      await db.transaction().execute(async (tx) => {
        await repo.deleteItem(tx, itemId);
        await touch(tx, id);
        await recordAudit(tx, actor, { action: 'plan.item.delete', subjectType: 'plan_item', subjectId: itemId, organizationId: row.organizationId, before }, context);
      });
    },

    async reorderItems(actor: Actor, id: string, itemIds: string[], context: RequestContext): Promise<PlanItem[]> {
      const row = await loadForEdit(actor, id);
      const items = await repo.listItems(db, id);
      const known = new Set(items.map((i) => i.id));
      if (itemIds.length !== items.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((x) => known.has(x))) {
        throw new AppError('VALIDATION_FAILED', { fields: { itemIds: 'list every item of the plan exactly once' } });
      }
      await db.transaction().execute(async (tx) => {
        await repo.setPositions(tx, id, itemIds);
        await touch(tx, id);
        await recordAudit(tx, actor, { action: 'plan.item.reorder', subjectType: 'plan', subjectId: id, organizationId: row.organizationId, before: items.map((i) => i.id), after: itemIds }, context);
      });
      return (await repo.listItems(db, id)).map((i) => toItem(i, null));
    },

    /** Saves parsed import rows (atomic unless the caller asked for valid rows only). */
    async saveImportedItems(actor: Actor, id: string, parsed: ReturnType<typeof rules.parseItemRows>, options: { mode: 'atomic' | 'valid_only'; replace: boolean; fileName: string }, context: RequestContext) {
      const row = await loadForEdit(actor, id);
      const save = parsed.errors.length === 0 || options.mode === 'valid_only';
      if (save && parsed.items.length > 0) {
        await db.transaction().execute(async (tx) => {
          if (options.replace) await repo.deleteAllItems(tx, id);
          let position = await repo.nextPosition(tx, id);
          const label = actorLabel(actor);
          await repo.insertItems(tx, parsed.items.map((p) => ({
            planId: id, position: position++, type: p.type, frameworkCode: p.frameworkCode, dimensionCode: rules.dimensionOf(p.frameworkCode), nameTh: p.nameTh, noBudget: p.noBudget,
            responsibleUnit: p.responsibleUnit, quarters: JSON.stringify(p.quarters), remarks: p.remarks, updatedByLabel: label, budgets: p.budgets,
          })));
          await touch(tx, id);
          await recordAudit(tx, actor, { action: 'plan.items.import', subjectType: 'plan', subjectId: id, organizationId: row.organizationId, after: { fileName: options.fileName, rows: parsed.items.length, skippedRowsWithErrors: parsed.errors.length, replace: options.replace } }, context);
        });
      }
      const errorRows = new Set(parsed.errors.map((e) => e.row)).size;
      return { imported: save ? parsed.items.length : 0, skipped: save ? errorRows : parsed.items.length + errorRows, saved: save && parsed.items.length > 0, errors: parsed.errors };
    },

    /** The import needs the plan's framework codes and fiscal years (read access + edit right). */
    async importContext(actor: Actor, id: string) {
      const row = await loadForEdit(actor, id);
      const nodes = await repo.listNodes(db, row.frameworkId);
      return { frameworkCodes: new Set(nodes.map((n) => n.code)), fiscalYears: fiscalYearsOfSpan(row.firstYear, row.lastYear) };
    },

    async transition(actor: Actor, id: string, body: PlanTransitionBody, context: RequestContext): Promise<Plan> {
      const row = await loadRow(actor, id);
      const found = rules.findTransition(row.status as PlanStatus, body.action);
      if (!found.ok) throw new AppError('INVALID_TRANSITION', { status: row.status, action: body.action });
      const t = found.transition;
      const permission = t.needs === 'edit' ? 'plan.edit' : t.needs === 'approve' ? 'plan.approve' : 'plan.review';
      assertCan(actor, permission, scopeOf(row));
      if (t.requiresComment && !body.comment?.trim() && !(body.itemComments?.length)) throw new AppError('VALIDATION_FAILED', { fields: { comment: 'say what must change (a comment or per-item comments)' } });
      if (t.requiresChecks) {
        const checks = checksOf(row, await repo.listNodes(db, row.frameworkId), await repo.listItems(db, id));
        if (!checks.ok) throw new AppError('VALIDATION_FAILED', { fields: { checks: 'the plan does not pass its checks yet' }, checks: checksToWire(checks) });
      }
      const itemIds = new Set((await repo.listItems(db, id)).map((i) => i.id));
      for (const c of body.itemComments ?? []) if (!itemIds.has(c.itemId)) throw new AppError('VALIDATION_FAILED', { fields: { itemComments: `unknown item ${c.itemId}` } });
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        const stamp: Record<string, unknown> = { status: t.to };
        if (t.to === 'submitted') stamp.submittedAt = now;
        if (t.to === 'accepted') stamp.acceptedAt = now;
        if (t.to === 'published') stamp.publishedAt = now;
        const after = await repo.updatePlan(tx, id, stamp, row.rowVersion);
        if (!after) throw new AppError('CONFLICT_STALE_VERSION');
        const event = await repo.insertEvent(tx, { planId: id, at: now, actorUserId: actor.kind === 'user' ? actor.userId : null, actorLabel: actorLabel(actor), action: body.action, fromStatus: row.status, toStatus: t.to, comment: body.comment?.trim() || null });
        const author = { planId: id, eventId: String(event.id), authorUserId: actor.kind === 'user' ? actor.userId : null, authorLabel: actorLabel(actor), createdAt: now };
        await repo.insertComments(tx, [
          ...(body.comment?.trim() ? [{ ...author, itemId: null, body: body.comment.trim() }] : []),
          ...(body.itemComments ?? []).map((c) => ({ ...author, itemId: c.itemId, body: c.comment })),
        ]);
        await recordAudit(tx, actor, { action: `plan.${body.action}`, subjectType: 'plan', subjectId: id, organizationId: row.organizationId, before: { status: row.status }, after: { status: t.to, comment: body.comment ?? null, itemComments: body.itemComments ?? [] } }, context);
        const label = PLAN_STATUS_LABELS[t.to].th;
        await notifyNext(tx, row, t.notify, `plan.${body.action}`, `${row.orgNameTh}: ${label}`, `${row.titleTh}\nสถานะ: ${label}${body.comment ? `\nความเห็น: ${body.comment}` : ''}`);
      });
      return this.get(actor, id);
    },

    async addComment(actor: Actor, id: string, body: { itemId?: string | null | undefined; body: string }, context: RequestContext) {
      const row = await loadRow(actor, id);
      const scope = scopeOf(row);
      if (!(can(actor, 'plan.review', scope) || can(actor, 'plan.edit', scope) || can(actor, 'plan.approve', scope))) assertCan(actor, 'plan.review', scope);
      if (body.itemId && !(await repo.findItem(db, id, body.itemId))) throw new AppError('NOT_FOUND', { item: body.itemId });
      await db.transaction().execute(async (tx) => {
        await repo.insertComments(tx, [{ planId: id, itemId: body.itemId ?? null, eventId: null, authorUserId: actor.kind === 'user' ? actor.userId : null, authorLabel: actorLabel(actor), body: body.body, createdAt: clock.now() }]);
        await recordAudit(tx, actor, { action: 'plan.comment', subjectType: 'plan', subjectId: id, organizationId: row.organizationId, after: body }, context);
      });
      return (await this.get(actor, id)).comments;
    },

    async score(actor: Actor, id: string, body: ScorePlanBody, context: RequestContext) {
      const row = await loadRow(actor, id);
      assertCan(actor, 'plan.review', scopeOf(row));
      if (!rules.isSubmittedState(row.status as PlanStatus)) throw new AppError('INVALID_TRANSITION', { status: row.status, reason: 'only submitted plans are scored' });
      const rubric = (await listRubrics()).find((r) => r.id === body.rubricId);
      if (!rubric) throw new AppError('VALIDATION_FAILED', { fields: { rubricId: 'unknown rubric' } });
      const result = rules.scoreWithRubric(rubric.criteria, body.scores);
      if (result.problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: { scores: result.problems } });
      await db.transaction().execute(async (tx) => {
        const review = await repo.insertReview(tx, { planId: id, rubricId: rubric.id, reviewerUserId: actor.kind === 'user' ? actor.userId : null, reviewerLabel: actorLabel(actor), scores: JSON.stringify(body.scores), totalPoints: result.totalPoints, maxPoints: result.maxPoints, note: body.note, createdAt: clock.now() });
        await recordAudit(tx, actor, { action: 'plan.score', subjectType: 'plan', subjectId: id, organizationId: row.organizationId, after: { reviewId: review.id, totalPoints: result.totalPoints, maxPoints: result.maxPoints } }, context);
      });
      const plan = await this.get(actor, id);
      return plan.reviews.map((r) => (r.rubricId === rubric.id ? { ...r, byDimension: rules.scoreWithRubric(rubric.criteria, r.scores).byDimension } : r));
    },

    async newVersion(actor: Actor, id: string, context: RequestContext): Promise<Plan> {
      const row = await loadRow(actor, id);
      assertCan(actor, 'plan.edit', scopeOf(row));
      if (!rules.canStartNewVersion(row.status as PlanStatus)) throw new AppError('INVALID_TRANSITION', { status: row.status, reason: 'only an accepted or published plan gets a new version' });
      const latest = await repo.latestVersionOf(db, row.lineageId);
      if (latest && latest.id !== row.id) throw new AppError('CONFLICT', { reason: 'a newer version exists', latestId: latest.id });
      const newId = await db.transaction().execute(async (tx) => {
        const copy = await repo.insertPlan(tx, {
          lineageId: row.lineageId, version: row.version + 1, previousVersionId: row.id, organizationId: row.organizationId, cycleId: row.cycleId, frameworkId: row.frameworkId,
          titleTh: row.titleTh, part1: JSON.stringify(row.part1), workingGroup: JSON.stringify(row.workingGroup), coverageReasons: JSON.stringify(row.coverageReasons), reportingRounds: JSON.stringify(row.reportingRounds),
          createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: clock.now(), updatedAt: clock.now(),
        });
        await repo.copyItems(tx, row.id, copy.id);
        await repo.insertEvent(tx, { planId: copy.id, at: clock.now(), actorUserId: actor.kind === 'user' ? actor.userId : null, actorLabel: actorLabel(actor), action: 'new_version', fromStatus: null, toStatus: 'draft', comment: `ฉบับที่ ${row.version + 1} (ปรับปรุงจากฉบับที่ ${row.version})` });
        await recordAudit(tx, actor, { action: 'plan.new_version', subjectType: 'plan', subjectId: copy.id, organizationId: row.organizationId, before: { id: row.id, version: row.version }, after: { id: copy.id, version: copy.version } }, context);
        return copy.id;
      });
      return this.get(actor, newId);
    },

    async versions(actor: Actor, id: string) {
      const row = await loadRow(actor, id);
      const all = await repo.listVersions(db, row.lineageId);
      return all.filter((v) => canReadPlan(actor, { ...row, status: v.status })).map((v) => ({ id: v.id, version: v.version, status: v.status as PlanStatus, createdAt: iso(v.createdAt)!, publishedAt: iso(v.publishedAt) }));
    },

    async compare(actor: Actor, id: string, otherId: string): Promise<PlanComparison> {
      const [a, b] = await Promise.all([this.get(actor, id), this.get(actor, otherId)]);
      if (a.lineageId !== b.lineageId) throw new AppError('VALIDATION_FAILED', { fields: { otherId: 'not a version of the same plan' } });
      const [from, to] = a.version <= b.version ? [a, b] : [b, a];
      const comparable = (p: Plan) => p.items.map((i) => ({ itemKey: i.itemKey, nameTh: i.nameTh, type: i.type, frameworkCode: i.frameworkCode, noBudget: i.noBudget, budgets: i.budgets, responsibleUnit: i.responsibleUnit, quarters: i.quarters, remarks: i.remarks, sheet: i.sheet, position: i.position, updatedBy: i.updatedBy, updatedAt: i.updatedAt }));
      const plain = (p: Plan) => ({ titleTh: p.titleTh, part1: p.part1, workingGroup: p.workingGroup, coverageReasons: p.coverageReasons, reportingRounds: p.reportingRounds });
      const events = (await repo.listEvents(db, [from.id, to.id])).filter((e) => e.planId === to.id || new Date(e.at) >= new Date(from.createdAt));
      return {
        from: { id: from.id, version: from.version, status: from.status },
        to: { id: to.id, version: to.version, status: to.status },
        fields: rules.diffFields(plain(from), plain(to), ['titleTh', 'part1', 'workingGroup', 'coverageReasons', 'reportingRounds']),
        items: rules.diffItems(comparable(from), comparable(to)),
        events: events.map(toEvent),
      };
    },

    async history(actor: Actor, id: string): Promise<PlanEvent[]> {
      const row = await loadRow(actor, id);
      return (await repo.listEvents(db, [row.id])).map(toEvent);
    },

    // Progress -----------------------------------------------------------------------------
    async listProgress(actor: Actor, id: string): Promise<PlanProgressReport[]> {
      const row = await loadRow(actor, id);
      const privateView = can(actor, 'plan.read', scopeOf(row));
      const [reports, loaded] = await Promise.all([repo.listReports(db, id), loadProgress(row)]);
      return Promise.all(reports.filter((r) => privateView || r.status === 'submitted').map((r) => buildReport(row, r, loaded)));
    },

    async getProgress(actor: Actor, id: string, fiscalYear: number, round: PlanReportRound): Promise<PlanProgressReport> {
      const row = await loadRow(actor, id);
      const report = await repo.findReport(db, id, fiscalYear, round);
      if (!report || (report.status !== 'submitted' && !can(actor, 'plan.read', scopeOf(row)))) throw new AppError('NOT_FOUND', { report: `${fiscalYear}/${round}` });
      return buildReport(row, report);
    },

    async saveProgress(actor: Actor, id: string, fiscalYear: number, round: PlanReportRound, body: PlanSaveProgressBody, context: RequestContext): Promise<PlanProgressReport> {
      const row = await loadForProgress(actor, id, fiscalYear, round);
      const items = await repo.listItems(db, id);
      const byId = new Map(items.map((i) => [i.id, i]));
      const fields: Record<string, string> = {};
      body.entries.forEach((e, n) => {
        const item = byId.get(e.itemId);
        if (!item) fields[`entries.${n}.itemId`] = 'not an item of this plan';
        else {
          const kpiIds = new Set(((item.sheet as { kpis?: Array<{ id: string }> } | null)?.kpis ?? []).map((k) => k.id));
          for (const k of e.kpiActuals) if (!kpiIds.has(k.kpiId)) fields[`entries.${n}.kpiActuals`] = `the item has no KPI ${k.kpiId}`;
          if (BigInt(e.spentSatang) < 0n) fields[`entries.${n}.spentSatang`] = 'negative amount';
        }
      });
      if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields });
      const report = await db.transaction().execute(async (tx) => {
        const rep = await repo.upsertReport(tx, id, fiscalYear, round, body.summary);
        await repo.upsertEntries(tx, id, body.entries.map((e) => ({
          reportId: rep.id, itemId: e.itemId, status: e.status, percent: rules.effectivePercent(e.status, e.percent), spentSatang: e.spentSatang,
          outputs: e.outputs, kpiActuals: e.kpiActuals, links: e.links, note: e.note, updatedByLabel: actorLabel(actor),
        })));
        await recordAudit(tx, actor, { action: 'plan.progress.save', subjectType: 'plan_progress_report', subjectId: rep.id, organizationId: row.organizationId, after: { planId: id, fiscalYear, round, entries: body.entries.length } }, context);
        return rep;
      });
      return buildReport(row, report);
    },

    async submitProgress(actor: Actor, id: string, fiscalYear: number, round: PlanReportRound, context: RequestContext): Promise<PlanProgressReport> {
      const row = await loadForProgress(actor, id, fiscalYear, round);
      const report = await repo.findReport(db, id, fiscalYear, round);
      if (!report) throw new AppError('NOT_FOUND', { report: `${fiscalYear}/${round}` });
      const after = await db.transaction().execute(async (tx) => {
        const r = await repo.submitReport(tx, report.id, clock.now());
        await repo.insertEvent(tx, { planId: id, at: clock.now(), actorUserId: actor.kind === 'user' ? actor.userId : null, actorLabel: actorLabel(actor), action: `progress_${round}`, fromStatus: null, toStatus: null, comment: `รายงานผลการดำเนินงานปี ${fiscalYear} รอบ ${round === '6m' ? '6 เดือน' : round === '12m' ? '12 เดือน' : round}` });
        await recordAudit(tx, actor, { action: 'plan.progress.submit', subjectType: 'plan_progress_report', subjectId: report.id, organizationId: row.organizationId, after: { fiscalYear, round } }, context);
        await notifyNext(tx, row, 'reviewers', 'plan.progress', `${row.orgNameTh}: รายงานผลปี ${fiscalYear}`, row.titleTh);
        return r;
      });
      return buildReport(row, after);
    },

    async uploadEvidence(actor: Actor, id: string, fiscalYear: number, round: PlanReportRound, itemId: string, file: { fileName: string; contentType: string; data: Buffer }, context: RequestContext) {
      const row = await loadForProgress(actor, id, fiscalYear, round);
      const report = await repo.findReport(db, id, fiscalYear, round);
      const entry = report ? await repo.findEntry(db, report.id, itemId) : undefined;
      if (!entry) throw new AppError('NOT_FOUND', { entry: itemId, hint: 'save progress for the item first' });
      const stored = await db.transaction().execute(async (tx) => {
        const f = await saveFile(tx as unknown as Database, deps.fileStore, { fileName: file.fileName, contentType: file.contentType, data: file.data, organizationId: row.organizationId, uploadedBy: actor.kind === 'user' ? actor.userId : null });
        await repo.addEvidence(tx, entry.id, f.id);
        await recordAudit(tx, actor, { action: 'plan.progress.evidence', subjectType: 'stored_file', subjectId: f.id, organizationId: row.organizationId, after: { planId: id, itemId, fiscalYear, round, fileName: f.fileName, sha256: f.sha256 } }, context);
        return f;
      });
      return { fileId: stored.id, fileName: stored.fileName, contentType: stored.contentType, sizeBytes: Number(stored.sizeBytes), sha256: stored.sha256, url: `/api/v1/plans/${id}/evidence/${stored.id}` };
    },

    async openEvidence(actor: Actor, id: string, fileId: string) {
      await loadRow(actor, id);
      if (!(await repo.evidenceBelongsToPlan(db, id, fileId))) throw new AppError('NOT_FOUND', { file: fileId });
      return openFile(db, deps.fileStore, fileId);
    },

    // Roll-ups and province views --------------------------------------------------------------
    async rollup(actor: Actor, q: { fiscalYear: number; level: string; province?: string | undefined; region?: number | undefined; organization?: string | undefined }) {
      const vs = visibleScope(actor, 'plan.read');
      const oversight = vs.national || (q.province ? vs.provinceCodes.includes(q.province) : false) || (q.region ? vs.paccRegions.includes(q.region) : false);
      const statuses = oversight ? ['accepted', 'published'] : ['published'];
      const rows = await repo.rollup(db, { fiscalYear: q.fiscalYear, level: q.level, statuses, provinceCode: q.province, paccRegion: q.region, organizationCode: q.organization });
      return { fiscalYear: q.fiscalYear, level: q.level as 'nation', scope: oversight ? 'accepted_and_published' : 'published', rows: rows.map((r) => ({ ...r, averagePercent: Number(r.averagePercent ?? 0) })) };
    },

    async provinceCompiled(actor: Actor, provinceCode: string, fiscalYear: number) {
      const province = await repo.findProvince(db, provinceCode);
      if (!province) throw new AppError('NOT_FOUND', { province: provinceCode });
      const oversight = can(actor, 'plan.read', { organizationId: null, provinceCode, paccRegion: province.paccRegion });
      const statuses = oversight ? ['submitted', 'returned', 'accepted', 'published'] : ['published'];
      const rows = await repo.provinceItems(db, { provinceCode, fiscalYear, statuses });
      const frameworkIds = [...new Set(rows.map((r) => r.frameworkId))];
      const titles = new Map<string, string>();
      for (const fid of frameworkIds) for (const n of await repo.listNodes(db, fid)) if (n.level === 1 && !titles.has(n.code)) titles.set(n.code, n.titleTh);
      const dims = [...new Set([...titles.keys(), ...rows.map((r) => r.dimensionCode)])].sort(rules.compareCodes);
      const toItemRow = (r: (typeof rows)[number]) => ({ planId: r.planId, itemId: r.itemId, organizationCode: r.organizationCode, organizationNameTh: r.organizationNameTh, districtCode: r.districtCode, frameworkCode: r.frameworkCode, type: r.type as PlanItem['type'], nameTh: r.nameTh, noBudget: r.noBudget, amountSatang: r.noBudget ? '0' : r.amountSatang, responsibleUnit: r.responsibleUnit, planStatus: r.planStatus as PlanStatus });
      const dimensions = dims.map((d) => {
        const inDim = rows.filter((r) => r.dimensionCode === d);
        return {
          dimensionCode: d, titleTh: titles.get(d) ?? `มิติที่ ${d}`,
          withBudget: inDim.filter((r) => !r.noBudget).map(toItemRow), withoutBudget: inDim.filter((r) => r.noBudget).map(toItemRow),
          totalSatang: inDim.reduce((s, r) => s + (r.noBudget ? 0n : BigInt(r.amountSatang)), 0n).toString(),
        };
      });
      return {
        provinceCode, provinceNameTh: province.nameTh, fiscalYear, scope: oversight ? 'submitted_and_later' : 'published', dimensions,
        organizations: new Set(rows.map((r) => r.organizationCode)).size, items: rows.length,
        totalSatang: rows.reduce((s, r) => s + (r.noBudget ? 0n : BigInt(r.amountSatang)), 0n).toString(),
      };
    },

    async provinceDashboard(actor: Actor, provinceCode: string, cycleCode: string) {
      const province = await repo.findProvince(db, provinceCode);
      if (!province) throw new AppError('NOT_FOUND', { province: provinceCode });
      assertCan(actor, 'plan.read', { organizationId: null, provinceCode, paccRegion: province.paccRegion });
      const cycle = await findCycleOr404(cycleCode);
      const deadline = await repo.findDeadline(db, cycle.id, provinceCode);
      const now = clock.now();
      const rows = await repo.provinceDashboardRows(db, provinceCode, cycle.id);
      const leavesByFramework = new Map<string, string[]>();
      for (const fid of new Set(rows.map((r) => r.frameworkId).filter((x): x is string => !!x))) {
        leavesByFramework.set(fid, rules.leafCodes((await repo.listNodes(db, fid)).map((n) => n.code)));
      }
      const organizations = rows.map((r) => {
        const submitted = r.planStatus ? rules.isSubmittedState(r.planStatus as PlanStatus) : false;
        const due = deadline ? new Date(deadline.dueAt) : null;
        const late = due ? (submitted ? !!r.submittedAt && new Date(r.submittedAt) > due : now > due) : false;
        const covered = r.coveredCodes ?? [];
        const reasons = r.coverageReasons ?? {};
        const gaps = r.frameworkId
          ? (leavesByFramework.get(r.frameworkId) ?? []).filter((leaf) => !covered.some((c) => leaf === c || leaf.startsWith(`${c}.`) || c.startsWith(`${leaf}.`)) && !Object.keys(reasons).some((k) => leaf === k || leaf.startsWith(`${k}.`))).length
          : 0;
        const state = !r.planStatus ? (late ? 'late' : 'no_plan') : !submitted ? (late ? 'late' : 'drafting') : (r.planStatus as 'submitted');
        return { id: r.id, code: r.code, kind: r.kind, nameTh: r.nameTh, districtCode: r.districtCode, districtNameTh: r.districtNameTh, lat: r.lat, lon: r.lon, planId: canReadPlan(actor, { status: r.planStatus ?? 'draft', organizationId: r.id, provinceCode, paccRegion: province.paccRegion }) ? r.planId : null, planStatus: submitted ? (r.planStatus as PlanStatus) : r.planStatus ? ('draft' as PlanStatus) : null, submittedAt: iso(r.submittedAt), state: state as 'late', late, coverageGaps: gaps };
      });
      const byDistrict = new Map<string, { districtCode: string; nameTh: string; organizations: number; submitted: number; late: number; withGaps: number }>();
      for (const o of organizations) {
        const key = o.districtCode ?? '-';
        const d = byDistrict.get(key) ?? { districtCode: key, nameTh: o.districtNameTh ?? 'ระดับจังหวัด', organizations: 0, submitted: 0, late: 0, withGaps: 0 };
        d.organizations++;
        if (o.planStatus && rules.isSubmittedState(o.planStatus)) d.submitted++;
        if (o.late) d.late++;
        if (o.coverageGaps > 0) d.withGaps++;
        byDistrict.set(key, d);
      }
      const c = deadline ? rules.countdown(new Date(deadline.dueAt), now) : null;
      return {
        provinceCode, provinceNameTh: province.nameTh, cycle: { id: cycle.id, code: cycle.code },
        deadline: deadline && c ? { dueAt: iso(deadline.dueAt)!, daysLeft: c.daysLeft, overdue: c.overdue } : null,
        totals: {
          organizations: organizations.length,
          submitted: organizations.filter((o) => o.planStatus && rules.isSubmittedState(o.planStatus)).length,
          late: organizations.filter((o) => o.late).length,
          noPlan: organizations.filter((o) => !o.planStatus).length,
          withGaps: organizations.filter((o) => o.coverageGaps > 0).length,
          accepted: organizations.filter((o) => o.planStatus === 'accepted' || o.planStatus === 'published').length,
        },
        byDistrict: [...byDistrict.values()],
        organizations,
      };
    },

    // Reminders ----------------------------------------------------------------------------
    /** Reminders due at `now`: organisations without a submitted plan as a deadline nears (14, 7, 3, 1 days). */
    async findDueReminders(now: Date = clock.now()): Promise<PlanDueReminder[]> {
      const horizon = new Date(now.getTime() + Math.max(...rules.REMINDER_DAYS) * 86_400_000);
      const rows = await repo.findUnsubmittedBeforeDeadlines(db, now, horizon);
      const candidates = rows.flatMap((r) => {
        const threshold = rules.dueReminderThreshold(new Date(r.dueAt), now);
        if (threshold === null) return [];
        const c = rules.countdown(new Date(r.dueAt), now);
        return [{ kind: 'submission_deadline' as const, organizationId: r.organizationId, planId: r.planId, dueAt: iso(r.dueAt)!, daysLeft: c.daysLeft, key: `deadline:${r.cycleId}:${r.organizationId}:${threshold}` }];
      });
      const sent = await repo.remindersSent(db, candidates.map((c) => c.key));
      return candidates.filter((c) => !sent.has(c.key));
    },

    /** Sends the due reminders once each (notification + e-mail to the organisation's editors and executive). */
    async sendDueReminders(now: Date = clock.now()): Promise<number> {
      const due = await this.findDueReminders(now);
      let sent = 0;
      for (const r of due) {
        await db.transaction().execute(async (tx) => {
          if (!(await repo.markReminderSent(tx, r.key))) return;
          const users = await repo.usersWithRoles(tx, { organizationId: r.organizationId }, [...ORG_EDITOR_ROLES, ...APPROVER_ROLES]);
          const options: Parameters<typeof notify>[3] = {};
          if (deps.mailer) options.mailer = deps.mailer;
          if (deps.publicUrl) options.publicUrl = deps.publicUrl;
          await notify(tx, users, { kind: 'plan.deadline_reminder', title: `อีก ${r.daysLeft} วันครบกำหนดส่งแผนปฏิบัติการป้องกันการทุจริต`, body: `กำหนดส่งสำนักงาน ป.ป.ช. ประจำจังหวัด: ${r.dueAt}`, link: r.planId ? `/plans/${r.planId}` : '/plans' }, options);
          sent++;
        });
      }
      return sent;
    },
  };
}

function toEvent(e: { id: unknown; at: Date; actorLabel: string; action: string; fromStatus: string | null; toStatus: string | null; comment: string | null }): PlanEvent {
  return { id: String(e.id), at: new Date(e.at).toISOString(), actorLabel: e.actorLabel, action: e.action, fromStatus: e.fromStatus as PlanStatus | null, toStatus: e.toStatus as PlanStatus | null, comment: e.comment };
}

export type PlansService = ReturnType<typeof createPlansService>;
