/**
 * Deterministic national-scale plan data for benchmarks: every local government (7,849 LAOs) ×
 * 2 cycles (2565–2568 under the 2561–2564 framework, 2569–2572 under the 2566–2570 one) × 40
 * items, budgets per fiscal year, and 6-/12-month progress for 4 fiscal years (2565–2568) plus
 * FY2569. Generated inside the database with generate_series and md5-derived numbers, so the same
 * input always gives the same rows on PGlite and PostgreSQL, and nothing streams through Node.
 *
 *   npx tsx bench/plans-generate.ts            (PGlite in bench/out/plans-pglite; DATABASE_URL for PostgreSQL)
 *   PLANS_ITEMS=40                             (items per plan)
 *   PLANS_PGLITE_DIR=tmp/plans-pglite          (another PGlite data folder, e.g. one kept between runs)
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database, type DatabaseHandle } from '../apps/server/src/db/database.ts';
import { migrate } from '../apps/server/src/db/migrate.ts';
import { loadReferenceData } from '../apps/server/src/modules/organizations/reference-data.ts';
import { loadPlanFrameworks } from '../apps/server/src/modules/plans/framework-data.ts';

export const BENCH_OUT = path.join(import.meta.dirname, 'out');

/** The benchmark database: PostgreSQL with DATABASE_URL, else PGlite in PLANS_PGLITE_DIR (default bench/out/plans-pglite). */
export async function openBenchDatabase(): Promise<{ database: DatabaseHandle; driver: string }> {
  fs.mkdirSync(BENCH_OUT, { recursive: true });
  const url = process.env.DATABASE_URL;
  const database = url
    ? await openDatabase({ databaseUrl: url, poolSize: 10 })
    : await openDatabase({ dataDir: path.resolve(process.env.PLANS_PGLITE_DIR ?? path.join(BENCH_OUT, 'plans-pglite')) });
  await migrate(database.db);
  await loadReferenceData(database.db);
  return { database, driver: database.driver };
}

/** A deterministic RFC 4122-shaped (version 4, variant 8) UUID from text, as the API's schemas expect. */
const uuid = (expr: string) => sql.raw(`overlay(overlay(md5(${expr}) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid`);
/** A deterministic integer 0 … 2^31−1 from text. */
const h = (expr: string) => `(('x' || substr(md5(${expr}), 1, 8))::bit(32)::int & 2147483647)`;

export interface GenerateResult {
  plans: number;
  items: number;
  budgets: number;
  progressEntries: number;
  seconds: number;
}

export async function generatePlans(db: Database, options: { itemsPerPlan?: number; log?: (line: string) => void } = {}): Promise<GenerateResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const n = options.itemsPerPlan ?? 40;
  await loadPlanFrameworks(db);
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const t0 = performance.now();
    const r = await query.execute(db);
    log(`  ${label}: ${Number(r.numAffectedRows ?? 0).toLocaleString()} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return Number(r.numAffectedRows ?? 0);
  };
  const lao = sql.raw(`o.kind in ('pao', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao', 'special') and o.code ~ '^[0-9]{7}$'`);
  const plans = await step('plans', sql`
    insert into plans (id, lineage_id, version, organization_id, cycle_id, framework_id, title_th, status, part1, working_group, coverage_reasons, reporting_rounds, created_at, updated_at, submitted_at, accepted_at, published_at)
    select ${uuid(`'plan:' || o.code || ':' || c.code`)}, ${uuid(`'lineage:' || o.code || ':' || c.code`)}, 1, o.id, c.id, c.default_framework_id,
      'แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ' || c.first_year || '–' || c.last_year || ') ' || o.name_th,
      s.status, '{}', '{}', '{}', '["6m","12m"]', t.at, t.at,
      case when s.status in ('submitted', 'returned', 'accepted', 'published') then t.at end,
      case when s.status in ('accepted', 'published') then t.at end,
      case when s.status = 'published' then t.at end
    from organizations o cross join plan_cycles c
    cross join lateral (select ${sql.raw(h(`o.code || c.code`))} % 100 as r) x
    cross join lateral (select case when x.r < 70 then 'published' when x.r < 80 then 'accepted' when x.r < 88 then 'submitted' when x.r < 93 then 'returned' else 'draft' end as status) s
    cross join lateral (select make_timestamptz(c.first_year - 544, 11, 1 + x.r % 28, 3, 0, 0, 'UTC') as at) t
    where ${lao} and c.code in ('2565-2568', '2569-2572')
    on conflict do nothing`);
  const items = await step('items', sql`
    insert into plan_items (id, plan_id, item_key, position, type, framework_code, dimension_code, name_th, no_budget, responsible_unit, quarters, remarks, sheet, has_kpis, updated_by_label)
    select ${uuid(`'item:' || p.id || ':' || g.i`)}, p.id, ${uuid(`'key:' || p.lineage_id || ':' || g.i`)}, g.i,
      (array['project', 'activity', 'measure', 'guideline'])[1 + ${sql.raw(h(`p.id::text || g.i`))} % 4],
      f.codes[1 + (g.i - 1) % array_length(f.codes, 1)], split_part(f.codes[1 + (g.i - 1) % array_length(f.codes, 1)], '.', 1),
      (array['โครงการอบรมคุณธรรมจริยธรรม', 'กิจกรรมเผยแพร่ข้อมูลข่าวสาร', 'มาตรการจัดการเรื่องร้องเรียน', 'โครงการส่งเสริมการมีส่วนร่วมของประชาชน', 'กิจกรรมตรวจสอบภายใน'])[1 + g.i % 5] || ' ครั้งที่ ' || g.i,
      ${sql.raw(h(`'nb' || p.id::text || g.i`))} % 3 = 0, 'สำนักปลัด', '[2,3]', '',
      '{"kpis":[{"id":"k1","nameTh":"จำนวนผู้เข้าร่วม","unit":"คน","target":100,"kind":"output"}]}', true, 'bench'
    from plans p
    join (select framework_id, array_agg(code order by position) filter (where level >= 2) as codes from plan_framework_nodes group by framework_id) f on f.framework_id = p.framework_id
    cross join generate_series(1, ${n}) as g(i)
    on conflict do nothing`);
  const budgets = await step('budgets', sql`
    insert into plan_item_budgets (item_id, fiscal_year, amount_satang)
    select i.id, y.fy, (1 + ${sql.raw(h(`i.id::text || y.fy`))} % 50) * 100000
    from plan_items i join plans p on p.id = i.plan_id join plan_cycles c on c.id = p.cycle_id
    cross join lateral generate_series(c.first_year, c.last_year) as y(fy)
    where not i.no_budget and i.updated_by_label = 'bench'
    on conflict do nothing`);
  const reports = await step('progress reports', sql`
    insert into plan_progress_reports (plan_id, fiscal_year, round, status, summary, submitted_at)
    select p.id, y.fy, r.round, 'submitted', '', make_timestamptz(y.fy - 543, case when r.round = '6m' then 4 else 10 end, 20, 3, 0, 0, 'UTC')
    from plans p join plan_cycles c on c.id = p.cycle_id
    cross join lateral generate_series(c.first_year, least(c.last_year, 2569)) as y(fy)
    cross join (values ('6m'), ('12m')) as r(round)
    where p.status in ('accepted', 'published') and exists (select 1 from plan_items i where i.plan_id = p.id and i.updated_by_label = 'bench')
    on conflict do nothing`);
  void reports;
  const progressEntries = await step('progress entries', sql`
    insert into plan_progress_entries (report_id, item_id, status, percent, spent_satang, outputs, kpi_actuals, links, note, updated_by_label)
    select r.id, i.id, s.status, case s.status when 'completed' then 100 when 'not_started' then 0 when 'cancelled' then 0 else 20 + x.v % 70 end,
      case when s.status in ('completed', 'in_progress', 'delayed') then coalesce(b.amount_satang, 0) * (50 + x.v % 50) / 100 else 0 end,
      '', ('[{"kpiId":"k1","actual":' || (x.v % 150) || '}]')::jsonb, '[]', '', 'bench'
    from plan_progress_reports r join plan_items i on i.plan_id = r.plan_id
    left join plan_item_budgets b on b.item_id = i.id and b.fiscal_year = r.fiscal_year
    cross join lateral (select ${sql.raw(h(`i.id::text || r.fiscal_year || r.round`))} as v) x
    cross join lateral (select case when r.round = '12m' then (case when x.v % 10 < 8 then 'completed' when x.v % 10 < 9 then 'delayed' else 'cancelled' end)
                                    else (case when x.v % 10 < 3 then 'completed' when x.v % 10 < 8 then 'in_progress' else 'not_started' end) end as status) s
    where i.updated_by_label = 'bench'
    on conflict do nothing`);
  // The roll-up totals per plan, year and dimension (the app keeps them on every write; bulk SQL does not).
  await step('roll-up totals', sql`select plan_year_totals_refresh(array(select id from plans))`);
  await sql`analyze`.execute(db);
  return { plans, items, budgets, progressEntries, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { database } = await openBenchDatabase();
  const r = await generatePlans(database.db, { itemsPerPlan: Number(process.env.PLANS_ITEMS ?? 40), log: console.log });
  console.log(r);
  await database.close();
}
