/**
 * Plans at national scale: generate (bench/plans-generate.ts) all 7,849 LAOs × 2 cycles × 40 items
 * with 4+ years of progress, then time the province compiled view, the national roll-ups, and
 * p50/p99 of the public plan API (GET /api/v1/plans/{id}) under load with autocannon.
 *
 *   npx tsx bench/plans.ts                                   (PGlite, data kept in bench/out/plans-pglite)
 *   scripts/with-postgres.sh npx tsx bench/plans.ts          (PostgreSQL 15)
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=20 PLANS_ITEMS=40     (defaults; PLANS_PGLITE_DIR: another PGlite folder)
 */
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../apps/server/src/app.ts';
import { parseConfig } from '../apps/server/src/config.ts';
import { createPlansService } from '../apps/server/src/modules/plans/plans.service.ts';
import { createLocalFileStore } from '../apps/server/src/platform/file-store.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { ANONYMOUS, systemActor } from '../apps/server/src/auth/actor.ts';
import { BENCH_OUT as OUT, generatePlans, openBenchDatabase } from './plans-generate.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

async function timed<T>(label: string, runs: number, work: () => Promise<T>): Promise<{ label: string; medianMs: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { label, medianMs: Math.round(times[Math.floor(times.length / 2)]!), result };
}

async function main() {
  const { database, driver } = await openBenchDatabase();
  const db = database.db;
  const existing = await db.selectFrom('planItems').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) === 0) {
    console.log(`generating national plan data on ${driver}…`);
    const g = await generatePlans(db, { itemsPerPlan: Number(process.env.PLANS_ITEMS ?? 40), log: console.log });
    console.log(`generated ${g.plans.toLocaleString()} plans, ${g.items.toLocaleString()} items, ${g.budgets.toLocaleString()} budget rows, ${g.progressEntries.toLocaleString()} progress entries in ${g.seconds.toFixed(0)} s`);
  }
  const counts = await db.selectFrom('planProgressEntries').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const service = createPlansService({ db, clock: systemClock, fileStore: createLocalFileStore(path.join(OUT, 'files')) });
  const oversight = systemActor('bench');
  const figures = [
    await timed('province compiled view (ขอนแก่น, FY2567, all submitted plans)', 5, () => service.provinceCompiled(oversight, '40', 2567)),
    await timed('province compiled view (ขอนแก่น, FY2567, public)', 5, () => service.provinceCompiled(ANONYMOUS, '40', 2567)),
    await timed('province dashboard (ขอนแก่น, 2565-2568)', 5, () => service.provinceDashboard(oversight, '40', '2565-2568')),
    await timed('national roll-up by province (FY2567)', 3, () => service.rollup(ANONYMOUS, { fiscalYear: 2567, level: 'province' })),
    await timed('national roll-up, one row (FY2567)', 3, () => service.rollup(ANONYMOUS, { fiscalYear: 2567, level: 'nation' })),
    await timed('roll-up by dimension (FY2567)', 3, () => service.rollup(ANONYMOUS, { fiscalYear: 2567, level: 'dimension' })),
  ];
  for (const f of figures) console.log(`${f.label}: ${f.medianMs} ms (median)`);
  const compiled = figures[0]!.result as Awaited<ReturnType<typeof service.provinceCompiled>>;
  console.log(`  compiled: ${compiled.organizations} organisations, ${compiled.items.toLocaleString()} items`);

  // Public plan API under load: published plans, rotating through 200 of them.
  const ids = (await db.selectFrom('plans').select('id').where('status', '=', 'published').orderBy('id').limit(200).execute()).map((r) => r.id);
  const app = await buildApp({ config: parseConfig({ LOG_LEVEL: 'silent', DATA_DIR: OUT }), database, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  let k = 0;
  const run = await autocannon({ url: address, connections: CONNECTIONS, duration: SECONDS, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/plans/${ids[k++ % ids.length]}` }) }] });
  console.log(`GET /api/v1/plans/{id} (40 items, published, ${CONNECTIONS} connections, ${SECONDS} s): p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms, ${Math.round(run.requests.average)} req/s, errors ${run.errors + run.non2xx}`);
  let j = 0;
  const codes = (await db.selectFrom('plans').innerJoin('organizations', 'organizations.id', 'plans.organizationId').select('organizations.code').where('plans.status', '=', 'published').orderBy('plans.id').limit(200).execute()).map((r) => r.code);
  const list = await autocannon({ url: address, connections: CONNECTIONS, duration: SECONDS, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/organizations/${codes[j++ % codes.length]}/plans` }) }] });
  console.log(`GET /api/v1/organizations/{code}/plans: p50 ${list.latency.p50} ms, p99 ${list.latency.p99} ms, ${Math.round(list.requests.average)} req/s, errors ${list.errors + list.non2xx}`);
  console.log(`(${driver}; ${Number(counts.n).toLocaleString()} progress entries in the database)`);
  await app.close();
  await database.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
