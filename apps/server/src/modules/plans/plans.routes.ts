/** HTTP for anti-corruption action plans: declare, delegate, done. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plans as rules } from '@prongsai/core';
import {
  CreatePlanBodySchema,
  CreatePlanCycleBodySchema,
  ListPlansQuerySchema,
  OkSchema,
  OrganizationCodeParamsSchema,
  PlanAddCommentBodySchema,
  PlanCommentSchema,
  PlanCompareParamsSchema,
  PlanComparisonSchema,
  PlanChecksSchema,
  PlanCreateFrameworkBodySchema,
  PlanCreateRubricBodySchema,
  PlanCycleSchema,
  PlanDeadlineSchema,
  PlanDocumentQuerySchema,
  PlanEventSchema,
  PlanEvidenceParamsSchema,
  PlanEvidenceUploadBodySchema,
  PlanFrameworkSchema,
  PlanFrameworkSummarySchema,
  PlanIdParamsSchema,
  PlanImportItemsBodySchema,
  PlanImportItemsResultSchema,
  PlanItemInputSchema,
  PlanItemParamsSchema,
  PlanItemPatchSchema,
  PlanItemSchema,
  PlanListDeadlinesQuerySchema,
  PlanListSchema,
  PlanProgressItemParamsSchema,
  PlanProgressParamsSchema,
  PlanProgressReportSchema,
  PlanProvinceCompiledQuerySchema,
  PlanProvinceCompiledSchema,
  PlanProvinceDashboardQuerySchema,
  PlanProvinceDashboardSchema,
  PlanProvinceParamsSchema,
  PlanReorderItemsBodySchema,
  PlanReviewSchema,
  PlanRollupQuerySchema,
  PlanRollupSchema,
  PlanRubricSchema,
  PlanSaveProgressBodySchema,
  PlanSchema,
  PlanStoredFileSchema,
  PlanTransitionBodySchema,
  PlanUpdateFrameworkBodySchema,
  ScorePlanBodySchema,
  SetPlanDeadlineBodySchema,
  UpdatePlanBodySchema,
} from '@prongsai/contracts';
import { sendCsv } from '../../http/csv.ts';
import { AppError } from '../../errors.ts';
import type { PlansService } from './plans.service.ts';
import type { PlanDocuments } from './plans-documents.ts';
import { itemsCsv, itemsXlsx, readSheetRows } from './plans-spreadsheets.ts';

const tags = ['plans'];
const configTags = ['plan configuration'];
const binary = z.any().describe('File');
const IdParams = z.object({ id: z.string().uuid() });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sendFile(reply: FastifyReply, data: Buffer | string, contentType: string, fileName: string) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(data);
}

function decodeBase64(text: string): Buffer {
  const data = Buffer.from(text, 'base64');
  if (data.length === 0) throw new AppError('VALIDATION_FAILED', { fields: { contentBase64: 'empty or not base64' } });
  return data;
}

export function plansRoutes(plans: PlansService, documents: PlanDocuments) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    // --- configuration --------------------------------------------------------------------
    app.get('/api/v1/plan-frameworks', {
      config: { access: 'public' },
      schema: { tags: configTags, summary: 'Plan frameworks (4 dimensions) by version / กรอบแผนปฏิบัติการป้องกันการทุจริต', response: { 200: z.array(PlanFrameworkSummarySchema) } },
    }, async () => plans.listFrameworks());

    app.get('/api/v1/plan-frameworks/:id', {
      config: { access: 'public' },
      schema: { tags: configTags, summary: 'A framework version with its dimensions and sub-items (unconfirmed wording flagged)', params: IdParams, response: { 200: PlanFrameworkSchema } },
    }, async (req) => plans.getFramework(req.params.id));

    app.post('/api/v1/plan-frameworks', {
      config: { access: 'signed_in' },
      schema: { tags: configTags, summary: 'Add a framework version (national staff)', body: PlanCreateFrameworkBodySchema, response: { 201: PlanFrameworkSchema } },
    }, async (req, reply) => reply.code(201).send(await plans.createFramework(req.actor, req.body, req.context)));

    app.patch('/api/v1/plan-frameworks/:id', {
      config: { access: 'signed_in' },
      schema: { tags: configTags, summary: 'Edit a framework version (its sub-items only while no plan uses it)', params: IdParams, body: PlanUpdateFrameworkBodySchema, response: { 200: PlanFrameworkSchema } },
    }, async (req) => plans.updateFramework(req.actor, req.params.id, req.body, req.context));

    app.get('/api/v1/plan-cycles', {
      config: { access: 'public' },
      schema: { tags: configTags, summary: 'Plan cycles (spans of fiscal years)', response: { 200: z.array(PlanCycleSchema) } },
    }, async () => plans.listCycles());

    app.post('/api/v1/plan-cycles', {
      config: { access: 'signed_in' },
      schema: { tags: configTags, summary: 'Add a plan cycle (national staff)', body: CreatePlanCycleBodySchema, response: { 201: PlanCycleSchema } },
    }, async (req, reply) => reply.code(201).send(await plans.createCycle(req.actor, req.body, req.context)));

    app.get('/api/v1/plan-rubrics', {
      config: { access: 'public' },
      schema: { tags: configTags, summary: 'Review rubrics (criteria and points per dimension)', response: { 200: z.array(PlanRubricSchema) } },
    }, async () => plans.listRubrics());

    app.post('/api/v1/plan-rubrics', {
      config: { access: 'signed_in' },
      schema: { tags: configTags, summary: 'Add a rubric or a new version of one (national staff)', body: PlanCreateRubricBodySchema, response: { 201: PlanRubricSchema } },
    }, async (req, reply) => reply.code(201).send(await plans.createRubric(req.actor, req.body, req.context)));

    app.get('/api/v1/plan-deadlines', {
      config: { access: 'public' },
      schema: { tags: configTags, summary: 'Submission deadlines per province and cycle', querystring: PlanListDeadlinesQuerySchema, response: { 200: z.array(PlanDeadlineSchema) } },
    }, async (req) => plans.listDeadlines(req.query));

    app.put('/api/v1/plan-deadlines', {
      config: { access: 'signed_in' },
      schema: { tags: configTags, summary: 'Set the submission deadline of a province for a cycle (NACC provincial office)', body: SetPlanDeadlineBodySchema, response: { 200: PlanDeadlineSchema } },
    }, async (req) => plans.setDeadline(req.actor, req.body, req.context));

    // --- plans: open data and drafting ----------------------------------------------------
    app.get('/api/v1/plans', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Plans: published ones for everyone; signed-in people also see those they may read', querystring: ListPlansQuerySchema, response: { 200: PlanListSchema.or(z.string()) } },
    }, async (req, reply) => {
      const list = await plans.listPlans(req.actor, req.query);
      if (req.query.format === 'csv') return sendCsv(reply, 'plans.csv', SUMMARY_COLUMNS, list.items.map(flatSummary));
      return list;
    });

    app.get('/api/v1/organizations/:code/plans', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'An organisation\'s plans (open data: published only without sign-in) / แผนของหน่วยงาน', params: OrganizationCodeParamsSchema, querystring: ListPlansQuerySchema, response: { 200: PlanListSchema.or(z.string()) } },
    }, async (req, reply) => {
      const list = await plans.listPlans(req.actor, { ...req.query, organizationCode: req.params.code });
      if (req.query.format === 'csv') return sendCsv(reply, `plans-${req.params.code}.csv`, SUMMARY_COLUMNS, list.items.map(flatSummary));
      return list;
    });

    app.post('/api/v1/organizations/:code/plans', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Start a plan (draft) for a cycle', params: OrganizationCodeParamsSchema, body: CreatePlanBodySchema, response: { 201: PlanSchema } },
    }, async (req, reply) => reply.code(201).send(await plans.create(req.actor, req.params.code, req.body, req.context)));

    app.get('/api/v1/plans/:id', {
      config: { access: 'session_optional' },
      schema: {
        tags,
        summary: 'A plan: framework version, cycle, parts 1–3, items with sub-item codes, budget per fiscal year or no budget, latest progress (drafts need sign-in)',
        params: PlanIdParamsSchema,
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
        response: { 200: PlanSchema.or(z.string()) },
      },
    }, async (req, reply) => {
      const plan = await plans.get(req.actor, req.params.id);
      if (req.query.format === 'csv') return sendFile(reply, itemsCsv(plan), 'text/csv; charset=utf-8', `plan-${plan.organization.code}-${plan.cycle.code}-v${plan.version}.csv`);
      return plan;
    });

    app.patch('/api/v1/plans/:id', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Edit part 1, the working group, coverage reasons, reporting rounds', params: PlanIdParamsSchema, body: UpdatePlanBodySchema, response: { 200: PlanSchema } },
    }, async (req) => plans.update(req.actor, req.params.id, req.body, req.context));

    app.get('/api/v1/plans/:id/checks', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Drafting checks: coverage, budget totals per year and dimension, missing KPIs', params: PlanIdParamsSchema, response: { 200: PlanChecksSchema } },
    }, async (req) => plans.checks(req.actor, req.params.id));

    app.post('/api/v1/plans/:id/items', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Add a Part 2 item (with an optional Part 3 project sheet)', params: PlanIdParamsSchema, body: PlanItemInputSchema, response: { 201: PlanItemSchema } },
    }, async (req, reply) => reply.code(201).send(await plans.addItem(req.actor, req.params.id, req.body, req.context)));

    app.patch('/api/v1/plans/:id/items/:itemId', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Edit an item', params: PlanItemParamsSchema, body: PlanItemPatchSchema, response: { 200: PlanItemSchema } },
    }, async (req) => plans.updateItem(req.actor, req.params.id, req.params.itemId, req.body, req.context));

    app.delete('/api/v1/plans/:id/items/:itemId', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Remove an item', params: PlanItemParamsSchema, response: { 200: OkSchema } },
    }, async (req) => {
      await plans.deleteItem(req.actor, req.params.id, req.params.itemId, req.context);
      return { ok: true as const };
    });

    app.put('/api/v1/plans/:id/items/order', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Reorder items (every item id, in the new order)', params: PlanIdParamsSchema, body: PlanReorderItemsBodySchema, response: { 200: z.array(PlanItemSchema) } },
    }, async (req) => plans.reorderItems(req.actor, req.params.id, req.body.itemIds, req.context));

    app.post('/api/v1/plans/:id/items/import', {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Import items from XLSX or CSV (base64); row-level errors; atomic unless mode=valid_only',
        params: PlanIdParamsSchema,
        body: PlanImportItemsBodySchema,
        response: { 200: PlanImportItemsResultSchema },
      },
    }, async (req) => {
      const ctx = await plans.importContext(req.actor, req.params.id);
      const format = req.body.format ?? (/\.csv$/i.test(req.body.fileName) ? 'csv' : 'xlsx');
      const rows = await readSheetRows(decodeBase64(req.body.contentBase64), format);
      const parsed = rules.parseItemRows(rows, ctx);
      return plans.saveImportedItems(req.actor, req.params.id, parsed, { mode: req.body.mode, replace: req.body.replace, fileName: req.body.fileName }, req.context);
    });

    app.post('/api/v1/plans/:id/transitions', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Move the plan through its workflow (send for review, approve, submit, return with comments, accept, publish)', params: PlanIdParamsSchema, body: PlanTransitionBodySchema, response: { 200: PlanSchema } },
    }, async (req) => plans.transition(req.actor, req.params.id, req.body, req.context));

    app.post('/api/v1/plans/:id/comments', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Comment on the plan or one item', params: PlanIdParamsSchema, body: PlanAddCommentBodySchema, response: { 201: z.array(PlanCommentSchema) } },
    }, async (req, reply) => reply.code(201).send(await plans.addComment(req.actor, req.params.id, req.body, req.context)));

    app.post('/api/v1/plans/:id/reviews', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Score a submitted plan with a rubric (NACC provincial office)', params: PlanIdParamsSchema, body: ScorePlanBodySchema, response: { 201: z.array(PlanReviewSchema) } },
    }, async (req, reply) => reply.code(201).send(await plans.score(req.actor, req.params.id, req.body, req.context)));

    app.post('/api/v1/plans/:id/versions', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Start a new version of an accepted or published plan', params: PlanIdParamsSchema, response: { 201: PlanSchema } },
    }, async (req, reply) => reply.code(201).send(await plans.newVersion(req.actor, req.params.id, req.context)));

    app.get('/api/v1/plans/:id/versions', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Versions of a plan', params: PlanIdParamsSchema, response: { 200: z.array(z.object({ id: z.string(), version: z.number().int(), status: z.string(), createdAt: z.string(), publishedAt: z.string().nullable() })) } },
    }, async (req) => plans.versions(req.actor, req.params.id));

    app.get('/api/v1/plans/:id/compare/:otherId', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Compare two versions: what changed, who, when', params: PlanCompareParamsSchema, response: { 200: PlanComparisonSchema } },
    }, async (req) => plans.compare(req.actor, req.params.id, req.params.otherId));

    app.get('/api/v1/plans/:id/history', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Workflow history (timeline)', params: PlanIdParamsSchema, response: { 200: z.array(PlanEventSchema) } },
    }, async (req) => plans.history(req.actor, req.params.id));

    // --- documents ------------------------------------------------------------------------
    app.get('/api/v1/plans/:id/document.docx', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'The plan (parts 1–3) as DOCX, official Thai style', params: PlanIdParamsSchema, querystring: PlanDocumentQuerySchema, produces: [DOCX], response: { 200: binary } },
    }, async (req, reply) => {
      const plan = await plans.get(req.actor, req.params.id);
      return sendFile(reply, await documents.planDocx(plan, { thaiDigits: req.query.thaiDigits }), DOCX, `plan-${plan.organization.code}-${plan.cycle.code}-v${plan.version}.docx`);
    });

    app.get('/api/v1/plans/:id/document.pdf', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'The plan (parts 1–3) as PDF (Sarabun, Thai line breaking)', params: PlanIdParamsSchema, querystring: PlanDocumentQuerySchema, produces: ['application/pdf'], response: { 200: binary } },
    }, async (req, reply) => {
      const plan = await plans.get(req.actor, req.params.id);
      return sendFile(reply, await documents.planPdf(plan, { thaiDigits: req.query.thaiDigits }), 'application/pdf', `plan-${plan.organization.code}-${plan.cycle.code}-v${plan.version}.pdf`);
    });

    app.get('/api/v1/plans/:id/items.xlsx', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Part 2 items as XLSX (same columns as the import)', params: PlanIdParamsSchema, produces: [XLSX], response: { 200: binary } },
    }, async (req, reply) => {
      const plan = await plans.get(req.actor, req.params.id);
      return sendFile(reply, await itemsXlsx(plan), XLSX, `plan-items-${plan.organization.code}-${plan.cycle.code}.xlsx`);
    });

    app.get('/api/v1/plans/:id/items.csv', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Part 2 items as CSV (UTF-8 with BOM)', params: PlanIdParamsSchema, produces: ['text/csv'], response: { 200: binary } },
    }, async (req, reply) => {
      const plan = await plans.get(req.actor, req.params.id);
      return sendFile(reply, itemsCsv(plan), 'text/csv; charset=utf-8', `plan-items-${plan.organization.code}-${plan.cycle.code}.csv`);
    });

    // --- progress -------------------------------------------------------------------------
    app.get('/api/v1/plans/:id/progress', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Progress reports of a plan (submitted ones for the public)', params: PlanIdParamsSchema, response: { 200: z.array(PlanProgressReportSchema) } },
    }, async (req) => plans.listProgress(req.actor, req.params.id));

    app.get('/api/v1/plans/:id/progress/:fiscalYear/:round', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'One progress report (fiscal year, round 6m/12m/q1–q3)', params: PlanProgressParamsSchema, response: { 200: PlanProgressReportSchema } },
    }, async (req) => plans.getProgress(req.actor, req.params.id, req.params.fiscalYear, req.params.round));

    app.put('/api/v1/plans/:id/progress/:fiscalYear/:round', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Save progress per item (status, %, money spent, outputs, KPI actuals, links)', params: PlanProgressParamsSchema, body: PlanSaveProgressBodySchema, response: { 200: PlanProgressReportSchema } },
    }, async (req) => plans.saveProgress(req.actor, req.params.id, req.params.fiscalYear, req.params.round, req.body, req.context));

    app.post('/api/v1/plans/:id/progress/:fiscalYear/:round/submit', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Submit a progress report (it becomes public on a published plan)', params: PlanProgressParamsSchema, response: { 200: PlanProgressReportSchema } },
    }, async (req) => plans.submitProgress(req.actor, req.params.id, req.params.fiscalYear, req.params.round, req.context));

    app.post('/api/v1/plans/:id/progress/:fiscalYear/:round/items/:itemId/evidence', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Attach an evidence file (base64) to an item\'s progress', params: PlanProgressItemParamsSchema, body: PlanEvidenceUploadBodySchema, response: { 201: PlanStoredFileSchema } },
    }, async (req, reply) => {
      const data = decodeBase64(req.body.contentBase64);
      return reply.code(201).send(await plans.uploadEvidence(req.actor, req.params.id, req.params.fiscalYear, req.params.round, req.params.itemId, { fileName: req.body.fileName, contentType: req.body.contentType, data }, req.context));
    });

    app.get('/api/v1/plans/:id/evidence/:fileId', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Download an evidence file', params: PlanEvidenceParamsSchema, response: { 200: binary } },
    }, async (req, reply) => {
      const { file, stream } = await plans.openEvidence(req.actor, req.params.id, req.params.fileId);
      const safeType = /^(image\/(png|jpeg|gif|webp)|application\/pdf|text\/plain)$/.test(file.contentType) ? file.contentType : 'application/octet-stream';
      return reply
        .header('content-type', safeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(stream);
    });

    app.get('/api/v1/plans/:id/progress/:fiscalYear/:round/report.docx', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'A 6-/12-month progress report as DOCX', params: PlanProgressParamsSchema, querystring: PlanDocumentQuerySchema, produces: [DOCX], response: { 200: binary } },
    }, async (req, reply) => {
      const plan = await plans.get(req.actor, req.params.id);
      const report = await plans.getProgress(req.actor, req.params.id, req.params.fiscalYear, req.params.round);
      return sendFile(reply, await documents.progressDocx(plan, report, { thaiDigits: req.query.thaiDigits }), DOCX, `progress-${plan.organization.code}-${report.fiscalYear}-${report.round}.docx`);
    });

    app.get('/api/v1/plans/:id/progress/:fiscalYear/:round/report.pdf', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'A 6-/12-month progress report as PDF', params: PlanProgressParamsSchema, querystring: PlanDocumentQuerySchema, produces: ['application/pdf'], response: { 200: binary } },
    }, async (req, reply) => {
      const plan = await plans.get(req.actor, req.params.id);
      const report = await plans.getProgress(req.actor, req.params.id, req.params.fiscalYear, req.params.round);
      return sendFile(reply, await documents.progressPdf(plan, report, { thaiDigits: req.query.thaiDigits }), 'application/pdf', `progress-${plan.organization.code}-${report.fiscalYear}-${report.round}.pdf`);
    });

    // --- roll-ups and the province ----------------------------------------------------------
    app.get('/api/v1/plan-rollups', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Roll-up of items, budget and progress for a fiscal year by dimension, organisation, district, province, PACC region or nation (published plans; oversight roles also accepted ones)', querystring: PlanRollupQuerySchema, response: { 200: PlanRollupSchema.or(z.string()) } },
    }, async (req, reply) => {
      const r = await plans.rollup(req.actor, req.query);
      if (req.query.format === 'csv') return sendCsv(reply, `plan-rollup-${r.fiscalYear}-${r.level}.csv`, Object.keys(r.rows[0] ?? { key: '' }), r.rows);
      return r;
    });

    app.get('/api/v1/provinces/:code/plans/compiled', {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'A province\'s compiled plan view for a fiscal year: every agency\'s items with and without budget, by dimension', params: PlanProvinceParamsSchema, querystring: PlanProvinceCompiledQuerySchema, response: { 200: PlanProvinceCompiledSchema.or(z.string()) } },
    }, async (req, reply) => {
      const r = await plans.provinceCompiled(req.actor, req.params.code, req.query.fiscalYear);
      if (req.query.format === 'csv') {
        const rows = r.dimensions.flatMap((d) => [...d.withBudget, ...d.withoutBudget].map((i) => ({ dimension: d.dimensionCode, ...i })));
        return sendCsv(reply, `province-${r.provinceCode}-plans-${r.fiscalYear}.csv`, ['dimension', 'organizationCode', 'organizationNameTh', 'districtCode', 'frameworkCode', 'type', 'nameTh', 'noBudget', 'amountSatang', 'responsibleUnit', 'planStatus', 'planId', 'itemId'], rows);
      }
      return r;
    });

    app.get('/api/v1/provinces/:code/plans/dashboard', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'NACC provincial office dashboard: who submitted, who is late, coverage gaps, map data', params: PlanProvinceParamsSchema, querystring: PlanProvinceDashboardQuerySchema, response: { 200: PlanProvinceDashboardSchema.or(z.string()) } },
    }, async (req, reply) => {
      const r = await plans.provinceDashboard(req.actor, req.params.code, req.query.cycle);
      if (req.query.format === 'csv') return sendCsv(reply, `province-${r.provinceCode}-dashboard-${r.cycle.code}.csv`, ['code', 'nameTh', 'kind', 'districtCode', 'districtNameTh', 'planStatus', 'state', 'late', 'submittedAt', 'coverageGaps', 'lat', 'lon'], r.organizations);
      return r;
    });
  };
}

const SUMMARY_COLUMNS = ['id', 'organizationCode', 'organizationNameTh', 'provinceCode', 'cycle', 'frameworkVersion', 'version', 'status', 'titleTh', 'itemCount', 'totalSatang', 'submittedAt', 'publishedAt'];
function flatSummary(p: z.infer<typeof PlanListSchema>['items'][number]) {
  return {
    id: p.id, organizationCode: p.organization.code, organizationNameTh: p.organization.nameTh, provinceCode: p.organization.provinceCode ?? '', cycle: p.cycle.code,
    frameworkVersion: p.framework.version, version: p.version, status: p.status, titleTh: p.titleTh, itemCount: p.itemCount, totalSatang: p.totalSatang,
    submittedAt: p.submittedAt ?? '', publishedAt: p.publishedAt ?? '',
  };
}
