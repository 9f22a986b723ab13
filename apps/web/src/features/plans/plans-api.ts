/**
 * Every plans call of the web app in one place (URLs as in apps/server/src/modules/plans/plans.routes.ts),
 * each parsed with its schema from @prongsai/contracts.
 */
import { z } from 'zod';
import {
  PlanChecksSchema,
  PlanCommentSchema,
  PlanComparisonSchema,
  PlanCycleSchema,
  PlanDeadlineSchema,
  PlanEventSchema,
  PlanFrameworkSummarySchema,
  PlanImportItemsResultSchema,
  PlanItemSchema,
  PlanListSchema,
  PlanProgressReportSchema,
  PlanProvinceCompiledSchema,
  PlanProvinceDashboardSchema,
  PlanReviewSchema,
  PlanRollupSchema,
  PlanRubricSchema,
  PlanSchema,
  PlanStoredFileSchema,
  type CreatePlanBody,
  type PlanItemInput,
  type PlanItemPatch,
  type PlanReportRound,
  type PlanSaveProgressBody,
  type PlanTransitionBody,
  type ScorePlanBody,
  type SetPlanDeadlineBody,
  type UpdatePlanBody,
} from '@prongsai/contracts';
import { api, apiUrl, type Query } from '../../lib/api.ts';

const VersionListSchema = z.array(z.object({ id: z.string(), version: z.number().int(), status: z.string(), createdAt: z.string(), publishedAt: z.string().nullable() }));
export type PlanVersionRow = z.infer<typeof VersionListSchema>[number];

const p = (id: string) => `/plans/${encodeURIComponent(id)}`;
const progressPath = (id: string, fiscalYear: number, round: PlanReportRound) => `${p(id)}/progress/${fiscalYear}/${round}`;

/** Reads a File into base64 (without the data: prefix) for the JSON upload bodies. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const plansApi = {
  cycles: (signal?: AbortSignal) => api.get('/plan-cycles', z.array(PlanCycleSchema), undefined, signal),
  frameworks: (signal?: AbortSignal) => api.get('/plan-frameworks', z.array(PlanFrameworkSummarySchema), undefined, signal),
  rubrics: (signal?: AbortSignal) => api.get('/plan-rubrics', z.array(PlanRubricSchema), undefined, signal),
  deadlines: (query: { cycle?: string; province?: string }, signal?: AbortSignal) => api.get('/plan-deadlines', z.array(PlanDeadlineSchema), query, signal),
  setDeadline: (body: SetPlanDeadlineBody) => api.put('/plan-deadlines', body, PlanDeadlineSchema),

  list: (query: Query, signal?: AbortSignal) => api.get('/plans', PlanListSchema, query, signal),
  ofOrganization: (code: string, query: Query = {}, signal?: AbortSignal) => api.get(`/organizations/${encodeURIComponent(code)}/plans`, PlanListSchema, query, signal),
  create: (organizationCode: string, body: CreatePlanBody) => api.post(`/organizations/${encodeURIComponent(organizationCode)}/plans`, body, PlanSchema),
  get: (id: string, signal?: AbortSignal) => api.get(p(id), PlanSchema, undefined, signal),
  update: (id: string, body: UpdatePlanBody) => api.patch(p(id), body, PlanSchema),
  checks: (id: string, signal?: AbortSignal) => api.get(`${p(id)}/checks`, PlanChecksSchema, undefined, signal),
  addItem: (id: string, body: PlanItemInput) => api.post(`${p(id)}/items`, body, PlanItemSchema),
  updateItem: (id: string, itemId: string, body: PlanItemPatch) => api.patch(`${p(id)}/items/${itemId}`, body, PlanItemSchema),
  deleteItem: (id: string, itemId: string) => api.delete(`${p(id)}/items/${itemId}`),
  reorder: (id: string, itemIds: string[]) => api.put(`${p(id)}/items/order`, { itemIds }, z.array(PlanItemSchema)),
  importItems: (id: string, body: { fileName: string; contentType: string; contentBase64: string; mode: 'atomic' | 'valid_only'; replace: boolean }) =>
    api.post(`${p(id)}/items/import`, body, PlanImportItemsResultSchema),
  transition: (id: string, body: PlanTransitionBody) => api.post(`${p(id)}/transitions`, body, PlanSchema),
  comment: (id: string, body: { itemId?: string | null; body: string }) => api.post(`${p(id)}/comments`, body, z.array(PlanCommentSchema)),
  score: (id: string, body: ScorePlanBody) => api.post(`${p(id)}/reviews`, body, z.array(PlanReviewSchema)),
  newVersion: (id: string) => api.post(`${p(id)}/versions`, {}, PlanSchema),
  versions: (id: string, signal?: AbortSignal) => api.get(`${p(id)}/versions`, VersionListSchema, undefined, signal),
  compare: (id: string, otherId: string, signal?: AbortSignal) => api.get(`${p(id)}/compare/${otherId}`, PlanComparisonSchema, undefined, signal),
  history: (id: string, signal?: AbortSignal) => api.get(`${p(id)}/history`, z.array(PlanEventSchema), undefined, signal),

  progressList: (id: string, signal?: AbortSignal) => api.get(`${p(id)}/progress`, z.array(PlanProgressReportSchema), undefined, signal),
  progress: (id: string, fiscalYear: number, round: PlanReportRound, signal?: AbortSignal) => api.get(progressPath(id, fiscalYear, round), PlanProgressReportSchema, undefined, signal),
  saveProgress: (id: string, fiscalYear: number, round: PlanReportRound, body: PlanSaveProgressBody) => api.put(progressPath(id, fiscalYear, round), body, PlanProgressReportSchema),
  submitProgress: (id: string, fiscalYear: number, round: PlanReportRound) => api.post(`${progressPath(id, fiscalYear, round)}/submit`, {}, PlanProgressReportSchema),
  uploadEvidence: (id: string, fiscalYear: number, round: PlanReportRound, itemId: string, body: { fileName: string; contentType: string; contentBase64: string }) =>
    api.post(`${progressPath(id, fiscalYear, round)}/items/${itemId}/evidence`, body, PlanStoredFileSchema),

  rollup: (query: Query, signal?: AbortSignal) => api.get('/plan-rollups', PlanRollupSchema, query, signal),
  compiled: (province: string, fiscalYear: number, signal?: AbortSignal) => api.get(`/provinces/${province}/plans/compiled`, PlanProvinceCompiledSchema, { fiscalYear }, signal),
  dashboard: (province: string, cycle: string, signal?: AbortSignal) => api.get(`/provinces/${province}/plans/dashboard`, PlanProvinceDashboardSchema, { cycle }, signal),
};

/** Links to files (downloads and open data), not fetched by the app. */
export const planLinks = {
  docx: (id: string) => apiUrl(`${p(id)}/document.docx`),
  pdf: (id: string) => apiUrl(`${p(id)}/document.pdf`),
  xlsx: (id: string) => apiUrl(`${p(id)}/items.xlsx`),
  csv: (id: string) => apiUrl(`${p(id)}/items.csv`),
  json: (id: string) => apiUrl(p(id)),
  progressDocx: (id: string, fiscalYear: number, round: PlanReportRound) => apiUrl(`${progressPath(id, fiscalYear, round)}/report.docx`),
  progressPdf: (id: string, fiscalYear: number, round: PlanReportRound) => apiUrl(`${progressPath(id, fiscalYear, round)}/report.pdf`),
  evidence: (id: string, fileId: string) => apiUrl(`${p(id)}/evidence/${fileId}`),
  compiledCsv: (province: string, fiscalYear: number) => apiUrl(`/provinces/${province}/plans/compiled`, { fiscalYear, format: 'csv' }),
  dashboardCsv: (province: string, cycle: string) => apiUrl(`/provinces/${province}/plans/dashboard`, { cycle, format: 'csv' }),
  rollupCsv: (query: Query) => apiUrl('/plan-rollups', { ...query, format: 'csv' }),
  organizationCsv: (code: string) => apiUrl(`/organizations/${encodeURIComponent(code)}/plans`, { format: 'csv' }),
};
