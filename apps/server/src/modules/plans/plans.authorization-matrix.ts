/**
 * Authorisation-matrix entries for every plans route (spread into test/authorization-matrix.ts).
 * Fixtures write plans straight into the database in the state each request needs, so the order of
 * principals does not matter. Scopes: own = อบต.หนองหลวง (62), other = อบจ.ภูเก็ต (83).
 * Routes that read a plan answer 404 to those who may not see it (drafts are never public).
 */
import type { InjectOptions } from 'fastify';
import { createFileStoreForDataDir, saveFile } from '../../platform/file-store.ts';
import type { Fixtures, MatrixEntry, Principal, RequestArgs, Scope } from '../../../test/authorization-matrix.ts';

const ALL: Principal[] = ['anonymous', 'admin', 'nl.editor', 'nl.viewer', 'nl.mayor', 'nl.admin', 'kk.editor', 'kk.mayor', 'pk.editor', 'nacc.62', 'nacc.40', 'pacc.r8', 'nacc.hq', 'pacc.hq'];
const CONFIGURERS: Principal[] = ['admin', 'nacc.hq'];
/** Who sees a draft: the organisation's people and national insiders (system admin, NACC head office). */
const DRAFT_READERS = { own: ['admin', 'nl.editor', 'nl.viewer', 'nl.mayor', 'nl.admin', 'nacc.hq'], other: ['admin', 'pk.editor', 'nacc.hq'] } as const;
const EDITORS = { own: ['nl.editor', 'nl.admin'], other: ['pk.editor'] } as const;
const REVIEWERS = { own: ['nacc.62', 'nacc.hq'], other: ['nacc.hq'] } as const;
const COMMENTERS = { own: ['nl.editor', 'nl.admin', 'nl.mayor', 'nacc.62', 'nacc.hq'], other: ['pk.editor', 'nacc.hq'] } as const;
const PROVINCE_OVERSIGHT = { own: ['admin', 'nacc.62', 'nacc.hq', 'pacc.hq'], other: ['admin', 'pacc.r8', 'nacc.hq', 'pacc.hq'] } as const;

let counter = 0;

interface PlanFixture {
  id: string;
  itemId: string;
  fileId?: string;
}

/** A plan of the scope's organisation in the 2569–2572 cycle with one project item. */
async function planFixture(fx: Fixtures, scope: Scope, status: string, extra: { report?: 'draft' | 'submitted'; evidence?: boolean } = {}): Promise<PlanFixture> {
  const cycle = await fx.db.selectFrom('planCycles').select(['id', 'defaultFrameworkId']).where('code', '=', '2569-2572').executeTakeFirstOrThrow();
  const at = fx.t.clock.now();
  const plan = await fx.db
    .insertInto('plans')
    .values({
      lineageId: crypto.randomUUID(), organizationId: fx.org(scope).id, cycleId: cycle.id, frameworkId: cycle.defaultFrameworkId!, titleTh: `แผนทดสอบสิทธิ์ ${fx.unique('plan')}`, status,
      part1: '{}', workingGroup: '{}', coverageReasons: '{}', reportingRounds: '["6m","12m"]', createdAt: at, updatedAt: at,
      submittedAt: ['submitted', 'returned', 'accepted', 'published'].includes(status) ? at : null, acceptedAt: ['accepted', 'published'].includes(status) ? at : null, publishedAt: status === 'published' ? at : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const item = await fx.db
    .insertInto('planItems')
    .values({ planId: plan.id, position: 1, type: 'project', frameworkCode: '1.1.1', dimensionCode: '1', nameTh: 'โครงการอบรมคุณธรรม', quarters: '[2]', sheet: JSON.stringify({ kpis: [{ id: 'k1', nameTh: 'ผู้เข้าอบรม', unit: 'คน', target: 40, kind: 'output' }] }), hasKpis: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  await fx.db.insertInto('planItemBudgets').values({ itemId: item.id, fiscalYear: 2569, amountSatang: '1000000' }).execute();
  const result: PlanFixture = { id: plan.id, itemId: item.id };
  if (extra.report) {
    const report = await fx.db.insertInto('planProgressReports').values({ planId: plan.id, fiscalYear: 2569, round: '6m', status: extra.report, submittedAt: extra.report === 'submitted' ? at : null }).returning('id').executeTakeFirstOrThrow();
    const entry = await fx.db.insertInto('planProgressEntries').values({ reportId: report.id, itemId: item.id, status: 'completed', percent: 100, spentSatang: '900000', kpiActuals: '[]', links: '[]' }).returning('id').executeTakeFirstOrThrow();
    if (extra.evidence) {
      const file = await saveFile(fx.db, createFileStoreForDataDir(fx.t.config.dataDir), { fileName: 'หลักฐาน.txt', contentType: 'text/plain', data: Buffer.from('evidence for the authorisation matrix') });
      await fx.db.insertInto('planProgressEvidence').values({ entryId: entry.id, fileId: file.id }).execute();
      result.fileId = file.id;
    }
  }
  return result;
}

const onPlan = (status: string, path: (p: PlanFixture) => string, extra: Parameters<typeof planFixture>[3] = {}, method = 'GET', payload?: (p: PlanFixture, args: RequestArgs) => unknown | Promise<unknown>) =>
  async (args: RequestArgs): Promise<InjectOptions> => {
    const p = await planFixture(args.fx, args.scope, status, extra);
    return { method: method as 'GET', url: `/api/v1/plans/${p.id}${path(p)}`, headers: args.headers, ...(payload ? { payload: (await payload(p, args)) as object } : {}) };
  };

const cycleId = async (fx: Fixtures) => (await fx.db.selectFrom('planCycles').select('id').where('code', '=', '2569-2572').executeTakeFirstOrThrow()).id;

const IMPORT_CSV = Buffer.from('\ufeffภารกิจตามมิติ (รหัส),ประเภท,ชื่อโครงการ/กิจกรรม/มาตรการ,งบประมาณ ปี 2569 (บาท),ไม่ใช้งบประมาณ\n2.1,มาตรการ,ประกาศเจตจำนงต่อต้านการทุจริต,,ใช่\n').toString('base64');

export const PLAN_AUTHORIZATION_MATRIX: Record<string, MatrixEntry> = {
  // Configuration (frameworks, cycles, rubrics, deadlines) -----------------------------------------
  'GET /api/v1/plan-frameworks': { allowed: ALL, request: ({ headers }) => ({ method: 'GET', url: '/api/v1/plan-frameworks', headers }) },
  'GET /api/v1/plan-frameworks/:id': {
    allowed: ALL,
    request: async ({ headers, fx }) => ({ method: 'GET', url: `/api/v1/plan-frameworks/${(await fx.db.selectFrom('planFrameworks').select('id').executeTakeFirstOrThrow()).id}`, headers }),
  },
  'POST /api/v1/plan-frameworks': {
    allowed: CONFIGURERS,
    request: ({ headers, fx }) => ({ method: 'POST', url: '/api/v1/plan-frameworks', headers, payload: { code: 'matrix-framework', version: fx.unique('v'), nameTh: 'กรอบทดสอบ', sourceNote: 'matrix test', nodes: [{ code: '1', titleTh: 'มิติที่ 1' }] } }),
  },
  'PATCH /api/v1/plan-frameworks/:id': {
    allowed: CONFIGURERS,
    request: async ({ headers, fx }) => {
      const f = await fx.db.insertInto('planFrameworks').values({ code: 'matrix-framework', version: fx.unique('p'), nameTh: 'กรอบทดสอบ', sourceNote: 'matrix test' }).returning('id').executeTakeFirstOrThrow();
      return { method: 'PATCH', url: `/api/v1/plan-frameworks/${f.id}`, headers, payload: { status: 'retired' } };
    },
  },
  'GET /api/v1/plan-cycles': { allowed: ALL, request: ({ headers }) => ({ method: 'GET', url: '/api/v1/plan-cycles', headers }) },
  'POST /api/v1/plan-cycles': {
    allowed: CONFIGURERS,
    request: ({ headers }) => {
      const first = 2600 + (counter++ % 90);
      return { method: 'POST', url: '/api/v1/plan-cycles', headers, payload: { firstYear: first, lastYear: first + 3 } };
    },
  },
  'GET /api/v1/plan-rubrics': { allowed: ALL, request: ({ headers }) => ({ method: 'GET', url: '/api/v1/plan-rubrics', headers }) },
  'POST /api/v1/plan-rubrics': {
    allowed: CONFIGURERS,
    request: ({ headers }) => ({ method: 'POST', url: '/api/v1/plan-rubrics', headers, payload: { code: 'matrix-rubric', nameTh: 'เกณฑ์ทดสอบ', sourceNote: 'matrix test', criteria: [{ dimensionCode: '1', textTh: 'มีโครงการในมิติที่ 1', maxPoints: 10 }] } }),
  },
  'GET /api/v1/plan-deadlines': { allowed: ALL, request: ({ headers }) => ({ method: 'GET', url: '/api/v1/plan-deadlines', headers }) },
  'PUT /api/v1/plan-deadlines': {
    allowed: REVIEWERS,
    request: async ({ scope, headers, fx }) => ({ method: 'PUT', url: '/api/v1/plan-deadlines', headers, payload: { cycleId: await cycleId(fx), provinceCode: fx.province(scope), dueAt: '2026-12-31T16:59:59Z' } }),
  },

  // Plans: open data and drafting ------------------------------------------------------------------
  'GET /api/v1/plans': { allowed: ALL, request: ({ headers }) => ({ method: 'GET', url: '/api/v1/plans?limit=5', headers }) },
  'GET /api/v1/organizations/:code/plans': {
    allowed: { own: ALL, other: ALL },
    request: ({ scope, headers, fx }) => ({ method: 'GET', url: `/api/v1/organizations/${fx.org(scope).code}/plans`, headers }),
  },
  'POST /api/v1/organizations/:code/plans': {
    allowed: EDITORS,
    request: async ({ scope, headers, fx }) => ({ method: 'POST', url: `/api/v1/organizations/${fx.org(scope).code}/plans`, headers, payload: { cycleId: await cycleId(fx) } }),
  },
  'GET /api/v1/plans/:id': { allowed: DRAFT_READERS, deniedStatuses: [404], request: onPlan('draft', () => '') },
  'PATCH /api/v1/plans/:id': { allowed: EDITORS, deniedStatuses: [404], request: onPlan('draft', () => '', {}, 'PATCH', () => ({ titleTh: 'แผนปรับปรุง' })) },
  'GET /api/v1/plans/:id/checks': { allowed: DRAFT_READERS, deniedStatuses: [404], request: onPlan('draft', () => '/checks') },
  'POST /api/v1/plans/:id/items': {
    allowed: EDITORS, deniedStatuses: [404],
    request: onPlan('draft', () => '/items', {}, 'POST', () => ({ type: 'measure', frameworkCode: '2.1', nameTh: 'ประกาศเจตจำนง', noBudget: true })),
  },
  'PATCH /api/v1/plans/:id/items/:itemId': { allowed: EDITORS, deniedStatuses: [404], request: onPlan('draft', (p) => `/items/${p.itemId}`, {}, 'PATCH', () => ({ remarks: 'แก้ไข' })) },
  'DELETE /api/v1/plans/:id/items/:itemId': { allowed: EDITORS, deniedStatuses: [404], request: onPlan('draft', (p) => `/items/${p.itemId}`, {}, 'DELETE') },
  'PUT /api/v1/plans/:id/items/order': { allowed: EDITORS, deniedStatuses: [404], request: onPlan('draft', () => '/items/order', {}, 'PUT', (p) => ({ itemIds: [p.itemId] })) },
  'POST /api/v1/plans/:id/items/import': {
    allowed: EDITORS, deniedStatuses: [404],
    request: onPlan('draft', () => '/items/import', {}, 'POST', () => ({ fileName: 'items.csv', contentBase64: IMPORT_CSV })),
  },
  'POST /api/v1/plans/:id/transitions': { allowed: REVIEWERS, deniedStatuses: [404], request: onPlan('submitted', () => '/transitions', {}, 'POST', () => ({ action: 'accept' })) },
  'POST /api/v1/plans/:id/comments': { allowed: COMMENTERS, deniedStatuses: [404], request: onPlan('submitted', () => '/comments', {}, 'POST', (p) => ({ itemId: p.itemId, body: 'ความเห็น' })) },
  'POST /api/v1/plans/:id/reviews': {
    allowed: REVIEWERS, deniedStatuses: [404],
    request: onPlan('submitted', () => '/reviews', {}, 'POST', async (_p, { fx }) => {
      const c = await fx.db.selectFrom('planRubricCriteria as c').innerJoin('planRubrics as r', 'r.id', 'c.rubricId').select(['c.id', 'c.rubricId']).where('r.code', '=', 'prongsai-default').executeTakeFirstOrThrow();
      return { rubricId: c.rubricId, scores: [{ criterionId: c.id, points: 1 }] };
    }),
  },
  'POST /api/v1/plans/:id/versions': { allowed: EDITORS, deniedStatuses: [404], request: onPlan('accepted', () => '/versions', {}, 'POST') },
  'GET /api/v1/plans/:id/versions': { allowed: DRAFT_READERS, deniedStatuses: [404], request: onPlan('draft', () => '/versions') },
  'GET /api/v1/plans/:id/compare/:otherId': { allowed: DRAFT_READERS, deniedStatuses: [404], request: onPlan('draft', (p) => `/compare/${p.id}`) },
  'GET /api/v1/plans/:id/history': { allowed: DRAFT_READERS, deniedStatuses: [404], request: onPlan('draft', () => '/history') },

  // Documents (a draft: only its readers) --------------------------------------------------------------
  'GET /api/v1/plans/:id/document.docx': { allowed: DRAFT_READERS, deniedStatuses: [404], request: onPlan('draft', () => '/document.docx') },
  'GET /api/v1/plans/:id/document.pdf': { allowed: DRAFT_READERS, deniedStatuses: [404], request: onPlan('draft', () => '/document.pdf') },
  'GET /api/v1/plans/:id/items.xlsx': { allowed: DRAFT_READERS, deniedStatuses: [404], request: onPlan('draft', () => '/items.xlsx') },
  'GET /api/v1/plans/:id/items.csv': { allowed: DRAFT_READERS, deniedStatuses: [404], request: onPlan('draft', () => '/items.csv') },

  // Progress -------------------------------------------------------------------------------------------
  'GET /api/v1/plans/:id/progress': { allowed: DRAFT_READERS, deniedStatuses: [404], request: onPlan('draft', () => '/progress') },
  'GET /api/v1/plans/:id/progress/:fiscalYear/:round': { allowed: { own: ALL, other: ALL }, request: onPlan('published', () => '/progress/2569/6m', { report: 'submitted' }) },
  'PUT /api/v1/plans/:id/progress/:fiscalYear/:round': {
    allowed: EDITORS, deniedStatuses: [404],
    request: onPlan('accepted', () => '/progress/2569/6m', {}, 'PUT', (p) => ({ entries: [{ itemId: p.itemId, status: 'in_progress' }] })),
  },
  'POST /api/v1/plans/:id/progress/:fiscalYear/:round/submit': { allowed: EDITORS, deniedStatuses: [404], request: onPlan('accepted', () => '/progress/2569/6m/submit', { report: 'draft' }, 'POST') },
  'POST /api/v1/plans/:id/progress/:fiscalYear/:round/items/:itemId/evidence': {
    allowed: EDITORS, deniedStatuses: [404],
    request: onPlan('accepted', (p) => `/progress/2569/6m/items/${p.itemId}/evidence`, { report: 'draft' }, 'POST', () => ({ fileName: 'รูปกิจกรรม.txt', contentType: 'text/plain', contentBase64: Buffer.from('photo').toString('base64') })),
  },
  'GET /api/v1/plans/:id/evidence/:fileId': { allowed: { own: ALL, other: ALL }, request: onPlan('published', (p) => `/evidence/${p.fileId}`, { report: 'submitted', evidence: true }) },
  'GET /api/v1/plans/:id/progress/:fiscalYear/:round/report.docx': { allowed: { own: ALL, other: ALL }, request: onPlan('published', () => '/progress/2569/6m/report.docx', { report: 'submitted' }) },
  'GET /api/v1/plans/:id/progress/:fiscalYear/:round/report.pdf': { allowed: { own: ALL, other: ALL }, request: onPlan('published', () => '/progress/2569/6m/report.pdf', { report: 'submitted' }) },

  // Roll-ups and the province --------------------------------------------------------------------------
  'GET /api/v1/plan-rollups': { allowed: ALL, request: ({ headers }) => ({ method: 'GET', url: '/api/v1/plan-rollups?fiscalYear=2569&level=province', headers }) },
  'GET /api/v1/provinces/:code/plans/compiled': {
    allowed: { own: ALL, other: ALL },
    request: ({ scope, headers, fx }) => ({ method: 'GET', url: `/api/v1/provinces/${fx.province(scope)}/plans/compiled?fiscalYear=2569`, headers }),
  },
  'GET /api/v1/provinces/:code/plans/dashboard': {
    allowed: PROVINCE_OVERSIGHT,
    request: ({ scope, headers, fx }) => ({ method: 'GET', url: `/api/v1/provinces/${fx.province(scope)}/plans/dashboard?cycle=2569-2572`, headers }),
  },
};
