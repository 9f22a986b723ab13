/**
 * Anti-corruption action plans (แผนปฏิบัติการป้องกันการทุจริต): frameworks (มิติ and sub-items) as
 * versioned data, plan cycles, rubrics, deadlines; the plan itself (Part 1 risk analysis, working
 * group, Part 2 items, Part 3 project sheets), its workflow, reviews, versions, progress reports,
 * roll-ups and the province views.
 *
 * Money is integer satang sent as a string of digits (`"1250000"` = 12,500.00 baht), never a float.
 * Fiscal years are Buddhist-era numbers (2569). Stability: fields are only ever added.
 */
import { z } from 'zod';

/** Integer satang as a string of digits (int8 on the server). */
export const PlanSatangSchema = z.string().regex(/^-?\d{1,18}$/).describe('Integer satang as a string: "1250000" = 12,500.00 baht');
export const PlanFiscalYearSchema = z.number().int().min(2500).max(2700).describe('Fiscal year, Buddhist era (ปีงบประมาณ พ.ศ.)');
/** A framework sub-item code: 1, 1.1, 1.1.1 … */
export const PlanFrameworkCodeSchema = z.string().regex(/^\d{1,2}(\.\d{1,2}){0,3}$/).describe('PlanFramework code: 1, 1.1, 1.1.1');

// ---------------------------------------------------------------------------------------------
// PlanFramework, cycles, rubrics, deadlines (configuration; plan.configure / plan.deadline)
// ---------------------------------------------------------------------------------------------

export const PlanFrameworkNodeSchema = z
  .object({
    code: PlanFrameworkCodeSchema,
    parentCode: PlanFrameworkCodeSchema.nullable(),
    level: z.number().int().min(1).max(4).describe('1 = dimension (มิติ), 2 = sub-item (1.1), 3 = 1.1.1'),
    position: z.number().int(),
    titleTh: z.string(),
    titleEn: z.string().nullable(),
    unconfirmed: z.boolean().describe('Wording not confirmed against an official source (domain notes tag [U])'),
    sourceNote: z.string().nullable(),
  })
  .meta({ id: 'PlanFrameworkNode' });
export type PlanFrameworkNode = z.infer<typeof PlanFrameworkNodeSchema>;

export const PlanFrameworkSummarySchema = z
  .object({
    id: z.string().uuid(),
    code: z.string().describe('Family of frameworks, e.g. "nacc-lao-prevention"'),
    version: z.string().describe('e.g. "2561-2564"'),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    cycleFirstYear: PlanFiscalYearSchema.nullable(),
    cycleLastYear: PlanFiscalYearSchema.nullable(),
    sourceNote: z.string(),
    status: z.enum(['draft', 'active', 'retired']),
    planCount: z.number().int().describe('Plans written under this version (they keep it)'),
  })
  .meta({ id: 'PlanFrameworkSummary' });
export type PlanFrameworkSummary = z.infer<typeof PlanFrameworkSummarySchema>;

export const PlanFrameworkSchema = PlanFrameworkSummarySchema.extend({ nodes: z.array(PlanFrameworkNodeSchema) }).meta({ id: 'PlanFramework' });
export type PlanFramework = z.infer<typeof PlanFrameworkSchema>;

export const PlanFrameworkNodeInputSchema = z.object({
  code: PlanFrameworkCodeSchema,
  titleTh: z.string().trim().min(1).max(1000),
  titleEn: z.string().trim().max(1000).nullable().optional(),
  unconfirmed: z.boolean().default(false),
  sourceNote: z.string().max(1000).nullable().optional(),
});
export type PlanFrameworkNodeInput = z.infer<typeof PlanFrameworkNodeInputSchema>;

/** Create a framework version (national staff). Codes must form a tree: every x.y has its parent x. */
export const PlanCreateFrameworkBodySchema = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9-]{3,60}$/),
    version: z.string().trim().min(1).max(40),
    nameTh: z.string().trim().min(2).max(300),
    nameEn: z.string().trim().max(300).nullable().optional(),
    cycleFirstYear: PlanFiscalYearSchema.nullable().optional(),
    cycleLastYear: PlanFiscalYearSchema.nullable().optional(),
    sourceNote: z.string().trim().min(2).max(2000),
    status: z.enum(['draft', 'active', 'retired']).default('active'),
    nodes: z.array(PlanFrameworkNodeInputSchema).min(1).max(500),
  })
  .meta({ id: 'PlanCreateFrameworkBody' });
export type PlanCreateFrameworkBody = z.infer<typeof PlanCreateFrameworkBodySchema>;

/** Edit a framework: status and wording always; the node list only while no plan uses the version. */
export const PlanUpdateFrameworkBodySchema = z
  .object({
    nameTh: z.string().trim().min(2).max(300).optional(),
    nameEn: z.string().trim().max(300).nullable().optional(),
    sourceNote: z.string().trim().min(2).max(2000).optional(),
    status: z.enum(['draft', 'active', 'retired']).optional(),
    nodes: z.array(PlanFrameworkNodeInputSchema).min(1).max(500).optional(),
  })
  .meta({ id: 'PlanUpdateFrameworkBody' });
export type PlanUpdateFrameworkBody = z.infer<typeof PlanUpdateFrameworkBodySchema>;

export const PlanCycleSchema = z
  .object({
    id: z.string().uuid(),
    code: z.string().describe('e.g. "2566-2570"'),
    firstYear: PlanFiscalYearSchema,
    lastYear: PlanFiscalYearSchema,
    labelTh: z.string(),
    defaultFrameworkId: z.string().uuid().nullable(),
    active: z.boolean(),
    sourceNote: z.string().nullable(),
  })
  .meta({ id: 'PlanCycle' });
export type PlanCycle = z.infer<typeof PlanCycleSchema>;

export const CreatePlanCycleBodySchema = z
  .object({
    firstYear: PlanFiscalYearSchema,
    lastYear: PlanFiscalYearSchema,
    labelTh: z.string().trim().min(2).max(300).optional(),
    defaultFrameworkId: z.string().uuid().nullable().optional(),
    active: z.boolean().default(true),
    sourceNote: z.string().max(1000).nullable().optional(),
  })
  .meta({ id: 'CreatePlanCycleBody' });
export type CreatePlanCycleBody = z.infer<typeof CreatePlanCycleBodySchema>;

export const PlanRubricCriterionSchema = z
  .object({
    id: z.string().uuid(),
    dimensionCode: PlanFrameworkCodeSchema.nullable().describe('The dimension the criterion scores; null = the plan as a whole'),
    position: z.number().int(),
    textTh: z.string(),
    textEn: z.string().nullable(),
    maxPoints: z.number().int().min(0).max(1000),
  })
  .meta({ id: 'PlanRubricCriterion' });
export type PlanRubricCriterion = z.infer<typeof PlanRubricCriterionSchema>;

export const PlanRubricSchema = z
  .object({
    id: z.string().uuid(),
    code: z.string(),
    version: z.number().int(),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    isOfficial: z.boolean().describe('false = Prongsai default, not the NACC score sheet (which is not confirmed)'),
    sourceNote: z.string(),
    active: z.boolean(),
    maxPoints: z.number().int(),
    criteria: z.array(PlanRubricCriterionSchema),
  })
  .meta({ id: 'PlanRubric' });
export type PlanRubric = z.infer<typeof PlanRubricSchema>;

export const PlanCreateRubricBodySchema = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9-]{3,60}$/),
    nameTh: z.string().trim().min(2).max(300),
    nameEn: z.string().trim().max(300).nullable().optional(),
    isOfficial: z.boolean().default(false),
    sourceNote: z.string().trim().min(2).max(2000),
    active: z.boolean().default(true),
    criteria: z
      .array(z.object({ dimensionCode: PlanFrameworkCodeSchema.nullable(), textTh: z.string().trim().min(2).max(1000), textEn: z.string().max(1000).nullable().optional(), maxPoints: z.number().int().min(0).max(1000) }))
      .min(1)
      .max(100),
  })
  .meta({ id: 'PlanCreateRubricBody' });
export type PlanCreateRubricBody = z.infer<typeof PlanCreateRubricBodySchema>;

export const PlanDeadlineSchema = z
  .object({
    cycleId: z.string().uuid(),
    cycleCode: z.string(),
    provinceCode: z.string(),
    provinceNameTh: z.string(),
    dueAt: z.string().describe('ISO timestamp'),
    note: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PlanDeadline' });
export type PlanDeadline = z.infer<typeof PlanDeadlineSchema>;

export const SetPlanDeadlineBodySchema = z
  .object({
    cycleId: z.string().uuid(),
    provinceCode: z.string().regex(/^\d{2}$/),
    dueAt: z.string().datetime({ offset: true }).describe('ISO timestamp, e.g. 2026-12-31T16:59:59Z'),
    note: z.string().max(1000).nullable().optional(),
  })
  .meta({ id: 'SetPlanDeadlineBody' });
export type SetPlanDeadlineBody = z.infer<typeof SetPlanDeadlineBodySchema>;

export const PlanListDeadlinesQuerySchema = z.object({
  cycle: z.string().optional().describe('Cycle code, e.g. 2566-2570'),
  province: z.string().regex(/^\d{2}$/).optional(),
});

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

export const PLAN_STATUSES = ['draft', 'internal_review', 'approved', 'submitted', 'returned', 'accepted', 'published'] as const;
export const PlanStatusSchema = z.enum(PLAN_STATUSES).meta({ id: 'PlanStatus' });
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

export const PLAN_STATUS_LABELS: Record<PlanStatus, { th: string; en: string }> = {
  draft: { th: 'ร่าง', en: 'Draft' },
  internal_review: { th: 'รอผู้บริหารพิจารณา', en: 'Internal review' },
  approved: { th: 'ผู้บริหารอนุมัติแล้ว', en: 'Approved by the executive' },
  submitted: { th: 'ส่งสำนักงาน ป.ป.ช. ประจำจังหวัดแล้ว', en: 'Submitted to the NACC provincial office' },
  returned: { th: 'ส่งกลับให้แก้ไข', en: 'Returned for changes' },
  accepted: { th: 'ผ่านการพิจารณา', en: 'Accepted' },
  published: { th: 'เผยแพร่แล้ว', en: 'Published' },
};

/** Workflow actions (POST /plans/{id}/transitions). */
export const PLAN_ACTIONS = ['send_for_review', 'send_back', 'approve', 'submit', 'return', 'accept', 'publish'] as const;
export const PlanActionSchema = z.enum(PLAN_ACTIONS).meta({ id: 'PlanAction' });
export type PlanAction = z.infer<typeof PlanActionSchema>;

export const PLAN_ITEM_TYPES = ['project', 'activity', 'measure', 'guideline'] as const;
export const PlanItemTypeSchema = z.enum(PLAN_ITEM_TYPES).meta({ id: 'PlanItemType' });
export type PlanItemType = z.infer<typeof PlanItemTypeSchema>;
export const PLAN_ITEM_TYPE_LABELS: Record<PlanItemType, { th: string; en: string }> = {
  project: { th: 'โครงการ', en: 'Project' },
  activity: { th: 'กิจกรรม', en: 'Activity' },
  measure: { th: 'มาตรการ', en: 'Measure' },
  guideline: { th: 'แนวปฏิบัติ', en: 'Guideline' },
};

export const PlanRiskRowSchema = z
  .object({
    area: z.string().trim().min(1).max(500).describe('Process or area (กระบวนงาน/ด้าน)'),
    risk: z.string().trim().min(1).max(2000).describe('The corruption risk'),
    likelihood: z.number().int().min(1).max(5),
    impact: z.number().int().min(1).max(5),
    existingControls: z.string().max(2000).default(''),
    owner: z.string().max(300).default(''),
  })
  .meta({ id: 'PlanRiskRow' });
export type PlanRiskRow = z.infer<typeof PlanRiskRowSchema>;

export const PlanPart1Schema = z
  .object({
    riskAnalysis: z.array(PlanRiskRowSchema).max(200).default([]),
    rationale: z.string().max(20000).default('').describe('หลักการและเหตุผล'),
    vision: z.string().max(5000).default('').describe('วิสัยทัศน์'),
    objectives: z.array(z.string().max(2000)).max(50).default([]).describe('วัตถุประสงค์'),
    targets: z.array(z.string().max(2000)).max(50).default([]).describe('เป้าหมาย'),
    expectedBenefits: z.array(z.string().max(2000)).max(50).default([]).describe('ประโยชน์ของการจัดทำแผน'),
  })
  .meta({ id: 'PlanPart1' });
export type PlanPart1 = z.infer<typeof PlanPart1Schema>;

export const PlanWorkingGroupSchema = z
  .object({
    appointingOrder: z
      .object({
        number: z.string().max(100).describe('เลขที่คำสั่ง, e.g. 123/2566'),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('ISO date (shown in the Buddhist era)'),
        signedBy: z.string().max(300).default(''),
      })
      .nullable()
      .default(null),
    members: z
      .array(z.object({ name: z.string().trim().min(1).max(300), position: z.string().max(300).default(''), role: z.string().max(300).default('').describe('e.g. ประธานคณะทำงาน, คณะทำงาน, เลขานุการ') }))
      .max(100)
      .default([]),
  })
  .meta({ id: 'PlanWorkingGroup' });
export type PlanWorkingGroup = z.infer<typeof PlanWorkingGroupSchema>;

export const PlanKpiSchema = z
  .object({
    id: z.string().min(1).max(40).describe('Stable within the item; progress reports refer to it'),
    nameTh: z.string().trim().min(1).max(500),
    unit: z.string().max(100).default(''),
    target: z.number().describe('Measurable target, e.g. 80 (%) or 12 (times)'),
    kind: z.enum(['output', 'outcome']).default('outcome'),
  })
  .meta({ id: 'PlanKpi' });
export type PlanKpi = z.infer<typeof PlanKpiSchema>;

/** Part 3: the project sheet of one item. */
export const PlanProjectSheetSchema = z
  .object({
    rationale: z.string().max(20000).default(''),
    objectives: z.array(z.string().max(2000)).max(30).default([]),
    targetGroup: z.string().max(2000).default(''),
    area: z.string().max(1000).default(''),
    method: z.array(z.string().max(2000)).max(50).default([]),
    period: z.string().max(500).default('').describe('e.g. ปีงบประมาณ พ.ศ. 2567–2570'),
    responsibleUnit: z.string().max(300).default(''),
    outputs: z.string().max(5000).default(''),
    outcomes: z.string().max(5000).default(''),
    kpis: z.array(PlanKpiSchema).max(30).default([]),
  })
  .meta({ id: 'PlanProjectSheet' });
export type PlanProjectSheet = z.infer<typeof PlanProjectSheetSchema>;

export const PlanItemBudgetSchema = z.object({ fiscalYear: PlanFiscalYearSchema, amountSatang: PlanSatangSchema }).meta({ id: 'PlanItemBudget' });
export type PlanItemBudget = z.infer<typeof PlanItemBudgetSchema>;

export const PLAN_PROGRESS_STATUSES = ['not_started', 'in_progress', 'completed', 'delayed', 'cancelled'] as const;
export const PlanProgressStatusSchema = z.enum(PLAN_PROGRESS_STATUSES).meta({ id: 'PlanProgressStatus' });
export type PlanProgressStatus = z.infer<typeof PlanProgressStatusSchema>;
export const PLAN_PROGRESS_STATUS_LABELS: Record<PlanProgressStatus, { th: string; en: string }> = {
  not_started: { th: 'ยังไม่ดำเนินการ', en: 'Not started' },
  in_progress: { th: 'อยู่ระหว่างดำเนินการ', en: 'In progress' },
  completed: { th: 'ดำเนินการแล้วเสร็จ', en: 'Completed' },
  delayed: { th: 'ล่าช้ากว่าแผน', en: 'Behind schedule' },
  cancelled: { th: 'ยกเลิก/ไม่ได้ดำเนินการ', en: 'Cancelled' },
};

export const PLAN_REPORT_ROUNDS = ['6m', '12m', 'q1', 'q2', 'q3'] as const;
export const PlanReportRoundSchema = z.enum(PLAN_REPORT_ROUNDS).describe('6m = รอบ 6 เดือน, 12m = รอบ 12 เดือน, q1–q3 quarterly (optional)').meta({ id: 'PlanReportRound' });
export type PlanReportRound = z.infer<typeof PlanReportRoundSchema>;

export const PlanItemProgressSchema = z
  .object({
    fiscalYear: PlanFiscalYearSchema,
    round: PlanReportRoundSchema,
    status: PlanProgressStatusSchema,
    percent: z.number().int().min(0).max(100),
    spentSatang: PlanSatangSchema,
    outputs: z.string(),
    kpiActuals: z.array(z.object({ kpiId: z.string(), actual: z.number() })),
    links: z.array(z.object({ url: z.string(), label: z.string() })),
    evidence: z.array(z.object({ fileId: z.string().uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), url: z.string() })),
    note: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PlanItemProgress' });
export type PlanItemProgress = z.infer<typeof PlanItemProgressSchema>;

export const PlanItemSchema = z
  .object({
    id: z.string().uuid(),
    itemKey: z.string().uuid().describe('Stable across plan versions (for comparison)'),
    position: z.number().int(),
    type: PlanItemTypeSchema,
    frameworkCode: PlanFrameworkCodeSchema.describe('Sub-item of the framework, e.g. 1.1.1'),
    dimensionCode: z.string().describe('First level of frameworkCode, e.g. "1"'),
    nameTh: z.string(),
    noBudget: z.boolean().describe('ไม่ใช้งบประมาณ: done without budget'),
    budgets: z.array(PlanItemBudgetSchema).describe('One entry per fiscal year with money; empty when noBudget'),
    totalSatang: PlanSatangSchema,
    responsibleUnit: z.string(),
    quarters: z.array(z.number().int().min(1).max(4)),
    remarks: z.string(),
    sheet: PlanProjectSheetSchema.nullable(),
    latestProgress: PlanItemProgressSchema.nullable(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'PlanItem' });
export type PlanItem = z.infer<typeof PlanItemSchema>;

export const PlanItemInputSchema = z
  .object({
    type: PlanItemTypeSchema,
    frameworkCode: PlanFrameworkCodeSchema,
    nameTh: z.string().trim().min(2).max(1000),
    noBudget: z.boolean().default(false),
    budgets: z.array(PlanItemBudgetSchema).max(10).default([]),
    responsibleUnit: z.string().max(300).default(''),
    quarters: z.array(z.number().int().min(1).max(4)).max(4).default([]),
    remarks: z.string().max(2000).default(''),
    sheet: PlanProjectSheetSchema.nullable().optional(),
  })
  .meta({ id: 'PlanItemBody' });
export type PlanItemInput = z.infer<typeof PlanItemInputSchema>;
/** A partial edit: only the fields sent change (no defaults, unlike PlanItemInput). */
export const PlanItemPatchSchema = z
  .object({
    type: PlanItemTypeSchema.optional(),
    frameworkCode: PlanFrameworkCodeSchema.optional(),
    nameTh: z.string().trim().min(2).max(1000).optional(),
    noBudget: z.boolean().optional(),
    budgets: z.array(PlanItemBudgetSchema).max(10).optional(),
    responsibleUnit: z.string().max(300).optional(),
    quarters: z.array(z.number().int().min(1).max(4)).max(4).optional(),
    remarks: z.string().max(2000).optional(),
    sheet: PlanProjectSheetSchema.nullable().optional(),
  })
  .meta({ id: 'PlanItemPatch' });
export type PlanItemPatch = z.infer<typeof PlanItemPatchSchema>;

export const PlanReorderItemsBodySchema = z.object({ itemIds: z.array(z.string().uuid()).min(1).max(2000) }).meta({ id: 'ReorderPlanItemsBody' });

/** What a writer sees while drafting (pure checks in core). */
export const PlanChecksSchema = z
  .object({
    ok: z.boolean().describe('No blocking problem: every dimension/sub-item covered or explained, every project has KPIs'),
    uncovered: z.array(z.object({ code: z.string(), titleTh: z.string(), level: z.number().int(), reason: z.string().nullable() })).describe('PlanFramework nodes without items; reason = the written explanation, if any'),
    itemsMissingKpis: z.array(z.object({ itemId: z.string(), nameTh: z.string() })),
    itemsWithoutBudgetOrFlag: z.array(z.object({ itemId: z.string(), nameTh: z.string() })).describe('Neither a budget nor "no budget"'),
    itemsWithUnknownCode: z.array(z.object({ itemId: z.string(), frameworkCode: z.string() })),
    budgetOutsideCycle: z.array(z.object({ itemId: z.string(), fiscalYear: z.number().int() })),
    totals: z.object({
      fiscalYears: z.array(z.number().int()),
      byYear: z.array(z.object({ fiscalYear: z.number().int(), amountSatang: PlanSatangSchema })),
      byDimension: z.array(
        z.object({
          dimensionCode: z.string(),
          titleTh: z.string(),
          itemCount: z.number().int(),
          noBudgetCount: z.number().int(),
          byYear: z.array(z.object({ fiscalYear: z.number().int(), amountSatang: PlanSatangSchema })),
          totalSatang: PlanSatangSchema,
        }),
      ),
      totalSatang: PlanSatangSchema,
      itemCount: z.number().int(),
      noBudgetCount: z.number().int(),
    }),
  })
  .meta({ id: 'PlanChecks' });
export type PlanChecks = z.infer<typeof PlanChecksSchema>;

export const PlanDeadlineInfoSchema = z
  .object({
    dueAt: z.string(),
    daysLeft: z.number().int().describe('Whole days until the deadline (negative when overdue); the countdown'),
    overdue: z.boolean(),
    submittedLate: z.boolean().nullable().describe('null until submitted'),
  })
  .meta({ id: 'PlanDeadlineInfo' });

export const PlanOrganizationSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  kind: z.string(),
  nameTh: z.string(),
  provinceCode: z.string().nullable(),
  provinceNameTh: z.string().nullable(),
  districtCode: z.string().nullable(),
  districtNameTh: z.string().nullable(),
});

export const PlanSummarySchema = z
  .object({
    id: z.string().uuid(),
    lineageId: z.string().uuid().describe('Same for every version of one plan'),
    version: z.number().int(),
    titleTh: z.string(),
    status: PlanStatusSchema,
    organization: PlanOrganizationSchema,
    cycle: z.object({ id: z.string().uuid(), code: z.string(), firstYear: z.number().int(), lastYear: z.number().int() }),
    framework: z.object({ id: z.string().uuid(), code: z.string(), version: z.string(), nameTh: z.string() }),
    itemCount: z.number().int(),
    totalSatang: PlanSatangSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    deadline: PlanDeadlineInfoSchema.nullable(),
    rowVersion: z.number().int().describe('Send back as ifVersion to detect concurrent edits'),
  })
  .meta({ id: 'PlanSummary' });
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const PlanCommentSchema = z
  .object({
    id: z.string().uuid(),
    itemId: z.string().uuid().nullable().describe('null = a comment on the whole plan'),
    body: z.string(),
    authorLabel: z.string(),
    createdAt: z.string(),
    eventId: z.string().nullable().describe('The transition the comment came with (e.g. a return)'),
  })
  .meta({ id: 'PlanComment' });
export type PlanComment = z.infer<typeof PlanCommentSchema>;

export const PlanEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorLabel: z.string(),
    action: z.string(),
    fromStatus: PlanStatusSchema.nullable(),
    toStatus: PlanStatusSchema.nullable(),
    comment: z.string().nullable(),
  })
  .meta({ id: 'PlanEvent' });
export type PlanEvent = z.infer<typeof PlanEventSchema>;

export const PlanReviewSchema = z
  .object({
    id: z.string().uuid(),
    rubricId: z.string().uuid(),
    rubricNameTh: z.string(),
    reviewerLabel: z.string(),
    scores: z.array(z.object({ criterionId: z.string().uuid(), points: z.number().int(), note: z.string() })),
    totalPoints: z.number().int(),
    maxPoints: z.number().int(),
    byDimension: z.array(z.object({ dimensionCode: z.string().nullable(), points: z.number().int(), maxPoints: z.number().int() })),
    note: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'PlanReview' });
export type PlanReview = z.infer<typeof PlanReviewSchema>;

export const PlanSchema = PlanSummarySchema.extend({
  part1: PlanPart1Schema,
  workingGroup: PlanWorkingGroupSchema,
  coverageReasons: z.record(z.string(), z.string()).describe('PlanFramework code → why it has no item'),
  reportingRounds: z.array(PlanReportRoundSchema),
  items: z.array(PlanItemSchema),
  /** PlanFramework nodes of the version the plan was written under. */
  frameworkNodes: z.array(PlanFrameworkNodeSchema),
  checks: PlanChecksSchema,
  comments: z.array(PlanCommentSchema).describe('Review comments; empty in the public view'),
  reviews: z.array(PlanReviewSchema).describe('PlanRubric scores; empty in the public view'),
  allowedActions: z.array(PlanActionSchema).describe('Workflow actions the caller may take now'),
  canEdit: z.boolean(),
}).meta({ id: 'Plan' });
export type Plan = z.infer<typeof PlanSchema>;

export const PlanListSchema = z.object({ total: z.number().int(), items: z.array(PlanSummarySchema) }).meta({ id: 'PlanList' });
export type PlanList = z.infer<typeof PlanListSchema>;

export const ListPlansQuerySchema = z.object({
  cycle: z.string().optional().describe('Cycle code, e.g. 2566-2570'),
  status: PlanStatusSchema.optional(),
  province: z.string().regex(/^\d{2}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ListPlansQuery = z.infer<typeof ListPlansQuerySchema>;

export const CreatePlanBodySchema = z
  .object({
    cycleId: z.string().uuid(),
    frameworkId: z.string().uuid().optional().describe('Defaults to the cycle\'s framework'),
    titleTh: z.string().trim().min(2).max(500).optional(),
  })
  .meta({ id: 'CreatePlanBody' });
export type CreatePlanBody = z.infer<typeof CreatePlanBodySchema>;

export const UpdatePlanBodySchema = z
  .object({
    ifVersion: z.number().int().optional().describe('rowVersion last read; CONFLICT_STALE_VERSION when someone changed it since'),
    titleTh: z.string().trim().min(2).max(500).optional(),
    part1: PlanPart1Schema.optional(),
    workingGroup: PlanWorkingGroupSchema.optional(),
    coverageReasons: z.record(PlanFrameworkCodeSchema, z.string().max(2000)).optional(),
    reportingRounds: z.array(PlanReportRoundSchema).min(1).optional(),
  })
  .meta({ id: 'UpdatePlanBody' });
export type UpdatePlanBody = z.infer<typeof UpdatePlanBodySchema>;

export const PlanTransitionBodySchema = z
  .object({
    action: PlanActionSchema,
    comment: z.string().max(5000).optional(),
    itemComments: z.array(z.object({ itemId: z.string().uuid(), comment: z.string().trim().min(1).max(5000) })).max(500).optional().describe('Per-item comments (with return)'),
  })
  .meta({ id: 'PlanTransitionBody' });
export type PlanTransitionBody = z.infer<typeof PlanTransitionBodySchema>;

export const ScorePlanBodySchema = z
  .object({
    rubricId: z.string().uuid(),
    scores: z.array(z.object({ criterionId: z.string().uuid(), points: z.number().int().min(0), note: z.string().max(2000).default('') })).min(1),
    note: z.string().max(5000).default(''),
  })
  .meta({ id: 'ScorePlanBody' });
export type ScorePlanBody = z.infer<typeof ScorePlanBodySchema>;

export const PlanAddCommentBodySchema = z.object({ itemId: z.string().uuid().nullable().optional(), body: z.string().trim().min(1).max(5000) }).meta({ id: 'AddPlanCommentBody' });

/** Comparison of two versions (or any two plans of one lineage). */
export const PlanComparisonSchema = z
  .object({
    from: z.object({ id: z.string().uuid(), version: z.number().int(), status: PlanStatusSchema }),
    to: z.object({ id: z.string().uuid(), version: z.number().int(), status: PlanStatusSchema }),
    fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })).describe('Plan-level fields that differ'),
    items: z.array(
      z.object({
        itemKey: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        nameTh: z.string(),
        fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
        updatedBy: z.string().nullable(),
        updatedAt: z.string().nullable(),
      }),
    ),
    events: z.array(PlanEventSchema).describe('Who did what, when, between the two versions'),
  })
  .meta({ id: 'PlanComparison' });
export type PlanComparison = z.infer<typeof PlanComparisonSchema>;

/** Upload as base64 in JSON (10 MB request limit). */
export const PlanFileUploadSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentType: z.string().max(200).default('application/octet-stream'),
  contentBase64: z.string().min(1).max(14_000_000),
});

export const PlanImportItemsBodySchema = PlanFileUploadSchema.extend({
  format: z.enum(['xlsx', 'csv']).optional().describe('Guessed from the file name when absent'),
  mode: z.enum(['atomic', 'valid_only']).default('atomic').describe('atomic: nothing is saved if any row fails; valid_only: save the good rows'),
  replace: z.boolean().default(false).describe('Delete the current items first'),
}).meta({ id: 'ImportPlanItemsBody' });
export type PlanImportItemsBody = z.infer<typeof PlanImportItemsBodySchema>;

export const PlanImportRowErrorSchema = z
  .object({ row: z.number().int().describe('Spreadsheet row number (header = 1)'), column: z.string().nullable(), message: z.string(), messageEn: z.string() })
  .meta({ id: 'PlanImportRowError' });
export type PlanImportRowError = z.infer<typeof PlanImportRowErrorSchema>;

export const PlanImportItemsResultSchema = z
  .object({ imported: z.number().int(), skipped: z.number().int(), saved: z.boolean(), errors: z.array(PlanImportRowErrorSchema) })
  .meta({ id: 'ImportPlanItemsResult' });
export type PlanImportItemsResult = z.infer<typeof PlanImportItemsResultSchema>;

export const PlanIdParamsSchema = z.object({ id: z.string().uuid() });
export const PlanItemParamsSchema = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });
export const PlanCompareParamsSchema = z.object({ id: z.string().uuid(), otherId: z.string().uuid() });
export const PlanDocumentQuerySchema = z.object({
  thaiDigits: z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe('Thai digits (เลขไทย) in the document'),
});

// ---------------------------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------------------------

export const PlanProgressEntryInputSchema = z
  .object({
    itemId: z.string().uuid(),
    status: PlanProgressStatusSchema,
    percent: z.number().int().min(0).max(100).optional().describe('Defaults to the status\'s usual % (completed = 100)'),
    spentSatang: PlanSatangSchema.default('0'),
    outputs: z.string().max(5000).default(''),
    kpiActuals: z.array(z.object({ kpiId: z.string().max(40), actual: z.number() })).max(30).default([]),
    links: z.array(z.object({ url: z.string().url().max(2000), label: z.string().max(300).default('') })).max(20).default([]),
    note: z.string().max(5000).default(''),
  })
  .meta({ id: 'PlanProgressEntryBody' });
export type PlanProgressEntryInput = z.infer<typeof PlanProgressEntryInputSchema>;

export const PlanSaveProgressBodySchema = z
  .object({ summary: z.string().max(20000).default(''), entries: z.array(PlanProgressEntryInputSchema).max(2000) })
  .meta({ id: 'PlanSaveProgressBody' });
export type PlanSaveProgressBody = z.infer<typeof PlanSaveProgressBodySchema>;

export const PlanProgressParamsSchema = z.object({ id: z.string().uuid(), fiscalYear: z.coerce.number().int().min(2500).max(2700), round: PlanReportRoundSchema });
export const PlanProgressItemParamsSchema = PlanProgressParamsSchema.extend({ itemId: z.string().uuid() });

export const PlanProgressReportSchema = z
  .object({
    id: z.string().uuid(),
    planId: z.string().uuid(),
    fiscalYear: z.number().int(),
    round: PlanReportRoundSchema,
    status: z.enum(['draft', 'submitted']),
    summary: z.string(),
    submittedAt: z.string().nullable(),
    updatedAt: z.string(),
    entries: z.array(PlanItemProgressSchema.extend({ itemId: z.string().uuid(), nameTh: z.string(), frameworkCode: z.string() })),
    totals: z.object({
      items: z.number().int(),
      reported: z.number().int(),
      completed: z.number().int(),
      averagePercent: z.number(),
      plannedSatang: PlanSatangSchema.describe('Planned budget of the fiscal year'),
      spentSatang: PlanSatangSchema,
    }),
  })
  .meta({ id: 'PlanProgressReport' });
export type PlanProgressReport = z.infer<typeof PlanProgressReportSchema>;

export const PlanEvidenceUploadBodySchema = PlanFileUploadSchema.meta({ id: 'EvidenceUploadBody' });
export const PlanStoredFileSchema = z
  .object({ fileId: z.string().uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), url: z.string() })
  .meta({ id: 'PlanEvidenceFile' });
export const PlanEvidenceParamsSchema = z.object({ id: z.string().uuid(), fileId: z.string().uuid() });

// ---------------------------------------------------------------------------------------------
// Roll-ups and province views
// ---------------------------------------------------------------------------------------------

export const PLAN_ROLLUP_LEVELS = ['dimension', 'organization', 'district', 'province', 'region', 'nation'] as const;
export const PlanRollupQuerySchema = z.object({
  fiscalYear: z.coerce.number().int().min(2500).max(2700),
  level: z.enum(PLAN_ROLLUP_LEVELS).default('province'),
  province: z.string().regex(/^\d{2}$/).optional(),
  region: z.coerce.number().int().min(1).max(9).optional(),
  organization: z.string().max(40).optional().describe('Organisation code'),
  format: z.enum(['json', 'csv']).default('json'),
});
export type PlanRollupQuery = z.infer<typeof PlanRollupQuerySchema>;

export const PlanRollupRowSchema = z
  .object({
    key: z.string(),
    labelTh: z.string(),
    plans: z.number().int(),
    items: z.number().int(),
    withBudget: z.number().int(),
    noBudget: z.number().int(),
    plannedSatang: PlanSatangSchema,
    spentSatang: PlanSatangSchema,
    reportedItems: z.number().int(),
    completedItems: z.number().int(),
    averagePercent: z.number(),
  })
  .meta({ id: 'PlanRollupRow' });
export type PlanRollupRow = z.infer<typeof PlanRollupRowSchema>;
export const PlanRollupSchema = z
  .object({ fiscalYear: z.number().int(), level: z.enum(PLAN_ROLLUP_LEVELS), scope: z.string().describe('"published" for the public; "all" for oversight roles'), rows: z.array(PlanRollupRowSchema) })
  .meta({ id: 'PlanRollup' });
export type PlanRollup = z.infer<typeof PlanRollupSchema>;

export const PlanProvinceCompiledQuerySchema = z.object({
  fiscalYear: z.coerce.number().int().min(2500).max(2700),
  format: z.enum(['json', 'csv']).default('json'),
});
export const PlanCompiledItemSchema = z.object({
  planId: z.string().uuid(),
  itemId: z.string().uuid(),
  organizationCode: z.string(),
  organizationNameTh: z.string(),
  districtCode: z.string().nullable(),
  frameworkCode: z.string(),
  type: PlanItemTypeSchema,
  nameTh: z.string(),
  noBudget: z.boolean(),
  amountSatang: PlanSatangSchema.describe('Budget of the fiscal year'),
  responsibleUnit: z.string(),
  planStatus: PlanStatusSchema,
});
export const PlanProvinceCompiledSchema = z
  .object({
    provinceCode: z.string(),
    provinceNameTh: z.string(),
    fiscalYear: z.number().int(),
    scope: z.string(),
    dimensions: z.array(
      z.object({
        dimensionCode: z.string(),
        titleTh: z.string(),
        withBudget: z.array(PlanCompiledItemSchema),
        withoutBudget: z.array(PlanCompiledItemSchema),
        totalSatang: PlanSatangSchema,
      }),
    ),
    organizations: z.number().int(),
    items: z.number().int(),
    totalSatang: PlanSatangSchema,
  })
  .meta({ id: 'ProvinceCompiledPlans' });
export type PlanProvinceCompiled = z.infer<typeof PlanProvinceCompiledSchema>;

export const PlanProvinceDashboardQuerySchema = z.object({ cycle: z.string().describe('Cycle code, e.g. 2566-2570'), format: z.enum(['json', 'csv']).default('json') });
export const PlanDashboardOrganizationSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  kind: z.string(),
  nameTh: z.string(),
  districtCode: z.string().nullable(),
  districtNameTh: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  planId: z.string().uuid().nullable(),
  planStatus: PlanStatusSchema.nullable(),
  submittedAt: z.string().nullable(),
  state: z.enum(['no_plan', 'drafting', 'submitted', 'returned', 'accepted', 'published', 'late']),
  late: z.boolean(),
  coverageGaps: z.number().int().describe('PlanFramework sub-items with neither an item nor a reason'),
});
export const PlanProvinceDashboardSchema = z
  .object({
    provinceCode: z.string(),
    provinceNameTh: z.string(),
    cycle: z.object({ id: z.string().uuid(), code: z.string() }),
    deadline: z.object({ dueAt: z.string(), daysLeft: z.number().int(), overdue: z.boolean() }).nullable(),
    totals: z.object({ organizations: z.number().int(), submitted: z.number().int(), late: z.number().int(), noPlan: z.number().int(), withGaps: z.number().int(), accepted: z.number().int() }),
    byDistrict: z.array(z.object({ districtCode: z.string(), nameTh: z.string(), organizations: z.number().int(), submitted: z.number().int(), late: z.number().int(), withGaps: z.number().int() })),
    organizations: z.array(PlanDashboardOrganizationSchema),
  })
  .meta({ id: 'ProvincePlanDashboard' });
export type PlanProvinceDashboard = z.infer<typeof PlanProvinceDashboardSchema>;

export const PlanProvinceParamsSchema = z.object({ code: z.string().regex(/^\d{2}$/) });

/** Reminder that a deadline is near (found by the service; sent by a job). */
export const PlanDueReminderSchema = z.object({
  kind: z.enum(['submission_deadline', 'progress_report']),
  organizationId: z.string().uuid(),
  planId: z.string().uuid().nullable(),
  dueAt: z.string(),
  daysLeft: z.number().int(),
  key: z.string().describe('Idempotency key: the same reminder is sent once'),
});
export type PlanDueReminder = z.infer<typeof PlanDueReminderSchema>;
