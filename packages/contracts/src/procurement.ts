/**
 * Procurement surveillance: OCDS imports, red flags (Cardinal R### + Thai TH##) with the agency's
 * answer and the oversight office's review, risk scores, the flag map, watchlists. A flag is a lead
 * for review, not proof of wrongdoing. Money is integer satang as decimal strings.
 */
import { z } from 'zod';
import { JobSchema } from './jobs.ts';

const Satang = z.string().regex(/^-?\d+$/).describe('integer satang (1 baht = 100 satang)');

export const ImportFormatSchema = z.enum(['jsonl', 'json', 'csv']).describe('jsonl: one compiled release (or release) per line; json: a release/record package; csv: e-GP contract rows');

export const ProcurementImportSchema = z
  .object({
    id: z.string().uuid(),
    fileName: z.string(),
    format: ImportFormatSchema,
    sizeBytes: z.number().int(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    linesDone: z.number().int(),
    releasesUpserted: z.number().int(),
    errorsCount: z.number().int(),
    warningsCount: z.number().int(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    job: JobSchema.nullable(),
  })
  .meta({ id: 'ProcurementImport' });
export type ProcurementImport = z.infer<typeof ProcurementImportSchema>;

export const ImportFromPathBodySchema = z.object({
  path: z.string().min(1).max(500).describe('a file under DATA_DIR/imports on the server'),
  format: ImportFormatSchema.optional(),
});

export const ImportIssueSchema = z.object({
  line: z.number().int(),
  severity: z.enum(['error', 'warning']),
  ocid: z.string().nullable(),
  path: z.string(),
  message: z.string(),
});
export const ImportIssueListSchema = z.object({ total: z.number().int(), items: z.array(ImportIssueSchema) });

export const AnalysisSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    processes: z.number().int(),
    flags: z.number().int(),
    newFlags: z.number().int(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    job: JobSchema.nullable(),
  })
  .meta({ id: 'ProcurementAnalysis' });

export const FlagStatusSchema = z.enum(['open', 'answered', 'reviewed']);
export const ReviewOutcomeSchema = z.enum(['cleared', 'noted', 'referred']).describe('cleared: no issue; noted: kept on file; referred: passed on for inquiry');

export const FlagSchema = z
  .object({
    id: z.string().uuid(),
    ocid: z.string(),
    code: z.string().describe('R### (Cardinal) or TH## (Thai)'),
    title: z.string(),
    titleEn: z.string(),
    explanation: z.string(),
    explanationEn: z.string(),
    source: z.enum(['cardinal', 'thai']),
    value: z.number(),
    supplierId: z.string().nullable(),
    evidence: z.record(z.string(), z.unknown()),
    thresholdsVersion: z.string().nullable(),
    firstSeenAt: z.iso.datetime(),
    withdrawn: z.boolean(),
    status: FlagStatusSchema,
    response: z.string().nullable(),
    respondedAt: z.iso.datetime().nullable(),
    reviewOutcome: ReviewOutcomeSchema.nullable(),
    /** Internal: oversight offices only. */
    reviewNote: z.string().nullable(),
    reviewedAt: z.iso.datetime().nullable(),
    buyerId: z.string().nullable(),
    buyerName: z.string().nullable(),
    organizationCode: z.string().nullable(),
    provinceCode: z.string().nullable(),
    processTitle: z.string().nullable().describe("the tender title"),
    valueSatang: Satang.nullable(),
    fiscalYear: z.number().int().nullable(),
  })
  .meta({ id: 'ProcurementFlag' });
export type ProcurementFlag = z.infer<typeof FlagSchema>;

export const FlagListSchema = z.object({ total: z.number().int(), items: z.array(FlagSchema), leadNotProof: z.string(), leadNotProofEn: z.string() });

const filterFields = {
  province: z.string().regex(/^\d{2}$/).optional(),
  region: z.coerce.number().int().min(1).max(9).optional().describe('PACC region 1–9'),
  method: z.enum(['e_bidding', 'e_market', 'selective', 'specific']).optional(),
  year: z.coerce.number().int().min(2500).max(2700).optional().describe('Thai fiscal year (BE)'),
  minValue: z.coerce.number().int().min(0).optional().describe('baht'),
  maxValue: z.coerce.number().int().min(0).optional().describe('baht'),
};

export const ListFlagsQuerySchema = z.object({
  ...filterFields,
  code: z.string().regex(/^(R|TH)\d{2,3}$/).optional(),
  status: FlagStatusSchema.optional(),
  buyer: z.string().max(200).optional(),
  supplier: z.string().max(200).optional(),
  organization: z.string().max(20).optional().describe('organisation code'),
  ocid: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListFlagsQuery = z.infer<typeof ListFlagsQuerySchema>;

export const RiskQuerySchema = z.object({
  ...filterFields,
  entity: z.enum(['buyer', 'supplier']).default('buyer'),
  minProcesses: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type RiskQuery = z.infer<typeof RiskQuerySchema>;

export const RiskComponentSchema = z.object({ code: z.string(), weight: z.number(), count: z.number().int(), level: z.enum(['process', 'entity']), contribution: z.number() });

export const RiskRowSchema = z
  .object({
    rank: z.number().int(),
    entity: z.enum(['buyer', 'supplier']),
    id: z.string(),
    name: z.string().nullable(),
    organizationCode: z.string().nullable(),
    provinceCode: z.string().nullable(),
    processes: z.number().int(),
    flaggedProcesses: z.number().int(),
    valueSatang: Satang,
    score: z.number(),
    components: z.array(RiskComponentSchema).optional(),
  })
  .meta({ id: 'ProcurementRiskRow' });
export const RiskListSchema = z.object({ total: z.number().int(), items: z.array(RiskRowSchema), method: z.string() });

export const FlagMapQuerySchema = z.object({ year: filterFields.year, code: ListFlagsQuerySchema.shape.code });
export const FlagMapSchema = z.object({
  provinces: z.array(z.object({ provinceCode: z.string(), processes: z.number().int(), flags: z.number().int(), flaggedProcesses: z.number().int() })),
});

export const ProcessSchema = z
  .object({
    ocid: z.string(),
    title: z.string().nullable(),
    buyerId: z.string().nullable(),
    buyerName: z.string().nullable(),
    organizationCode: z.string().nullable(),
    provinceCode: z.string().nullable(),
    procurementMethod: z.string().nullable(),
    methodDetails: z.string().nullable(),
    thaiMethod: z.string().nullable(),
    valueSatang: Satang.nullable(),
    referenceSatang: Satang.nullable(),
    tenderers: z.number().int().nullable(),
    awardDate: z.string().nullable(),
    fiscalYear: z.number().int().nullable(),
    suppliers: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
    flags: z.array(FlagSchema),
  })
  .meta({ id: 'ProcurementProcess' });

export const FlagResponseBodySchema = z.object({ response: z.string().trim().min(1).max(5000) });
export const FlagReviewBodySchema = z.object({ outcome: ReviewOutcomeSchema, note: z.string().trim().max(5000).default('') });

export const WatchItemSchema = z.object({ id: z.string().uuid(), kind: z.enum(['buyer', 'supplier']), subjectId: z.string(), label: z.string().nullable() });
export const WatchlistSchema = z
  .object({ id: z.string().uuid(), name: z.string(), createdAt: z.iso.datetime(), items: z.array(WatchItemSchema) })
  .meta({ id: 'ProcurementWatchlist' });
export const CreateWatchlistBodySchema = z.object({ name: z.string().trim().min(1).max(200) });
export const AddWatchItemBodySchema = z.object({ kind: z.enum(['buyer', 'supplier']), subjectId: z.string().trim().min(1).max(200), label: z.string().trim().max(200).optional() });

export const OfficialSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  taxId: z.string().nullable(),
  position: z.string().nullable(),
  buyerIds: z.array(z.string()),
});
export const OfficialInputSchema = z.object({
  name: z.string().trim().min(1).max(300),
  taxId: z.string().trim().max(30).optional(),
  position: z.string().trim().max(300).optional(),
  buyerIds: z.array(z.string().max(200)).max(100).optional(),
});
export const ReplaceOfficialsBodySchema = z.object({ officials: z.array(OfficialInputSchema).max(50_000) });

export const IndicatorDefinitionSchema = z.object({
  code: z.string(),
  source: z.enum(['cardinal', 'thai']),
  title: z.string(),
  titleEn: z.string(),
  definition: z.string().nullable(),
  definitionEn: z.string().nullable(),
  legalReference: z.string().nullable(),
  legalReferenceEn: z.string().nullable(),
  legalReferenceCertain: z.boolean().nullable(),
  parameters: z.record(z.string(), z.unknown()).nullable(),
  weight: z.number(),
});
export const IndicatorListSchema = z.object({
  thresholdsVersion: z.string(),
  thresholdsStatus: z.enum(['confirmed', 'provisional']),
  leadNotProof: z.string(),
  leadNotProofEn: z.string(),
  riskMethod: z.string(),
  indicators: z.array(IndicatorDefinitionSchema),
});
