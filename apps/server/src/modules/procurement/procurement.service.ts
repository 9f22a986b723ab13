/**
 * Use cases of procurement surveillance: imports and analyses (as jobs), flags per process / buyer /
 * supplier with explanations, the DOZORRO loop (the buyer answers: flag.respond; the oversight office
 * reviews: flag.review), risk ranking, the flag map, watchlists, the officials list (TH07), OCDS
 * export. Every method takes an Actor and asks the policy; every write is audited in its transaction.
 *
 * Who sees what:
 * - oversight roles (procurement.read) see every flag of processes in their scope, with the review note;
 * - the buyer organisation's editors/admins (flag.respond) see their own organisation's flags, without
 *   the confidential TH07 list details and the internal review note;
 * - the public sees flags as leads once the agency has had its chance to answer: answered, reviewed,
 *   or older than PUBLIC_AFTER_DAYS; never TH07; never the review note or list details.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  explainFlag,
  indicatorTitle,
  LEAD_NOT_PROOF,
  riskScore,
  THAI_INDICATOR_CODES,
  THAI_INDICATORS,
  type EvidenceValue,
} from '@prongsai/core/procurement-th/index.ts';
import { INDICATOR_CODES } from '@prongsai/core/procurement/settings.ts';
import type { ListFlagsQuery, ProcurementFlag, RiskQuery } from '@prongsai/contracts';
import type { Actor } from '../../auth/actor.ts';
import { assertCan, isEmptyScope, visibleScope, type ResourceScope, type VisibleScope } from '../../auth/policy.ts';
import { recordAudit, type RequestContext } from '../../audit/audit.ts';
import type { Config } from '../../config.ts';
import { transaction, type Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { saveFile, type FileStore } from '../../platform/file-store.ts';
import type { JobQueue } from '../../platform/jobs.ts';
import { toJobView } from '../jobs/jobs.service.ts';
import { importDir } from './procurement-import.ts';
import { ENTITY_LEVEL_CODES, PUBLIC_AFTER_DAYS, createProcurementRepository, type ProcessFilter } from './procurement.repository.ts';
import { loadThresholds } from './thresholds-data.ts';

export const RISK_METHOD =
  'score = Σ_c w_c · n_c / N + Σ_e w_e — N: the entity’s processes in the selection; n_c: those flagged with indicator c (once per process); w: weights from procurement_risk_weights (data/thresholds/th-procurement.json); e: entity-level Cardinal flags (R025, R038, R048). A high score means “look here first”, never “corrupt”.';

type Viewer = 'oversight' | 'agency' | 'public';
const CONFIDENTIAL_EVIDENCE = ['officialName', 'officialPosition', 'listEntryIds'];

function formatOf(fileName: string, given?: 'jsonl' | 'json' | 'csv'): 'jsonl' | 'json' | 'csv' {
  if (given) return given;
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  throw new AppError('UNSUPPORTED_FILE', { fileName, expected: '.jsonl, .json or .csv' });
}

function anyScope(actor: Actor, permission: 'procurement.import' | 'procurement.read'): VisibleScope {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const scope = visibleScope(actor, permission);
  if (isEmptyScope(scope)) throw new AppError('FORBIDDEN');
  return scope;
}

function toFilter(q: Partial<RiskQuery & ListFlagsQuery>): ProcessFilter {
  return {
    provinceCode: q.province,
    paccRegion: q.region,
    thaiMethod: q.method,
    fiscalYear: q.year,
    minValueSatang: q.minValue === undefined ? undefined : BigInt(q.minValue) * 100n,
    maxValueSatang: q.maxValue === undefined ? undefined : BigInt(q.maxValue) * 100n,
    organizationCode: q.organization,
    buyerId: q.buyer,
  };
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export function createProcurementService(deps: { db: Database; clock: Clock; config: Config; queue: JobQueue; store: FileStore }) {
  const { db, clock, queue } = deps;
  const repo = createProcurementRepository();

  type FlagRow = NonNullable<Awaited<ReturnType<typeof repo.findFlag>>>;

  function toFlagView(row: FlagRow & { processTitle?: string | null }, viewer: Viewer): ProcurementFlag {
    const evidence = JSON.parse(row.evidenceJson) as Record<string, EvidenceValue>;
    if (viewer !== 'oversight') for (const k of CONFIDENTIAL_EVIDENCE) delete evidence[k];
    return {
      id: row.id,
      ocid: row.ocid,
      code: row.code,
      title: indicatorTitle(row.code, 'th'),
      titleEn: indicatorTitle(row.code, 'en'),
      explanation: explainFlag(row.code, row.value, evidence, 'th'),
      explanationEn: explainFlag(row.code, row.value, evidence, 'en'),
      source: row.source,
      value: row.value,
      supplierId: row.supplierId || null,
      evidence,
      thresholdsVersion: row.thresholdsVersion,
      firstSeenAt: iso(row.firstSeenAt)!,
      withdrawn: row.withdrawnAt !== null,
      status: row.status,
      response: row.response,
      respondedAt: iso(row.respondedAt),
      reviewOutcome: row.reviewOutcome,
      reviewNote: viewer === 'oversight' ? row.reviewNote : null,
      reviewedAt: iso(row.reviewedAt),
      buyerId: row.buyerId,
      buyerName: row.buyerName,
      organizationCode: row.organizationCode,
      provinceCode: row.provinceCode,
      processTitle: row.processTitle ?? null,
      valueSatang: row.valueSatang,
      fiscalYear: row.fiscalYear,
    };
  }

  const scopeOfFlag = (row: FlagRow): ResourceScope => ({ organizationId: row.organizationId, provinceCode: row.provinceCode, paccRegion: row.paccRegion ?? null });

  /** The oversight scope plus, for agency roles, their own organisations. */
  function readScopes(actor: Actor): { oversight: VisibleScope; agency: VisibleScope } {
    return { oversight: visibleScope(actor, 'procurement.read'), agency: visibleScope(actor, 'flag.respond') };
  }

  async function enqueueImport(actor: Actor, input: { fileName: string; format: 'jsonl' | 'json' | 'csv'; sizeBytes: number; fileId?: string | null; serverPath?: string | null }, context: RequestContext, tx: Database) {
    const userId = actor.kind === 'user' ? actor.userId : null;
    const imp = await repo.insertImport(tx, { fileName: input.fileName, format: input.format, sizeBytes: String(input.sizeBytes), fileId: input.fileId ?? null, serverPath: input.serverPath ?? null, createdBy: userId });
    const jobId = await queue.enqueue(tx, { kind: 'procurement.import', payload: { importId: imp.id }, createdBy: userId });
    await repo.updateImport(tx, imp.id, { jobId });
    await recordAudit(tx as never, actor, { action: 'procurement.import.create', subjectType: 'procurement_import', subjectId: imp.id, after: { fileName: input.fileName, format: input.format, sizeBytes: input.sizeBytes, serverPath: input.serverPath ?? null } }, context);
    return imp.id;
  }

  async function importView(id: string) {
    const imp = await repo.findImport(db, id);
    if (!imp) throw new AppError('NOT_FOUND', { import: id });
    const job = imp.jobId ? await queue.get(imp.jobId) : undefined;
    return {
      id: imp.id,
      fileName: imp.fileName,
      format: imp.format,
      sizeBytes: Number(imp.sizeBytes),
      status: imp.status,
      linesDone: Number(imp.linesDone),
      releasesUpserted: Number(imp.releasesUpserted),
      errorsCount: Number(imp.errorsCount),
      warningsCount: Number(imp.warningsCount),
      createdAt: iso(imp.createdAt)!,
      finishedAt: iso(imp.finishedAt),
      job: job ? toJobView(job) : null,
      createdBy: imp.createdBy,
    };
  }

  async function assertCanSeeImport(actor: Actor, id: string) {
    const scope = anyScope(actor, 'procurement.import');
    const view = await importView(id);
    if (!scope.national && !(actor.kind === 'user' && view.createdBy === actor.userId)) throw new AppError('NOT_FOUND', { import: id });
    return view;
  }

  return {
    // Imports ------------------------------------------------------------------------------------
    async importUpload(actor: Actor, file: { fileName: string; format?: 'jsonl' | 'json' | 'csv'; data: Readable | Buffer }, context: RequestContext) {
      anyScope(actor, 'procurement.import');
      const format = formatOf(file.fileName, file.format);
      const id = await transaction(db, async (tx) => {
        const stored = await saveFile(tx as never, deps.store, { fileName: file.fileName, contentType: format === 'csv' ? 'text/csv' : 'application/json', data: file.data, uploadedBy: actor.kind === 'user' ? actor.userId : null });
        return enqueueImport(actor, { fileName: file.fileName, format, sizeBytes: Number(stored.sizeBytes), fileId: stored.id }, context, tx as never);
      });
      return importView(id);
    },

    async importFromPath(actor: Actor, body: { path: string; format?: 'jsonl' | 'json' | 'csv' | undefined }, context: RequestContext) {
      anyScope(actor, 'procurement.import');
      const root = path.resolve(importDir(deps.config));
      const full = path.resolve(root, body.path);
      if (!full.startsWith(root + path.sep)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'path', message: `must be inside ${root}` }] });
      const stat = await fs.promises.stat(full).catch(() => undefined);
      if (!stat?.isFile()) throw new AppError('NOT_FOUND', { path: body.path });
      const format = formatOf(full, body.format);
      const id = await transaction(db, (tx) => enqueueImport(actor, { fileName: path.basename(full), format, sizeBytes: stat.size, serverPath: full }, context, tx as never));
      return importView(id);
    },

    async getImport(actor: Actor, id: string) {
      const { createdBy: _c, ...view } = await assertCanSeeImport(actor, id);
      return view;
    },

    async listImports(actor: Actor) {
      const scope = anyScope(actor, 'procurement.import');
      const rows = await repo.listImports(db, scope.national ? null : actor.kind === 'user' ? actor.userId : '00000000-0000-0000-0000-000000000000', 50);
      return Promise.all(rows.map(async (r) => {
        const { createdBy: _c, ...view } = await importView(r.id);
        return view;
      }));
    },

    async listImportIssues(actor: Actor, id: string, limit: number, offset: number) {
      await assertCanSeeImport(actor, id);
      const out = await repo.listIssues(db, id, limit, offset);
      return { total: out.total, items: out.items.map((i) => ({ ...i, line: Number(i.line) })) };
    },

    // Analyses -----------------------------------------------------------------------------------
    async startAnalysis(actor: Actor, context: RequestContext) {
      anyScope(actor, 'procurement.import');
      const id = await transaction(db, async (tx) => {
        const userId = actor.kind === 'user' ? actor.userId : null;
        const a = await repo.insertAnalysis(tx, { jobId: null, createdBy: userId });
        const jobId = await queue.enqueue(tx as never, { kind: 'procurement.analyse', payload: { analysisId: a.id }, createdBy: userId });
        await repo.updateAnalysis(tx, a.id, { jobId });
        await recordAudit(tx, actor, { action: 'procurement.analysis.start', subjectType: 'procurement_analysis', subjectId: a.id }, context);
        return a.id;
      });
      return this.getAnalysis(actor, id);
    },

    async getAnalysis(actor: Actor, id: string) {
      anyScope(actor, 'procurement.import');
      const a = await repo.findAnalysis(db, id);
      if (!a) throw new AppError('NOT_FOUND', { analysis: id });
      const job = a.jobId ? await queue.get(a.jobId) : undefined;
      return { id: a.id, status: a.status, processes: Number(a.processes), flags: Number(a.flags), newFlags: Number(a.newFlags), createdAt: iso(a.createdAt)!, finishedAt: iso(a.finishedAt), job: job ? toJobView(job) : null };
    },

    // Flags --------------------------------------------------------------------------------------
    async listFlags(actor: Actor, q: ListFlagsQuery) {
      if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      const { oversight, agency } = readScopes(actor);
      const filter = { ...toFilter(q), code: q.code, status: q.status, supplierId: q.supplier, ocid: q.ocid };
      if (!isEmptyScope(oversight)) {
        const out = await repo.listFlags(db, filter, oversight, clock.now(), q.limit, q.offset);
        return { total: out.total, items: out.items.map((r) => toFlagView(r, 'oversight')), leadNotProof: LEAD_NOT_PROOF.th, leadNotProofEn: LEAD_NOT_PROOF.en };
      }
      if (!isEmptyScope(agency)) {
        const out = await repo.listFlags(db, filter, agency, clock.now(), q.limit, q.offset);
        return { total: out.total, items: out.items.map((r) => toFlagView(r, 'agency')), leadNotProof: LEAD_NOT_PROOF.th, leadNotProofEn: LEAD_NOT_PROOF.en };
      }
      throw new AppError('FORBIDDEN');
    },

    /** Open data: flags as leads, with the agency's answer (see the rule at the top of this file). */
    async listPublicFlags(q: ListFlagsQuery) {
      const filter = { ...toFilter(q), code: q.code, status: q.status, supplierId: q.supplier, ocid: q.ocid };
      const out = await repo.listFlags(db, filter, 'public', clock.now(), q.limit, q.offset);
      return { total: out.total, items: out.items.map((r) => toFlagView(r, 'public')), leadNotProof: LEAD_NOT_PROOF.th, leadNotProofEn: LEAD_NOT_PROOF.en };
    },

    async getProcess(actor: Actor, ocid: string) {
      const row = await repo.findProcess(db, ocid);
      if (!row) throw new AppError('NOT_FOUND', { ocid });
      const scope: ResourceScope = { organizationId: row.organizationId, provinceCode: row.provinceCode, paccRegion: row.paccRegion ?? null };
      const { oversight, agency } = readScopes(actor);
      const covers = (s: VisibleScope) => s.national || (scope.organizationId !== null && s.organizationIds.includes(scope.organizationId)) || (scope.provinceCode !== null && s.provinceCodes.includes(scope.provinceCode)) || (scope.paccRegion !== null && s.paccRegions.includes(scope.paccRegion));
      const viewer: Viewer = covers(oversight) ? 'oversight' : covers(agency) ? 'agency' : 'public';
      const flags = await repo.listFlags(db, { ocid, includeWithdrawn: viewer !== 'public' }, viewer === 'public' ? 'public' : viewer === 'oversight' ? oversight : agency, clock.now(), 200, 0);
      return {
        ocid: row.ocid,
        title: row.title,
        buyerId: row.buyerId,
        buyerName: row.buyerName,
        organizationCode: row.organizationCode,
        provinceCode: row.provinceCode,
        procurementMethod: row.procurementMethod,
        methodDetails: row.methodDetails,
        thaiMethod: row.thaiMethod,
        valueSatang: row.valueSatang,
        referenceSatang: row.referenceSatang,
        tenderers: row.tenderers,
        awardDate: row.awardDate,
        fiscalYear: row.fiscalYear,
        suppliers: await repo.suppliersOf(db, ocid),
        flags: flags.items.map((r) => toFlagView(r, viewer)),
      };
    },

    async respond(actor: Actor, id: string, response: string, context: RequestContext) {
      const row = await repo.findFlag(db, id);
      if (!row) throw new AppError('NOT_FOUND', { flag: id });
      assertCan(actor, 'flag.respond', scopeOfFlag(row));
      if (row.withdrawnAt) throw new AppError('INVALID_TRANSITION', { flag: id, reason: 'withdrawn' });
      await transaction(db, async (tx) => {
        const after = await repo.respondToFlag(tx, id, response, actor.kind === 'user' ? actor.userId : null, clock.now());
        await recordAudit(tx, actor, { action: 'procurement.flag.respond', subjectType: 'procurement_flag', subjectId: id, organizationId: row.organizationId, before: { status: row.status, response: row.response }, after: { status: after.status, response } }, context);
      });
      return toFlagView({ ...(await repo.findFlag(db, id))! }, 'agency');
    },

    async review(actor: Actor, id: string, body: { outcome: 'cleared' | 'noted' | 'referred'; note: string }, context: RequestContext) {
      const row = await repo.findFlag(db, id);
      if (!row) throw new AppError('NOT_FOUND', { flag: id });
      assertCan(actor, 'flag.review', scopeOfFlag(row));
      await transaction(db, async (tx) => {
        const after = await repo.reviewFlag(tx, id, body.outcome, body.note, actor.kind === 'user' ? actor.userId : null, clock.now());
        await recordAudit(tx, actor, { action: 'procurement.flag.review', subjectType: 'procurement_flag', subjectId: id, organizationId: row.organizationId, before: { status: row.status, reviewOutcome: row.reviewOutcome }, after: { status: after.status, reviewOutcome: body.outcome, note: body.note } }, context);
      });
      return toFlagView((await repo.findFlag(db, id))!, 'oversight');
    },

    // Risk and map -------------------------------------------------------------------------------
    async risk(actor: Actor, q: RiskQuery) {
      const scope = anyScope(actor, 'procurement.read');
      const out = await repo.rankRisk(db, q.entity, toFilter(q), scope, q.minProcesses, q.limit, q.offset);
      return { total: out.total, method: RISK_METHOD, items: out.items.map((r, i) => ({ ...r, rank: q.offset + i + 1, entity: q.entity, score: Number(r.score) })) };
    },

    async riskDetail(actor: Actor, entity: 'buyer' | 'supplier', id: string, q: RiskQuery) {
      const scope = anyScope(actor, 'procurement.read');
      const { weights } = await loadThresholds(db);
      const b = await repo.riskBreakdown(db, entity, id, toFilter(q), scope);
      if (b.processes === 0) throw new AppError('NOT_FOUND', { [entity]: id });
      const s = riskScore({ processes: b.processes, flaggedProcesses: Object.fromEntries(b.byCode.map((c) => [c.code, c.count])), entityFlags: b.entityCodes }, weights);
      return { entity, id, processes: b.processes, score: s.score, components: s.components, method: RISK_METHOD };
    },

    async flagMap(actor: Actor, q: { year?: number | undefined; code?: string | undefined }) {
      const oversight = actor.kind === 'anonymous' ? undefined : visibleScope(actor, 'procurement.read');
      const scope = oversight && !isEmptyScope(oversight) ? oversight : 'public';
      return { provinces: await repo.flagMap(db, { fiscalYear: q.year, code: q.code }, scope, clock.now()) };
    },

    async indicators() {
      const { versions, weights } = await loadThresholds(db);
      const latest = versions[versions.length - 1]!;
      const thai = THAI_INDICATOR_CODES.map((code) => {
        const d = THAI_INDICATORS[code];
        return {
          code,
          source: 'thai' as const,
          title: d.title.th,
          titleEn: d.title.en,
          definition: d.definition.th,
          definitionEn: d.definition.en,
          legalReference: d.legalReference.th,
          legalReferenceEn: d.legalReference.en,
          legalReferenceCertain: d.legalReference.certain,
          parameters: (latest as unknown as Record<string, Record<string, unknown>>)[code] ?? null,
          weight: weights[code] ?? 1,
        };
      });
      const card = INDICATOR_CODES.map((code) => ({
        code,
        source: 'cardinal' as const,
        title: indicatorTitle(code, 'th'),
        titleEn: indicatorTitle(code, 'en'),
        definition: null,
        definitionEn: `Open Contracting Partnership's Cardinal indicator ${code}; same rule and settings as ocdscardinal 0.0.8${ENTITY_LEVEL_CODES.includes(code) ? ' (also an entity-level result)' : ''}.`,
        legalReference: null,
        legalReferenceEn: null,
        legalReferenceCertain: null,
        parameters: null,
        weight: weights[code] ?? 1,
      }));
      return { thresholdsVersion: latest.id, thresholdsStatus: latest.status, leadNotProof: LEAD_NOT_PROOF.th, leadNotProofEn: LEAD_NOT_PROOF.en, riskMethod: RISK_METHOD, indicators: [...card, ...thai] };
    },

    // Officials (TH07) ---------------------------------------------------------------------------
    async listOfficials(actor: Actor) {
      anyScope(actor, 'procurement.read');
      return repo.listOfficials(db);
    },
    async replaceOfficials(actor: Actor, officials: Array<{ name: string; taxId?: string | undefined; position?: string | undefined; buyerIds?: string[] | undefined }>, context: RequestContext) {
      const scope = anyScope(actor, 'procurement.import');
      if (!scope.national) throw new AppError('FORBIDDEN');
      return transaction(db, async (tx) => {
        const removed = await repo.replaceOfficials(tx, officials.map((o) => ({ name: o.name, taxId: o.taxId ?? null, position: o.position ?? null, buyerIds: o.buyerIds ?? [] })), actor.kind === 'user' ? actor.userId : null, clock.now());
        await recordAudit(tx, actor, { action: 'procurement.officials.replace', subjectType: 'procurement_officials', after: { count: officials.length, removed } }, context);
        return { count: officials.length };
      });
    },

    // Watchlists ---------------------------------------------------------------------------------
    async listWatchlists(actor: Actor) {
      anyScope(actor, 'procurement.read');
      const lists = await repo.listWatchlists(db, (actor as { userId: string }).userId);
      return lists.map((l) => ({ id: l.id, name: l.name, createdAt: iso(l.createdAt)!, items: l.items.map((i) => ({ id: i.id, kind: i.kind, subjectId: i.subjectId, label: i.label })) }));
    },
    async createWatchlist(actor: Actor, name: string, context: RequestContext) {
      anyScope(actor, 'procurement.read');
      const userId = (actor as { userId: string }).userId;
      const row = await transaction(db, async (tx) => {
        const w = await repo.insertWatchlist(tx, userId, name);
        await recordAudit(tx, actor, { action: 'procurement.watchlist.create', subjectType: 'procurement_watchlist', subjectId: w.id, after: { name } }, context);
        return w;
      });
      return { id: row.id, name: row.name, createdAt: iso(row.createdAt)!, items: [] };
    },
    async ownWatchlist(actor: Actor, id: string) {
      anyScope(actor, 'procurement.read');
      const w = await repo.findWatchlist(db, id);
      if (!w || w.userId !== (actor as { userId: string }).userId) throw new AppError('NOT_FOUND', { watchlist: id });
      return w;
    },
    async addWatchItem(actor: Actor, id: string, item: { kind: 'buyer' | 'supplier'; subjectId: string; label?: string | undefined }, context: RequestContext) {
      await this.ownWatchlist(actor, id);
      const row = await transaction(db, async (tx) => {
        const r = await repo.insertWatchItem(tx, { watchlistId: id, kind: item.kind, subjectId: item.subjectId, label: item.label ?? null });
        await recordAudit(tx, actor, { action: 'procurement.watchlist.add', subjectType: 'procurement_watchlist', subjectId: id, after: item }, context);
        return r;
      });
      return { id: row.id, kind: row.kind, subjectId: row.subjectId, label: row.label };
    },
    async removeWatchItem(actor: Actor, id: string, itemId: string, context: RequestContext) {
      await this.ownWatchlist(actor, id);
      await transaction(db, async (tx) => {
        if (!(await repo.deleteWatchItem(tx, id, itemId))) throw new AppError('NOT_FOUND', { item: itemId });
        await recordAudit(tx, actor, { action: 'procurement.watchlist.remove', subjectType: 'procurement_watchlist', subjectId: id, before: { itemId } }, context);
      });
      return { ok: true as const };
    },
    async deleteWatchlist(actor: Actor, id: string, context: RequestContext) {
      await this.ownWatchlist(actor, id);
      await transaction(db, async (tx) => {
        await repo.deleteWatchlist(tx, id);
        await recordAudit(tx, actor, { action: 'procurement.watchlist.delete', subjectType: 'procurement_watchlist', subjectId: id }, context);
      });
      return { ok: true as const };
    },

    // Export -------------------------------------------------------------------------------------
    /** Compiled releases in the actor's scope, as JSON Lines or as one release package. */
    async *exportReleases(actor: Actor, format: 'jsonl' | 'package'): AsyncGenerator<string> {
      const scope = anyScope(actor, 'procurement.read');
      if (format === 'package') {
        yield `{"uri":${JSON.stringify(`${deps.config.PUBLIC_URL.replace(/\/$/, '')}/api/v1/procurement/export?format=package`)},"version":"1.1","publishedDate":${JSON.stringify(clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z'))},"publisher":{"name":"Prongsai (โปร่งใส)"},"extensions":["https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json"],"releases":[`;
      }
      let after = '';
      let first = true;
      for (;;) {
        const rows = await repo.exportReleases(db, scope, after, 1000);
        if (rows.length === 0) break;
        for (const r of rows) {
          yield format === 'package' ? `${first ? '' : ','}${r.json}` : `${r.json}\n`;
          first = false;
        }
        after = rows[rows.length - 1]!.ocid;
      }
      if (format === 'package') yield ']}';
    },

    publicAfterDays: PUBLIC_AFTER_DAYS,
  };
}

export type ProcurementService = ReturnType<typeof createProcurementService>;
