/**
 * The `procurement.analyse` job: runs Cardinal's 11 indicators (the core engine, default settings)
 * and the Thai indicators over every stored release, in ocid order, as one fold; stores the flags
 * per contracting process in chunks of FLAG_CHUNK, each in its own transaction (upsert by ocid + code +
 * supplier, so answers and reviews stay attached; flags no longer produced are withdrawn once all
 * are written), the entity-level results, recomputes the per-process risk weights and the ranking
 * summary, and alerts watchers of new flags. Cardinal's fences are relative to the whole
 * stored dataset, so the analysis always covers all of it. Re-running it is safe (idempotent).
 */
import * as cardinal from '@prongsai/core/procurement/index.ts';
import {
  compileThaiConfig,
  createThaiState,
  finalizeThaiFlags,
  foldThaiRelease,
  indicatorTitle,
} from '@prongsai/core/procurement-th/index.ts';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { transaction } from '../../db/database.ts';
import type { ProcurementFlagsTable } from '../../db/tables.ts';
import { can } from '../../auth/policy.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Role } from '@prongsai/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { JobContext } from '../../platform/jobs.ts';
import { notify } from '../../platform/notifications.ts';
import type { Config } from '../../config.ts';
import { createProcurementRepository } from './procurement.repository.ts';
import { loadThresholds } from './thresholds-data.ts';

const BATCH = 2000;
/** Flags written per transaction. */
const FLAG_CHUNK = 5000;

/** Cardinal settings used by the server: every indicator on, defaults as `prongsai init` writes them. */
export function serverCardinalSettings(): cardinal.Settings {
  return cardinal.parseSettings(cardinal.DEFAULT_SETTINGS_INI);
}

export interface AnalysisOutcome {
  processes: number;
  flags: number;
  newFlags: number;
  withdrawn: number;
  alerts: number;
}

const ENTITY_GROUPS: Array<[cardinal.Group, 'buyer' | 'procuring_entity' | 'supplier']> = [
  ['Buyer', 'buyer'],
  ['ProcuringEntity', 'procuring_entity'],
  ['Tenderer', 'supplier'],
];

const MAP_OF: Partial<Record<string, cardinal.MapName>> = { R024: 'ocid_tenderer_r024', R028: 'ocid_tenderer_r028', R030: 'ocid_tenderer_r030', R035: 'ocid_tenderer_r035', R058: 'ocid_tenderer_r058' };

interface Checkpoint {
  computedAt: string;
  written: number;
  releases: string;
}

function resumePoint(checkpoint: unknown, fingerprint: string): { computedAt: Date; written: number } | null {
  const c = checkpoint as Partial<Checkpoint> | null | undefined;
  if (!c || typeof c.computedAt !== 'string' || typeof c.written !== 'number' || c.releases !== fingerprint) return null;
  return { computedAt: new Date(c.computedAt), written: c.written };
}

export function createAnalysisRunner(deps: { db: Database; clock: Clock; config: Config }, options: { flagChunk?: number } = {}) {
  const flagChunk = options.flagChunk ?? FLAG_CHUNK;
  const repo = createProcurementRepository();
  const { db, clock } = deps;

  /**
   * `checkpoint` is what a killed attempt last reported: { computedAt, written, releases }. The fold
   * itself is recomputed (the engines' states live in memory), but chunks already written are skipped
   * and the same computedAt is kept — provided the stored releases did not change in between
   * (`releases`: count + last update); otherwise the analysis starts over.
   */
  async function run(analysisId: string, report?: JobContext['reportProgress'], checkpoint?: unknown): Promise<AnalysisOutcome> {
    const startedAt = clock.now();
    await repo.updateAnalysis(db, analysisId, { status: 'running' });
    const thresholds = await loadThresholds(db);
    const officials = await repo.listOfficials(db);
    const cconfig = cardinal.compileFlagsConfig(serverCardinalSettings());
    const cstate = cardinal.createFlagsState(cconfig);
    const tconfig = compileThaiConfig({ versions: thresholds.versions, officials: officials.map((o) => ({ id: o.id, name: o.name, taxId: o.taxId, position: o.position, buyerIds: o.buyerIds })) });
    const tstate = createThaiState();
    const { total, fingerprint } = await repo.releasesFingerprint(db);
    const resume = resumePoint(checkpoint, fingerprint);
    let done = 0;
    let after = '';
    for (;;) {
      const rows = await repo.releasesAfter(db, after, BATCH);
      if (rows.length === 0) break;
      const buf = Buffer.from(rows.map((r) => r.json).join('\n'), 'utf8');
      cardinal.foldLines(cconfig, cstate, buf);
      for (const r of rows) foldThaiRelease(tconfig, tstate, JSON.parse(r.json));
      done += rows.length;
      after = rows[rows.length - 1]!.ocid;
      await report?.(done, total);
    }

    const cres = cardinal.finalizeFlags(cconfig, cstate, { meta: true, maps: true });
    const processes = Math.max(cstate.processes, tstate.processes);
    const computedAt = resume?.computedAt ?? clock.now();

    // Flags are produced lazily and written in chunks, each chunk in its own transaction, so the
    // analysis never holds every flag row (with its evidence JSON) in memory. A chunk committed before
    // a crash is harmless: the next analysis upserts the same keys again, and stale flags are only
    // withdrawn once every chunk of this analysis is written.
    function* flagRows(): Generator<Insertable<ProcurementFlagsTable>> {
      for (const [ocid, values] of cres.groups.OCID) {
        for (const code of cardinal.INDICATOR_CODES) {
          const value = values[code];
          if (value === undefined) continue;
          const meta = cres.meta?.get(code);
          const tenderers = MAP_OF[code] ? cres.maps?.get(MAP_OF[code]!)?.get(ocid) : undefined;
          yield {
            ocid,
            code,
            supplierId: '',
            source: 'cardinal',
            value,
            evidence: JSON.stringify({ value, title: indicatorTitle(code, 'en'), ...(meta ? { meta: Object.fromEntries(meta) } : {}), ...(tenderers ? { tenderers } : {}) }),
            thresholdsVersion: null,
            firstSeenAt: computedAt,
            computedAt,
          };
        }
      }
      // Cardinal yields one flag per (ocid, code); Thai flags are deduplicated by key (first one wins).
      const seen = new Set<string>();
      for (const f of finalizeThaiFlags(tconfig, tstate)) {
        const key = `${f.ocid}\u0000${f.code}\u0000${f.supplierId ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        yield { ocid: f.ocid, code: f.code, supplierId: f.supplierId ?? '', source: 'thai', value: f.value, evidence: JSON.stringify(f.evidence), thresholdsVersion: f.thresholdsVersion, firstSeenAt: computedAt, computedAt };
      }
    }
    const skip = resume?.written ?? 0;
    let flags = 0;
    let chunk: Insertable<ProcurementFlagsTable>[] = [];
    const flush = async () => {
      const rows = chunk;
      chunk = [];
      if (flags >= skip) await transaction(db, (tx) => repo.upsertFlags(tx, rows));
      flags += rows.length;
      if (flags > skip) await report?.(total, total, { computedAt: computedAt.toISOString(), written: flags, releases: fingerprint } satisfies Checkpoint);
    };
    for (const row of flagRows()) {
      chunk.push(row);
      if (chunk.length >= flagChunk) await flush();
    }
    if (chunk.length) await flush();
    // Counted in the database, so a resumed analysis counts the flags its killed attempt inserted.
    const newFlags = await repo.countFlagsFirstSeenAt(db, computedAt);

    const entityRows: Array<{ entityKind: 'buyer' | 'procuring_entity' | 'supplier'; entityId: string; code: string; value: number; computedAt: Date }> = [];
    for (const [group, kind] of ENTITY_GROUPS) {
      for (const [id, values] of cres.groups[group]) {
        for (const code of cardinal.INDICATOR_CODES) if (values[code] !== undefined) entityRows.push({ entityKind: kind, entityId: id, code, value: values[code]!, computedAt });
      }
    }
    const meta = cres.meta ? Object.fromEntries([...cres.meta].map(([k, m]) => [k, Object.fromEntries(m)])) : null;

    return transaction(db, async (tx) => {
      const withdrawn = await repo.withdrawFlagsNotComputedAt(tx, computedAt);
      await repo.replaceEntityFlags(tx, entityRows);
      await repo.recomputeRiskWeights(tx);
      await repo.refreshRiskSummary(tx);
      const alerts = newFlags > 0 ? await alertWatchers(tx as unknown as Database, computedAt) : 0;
      await repo.updateAnalysis(tx, analysisId, {
        status: 'done',
        processes: cstate.processes,
        flags,
        newFlags,
        meta: JSON.stringify({ cardinal: meta, startedAt: startedAt.toISOString(), thaiProcesses: tstate.processes }),
        finishedAt: clock.now(),
      });
      return { processes, flags, newFlags, withdrawn, alerts };
    });
  }

  /** One notification per watcher and watchlist, listing how many new flags concern what they watch (within their scope). */
  async function alertWatchers(tx: Database, computedAt: Date): Promise<number> {
    const pairs = await repo.watchersOf(tx, computedAt);
    if (pairs.length === 0) return 0;
    const memberships = await repo.membershipsOf(tx, [...new Set(pairs.map((p) => p.userId))]);
    const byUser = new Map<string, typeof pairs>();
    for (const p of pairs) {
      const actor: Actor = {
        kind: 'user',
        userId: p.userId,
        email: '',
        displayName: '',
        sessionIdHash: null,
        memberships: memberships.filter((m) => m.userId === p.userId).map((m) => ({ id: m.id, role: m.role as Role, organizationId: m.organizationId, provinceCode: m.provinceCode, paccRegion: m.paccRegion })),
      };
      const region = p.provinceCode ? (await tx.selectFrom('provinces').select('paccRegion').where('code', '=', p.provinceCode).executeTakeFirst())?.paccRegion ?? null : null;
      if (!can(actor, 'procurement.read', { organizationId: p.organizationId, provinceCode: p.provinceCode, paccRegion: region })) continue;
      (byUser.get(p.userId) ?? byUser.set(p.userId, []).get(p.userId)!).push(p);
    }
    let sent = 0;
    for (const [userId, list] of byUser) {
      const flags = new Set(list.map((l) => l.flagId));
      const subjects = [...new Set(list.map((l) => l.label ?? l.subjectId))].slice(0, 5).join(', ');
      sent += await notify(tx as never, [userId], {
        kind: 'procurement.watch',
        title: `ธงใหม่ ${flags.size} รายการในรายการเฝ้าระวัง / ${flags.size} new flag(s) on your watchlist`,
        body: `${subjects} — ${[...new Set(list.map((l) => l.code))].join(', ')}. ธงเป็นข้อสังเกต ไม่ใช่หลักฐาน / A flag is a lead, not proof.`,
        link: '/procurement/watchlists',
      }, { publicUrl: deps.config.PUBLIC_URL });
    }
    return sent;
  }

  return { run };
}
