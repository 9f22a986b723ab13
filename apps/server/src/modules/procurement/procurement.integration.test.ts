import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as cardinal from '@prongsai/core/procurement/index.ts';
import { computeThaiFlags, parseThresholdsFile } from '@prongsai/core/procurement-th/index.ts';
import { generate } from '../../../../../bench/procurement-generate.ts';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';
import { seedDemoUsers, signIn, type SignedIn } from '../../../test/auth-helpers.ts';
import { createJobQueue, runJob, type Job } from '../../platform/jobs.ts';
import { createJobHandlers } from '../jobs/job-handlers.ts';
import { ocdsValidator } from './ocds-schema.ts';
import { createAnalysisRunner, serverCardinalSettings } from './procurement-analysis.ts';
import { createProcurementRepository } from './procurement.repository.ts';
import { THRESHOLDS_FILE } from './thresholds-data.ts';

const SAMPLES = path.resolve(import.meta.dirname, 'test-samples');
let t: TestContext;
let dataDir: string;
let hq: SignedIn; // PACC head office: import, read everything, review
let kpp: SignedIn; // NACC Kamphaeng Phet (province 62)
let khonkaen: SignedIn; // NACC Khon Kaen (province 40)
let editor: SignedIn; // อบต.หนองหลวง (6620708, province 62)
let otherEditor: SignedIn; // เทศบาลนครขอนแก่น

function queue() {
  return createJobQueue(t.database.db, t.clock);
}
function handlers() {
  return createJobHandlers({ db: t.database.db, clock: t.clock, config: t.config, queue: queue() });
}
/** Runs every due job to its end, like a worker would. */
async function drainJobs() {
  const q = queue();
  for (let i = 0; i < 50; i++) {
    const job = await q.claim('test-worker', ['procurement.import', 'procurement.analyse']);
    if (!job) return;
    const outcome = await runJob({ queue: q, handlers: handlers(), workerId: 'test-worker' }, job);
    if (outcome !== 'done') throw new Error(`job ${job.kind} ended ${outcome}: ${(await q.get(job.id))?.lastError}`);
  }
}

async function upload(who: Pick<SignedIn, 'headers'>, fileName: string, body: Buffer | string, format?: string) {
  const boundary = '----prongsai-test';
  const parts = [
    ...(format ? [`--${boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\n${format}\r\n`] : []),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  ];
  const payload = Buffer.concat([Buffer.from(parts.join('')), Buffer.from(body), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.app.inject({ method: 'POST', url: '/api/v1/procurement/imports', headers: { ...who.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

/** Hand-made processes of อบต.หนองหลวง: split purchases (TH01) and a single-bid e-bidding (TH03, R018). */
function nongLuangReleases(): string[] {
  const base = (ocid: string, amount: number, date: string, extra: Record<string, unknown> = {}) => ({
    ocid,
    id: `${ocid}-1`,
    date,
    tag: ['compiled'],
    initiationType: 'tender',
    buyer: { id: 'TH-DLA-6620708', name: 'องค์การบริหารส่วนตำบลหนองหลวง' },
    parties: [{ id: 'TH-TIN-0105560000001', name: 'ร้าน สมชาย ใจดี', roles: ['supplier'], identifier: { scheme: 'TH-TIN', id: '0105560000001' } }],
    tender: { id: ocid, title: `ซื้อวัสดุ ${ocid}`, status: 'complete', procurementMethod: 'limited', procurementMethodDetails: 'วิธีเฉพาะเจาะจง', items: [{ id: '1', classification: { scheme: 'UNSPSC', id: '44121600' } }] },
    awards: [{ id: `${ocid}-a`, status: 'active', date, value: { amount, currency: 'THB' }, suppliers: [{ id: 'TH-TIN-0105560000001', name: 'ร้าน สมชาย ใจดี' }] }],
    ...extra,
  });
  return [
    base('ocds-test-nl-001', 300000, '2026-03-02T10:00:00+07:00'),
    base('ocds-test-nl-002', 300000, '2026-03-09T10:00:00+07:00'),
    base('ocds-test-nl-003', 2000000, '2026-03-20T10:00:00+07:00', {
      tender: { id: 'x', title: 'จ้างก่อสร้างถนน', status: 'complete', procurementMethod: 'open', procurementMethodDetails: 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', numberOfTenderers: 1, value: { amount: 2000000, currency: 'THB' } },
    }),
  ].map((r) => JSON.stringify(r));
}

async function signInAll() {
  hq = await signIn(t, 'pacc.hq@prongsai.demo');
  kpp = await signIn(t, 'nacc.kamphaengphet@prongsai.demo');
  khonkaen = await signIn(t, 'nacc.khonkaen@prongsai.demo');
  editor = await signIn(t, 'editor@nonglaung.demo');
  otherEditor = await signIn(t, 'editor@khonkaen.demo');
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-procurement-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  await seedDemoUsers(t);
  await signInAll();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('procurement import', () => {
  it('refuses imports to the public and to agency roles', async () => {
    const anon = await upload({ headers: {} } as unknown as SignedIn, 'x.jsonl', '{}\n');
    expect(anon.statusCode).toBe(401);
    const res = await upload(editor, 'x.jsonl', '{}\n');
    expect(res.statusCode).toBe(403);
  });

  it('imports the real OCDS samples cleanly or with clear reasons', async () => {
    const expected: Record<string, number> = {
      'ocds-213czf-000-00001.json': 1,
      'record-ocds-213czf-000-00001.json': 1,
      'armenia-armeps-release-package-6.json': 100,
      'paraguay-dncp-record-package-273637.json': 1,
      'ukraine-prozorro-record-ocds-be6bcu-UA-2017-04-12-001619-b.json': 1,
      'release-package-1.json': 1,
      'release-package-2.json': 1,
    };
    const ids: Record<string, string> = {};
    for (const name of Object.keys(expected)) {
      const res = await upload(hq, name, fs.readFileSync(path.join(SAMPLES, name)));
      expect(res.statusCode, res.body).toBe(202);
      ids[name] = res.json().id;
    }
    await drainJobs();
    for (const [name, n] of Object.entries(expected)) {
      const view = (await t.app.inject({ url: `/api/v1/procurement/imports/${ids[name]}`, headers: hq.headers })).json();
      expect(view, name).toMatchObject({ status: 'done', releasesUpserted: n, errorsCount: 0, job: { status: 'done', percent: 100 } });
    }
    // The fictional sample is valid; the 2018 real samples have schema warnings with paths.
    expect((await t.app.inject({ url: `/api/v1/procurement/imports/${ids['ocds-213czf-000-00001.json']}`, headers: hq.headers })).json().warningsCount).toBe(0);
    const armenia = (await t.app.inject({ url: `/api/v1/procurement/imports/${ids['armenia-armeps-release-package-6.json']}/issues?limit=200`, headers: hq.headers })).json();
    expect(armenia.total).toBeGreaterThan(0);
    expect(armenia.items.some((i: { message: string }) => /bids\/details\/\d+\/status/.test(i.message))).toBe(true);
    const cdmx = (await t.app.inject({ url: `/api/v1/procurement/imports/${ids['release-package-1.json']}/issues`, headers: hq.headers })).json();
    expect(cdmx.items.map((i: { message: string }) => i.message).join('\n')).toContain('OCDS 1.0');
  });

  it('resumes a killed import without duplicates', async () => {
    const lines = [...generate(1200, 7)];
    lines.splice(600, 0, 'this is not json');
    const body = `${lines.join('\n')}\n`;
    const res = await upload(hq, 'generated.jsonl', body);
    expect(res.statusCode).toBe(202);
    const importId = res.json().id;
    const q = queue();
    const job = (await q.claim('doomed-worker', ['procurement.import'])) as Job;
    expect(job.payload.importId).toBe(importId);
    // The worker dies right after its first batch is committed.
    let calls = 0;
    await expect(
      handlers()['procurement.import']!({
        job,
        checkpoint: null,
        signal: new AbortController().signal,
        async reportProgress(done, total, checkpoint) {
          await q.progress(job.id, done, total, checkpoint, 'doomed-worker');
          if (++calls === 1) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const mid = (await t.app.inject({ url: `/api/v1/procurement/imports/${importId}`, headers: hq.headers })).json();
    expect(mid).toMatchObject({ status: 'running', linesDone: 500, releasesUpserted: 500 });
    expect(mid.job.percent).toBeGreaterThan(0);
    expect(mid.job.percent).toBeLessThan(100);
    // The lease runs out; another worker takes the job over and resumes after line 500.
    t.clock.advance(q.leaseMs + 1000);
    await drainJobs();
    const done = (await t.app.inject({ url: `/api/v1/procurement/imports/${importId}`, headers: hq.headers })).json();
    expect(done).toMatchObject({ status: 'done', linesDone: 1201, releasesUpserted: 1200, errorsCount: 1 });
    const ocids = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l).ocid as string);
    const stored = await t.database.db.selectFrom('procurementReleases').select('ocid').where('importId', '=', importId).execute();
    expect(stored.map((s) => s.ocid).sort()).toEqual([...new Set(ocids)].sort());
    const issues = (await t.app.inject({ url: `/api/v1/procurement/imports/${importId}/issues`, headers: hq.headers })).json();
    expect(issues.items).toEqual([expect.objectContaining({ line: 601, severity: 'error', message: expect.stringContaining('not JSON') })]);
  });

  it('imports e-GP CSV rows as OCDS', async () => {
    const csv = [
      'project_id,project_name,dept_code,dept_name,purchase_method_name,project_type_name,price_build,winner_tin,winner_name,price_agree,contract_no,contract_date',
      '66039000001,ซื้อวัสดุสำนักงาน,5450503,องค์การบริหารส่วนตำบลหนองหลวง,เฉพาะเจาะจง,ซื้อ,"99,000.00",0105560000002,ร้าน ก,"98,500.00",1/2569,5 ม.ค. 69',
      '66039000001,,,,,,,0105560000003,ร้าน ข,"1,000.00",2/2569,6 ม.ค. 69',
      '66039000002,จ้างซ่อมถนน,5450503,องค์การบริหารส่วนตำบลหนองหลวง,e-bidding,จ้างก่อสร้าง,"1,000,000",0105560000002,ร้าน ก,bad,1/2569,32 ม.ค. 69',
    ].join('\n');
    const res = await upload(hq, 'egp.csv', csv);
    expect(res.statusCode).toBe(202);
    await drainJobs();
    const view = (await t.app.inject({ url: `/api/v1/procurement/imports/${res.json().id}`, headers: hq.headers })).json();
    expect(view).toMatchObject({ status: 'done', releasesUpserted: 2, errorsCount: 0 });
    const row = await t.database.db.selectFrom('procurementReleases').select(['valueSatang', 'thaiMethod', 'fiscalYear', 'awardDate', sql<string>`release::text`.as('json')]).where('ocid', '=', 'ocds-th-egp-66039000001').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ valueSatang: '9950000', thaiMethod: 'specific', fiscalYear: 2569, awardDate: '2026-01-05' });
    // matched by unique name? อบต.หนองหลวง exists in several provinces → no match by name
    expect(ocdsValidator().release(JSON.parse(row.json))).toEqual([]);
    const issues = (await t.app.inject({ url: `/api/v1/procurement/imports/${view.id}/issues`, headers: hq.headers })).json();
    expect(issues.items.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['row 4 price_agree', 'row 4 contract_date']));
  });
});

describe('flags, scores and the answer/review loop', () => {
  let nlFlag: { id: string; code: string };

  it('stores exactly the engine’s flags', async () => {
    const res = await upload(hq, 'nonglaung.jsonl', `${nongLuangReleases().join('\n')}\n`);
    expect(res.statusCode).toBe(202);
    await drainJobs();
    // Expected: the Cardinal engine and the Thai indicators over the same stored releases.
    const rows = (await t.database.db.selectFrom('procurementReleases').select(['ocid', sql<string>`release::text`.as('json')]).orderBy('ocid').execute()).map((r) => ({ ocid: r.ocid, release: JSON.parse(r.json) }));
    const lines = rows.map((r) => JSON.stringify(r.release)).join('\n');
    const expected = cardinal.computeFlags(Buffer.from(lines), serverCardinalSettings());
    const thresholds = parseThresholdsFile(JSON.parse(fs.readFileSync(THRESHOLDS_FILE, 'utf8')));
    const thai = computeThaiFlags(rows.map((r) => r.release), { versions: thresholds.versions });
    const want = [
      ...[...expected.groups.OCID].flatMap(([ocid, values]) => Object.entries(values).map(([code, v]) => `${ocid}|${code}||${v}`)),
      ...thai.flags.map((f) => `${f.ocid}|${f.code}|${f.supplierId ?? ''}|${f.value}`),
    ];
    const stored = await t.database.db.selectFrom('procurementFlags').select(['ocid', 'code', 'supplierId', 'value']).where('withdrawnAt', 'is', null).execute();
    expect(stored.map((f) => `${f.ocid}|${f.code}|${f.supplierId}|${f.value}`).sort()).toEqual([...new Set(want)].sort());
    expect(want.length).toBeGreaterThan(20);
    const entity = await t.database.db.selectFrom('procurementEntityFlags').select(['entityKind', 'entityId', 'code']).execute();
    expect(entity.filter((e) => e.entityKind === 'supplier').length).toBe([...expected.groups.Tenderer].reduce((n, [, v]) => n + Object.keys(v).length, 0));
    const codes = new Set(stored.filter((f) => f.ocid.startsWith('ocds-test-nl')).map((f) => f.code));
    expect([...codes].sort()).toEqual(expect.arrayContaining(['R018', 'TH01', 'TH03']));
  });

  it('scopes flags by role, and explains each one', async () => {
    const mine = (await t.app.inject({ url: '/api/v1/procurement/flags?organization=6620708', headers: kpp.headers })).json();
    expect(mine.total).toBeGreaterThanOrEqual(4);
    expect(mine.items.every((f: { provinceCode: string }) => f.provinceCode === '62')).toBe(true);
    const th01 = mine.items.find((f: { code: string }) => f.code === 'TH01');
    expect(th01.explanation).toContain('600,000.00');
    expect(th01.explanation).toContain('ไม่ใช่หลักฐาน');
    expect(th01.explanationEn).toContain('not proof');
    nlFlag = th01;
    // Khon Kaen's office does not see Kamphaeng Phet's flags; the agency sees only its own.
    const other = (await t.app.inject({ url: '/api/v1/procurement/flags?organization=6620708', headers: khonkaen.headers })).json();
    expect(other.total).toBe(0);
    const agency = (await t.app.inject({ url: '/api/v1/procurement/flags?limit=200', headers: editor.headers })).json();
    expect(agency.items.length).toBeGreaterThan(0);
    expect(agency.items.every((f: { organizationCode: string }) => f.organizationCode === '6620708')).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/procurement/flags' })).statusCode).toBe(401);
  });

  it('ranks buyers and suppliers by the documented score, with filters', async () => {
    const res = await t.app.inject({ url: '/api/v1/procurement/risk?entity=buyer&limit=200', headers: hq.headers });
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.method).toContain('Σ');
    const scores = list.items.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    const nl = list.items.find((r: { id: string }) => r.id === 'TH-DLA-6620708');
    expect(nl).toMatchObject({ processes: 3, organizationCode: '6620708', provinceCode: '62' });
    // The SQL score equals the pure formula of core/risk-score.ts.
    const detail = (await t.app.inject({ url: '/api/v1/procurement/risk/buyer/TH-DLA-6620708', headers: hq.headers })).json();
    expect(detail.score).toBeCloseTo(nl.score, 3);
    expect(detail.components.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['TH01', 'TH03', 'R018']));
    const filtered = (await t.app.inject({ url: '/api/v1/procurement/risk?entity=buyer&province=62&method=specific', headers: hq.headers })).json();
    expect(filtered.items.map((r: { id: string }) => r.id)).toContain('TH-DLA-6620708');
    expect(filtered.items.every((r: { provinceCode: string }) => r.provinceCode === '62')).toBe(true);
    const suppliers = (await t.app.inject({ url: '/api/v1/procurement/risk?entity=supplier&limit=5', headers: kpp.headers })).json();
    expect(suppliers.items[0].id).toBe('TH-TIN-0105560000001');
    expect((await t.app.inject({ url: '/api/v1/procurement/risk', headers: editor.headers })).statusCode).toBe(403);
  });

  it('runs the DOZORRO loop: the buyer answers, the office reviews, the public sees the lead with the answer', async () => {
    // Not public yet: fresh, unanswered.
    const before = (await t.app.inject({ url: '/api/v1/public/procurement/flags?organization=6620708' })).json();
    expect(before.total).toBe(0);
    const wrongOrg = await t.app.inject({ method: 'POST', url: `/api/v1/procurement/flags/${nlFlag.id}/response`, headers: otherEditor.headers, payload: { response: 'x' } });
    expect(wrongOrg.statusCode).toBe(403);
    const answer = await t.app.inject({ method: 'POST', url: `/api/v1/procurement/flags/${nlFlag.id}/response`, headers: editor.headers, payload: { response: 'ซื้อคนละโครงการ มีบันทึกความจำเป็นแยกกัน' } });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().status).toBe('answered');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/procurement/flags/${nlFlag.id}/review`, headers: editor.headers, payload: { outcome: 'cleared' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/procurement/flags/${nlFlag.id}/review`, headers: khonkaen.headers, payload: { outcome: 'cleared' } })).statusCode).toBe(403);
    const review = await t.app.inject({ method: 'POST', url: `/api/v1/procurement/flags/${nlFlag.id}/review`, headers: kpp.headers, payload: { outcome: 'noted', note: 'ติดตามรอบหน้า (ภายใน)' } });
    expect(review.statusCode).toBe(200);
    expect(review.json()).toMatchObject({ status: 'reviewed', reviewOutcome: 'noted', reviewNote: 'ติดตามรอบหน้า (ภายใน)' });
    const pub = (await t.app.inject({ url: '/api/v1/public/procurement/flags?organization=6620708' })).json();
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0]).toMatchObject({ id: nlFlag.id, response: 'ซื้อคนละโครงการ มีบันทึกความจำเป็นแยกกัน', reviewOutcome: 'noted', reviewNote: null });
    expect(pub.leadNotProofEn).toContain('not proof');
    // After the right-to-answer period, unanswered flags become public too (never TH07).
    t.clock.advance(31 * 86_400_000);
    const later = (await t.app.inject({ url: '/api/v1/public/procurement/flags?organization=6620708&limit=200' })).json();
    expect(later.total).toBeGreaterThan(1);
    const map = (await t.app.inject({ url: '/api/v1/procurement/map' })).json();
    expect(map.provinces.find((p: { provinceCode: string }) => p.provinceCode === '62').flags).toBeGreaterThan(0);
    const audit = await t.database.db.selectFrom('auditLog').select('action').where('subjectId', '=', nlFlag.id).orderBy('id').execute();
    await signInAll(); // sessions idle out over 31 days
    expect(audit.map((a) => a.action)).toEqual(['procurement.flag.respond', 'procurement.flag.review']);
  });

  it('keeps answers across re-analysis, alerts watchers of new flags, and flags linked officials', async () => {
    const wl = (await t.app.inject({ method: 'POST', url: '/api/v1/procurement/watchlists', headers: kpp.headers, payload: { name: 'หนองหลวง' } })).json();
    const item = await t.app.inject({ method: 'POST', url: `/api/v1/procurement/watchlists/${wl.id}/items`, headers: kpp.headers, payload: { kind: 'supplier', subjectId: 'TH-TIN-0105560000001', label: 'ร้าน สมชาย ใจดี' } });
    expect(item.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/procurement/officials', headers: kpp.headers, payload: { officials: [] } })).statusCode).toBe(403);
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/procurement/officials', headers: hq.headers, payload: { officials: [{ name: 'นายสมชาย  ใจดี', position: 'ปลัด อบต.' }] } });
    expect(put.statusCode).toBe(200);
    const start = await t.app.inject({ method: 'POST', url: '/api/v1/procurement/analyses', headers: hq.headers });
    expect(start.statusCode).toBe(202);
    await drainJobs();
    const analysis = (await t.app.inject({ url: `/api/v1/procurement/analyses/${start.json().id}`, headers: hq.headers })).json();
    expect(analysis).toMatchObject({ status: 'done', newFlags: 3 });
    const th07 = (await t.app.inject({ url: '/api/v1/procurement/flags?code=TH07', headers: kpp.headers })).json();
    expect(th07.items).toHaveLength(3);
    expect(th07.items[0].evidence).toMatchObject({ matchedBy: 'name', officialName: 'นายสมชาย  ใจดี' });
    const agencyView = (await t.app.inject({ url: '/api/v1/procurement/flags?code=TH07', headers: editor.headers })).json();
    expect(agencyView.items[0].evidence.officialName).toBeUndefined();
    const publicView = (await t.app.inject({ url: '/api/v1/public/procurement/flags?code=TH07' })).json();
    expect(publicView.total).toBe(0);
    const kept = (await t.app.inject({ url: `/api/v1/procurement/flags?ocid=${encodeURIComponent('ocds-test-nl-001')}&code=TH01`, headers: hq.headers })).json();
    expect(kept.items.find((f: { id: string }) => f.id === nlFlag.id)).toMatchObject({ status: 'reviewed', response: expect.any(String) });
    const notes = await t.database.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.userId').select(['users.email', 'notifications.kind', 'notifications.title']).where('notifications.kind', '=', 'procurement.watch').execute();
    expect(notes).toEqual([expect.objectContaining({ email: 'nacc.kamphaengphet@prongsai.demo', title: expect.stringContaining('3') })]);
  });

  it('resumes a killed analysis after its last written chunk of flags, keeping its computedAt', async () => {
    const db = t.database.db;
    const repo = createProcurementRepository();
    const live = async () => db.selectFrom('procurementFlags').select(['id', 'computedAt', 'firstSeenAt']).where('withdrawnAt', 'is', null).execute();
    const before = await live();
    t.clock.advance(60_000);
    const runner = createAnalysisRunner({ db, clock: t.clock, config: t.config }, { flagChunk: 100 });
    const a = await repo.insertAnalysis(db, { jobId: null, createdBy: null });
    let checkpoint: unknown;
    const killed = runner.run(a.id, async (_d, _t, c) => {
      if (c === undefined) return;
      checkpoint = c;
      throw new Error('killed');
    });
    await expect(killed).rejects.toThrow('killed');
    const cp = checkpoint as { computedAt: string; written: number };
    expect(cp.written).toBe(100);
    const at = new Date(cp.computedAt);
    expect((await live()).filter((f) => f.computedAt.getTime() === at.getTime())).toHaveLength(100);
    t.clock.advance(60_000); // the resumed attempt keeps the first attempt's computedAt
    const outcome = await runner.run(a.id, undefined, checkpoint);
    expect(outcome).toMatchObject({ flags: before.length, newFlags: 0, withdrawn: 0 });
    const after = await live();
    expect(after.map((f) => f.id).sort()).toEqual(before.map((f) => f.id).sort());
    expect(after.every((f) => f.computedAt.getTime() === at.getTime())).toBe(true);
    // A checkpoint of different stored releases is ignored: the analysis starts over.
    await db.updateTable('procurementReleases').set({ updatedAt: t.clock.now() }).where('ocid', '=', 'ocds-test-nl-001').execute();
    const fresh = await runner.run(a.id, undefined, checkpoint);
    expect(fresh.flags).toBe(before.length);
    expect((await live()).every((f) => f.computedAt.getTime() === t.clock.now().getTime())).toBe(true);
  });

  it('shows a process publicly without confidential details, and exports valid OCDS', async () => {
    const proc = (await t.app.inject({ url: '/api/v1/procurement/processes/ocds-test-nl-001' })).json();
    expect(proc).toMatchObject({ ocid: 'ocds-test-nl-001', organizationCode: '6620708', suppliers: [{ id: 'TH-TIN-0105560000001' }] });
    expect(proc.flags.every((f: { code: string; reviewNote: unknown }) => f.code !== 'TH07' && f.reviewNote === null)).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/procurement/export' })).statusCode).toBe(401);
    const pkg = await t.app.inject({ url: '/api/v1/procurement/export?format=package', headers: hq.headers });
    expect(pkg.statusCode).toBe(200);
    const doc = pkg.json();
    expect(doc.releases.length).toBeGreaterThan(1300);
    const v = ocdsValidator();
    const ours = doc.releases.filter((r: { ocid: string }) => r.ocid.startsWith('ocds-test') || r.ocid.startsWith('ocds-th-egp-660390'));
    expect(ours).toHaveLength(5);
    expect(v.releasePackage({ ...doc, releases: ours })).toEqual([]);
    const jsonl = await t.app.inject({ url: '/api/v1/procurement/export?format=jsonl', headers: kpp.headers });
    const lines = jsonl.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((r) => r.ocid)).toEqual(expect.arrayContaining(['ocds-test-nl-001', 'ocds-test-nl-002', 'ocds-test-nl-003']));
  });
});
