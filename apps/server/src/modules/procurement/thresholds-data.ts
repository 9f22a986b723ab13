/**
 * The versioned thresholds of the Thai indicators and the risk weights live in tables; on first use
 * they are filled from data/thresholds/th-procurement.json (idempotent: existing versions and
 * weights are never overwritten, so a deployment's edits survive upgrades).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseThresholdsFile, parseThresholdVersion, type ThresholdVersion } from '@prongsai/core/procurement-th/index.ts';
import type { Database } from '../../db/database.ts';
import { createProcurementRepository } from './procurement.repository.ts';

export const THRESHOLDS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data/thresholds/th-procurement.json');

export interface LoadedThresholds {
  versions: ThresholdVersion[];
  weights: Record<string, number>;
}

const repo = createProcurementRepository();

export async function loadThresholds(db: Database): Promise<LoadedThresholds> {
  let sets = await repo.listThresholdSets(db);
  let weights = await repo.listWeights(db);
  if (sets.length === 0 || weights.length === 0) {
    const file = parseThresholdsFile(JSON.parse(fs.readFileSync(THRESHOLDS_FILE, 'utf8')));
    await repo.insertThresholdSets(db, file.versions.map((v) => ({ id: v.id, validFrom: v.validFrom, status: v.status, source: v.source, params: v })));
    await repo.insertWeights(db, file.riskWeights);
    sets = await repo.listThresholdSets(db);
    weights = await repo.listWeights(db);
  }
  return {
    versions: sets.map((s) => parseThresholdVersion(s.params)),
    weights: Object.fromEntries(weights.map((w) => [w.code, w.weight])),
  };
}
