/**
 * Loads the plan frameworks, cycles and the default rubric shipped in data/frameworks/ (sources in
 * its README). Idempotent and additive: a framework version, cycle or rubric already in the
 * database is left alone, so national staff's edits survive restarts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plans as planRules } from '@prongsai/core';
import type { Database } from '../../db/database.ts';
import { recordAudit } from '../../audit/audit.ts';
import { systemActor } from '../../auth/actor.ts';
import { createPlansRepository } from './plans.repository.ts';

export const FRAMEWORKS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data/frameworks');

interface FrameworkFile {
  code: string;
  version: string;
  nameTh: string;
  nameEn?: string;
  cycleFirstYear?: number;
  cycleLastYear?: number;
  sourceNote: string;
  status?: 'draft' | 'active' | 'retired';
  nodes: Array<{ code: string; titleTh: string; titleEn?: string; unconfirmed?: boolean; sourceNote?: string }>;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(FRAMEWORKS_DIR, file), 'utf8')) as T;

export async function loadPlanFrameworks(db: Database, log: (line: string) => void = () => {}): Promise<{ frameworks: number; cycles: number; rubrics: number }> {
  const repo = createPlansRepository();
  const actor = systemActor('plan-frameworks');
  const added = { frameworks: 0, cycles: 0, rubrics: 0 };
  const files = fs.readdirSync(FRAMEWORKS_DIR).filter((f) => f.endsWith('.json') && f !== 'cycles.json' && f !== 'rubrics.json').sort();
  await db.transaction().execute(async (tx) => {
    await repo.lockFrameworkLoad(tx);
    for (const file of files) {
      const f = readJson<FrameworkFile>(file);
      if (await repo.findFrameworkByVersion(tx, f.code, f.version)) continue;
      const problems = planRules.validateFramework(f.nodes);
      if (problems.length > 0) throw new Error(`data/frameworks/${file}: ${JSON.stringify(problems)}`);
      const row = await repo.insertFramework(tx, {
        code: f.code, version: f.version, nameTh: f.nameTh, nameEn: f.nameEn ?? null, cycleFirstYear: f.cycleFirstYear ?? null, cycleLastYear: f.cycleLastYear ?? null,
        sourceNote: `${f.sourceNote} (data/frameworks/${file})`, status: f.status ?? 'active',
      });
      await repo.replaceNodes(tx, row.id, planRules.normalizeFrameworkNodes(f.nodes).map((n) => ({
        code: n.code, parentCode: n.parentCode, level: n.level, position: n.position, titleTh: n.titleTh, titleEn: n.titleEn ?? null, unconfirmed: n.unconfirmed ?? false, sourceNote: n.sourceNote ?? null,
      })));
      await recordAudit(tx, actor, { action: 'plan_framework.load', subjectType: 'plan_framework', subjectId: row.id, after: { code: f.code, version: f.version, file } });
      added.frameworks++;
    }
    const { cycles } = readJson<{ cycles: Array<{ code: string; firstYear: number; lastYear: number; labelTh: string; framework: string; active: boolean; sourceNote: string }> }>('cycles.json');
    for (const c of cycles) {
      if (await repo.findCycleByCode(tx, c.code)) continue;
      const [code, version] = c.framework.split('@') as [string, string];
      const framework = await repo.findFrameworkByVersion(tx, code, version);
      const row = await repo.insertCycle(tx, { code: c.code, firstYear: c.firstYear, lastYear: c.lastYear, labelTh: c.labelTh, defaultFrameworkId: framework?.id ?? null, active: c.active, sourceNote: c.sourceNote });
      if (row) {
        await recordAudit(tx, actor, { action: 'plan_cycle.load', subjectType: 'plan_cycle', subjectId: row.id, after: row });
        added.cycles++;
      }
    }
    const { rubrics } = readJson<{ rubrics: Array<{ code: string; version: number; nameTh: string; nameEn?: string; isOfficial: boolean; sourceNote: string; criteria: Array<{ dimensionCode: string | null; textTh: string; textEn?: string; maxPoints: number }> }> }>('rubrics.json');
    for (const r of rubrics) {
      const existing = (await repo.listRubrics(tx)).find((x) => x.code === r.code && x.version === r.version);
      if (existing) continue;
      const row = await repo.insertRubric(
        tx,
        { code: r.code, version: r.version, nameTh: r.nameTh, nameEn: r.nameEn ?? null, isOfficial: r.isOfficial, sourceNote: r.sourceNote, active: true },
        r.criteria.map((c) => ({ dimensionCode: c.dimensionCode, textTh: c.textTh, textEn: c.textEn ?? null, maxPoints: c.maxPoints })),
      );
      await recordAudit(tx, actor, { action: 'plan_rubric.load', subjectType: 'plan_rubric', subjectId: row.id, after: { code: r.code, version: r.version } });
      added.rubrics++;
    }
  });
  if (added.frameworks + added.cycles + added.rubrics > 0) log(`plans: loaded ${added.frameworks} frameworks, ${added.cycles} cycles, ${added.rubrics} rubrics from data/frameworks`);
  return added;
}
