/**
 * Procurement import into PostgreSQL, then analysis (flags + risk weights) and a risk ranking, timed.
 *
 *   scripts/with-postgres.sh npx tsx bench/procurement-import.ts [N=1000000] [FILE]
 *
 * The file comes from bench/procurement-generate.ts (written first when missing). The import runs
 * the real `procurement.import` job handler (streaming, schema validation, batches of 500 upserts
 * with the checkpoint in each batch's transaction), then the real `procurement.analyse` handler
 * (Cardinal's 11 indicators + the Thai indicators over every stored release, flags upserted in
 * chunks, risk weights and the ranking summary recomputed), then ranked risk queries (from the
 * summary, and one with a value range, which reads the releases). Prints wall times, rates and peak
 * RSS (of the whole run, and of the analysis alone).
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { parseConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/database.ts';
import { migrate } from '../apps/server/src/db/migrate.ts';
import { loadReferenceData } from '../apps/server/src/modules/organizations/reference-data.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { createJobQueue, runJob } from '../apps/server/src/platform/jobs.ts';
import { procurementJobHandlers } from '../apps/server/src/modules/procurement/procurement.module.ts';
import { createProcurementRepository } from '../apps/server/src/modules/procurement/procurement.repository.ts';
import { writeReleases } from './procurement-generate.ts';

const n = Number(process.argv[2] ?? 1_000_000);
const file = path.resolve(process.argv[3] ?? `bench/out/procurement-${n}.jsonl`);
if (!process.env.DATABASE_URL) throw new Error('run under scripts/with-postgres.sh (DATABASE_URL)');
if (!fs.existsSync(file)) {
  process.stderr.write(`generating ${n} releases into ${file}…\n`);
  writeReleases(n, file);
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
const mb = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-bench-'));
const config = parseConfig({ DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: 4 });
const db = database.db;
await migrate(db);
await loadReferenceData(db);
const repo = createProcurementRepository();
const queue = createJobQueue(db, systemClock);
const handlers = procurementJobHandlers({ db, clock: systemClock, config });
const size = fs.statSync(file).size;

const imp = await repo.insertImport(db, { fileName: path.basename(file), format: 'jsonl', sizeBytes: String(size), serverPath: file, createdBy: null });
await queue.enqueue(db, { kind: 'procurement.import', payload: { importId: imp.id } });
let lastLog = 0;
const log = (label: string) => async (done: number, total?: number | null) => {
  if (Date.now() - lastLog < 5000) return;
  lastLog = Date.now();
  process.stderr.write(`  ${label}: ${done}${total ? ` / ${total} (${((done / total) * 100).toFixed(1)}%)` : ''}\n`);
};

async function runOne(kind: string, label: string): Promise<number> {
  const job = await queue.claim('bench', [kind]);
  if (!job) throw new Error(`no ${kind} job`);
  const started = performance.now();
  const wrapped = {
    [kind]: async (ctx: Parameters<(typeof handlers)[string]>[0]) => {
      const report = ctx.reportProgress;
      return handlers[kind]!({ ...ctx, reportProgress: async (d, t, c) => { await log(label)(d, t); await report(d, t, c); } });
    },
  };
  const outcome = await runJob({ queue, handlers: wrapped, workerId: 'bench', heartbeatMs: 30_000 }, job);
  if (outcome !== 'done') throw new Error(`${kind} ended ${outcome}: ${(await queue.get(job.id))?.lastError}`);
  return performance.now() - started;
}

process.stderr.write(`importing ${file} (${mb(size)}) into PostgreSQL…\n`);
const importMs = await runOne('procurement.import', 'import bytes');
const after = (await repo.findImport(db, imp.id))!;
process.stderr.write('analysing…\n');
const rssBeforeAnalysis = peakRss;
peakRss = 0;
const analyseMs = await runOne('procurement.analyse', 'analyse');
const analysisPeakRss = peakRss;
peakRss = Math.max(peakRss, rssBeforeAnalysis);
const analysis = await repo.latestAnalysis(db);

let started = performance.now();
await db.transaction().execute((tx) => repo.recomputeRiskWeights(tx));
const weightsMs = performance.now() - started;
started = performance.now();
await db.transaction().execute((tx) => repo.refreshRiskSummary(tx));
const summaryMs = performance.now() - started;
const summaryRows = (await db.selectFrom('procurementRiskSummary').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
started = performance.now();
const ranked = await repo.rankRisk(db, 'buyer', {}, { national: true, organizationIds: [], provinceCodes: [], paccRegions: [] }, 1, 50, 0);
const rankBuyersMs = performance.now() - started;
started = performance.now();
await repo.rankRisk(db, 'supplier', { fiscalYear: 2567, thaiMethod: 'specific' }, { national: true, organizationIds: [], provinceCodes: [], paccRegions: [] }, 1, 50, 0);
const rankSuppliersMs = performance.now() - started;
started = performance.now();
await repo.rankRisk(db, 'buyer', { fiscalYear: 2567, minValueSatang: 50_000_000n }, { national: true, organizationIds: [], provinceCodes: [], paccRegions: [] }, 1, 50, 0);
const rankValueMs = performance.now() - started;
clearInterval(sampler);

const releases = Number(after.releasesUpserted);
const lines = [
  `Procurement import into PostgreSQL (${os.cpus().length} cores, Node ${process.version}, ${process.env.DATABASE_URL?.includes('127.0.0.1') ? 'local throwaway server, fsync off' : 'server'})`,
  `  file: ${path.basename(file)}, ${mb(size)}, ${releases} releases (errors ${after.errorsCount}, schema warnings ${after.warningsCount})`,
  `  import (parse + schema validation + upsert by ocid, batches of 500): ${secs(importMs)} — ${Math.round(releases / (importMs / 1000))} releases/s`,
  `  analysis (Cardinal 11 + Thai 7 indicators over the stored releases, ${analysis?.flags} flags stored, risk weights recomputed): ${secs(analyseMs)} — ${Math.round(releases / (analyseMs / 1000))} releases/s`,
  `  recompute risk weights alone: ${secs(weightsMs)}; refresh the ranking summary alone: ${secs(summaryMs)} (${summaryRows} rows)`,
  `  rank all buyers (${ranked.total}): ${secs(rankBuyersMs)}; rank suppliers filtered by year + method: ${secs(rankSuppliersMs)}; rank buyers by year + value ≥ 500,000 baht (reads the releases): ${secs(rankValueMs)}`,
  `  peak RSS of the Node process: ${mb(peakRss)} (during the analysis: ${mb(analysisPeakRss)})`,
];
process.stdout.write(`${lines.join('\n')}\n`);
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
