/**
 * The `procurement.import` job: reads an uploaded file (or a file under DATA_DIR/imports), turns it
 * into OCDS compiled releases, validates each against the official schema (problems are recorded
 * per line and never stop the run) and upserts them by ocid in batches.
 *
 * Resumable without duplicates: each batch is written in ONE transaction together with the
 * import's checkpoint (byte offset + line, or record number) and counters, so a killed import
 * restarts exactly after the last committed batch; releases are upserted by ocid and problems keyed
 * by (import, line, seq), so even a repeated batch changes nothing.
 *
 * - jsonl: one compiled release per line (bare releases of the same ocid are merged with what is
 *   stored; a package or record per line is compiled first);
 * - json: one release package, record package, record or release (read whole);
 * - csv: e-GP contract rows (docs/egp-mapping.md), consecutive rows of one project_id = one process.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import {
  compileReleases,
  egpRowsToRelease,
  extractThaiProcess,
  fiscalYearOfIsoDate,
  normalizeTaxId,
  ocdsDate,
  sortVersions,
  toCompiledReleases,
  versionFor,
  type EgpRow,
  type ThresholdVersion,
} from '@prongsai/core/procurement-th/index.ts';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { transaction } from '../../db/database.ts';
import type { ProcurementBuyersTable, ProcurementImportIssuesTable, ProcurementReleasesTable, ProcurementReleaseSuppliersTable } from '../../db/tables.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import { openFile, type FileStore } from '../../platform/file-store.ts';
import type { JobContext } from '../../platform/jobs.ts';
import { ocdsValidator } from './ocds-schema.ts';
import { createProcurementRepository } from './procurement.repository.ts';
import { loadThresholds } from './thresholds-data.ts';

export const IMPORT_BATCH = 500;
/** The prefix of ocids made from e-GP CSV rows (replace with a registered prefix in production). */
export const EGP_OCID_PREFIX = 'ocds-th-egp';

export interface ImportCheckpoint {
  /** Bytes consumed (jsonl) — the next line starts here. */
  offset: number;
  /** Lines (jsonl), items (json) or records (csv) consumed. */
  line: number;
  upserted: number;
  errors: number;
  warnings: number;
}

interface Item {
  /** The line (jsonl), item number (json) or first CSV row of the item. */
  line: number;
  release: Record<string, unknown> | undefined;
  /** Merge with the stored release of the same ocid (bare releases, CSV fragments) instead of replacing it. */
  merge: boolean;
  issues: Array<{ severity: 'error' | 'warning'; ocid: string | null; path: string; message: string }>;
}

/** The directory server-path imports may read from. */
export function importDir(config: Config): string {
  return path.join(config.dataDir, 'imports');
}

/** Splits a byte stream into lines with their end offsets (absolute, counting skipped bytes). */
async function* linesOf(stream: AsyncIterable<Buffer>, startOffset: number, skip: number): AsyncGenerator<{ bytes: Buffer; end: number }> {
  let offset = startOffset;
  let toSkip = skip;
  let carry: Buffer | null = null;
  for await (let chunk of stream) {
    if (toSkip > 0) {
      if (chunk.length <= toSkip) {
        toSkip -= chunk.length;
        continue;
      }
      chunk = chunk.subarray(toSkip);
      toSkip = 0;
    }
    let buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      offset += nl + 1 - start;
      yield { bytes: buf.subarray(start, nl), end: offset };
      start = nl + 1;
    }
    carry = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
    buf = Buffer.alloc(0);
  }
  if (carry && carry.length) {
    offset += carry.length;
    yield { bytes: carry, end: offset };
  }
}

function itemsOfDocument(doc: unknown, line: number, validator = ocdsValidator()): Item[] {
  const out = toCompiledReleases(doc);
  const items: Item[] = out.items.map((i) => ({
    line,
    release: i.release,
    merge: out.kind === 'release',
    issues: validator.release(i.release).map((p) => ({ severity: 'warning' as const, ocid: typeof i.release.ocid === 'string' ? i.release.ocid : null, path: `${i.source}${p.path === '/' ? '' : p.path}`, message: `schema: ${p.message}` })),
  }));
  const problems = out.problems.map((p) => ({ severity: 'error' as const, ocid: p.ocid, path: p.source, message: `${p.reason}: ${p.message}` }));
  if (out.version === null && out.kind !== 'compiled_release' && out.kind !== 'release' && out.kind !== 'unknown') {
    problems.push({ severity: 'warning' as const, ocid: null, path: 'version', message: 'the package declares no version: it is OCDS 1.0; fields renamed in 1.1 may be missed' } as never);
  }
  if (items.length === 0) return [{ line, release: undefined, merge: false, issues: problems }];
  items[0]!.issues.unshift(...problems);
  return items;
}

export function createImportHandler(deps: { db: Database; clock: Clock; config: Config; store: FileStore }) {
  const repo = createProcurementRepository();
  const { db, clock } = deps;

  return async function handleImport(ctx: JobContext): Promise<unknown> {
    const importId = String(ctx.job.payload.importId);
    const imp = await repo.findImport(db, importId);
    if (!imp) throw new Error(`import ${importId} not found`);
    if (imp.status === 'done') return { importId, releasesUpserted: Number(imp.releasesUpserted) };
    const thresholds = await loadThresholds(db);
    const versions = sortVersions(thresholds.versions);
    const versionOf = (d: string | undefined): ThresholdVersion => versionFor(versions, d);
    const cp: ImportCheckpoint = { offset: 0, line: 0, upserted: 0, errors: 0, warnings: 0, ...((imp.checkpoint as Partial<ImportCheckpoint> | null) ?? {}) };
    await repo.updateImport(db, importId, { status: 'running' });
    const total = Number(imp.sizeBytes) || null;

    const open = async (start: number): Promise<{ stream: Readable; skip: number }> => {
      if (imp.serverPath) return { stream: fs.createReadStream(imp.serverPath, { start }), skip: 0 };
      const { stream } = await openFile(db, deps.store, imp.fileId!);
      return { stream, skip: start };
    };

    let batch: Item[] = [];
    const flush = async (next: { offset: number; line: number }) => {
      const items = batch;
      batch = [];
      const byOcid = new Map<string, Item>();
      const issues: Insertable<ProcurementImportIssuesTable>[] = [];
      const seq = new Map<number, number>();
      for (const item of items) {
        for (const i of item.issues) {
          const n = (seq.get(item.line) ?? 0) + 1;
          seq.set(item.line, n);
          issues.push({ importId, line: item.line, seq: n, severity: i.severity, ocid: i.ocid, path: i.path, message: i.message.slice(0, 2000) });
          if (i.severity === 'error') cp.errors++;
          else cp.warnings++;
        }
        const r = item.release;
        if (!r) continue;
        const ocid = r.ocid as string;
        const prev = byOcid.get(ocid);
        if (prev && item.merge) prev.release = compileReleases([prev.release!, r]);
        else byOcid.set(ocid, { ...item });
        cp.upserted++;
      }
      await transaction(db, async (tx) => {
        const mergeOcids = [...byOcid.values()].filter((i) => i.merge).map((i) => i.release!.ocid as string);
        for (const s of await repo.findStoredReleases(tx, mergeOcids)) {
          const item = byOcid.get(s.ocid)!;
          item.release = compileReleases([s.release as Record<string, unknown>, item.release!]);
        }
        const releases: Insertable<ProcurementReleasesTable>[] = [];
        const suppliers: Insertable<ProcurementReleaseSuppliersTable>[] = [];
        const buyers = new Map<string, Insertable<ProcurementBuyersTable>>();
        const now = clock.now();
        for (const [ocid, item] of byOcid) {
          const release = item.release!;
          const p = extractThaiProcess({ ...release, tender: { ...(release.tender as object), status: undefined } }, versionOf);
          const tender = (release.tender ?? {}) as Record<string, unknown>;
          let value: bigint | null = null;
          for (const a of p?.awards ?? []) if (a.amount !== undefined) value = (value ?? 0n) + a.amount;
          const awardDate = (p?.awards ?? []).map((a) => ocdsDate(a.date)).filter((d): d is string => !!d).sort()[0] ?? null;
          const period = tender.tenderPeriod as Record<string, unknown> | undefined;
          const anyDate = awardDate ?? ocdsDate(typeof period?.startDate === 'string' ? period.startDate : undefined) ?? ocdsDate(typeof release.date === 'string' ? release.date : undefined);
          const releaseDate = typeof release.date === 'string' && !Number.isNaN(Date.parse(release.date)) ? new Date(release.date) : null;
          releases.push({
            ocid,
            release: JSON.stringify(release),
            buyerId: p?.buyerId ?? null,
            buyerName: p?.buyerName ?? null,
            procurementMethod: p?.procurementMethod ?? null,
            methodDetails: p?.procurementMethodDetails ?? null,
            thaiMethod: p?.thaiMethod ?? null,
            mainCategory: p?.mainProcurementCategory ?? null,
            tenderStatus: typeof tender.status === 'string' ? tender.status : null,
            valueSatang: value === null ? null : value.toString(),
            referenceSatang: p?.referencePrice === undefined ? null : p.referencePrice.toString(),
            tenderers: p?.tenderers === undefined ? null : Math.min(p.tenderers, 2_000_000_000),
            awardDate,
            fiscalYear: anyDate ? fiscalYearOfIsoDate(anyDate) : null,
            releaseDate,
            importId,
            updatedAt: now,
          });
          const seen = new Set<string>();
          for (const a of p?.awards ?? []) {
            for (const s of a.suppliers) {
              if (seen.has(s.id)) continue;
              seen.add(s.id);
              suppliers.push({ ocid, supplierId: s.id, supplierName: s.name ?? null, taxId: normalizeTaxId(s.identifierId) ?? normalizeTaxId(s.id) ?? null });
            }
          }
          if (p?.buyerId) buyers.set(p.buyerId, { id: p.buyerId, name: p.buyerName ?? null });
        }
        await repo.upsertBuyers(tx, [...buyers.values()]);
        await repo.upsertReleases(tx, releases);
        await repo.replaceSuppliers(tx, [...byOcid.keys()], suppliers);
        await repo.insertIssues(tx, issues);
        cp.offset = next.offset;
        cp.line = next.line;
        await repo.updateImport(tx, importId, { linesDone: String(cp.line), releasesUpserted: String(cp.upserted), errorsCount: String(cp.errors), warningsCount: String(cp.warnings), checkpoint: JSON.stringify(cp) });
      });
      await ctx.reportProgress(imp.format === 'json' ? cp.line : cp.offset, imp.format === 'json' ? null : total, { ...cp });
    };

    const validator = ocdsValidator();
    if (imp.format === 'jsonl') {
      const { stream, skip } = await open(cp.offset);
      let line = cp.line;
      let end = cp.offset;
      for await (const { bytes, end: lineEnd } of linesOf(stream as AsyncIterable<Buffer>, cp.offset, skip)) {
        line++;
        end = lineEnd;
        const text = bytes.toString('utf8').trim();
        if (text) {
          let doc: unknown;
          try {
            doc = JSON.parse(text);
          } catch (error) {
            batch.push({ line, release: undefined, merge: false, issues: [{ severity: 'error', ocid: null, path: '', message: `not JSON: ${(error as Error).message}` }] });
            doc = undefined;
          }
          if (doc !== undefined) batch.push(...itemsOfDocument(doc, line, validator));
        }
        if (batch.length >= IMPORT_BATCH) await flush({ offset: end, line });
        ctx.signal.throwIfAborted();
      }
      await flush({ offset: end, line });
    } else if (imp.format === 'json') {
      const { stream, skip } = await open(0);
      const chunks: Buffer[] = [];
      for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
      let doc: unknown;
      try {
        doc = JSON.parse(Buffer.concat(chunks).subarray(skip).toString('utf8'));
      } catch (error) {
        batch.push({ line: 1, release: undefined, merge: false, issues: [{ severity: 'error', ocid: null, path: '', message: `not JSON: ${(error as Error).message}` }] });
      }
      const items = doc === undefined ? [] : itemsOfDocument(doc, 1, validator).map((item, i) => ({ ...item, line: i + 1 }));
      for (let i = cp.line; i < items.length; i++) {
        batch.push(items[i]!);
        if (batch.length >= IMPORT_BATCH) await flush({ offset: 0, line: i + 1 });
      }
      await flush({ offset: 0, line: Math.max(cp.line, items.length) });
    } else {
      const { stream, skip } = await open(0);
      const parser = (skip ? (stream as Readable) : (stream as Readable)).pipe(parseCsv({ columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
      let records = 0;
      let group: EgpRow[] = [];
      let groupLine = 0;
      let bytes = 0;
      const endGroup = () => {
        if (group.length === 0) return;
        const { release, problems } = egpRowsToRelease(group, groupLine, { ocidPrefix: EGP_OCID_PREFIX });
        const issues = problems.map((p) => ({ severity: 'warning' as const, ocid: release.ocid as string, path: `row ${p.row} ${p.column}`, message: `${p.message}: "${p.value}"` }));
        issues.push(...validator.release(release).map((p) => ({ severity: 'warning' as const, ocid: release.ocid as string, path: p.path, message: `schema: ${p.message}` })));
        batch.push({ line: groupLine, release, merge: true, issues });
        group = [];
      };
      for await (const { record, info } of parser as AsyncIterable<{ record: EgpRow; info: { lines: number; bytes: number } }>) {
        records++;
        bytes = info.bytes;
        if (records <= cp.line) continue;
        const rowLine = info.lines;
        if (!record.project_id?.trim()) {
          endGroup();
          batch.push({ line: rowLine, release: undefined, merge: false, issues: [{ severity: 'error', ocid: null, path: 'project_id', message: 'the row has no project_id and was skipped' }] });
          continue;
        }
        if (group.length && group[0]!.project_id?.trim() !== record.project_id.trim()) {
          endGroup();
          // Flush only at a project boundary, before the new project's first row.
          if (batch.length >= IMPORT_BATCH) await flush({ offset: bytes, line: records - 1 });
        }
        if (group.length === 0) groupLine = rowLine;
        group.push(record);
      }
      endGroup();
      await flush({ offset: bytes, line: records });
    }

    await transaction(db, async (tx) => {
      await repo.matchBuyers(tx);
      await repo.updateImport(tx, importId, { status: 'done', finishedAt: clock.now() });
    });
    return { importId, releasesUpserted: cp.upserted, errors: cp.errors, warnings: cp.warnings };
  };
}
