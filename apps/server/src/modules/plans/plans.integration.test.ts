/**
 * The whole plan cycle through the real app on a real database: draft → items in all 4 dimensions
 * → XLSX import → internal review → approval → submit → return with a per-item comment → resubmit
 * → score → accept → publish → 6-month progress with evidence → documents → public API (drafts
 * hidden) → new version and comparison → province views and roll-ups.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';
import { seedDemoUsers, signIn, type SignedIn } from '../../../test/auth-helpers.ts';
import { createLocalFileStore } from '../../platform/file-store.ts';
import { createPlansService } from './plans.service.ts';

let t: TestContext;
let dataDir: string;
let editor: SignedIn, mayor: SignedIn, nacc: SignedIn, naccOther: SignedIn, viewer: SignedIn, hq: SignedIn;
let planId = '';
const baseline: { compiled: { items: number; dimensions: Array<{ dimensionCode: string; withBudget: unknown[]; withoutBudget: unknown[] }> }; rollup: Record<string, number>; nation: Record<string, string | number> | null } = { compiled: { items: 0, dimensions: [] }, rollup: {}, nation: null };
let cycleId = '';

const normalizeExtracted = (t: string) => t.replace(/ำา/g, 'ำ').replace(/\s+(?=[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])/g, '');
const items = (planJson: { items: Array<{ id: string; nameTh: string }> }) => planJson.items;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-plans-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  await seedDemoUsers(t);
  editor = await signIn(t, 'editor@nonglaung.demo');
  mayor = await signIn(t, 'mayor@nonglaung.demo');
  viewer = await signIn(t, 'viewer@nonglaung.demo');
  nacc = await signIn(t, 'nacc.kamphaengphet@prongsai.demo');
  naccOther = await signIn(t, 'nacc.khonkaen@prongsai.demo');
  hq = await signIn(t, 'nacc.hq@prongsai.demo');
  // The demo plans (seeded with the demo users) are the baseline the figures below add to.
  baseline.compiled = (await t.app.inject('/api/v1/provinces/62/plans/compiled?fiscalYear=2569')).json();
  for (const level of ['dimension', 'organization', 'district', 'province', 'region', 'nation']) {
    baseline.rollup[level] = (await t.app.inject(`/api/v1/plan-rollups?fiscalYear=2569&level=${level}`)).json().rows.reduce((s: number, x: { items: number }) => s + x.items, 0);
  }
  baseline.nation = (await t.app.inject('/api/v1/plan-rollups?fiscalYear=2569&level=nation')).json().rows[0] ?? null;
}, 180_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('plan frameworks as data', () => {
  it('ships the 2561–2564 and 2566–2570 frameworks with unconfirmed wording flagged', async () => {
    const list = (await t.app.inject('/api/v1/plan-frameworks')).json();
    const versions = list.map((f: { version: string }) => f.version);
    expect(versions).toEqual(expect.arrayContaining(['2561-2564', '2566-2570']));
    const f66 = list.find((f: { version: string }) => f.version === '2566-2570');
    const f61 = list.find((f: { version: string }) => f.version === '2561-2564');
    const n66 = (await t.app.inject(`/api/v1/plan-frameworks/${f66.id}`)).json().nodes;
    const n61 = (await t.app.inject(`/api/v1/plan-frameworks/${f61.id}`)).json().nodes;
    expect(n61.find((n: { code: string }) => n.code === '2').titleTh).toBe('การบริหารราชการเพื่อป้องกันการทุจริต');
    expect(n66.find((n: { code: string }) => n.code === '2').titleTh).toBe('การบริหารราชการด้วยความโปร่งใส');
    expect(n61.find((n: { code: string }) => n.code === '1.1.1').unconfirmed).toBe(false);
    expect(n61.find((n: { code: string }) => n.code === '2.1').unconfirmed).toBe(true);
    const cycles = (await t.app.inject('/api/v1/plan-cycles')).json();
    expect(cycles.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['2561-2564', '2565-2568', '2566-2570']));
    cycleId = cycles.find((c: { code: string }) => c.code === '2569-2572').id;
    const rubric = (await t.app.inject('/api/v1/plan-rubrics')).json()[0];
    expect(rubric.isOfficial).toBe(false);
  });

  it('lets only national staff add a framework version', async () => {
    const body = { code: 'nacc-lao-prevention', version: 'test-1', nameTh: 'ทดสอบ', sourceNote: 'test', nodes: [{ code: '1', titleTh: 'มิติ 1' }, { code: '1.1', titleTh: 'ย่อย' }] };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/plan-frameworks', headers: editor.headers, payload: body })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/plan-frameworks', payload: body })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/plan-frameworks', headers: hq.headers, payload: { ...body, nodes: [{ code: '1.1', titleTh: 'x' }] } });
    expect(bad.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/plan-frameworks', headers: hq.headers, payload: body });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().nodes).toHaveLength(2);
  });
});

describe('the plan cycle', () => {
  it('drafts a plan with items in all 4 dimensions', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/organizations/6620708/plans', headers: editor.headers, payload: { cycleId } });
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    planId = plan.id;
    expect(plan.framework.version).toBe('2566-2570');
    expect(plan.status).toBe('draft');
    expect(plan.checks.ok).toBe(false);
    expect(plan.checks.uncovered.map((u: { code: string }) => u.code)).toEqual(['1', '2', '3', '4']);

    expect((await t.app.inject({ method: 'POST', url: '/api/v1/organizations/6620708/plans', headers: viewer.headers, payload: { cycleId } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/organizations/3400102/plans', headers: editor.headers, payload: { cycleId } })).statusCode).toBe(403);

    const add = (payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/plans/${planId}/items`, headers: editor.headers, payload });
    const project = await add({
      type: 'project', frameworkCode: '1.1.1', nameTh: 'โครงการอบรมคุณธรรมจริยธรรมแก่ผู้บริหาร สมาชิกสภา และพนักงาน',
      budgets: [{ fiscalYear: 2569, amountSatang: '2000000' }, { fiscalYear: 2570, amountSatang: '2000000' }], responsibleUnit: 'สำนักปลัด', quarters: [2, 3],
      sheet: { rationale: 'เพื่อสร้างจิตสำนึก', objectives: ['ผู้เข้าอบรมมีความรู้เรื่องผลประโยชน์ทับซ้อน'], targetGroup: 'บุคลากร 45 คน', area: 'ห้องประชุม อบต.', method: ['จัดอบรม 1 วัน'], period: 'ไตรมาส 2', responsibleUnit: 'สำนักปลัด', outputs: 'บุคลากรเข้าอบรม 45 คน', outcomes: 'ความรู้เพิ่มขึ้น', kpis: [{ id: 'k1', nameTh: 'ร้อยละผู้ผ่านแบบทดสอบหลังอบรม', unit: 'ร้อยละ', target: 80, kind: 'outcome' }] },
    });
    expect(project.statusCode).toBe(201);
    expect(project.json().totalSatang).toBe('4000000');
    expect((await add({ type: 'measure', frameworkCode: '2.1', nameTh: 'ประกาศเจตจำนงต่อต้านการทุจริตของผู้บริหาร', noBudget: true })).statusCode).toBe(201);
    expect((await add({ type: 'activity', frameworkCode: '3.2', nameTh: 'จัดให้มีช่องทางรับเรื่องร้องเรียนการทุจริต', noBudget: true })).statusCode).toBe(201);
    const bad = await add({ type: 'activity', frameworkCode: '9.1', nameTh: 'ผิด', budgets: [{ fiscalYear: 2580, amountSatang: '1' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields).toHaveProperty('frameworkCode');
  });

  it('imports items from XLSX: atomic with row errors, then the good file', async () => {
    const sheet = async (rows: Array<Array<string | number>>) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('items');
      ws.addRow(['ภารกิจตามมิติ (รหัส)', 'ประเภท', 'ชื่อโครงการ/กิจกรรม/มาตรการ', 'งบประมาณ ปี 2569 (บาท)', 'งบประมาณ ปี 2570 (บาท)', 'ไม่ใช้งบประมาณ', 'หน่วยงานรับผิดชอบ', 'ไตรมาสที่ดำเนินการ']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    };
    const imp = (contentBase64: string, mode = 'atomic') => t.app.inject({ method: 'POST', url: `/api/v1/plans/${planId}/items/import`, headers: editor.headers, payload: { fileName: 'items.xlsx', contentBase64, mode } });
    const broken = await imp(await sheet([['4.1', 'มาตรการ', 'จัดวางระบบควบคุมภายใน', '', '', 'ใช่', 'หน่วยตรวจสอบภายใน', '4'], ['4.9', 'โครงการ', 'รหัสผิด', 5000, '', '', '', '']]));
    expect(broken.statusCode).toBe(200);
    expect(broken.json()).toMatchObject({ imported: 0, saved: false });
    expect(broken.json().errors[0]).toMatchObject({ row: 3 });
    expect(broken.json().errors[0].message).toContain('แถวที่ 3');
    expect((await t.app.inject({ url: `/api/v1/plans/${planId}`, headers: editor.headers })).json().items).toHaveLength(3);

    const good = await imp(await sheet([
      ['4.1', 'มาตรการ', 'จัดวางระบบควบคุมภายในและรายงานตามที่ สตง. กำหนด', '', '', 'ใช่', 'หน่วยตรวจสอบภายใน', '4'],
      ['1.2', 'โครงการ', 'โครงการส่งเสริมการมีส่วนร่วมของประชาชนต้านการทุจริต', 15000, 15000, '', 'สำนักปลัด', '2,3'],
    ]));
    expect(good.json()).toMatchObject({ imported: 2, saved: true, errors: [] });
    const plan = (await t.app.inject({ url: `/api/v1/plans/${planId}`, headers: editor.headers })).json();
    expect(items(plan)).toHaveLength(5);
    expect(plan.checks.totals.byYear).toEqual([
      { fiscalYear: 2569, amountSatang: '3500000' }, { fiscalYear: 2570, amountSatang: '3500000' }, { fiscalYear: 2571, amountSatang: '0' }, { fiscalYear: 2572, amountSatang: '0' },
    ]);
    expect(plan.checks.itemsMissingKpis.map((i: { nameTh: string }) => i.nameTh)).toEqual(['โครงการส่งเสริมการมีส่วนร่วมของประชาชนต้านการทุจริต']);
  });

  it('cannot be sent for review until the checks pass', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/plans/${planId}/transitions`, headers: editor.headers, payload: { action: 'send_for_review' } });
    expect(res.statusCode).toBe(400);
    const plan = (await t.app.inject({ url: `/api/v1/plans/${planId}`, headers: editor.headers })).json();
    const participation = plan.items.find((i: { frameworkCode: string }) => i.frameworkCode === '1.2');
    await t.app.inject({ method: 'PATCH', url: `/api/v1/plans/${planId}/items/${participation.id}`, headers: editor.headers, payload: { sheet: { kpis: [{ id: 'k1', nameTh: 'จำนวนผู้เข้าร่วม', unit: 'คน', target: 100 }] } } });
    const reasons = Object.fromEntries(plan.checks.uncovered.map((u: { code: string }) => [u.code, 'ดำเนินการร่วมกับ อบจ.กำแพงเพชร']));
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/v1/plans/${planId}`, headers: editor.headers, payload: { ifVersion: plan.rowVersion, titleTh: 'ชื่อเก่า' } });
    expect(stale.json().code).toBe('CONFLICT_STALE_VERSION');
    const fresh = (await t.app.inject({ url: `/api/v1/plans/${planId}`, headers: editor.headers })).json();
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/plans/${planId}`, headers: editor.headers, payload: {
      ifVersion: fresh.rowVersion, coverageReasons: reasons,
      part1: { riskAnalysis: [{ area: 'การจัดซื้อจัดจ้าง', risk: 'แบ่งซื้อแบ่งจ้างเพื่อเลี่ยงวิธีประกาศเชิญชวน', likelihood: 3, impact: 4, existingControls: 'ตรวจสอบโดยหน่วยตรวจสอบภายใน', owner: 'กองคลัง' }], rationale: 'การทุจริตเป็นปัญหาสำคัญ', vision: 'อบต.หนองหลวง โปร่งใส', objectives: ['ป้องกันการทุจริต'], targets: ['ไม่มีเรื่องร้องเรียน'], expectedBenefits: ['ประชาชนเชื่อมั่น'] },
      workingGroup: { appointingOrder: { number: '45/2568', date: '2025-11-03', signedBy: 'นายกองค์การบริหารส่วนตำบลหนองหลวง' }, members: [{ name: 'นางวิไล ตรงไป', position: 'ปลัด อบต.', role: 'ประธานคณะทำงาน' }] },
    } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().checks, JSON.stringify(patched.json().checks)).toMatchObject({ ok: true });
  });

  it('runs review, approval, submission, return with a per-item comment, resubmission, scoring, acceptance, publication', async () => {
    const go = (who: SignedIn, action: string, extra: object = {}) => t.app.inject({ method: 'POST', url: `/api/v1/plans/${planId}/transitions`, headers: who.headers, payload: { action, ...extra } });
    expect((await go(editor, 'send_for_review')).json().status).toBe('internal_review');
    expect((await go(editor, 'approve')).statusCode).toBe(403);
    expect((await go(mayor, 'approve')).json().status).toBe('approved');
    // Drafts are not public; the NACC office of another province cannot see it.
    expect((await t.app.inject(`/api/v1/plans/${planId}`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/plans/${planId}`, headers: nacc.headers })).statusCode).toBe(404);
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/plan-deadlines', headers: nacc.headers, payload: { cycleId, provinceCode: '62', dueAt: '2026-12-31T16:59:59Z' } });
    expect(put.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/plan-deadlines', headers: naccOther.headers, payload: { cycleId, provinceCode: '62', dueAt: '2026-12-01T00:00:00Z' } })).statusCode).toBe(403);

    const submitted = (await go(editor, 'submit')).json();
    expect(submitted.status).toBe('submitted');
    expect(submitted.deadline).toMatchObject({ daysLeft: 39, overdue: false, submittedLate: false });
    const naccNotes = await t.database.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.userId').select(['users.email', 'notifications.kind']).where('notifications.kind', '=', 'plan.submit').execute();
    expect(naccNotes.map((n) => n.email)).toContain('nacc.kamphaengphet@prongsai.demo');
    expect(naccNotes.map((n) => n.email)).not.toContain('nacc.khonkaen@prongsai.demo');

    const seen = (await t.app.inject({ url: `/api/v1/plans/${planId}`, headers: nacc.headers })).json();
    expect(seen.allowedActions).toEqual(['return', 'accept']);
    expect((await go(naccOther, 'return', { comment: 'x' })).statusCode).toBe(404);
    expect((await go(nacc, 'return')).statusCode).toBe(400);
    const itemId = seen.items.find((i: { frameworkCode: string }) => i.frameworkCode === '1.1.1').id;
    const returned = (await go(nacc, 'return', { comment: 'กรุณาปรับตัวชี้วัด', itemComments: [{ itemId, comment: 'ตัวชี้วัดควรวัดผลลัพธ์ ไม่ใช่จำนวนผู้เข้าอบรม' }] })).json();
    expect(returned.status).toBe('returned');
    const edNotes = await t.database.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.userId').select('users.email').where('notifications.kind', '=', 'plan.return').execute();
    expect(edNotes.map((n) => n.email)).toContain('editor@nonglaung.demo');
    const mine = (await t.app.inject({ url: `/api/v1/plans/${planId}`, headers: editor.headers })).json();
    expect(mine.comments.find((c: { itemId: string | null }) => c.itemId === itemId).body).toContain('ตัวชี้วัด');
    expect(mine.canEdit).toBe(true);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/plans/${planId}/items/${itemId}`, headers: editor.headers, payload: { remarks: 'ปรับตัวชี้วัดตามข้อเสนอแนะ' } });

    expect((await go(editor, 'submit')).json().status).toBe('submitted');
    const rubric = (await t.app.inject('/api/v1/plan-rubrics')).json()[0];
    const scored = await t.app.inject({ method: 'POST', url: `/api/v1/plans/${planId}/reviews`, headers: nacc.headers, payload: { rubricId: rubric.id, scores: rubric.criteria.map((c: { id: string; maxPoints: number }) => ({ criterionId: c.id, points: c.maxPoints - 1 })) } });
    expect(scored.statusCode).toBe(201);
    expect(scored.json()[0].totalPoints).toBe(rubric.maxPoints - rubric.criteria.length);
    expect((await go(nacc, 'accept')).json().status).toBe('accepted');
    expect((await t.app.inject(`/api/v1/plans/${planId}`)).statusCode).toBe(404);
    const published = (await go(editor, 'publish')).json();
    expect(published.status).toBe('published');
    const history = (await t.app.inject(`/api/v1/plans/${planId}/history`)).json();
    expect(history.map((e: { action: string }) => e.action)).toEqual(['create', 'send_for_review', 'approve', 'submit', 'return', 'submit', 'accept', 'publish']);
    const audit = await t.database.db.selectFrom('auditLog').select('action').where('subjectId', '=', planId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['plan.create', 'plan.submit', 'plan.return', 'plan.accept', 'plan.publish']));
  });

  it('reports 6-month progress with evidence', async () => {
    const plan = (await t.app.inject({ url: `/api/v1/plans/${planId}`, headers: editor.headers })).json();
    const project = plan.items.find((i: { frameworkCode: string }) => i.frameworkCode === '1.1.1');
    const measure = plan.items.find((i: { frameworkCode: string }) => i.frameworkCode === '2.1');
    const save = await t.app.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/progress/2569/6m`, headers: editor.headers, payload: {
      summary: 'ดำเนินการตามแผนครึ่งปีแรก',
      entries: [
        { itemId: project.id, status: 'completed', spentSatang: '1850000', outputs: 'อบรม 45 คน', kpiActuals: [{ kpiId: 'k1', actual: 86 }], links: [{ url: 'https://nonglaung.go.th/news/1', label: 'ข่าวการอบรม' }] },
        { itemId: measure.id, status: 'in_progress' },
      ],
    } });
    expect(save.statusCode).toBe(200);
    expect(save.json().totals).toMatchObject({ reported: 2, completed: 1, spentSatang: '1850000', plannedSatang: '3500000' });
    expect(save.json().entries.find((e: { itemId: string }) => e.itemId === measure.id).percent).toBe(50);
    const ev = await t.app.inject({ method: 'POST', url: `/api/v1/plans/${planId}/progress/2569/6m/items/${project.id}/evidence`, headers: editor.headers, payload: { fileName: 'รายชื่อผู้เข้าอบรม.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 evidence').toString('base64') } });
    expect(ev.statusCode).toBe(201);
    expect(fs.readdirSync(path.join(dataDir, 'files')).length).toBeGreaterThan(0);
    expect((await t.app.inject(`/api/v1/plans/${planId}/progress/2569/6m`)).statusCode).toBe(404);
    const sub = await t.app.inject({ method: 'POST', url: `/api/v1/plans/${planId}/progress/2569/6m/submit`, headers: editor.headers });
    expect(sub.json().status).toBe('submitted');
    const pub = (await t.app.inject(`/api/v1/plans/${planId}`)).json();
    const latest = pub.items.find((i: { id: string }) => i.id === project.id).latestProgress;
    expect(latest).toMatchObject({ fiscalYear: 2569, round: '6m', status: 'completed', percent: 100 });
    const file = await t.app.inject(latest.evidence[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('evidence');
    expect(pub.comments).toEqual([]);
  });

  it('generates documents that read back correctly', async () => {
    const docx = await t.app.inject(`/api/v1/plans/${planId}/document.docx`);
    expect(docx.statusCode).toBe(200);
    const docxFile = path.join(dataDir, 'plan.docx');
    fs.writeFileSync(docxFile, docx.rawPayload);
    const xml = execFileSync('unzip', ['-p', docxFile, 'word/document.xml']).toString('utf8');
    expect(xml).toContain('ส่วนที่ 1');
    expect(xml).toContain('ส่วนที่ 2');
    expect(xml).toContain('ส่วนที่ 3');
    expect(xml).toContain('โครงการอบรมคุณธรรมจริยธรรม');
    expect(xml).toContain('ปี 2570 งบประมาณ (บาท)');
    expect(xml).toContain('20,000.00');
    expect(xml).toContain('Sarabun');
    expect(xml).toContain('พ.ศ.');
    const thai = await t.app.inject(`/api/v1/plans/${planId}/document.docx?thaiDigits=true`);
    fs.writeFileSync(docxFile, thai.rawPayload);
    expect(execFileSync('unzip', ['-p', docxFile, 'word/document.xml']).toString('utf8')).toContain('๒๐,๐๐๐.๐๐');

    const pdf = await t.app.inject(`/api/v1/plans/${planId}/document.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfFile = path.join(dataDir, 'plan.pdf');
    fs.writeFileSync(pdfFile, pdf.rawPayload);
    // pdftotext writes Sarabun's sara am as "ำา" and may split a mark from its base; undo both.
    const text = normalizeExtracted(execFileSync('pdftotext', [pdfFile, '-']).toString('utf8'));
    expect(text).toContain('องค์การบริหารส่วนตำบลหนองหลวง');
    expect(text).toContain('การบริหารราชการด้วยความโปร่งใส');
    expect(text).toContain('20,000.00');
    expect(text).toContain('ส่วนที่ 3');
    expect(execFileSync('pdffonts', [pdfFile]).toString()).toContain('Sarabun');

    const xlsx = await t.app.inject(`/api/v1/plans/${planId}/items.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('ภารกิจตามมิติ (รหัส)');
    expect(ws.rowCount).toBe(6);
    const csv = await t.app.inject(`/api/v1/plans/${planId}/items.csv`);
    expect(csv.body).toContain('ไม่ใช้งบประมาณ');
    // The exported sheet imports again (round trip) into a fresh draft.
    const progressDocx = await t.app.inject(`/api/v1/plans/${planId}/progress/2569/6m/report.docx`);
    fs.writeFileSync(docxFile, progressDocx.rawPayload);
    const pxml = execFileSync('unzip', ['-p', docxFile, 'word/document.xml']).toString('utf8');
    expect(pxml).toContain('รอบ 6 เดือน');
    expect(pxml).toContain('18,500.00');
    const progressPdf = await t.app.inject(`/api/v1/plans/${planId}/progress/2569/6m/report.pdf`);
    fs.writeFileSync(pdfFile, progressPdf.rawPayload);
    expect(normalizeExtracted(execFileSync('pdftotext', [pdfFile, '-']).toString('utf8'))).toContain('ดำเนินการแล้วเสร็จ');
  });

  it('serves open data: published plans, never drafts', async () => {
    const url = '/api/v1/organizations/6620708/plans?cycle=2569-2572';
    const list = (await t.app.inject(url)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([planId]);
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/organizations/6620708/plans', headers: editor.headers, payload: { cycleId } });
    expect((await t.app.inject(url)).json().total).toBe(1);
    expect((await t.app.inject({ url, headers: editor.headers })).json().total).toBe(2);
    expect((await t.app.inject({ url, headers: nacc.headers })).json().total).toBe(1);
    expect((await t.app.inject(`/api/v1/plans/${draft.json().id}`)).statusCode).toBe(404);
    expect((await t.app.inject(`/api/v1/plans/${draft.json().id}/document.pdf`)).statusCode).toBe(404);
    const pub = (await t.app.inject(`/api/v1/plans/${planId}`)).json();
    expect(pub.framework.version).toBe('2566-2570');
    expect(pub.cycle.code).toBe('2569-2572');
    expect(pub.items.find((i: { frameworkCode: string }) => i.frameworkCode === '2.1')).toMatchObject({ type: 'measure', noBudget: true, budgets: [] });
    const csv = await t.app.inject('/api/v1/organizations/6620708/plans?format=csv');
    expect(csv.body).toContain(planId);
  });

  it('makes a new version after acceptance and compares versions', async () => {
    const v2 = await t.app.inject({ method: 'POST', url: `/api/v1/plans/${planId}/versions`, headers: editor.headers });
    expect(v2.statusCode).toBe(201);
    const v2id = v2.json().id;
    expect(v2.json()).toMatchObject({ version: 2, status: 'draft' });
    const item = v2.json().items[0];
    await t.app.inject({ method: 'PATCH', url: `/api/v1/plans/${v2id}/items/${item.id}`, headers: editor.headers, payload: { budgets: [{ fiscalYear: 2569, amountSatang: '2500000' }] } });
    await t.app.inject({ method: 'POST', url: `/api/v1/plans/${v2id}/items`, headers: editor.headers, payload: { type: 'guideline', frameworkCode: '4.3', nameTh: 'แนวปฏิบัติการตรวจสอบของสภาท้องถิ่น', noBudget: true } });
    const cmp = (await t.app.inject({ url: `/api/v1/plans/${planId}/compare/${v2id}`, headers: editor.headers })).json();
    expect(cmp.from.version).toBe(1);
    expect(cmp.items.map((i: { change: string }) => i.change).sort()).toEqual(['added', 'changed']);
    expect(cmp.items.find((i: { change: string }) => i.change === 'changed').updatedBy).toBe('editor@nonglaung.demo');
    expect(cmp.events.map((e: { action: string }) => e.action)).toContain('new_version');
    expect((await t.app.inject(`/api/v1/plans/${v2id}`)).statusCode).toBe(404);
  });

  it('shows the province views and roll-ups', async () => {
    const compiled = (await t.app.inject('/api/v1/provinces/62/plans/compiled?fiscalYear=2569')).json();
    expect(compiled.items - baseline.compiled.items).toBe(5);
    const dim = (c: typeof baseline.compiled, code: string) => c.dimensions.find((d) => d.dimensionCode === code) ?? { withBudget: [], withoutBudget: [] };
    expect(dim(compiled, '1').withBudget.length - dim(baseline.compiled, '1').withBudget.length).toBe(2);
    expect(dim(compiled, '2').withoutBudget.length - dim(baseline.compiled, '2').withoutBudget.length).toBe(1);
    expect((await t.app.inject('/api/v1/provinces/62/plans/dashboard?cycle=2569-2572')).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/provinces/62/plans/dashboard?cycle=2569-2572', headers: naccOther.headers })).statusCode).toBe(403);
    const dash = (await t.app.inject({ url: '/api/v1/provinces/62/plans/dashboard?cycle=2569-2572', headers: nacc.headers })).json();
    expect(dash.deadline.daysLeft).toBe(39);
    expect(dash.totals.submitted).toBe(1);
    expect(dash.organizations.find((o: { code: string }) => o.code === '6620708')).toMatchObject({ state: 'published', late: false, coverageGaps: 0 });
    expect(dash.organizations.find((o: { code: string }) => o.code === 'PHALL-62').state).toBe('no_plan');
    for (const level of ['dimension', 'organization', 'district', 'province', 'region', 'nation']) {
      const r = (await t.app.inject(`/api/v1/plan-rollups?fiscalYear=2569&level=${level}`)).json();
      expect(r.rows.reduce((s: number, x: { items: number }) => s + x.items, 0) - baseline.rollup[level]!).toBe(5);
    }
    const nation = (await t.app.inject('/api/v1/plan-rollups?fiscalYear=2569&level=nation')).json().rows[0];
    const before = (baseline.nation ?? { plannedSatang: '0', spentSatang: '0', completedItems: 0, withBudget: 0, noBudget: 0 }) as Record<string, string | number>;
    expect(BigInt(nation.plannedSatang) - BigInt(before.plannedSatang!)).toBe(3500000n);
    expect(BigInt(nation.spentSatang) - BigInt(before.spentSatang!)).toBe(1850000n);
    expect(nation.completedItems - Number(before.completedItems)).toBe(1);
    expect(nation.withBudget - Number(before.withBudget)).toBe(2);
    expect(nation.noBudget - Number(before.noBudget)).toBe(3);
  });

  it('finds reminders due before a deadline and sends each once', async () => {
    const service = createPlansService({ db: t.database.db, clock: t.clock, fileStore: createLocalFileStore(path.join(dataDir, 'files')) });
    t.clock.set('2026-12-01T03:00:00Z');
    expect(await service.findDueReminders()).toEqual([]);
    t.clock.set('2026-12-26T03:00:00Z');
    const due = await service.findDueReminders();
    const org = await t.database.db.selectFrom('organizations').select('id').where('code', '=', '6620708').executeTakeFirstOrThrow();
    const ours = due.filter((r) => r.dueAt === '2026-12-31T16:59:59.000Z');
    expect(ours.length).toBeGreaterThan(10);
    expect(ours.every((r) => r.daysLeft === 6 && r.kind === 'submission_deadline')).toBe(true);
    expect(due.map((r) => r.organizationId)).not.toContain(org.id);
    expect(await service.sendDueReminders()).toBe(due.length);
    expect(await service.findDueReminders()).toEqual([]);
  });
});
