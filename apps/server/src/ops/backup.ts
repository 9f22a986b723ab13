/**
 * Logical backup and restore: every table's rows as JSON lines in one gzip file, with a manifest
 * (applied migrations, row counts, SHA-256 per table). The same file restores to identical data
 * on PGlite and on PostgreSQL, in either direction.
 *
 * File (gzip, one JSON value per line):
 *   {"format":"prongsai-backup","version":1,"createdAt":…,"driver":…,"migrations":[{name,sha256}…]}
 *   {"table":"provinces","columns":[{"name":"code","type":"text"},…]}
 *   ["10","กรุงเทพมหานคร",…]                  ← one row: every value in PostgreSQL text form or null
 *   {"end":"provinces","rows":77,"sha256":"…"}  ← sha256 of that table's row lines
 *   …
 *   {"manifest":{"tables":{"provinces":{"rows":77,"sha256":"…"},…},"migrations":[…]}}
 *
 * Backup reads one consistent snapshot (a repeatable-read, read-only transaction). Restore runs in
 * one transaction: it checks the migrations match, refuses a database with data unless `force`,
 * inserts parents before children, moves sequences on, then re-reads every table and compares its
 * digest with the manifest and verifies the audit chain before committing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import { verifyAuditChain } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import { createBackupRepository, type ColumnInfo, type TableInfo } from './backup.repository.ts';

export const BACKUP_FORMAT = 'prongsai-backup';
export const BACKUP_VERSION = 1;
const BATCH_ROWS = 2000;
/** Bound parameters per INSERT (PostgreSQL allows 65,535). */
const MAX_PARAMS = 30_000;

export interface TableDigest {
  rows: number;
  sha256: string;
}

export interface BackupManifest {
  tables: Record<string, TableDigest>;
  migrations: Array<{ name: string; sha256: string }>;
}

interface Header {
  format: string;
  version: number;
  createdAt: string;
  driver: string;
  migrations: Array<{ name: string; sha256: string }>;
}

/** A restore or backup problem, explained in Thai and English. */
export class BackupError extends Error {
  constructor(th: string, en: string) {
    super(`${th}\n${en}`);
    this.name = 'BackupError';
  }
}

const repo = createBackupRepository();

function rowLine(row: Array<string | null>): string {
  return `${JSON.stringify(row)}\n`;
}

/** Reads every row of `table` in primary-key order, in batches. */
async function* tableRows(db: Database, table: TableInfo): AsyncGenerator<Array<string | null>> {
  const keyIndexes = table.primaryKey.map((name) => table.columns.findIndex((c) => c.name === name));
  let after: Array<string | null> | undefined;
  for (;;) {
    const rows = await repo.readRows(db, table, after, BATCH_ROWS);
    yield* rows;
    if (table.primaryKey.length === 0 || rows.length < BATCH_ROWS) return;
    const last = rows.at(-1)!;
    after = keyIndexes.map((i) => last[i] ?? null);
  }
}

/** Row count and SHA-256 of every table as the backup would write it (to compare databases). */
export async function tableDigests(db: Database): Promise<Record<string, TableDigest>> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    await repo.fixTextOutput(tx);
    const digests: Record<string, TableDigest> = {};
    for (const table of await repo.listTables(tx)) {
      const hash = crypto.createHash('sha256');
      let rows = 0;
      for await (const row of tableRows(tx, table)) {
        hash.update(rowLine(row));
        rows++;
      }
      digests[table.name] = { rows, sha256: hash.digest('hex') };
    }
    return digests;
  });
}

/** Every row of every table (as text), for tests that compare two databases row by row. */
export async function readAllRows(db: Database): Promise<Record<string, Array<Array<string | null>>>> {
  return db.transaction().execute(async (tx) => {
    await repo.fixTextOutput(tx);
    const out: Record<string, Array<Array<string | null>>> = {};
    for (const table of await repo.listTables(tx)) {
      out[table.name] = [];
      for await (const row of tableRows(tx, table)) out[table.name]!.push(row);
    }
    return out;
  });
}

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  bytes: number;
}

/** Writes a backup of the whole database to `file` (written to a temporary name, then renamed). */
export async function backupDatabase(db: Database, driver: string, file: string, log: (line: string) => void = () => {}): Promise<BackupResult> {
  const target = path.resolve(file);
  const tmp = `${target}.partial-${process.pid}`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const out = fs.createWriteStream(tmp);
  const gzip = zlib.createGzip({ level: 6 });
  gzip.pipe(out);
  const write = async (value: string) => {
    if (!gzip.write(value)) await once(gzip, 'drain');
  };
  try {
    const manifest = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        await repo.fixTextOutput(tx);
        const migrations = await repo.listMigrations(tx);
        const header: Header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), driver, migrations };
        await write(`${JSON.stringify(header)}\n`);
        const tables: Record<string, TableDigest> = {};
        for (const table of await repo.listTables(tx)) {
          await write(`${JSON.stringify({ table: table.name, columns: table.columns.map((c) => ({ name: c.name, type: c.type })) })}\n`);
          const hash = crypto.createHash('sha256');
          let rows = 0;
          for await (const row of tableRows(tx, table)) {
            const line = rowLine(row);
            hash.update(line);
            rows++;
            await write(line);
          }
          tables[table.name] = { rows, sha256: hash.digest('hex') };
          await write(`${JSON.stringify({ end: table.name, ...tables[table.name] })}\n`);
          log(`  ${table.name}: ${rows} rows`);
        }
        return { tables, migrations } satisfies BackupManifest;
      });
    await write(`${JSON.stringify({ manifest })}\n`);
    gzip.end();
    await finished(out);
    fs.renameSync(tmp, target);
    return { file: target, manifest, bytes: fs.statSync(target).size };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

export interface RestoreOptions {
  /** Replace the data of a database that is not empty. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  auditEntries: number;
}

/** Reads the header of a backup file (to check it before opening a database). */
export async function readBackupHeader(file: string): Promise<Header> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of lines) return parseHeader(line);
  } finally {
    lines.close();
  }
  throw new BackupError('ไฟล์สำรองข้อมูลว่างเปล่า', 'The backup file is empty.');
}

function parseHeader(line: string): Header {
  let header: Header;
  try {
    header = JSON.parse(line) as Header;
  } catch {
    throw new BackupError('ไม่ใช่ไฟล์สำรองข้อมูลของโปร่งใส', 'This is not a Prongsai backup file.');
  }
  if (header.format !== BACKUP_FORMAT) throw new BackupError('ไม่ใช่ไฟล์สำรองข้อมูลของโปร่งใส', 'This is not a Prongsai backup file.');
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError(`ไฟล์สำรองข้อมูลรุ่น ${header.version} ไม่รองรับ`, `Backup format version ${header.version} is not supported.`);
  }
  return header;
}

/** Same migrations applied, by name (a changed file is refused by migrate itself). */
function sameMigrations(a: Header['migrations'], b: Header['migrations']): boolean {
  return a.length === b.length && a.every((m, i) => m.name === b[i]!.name);
}

/**
 * Restores `file` into `db`, whose schema must already be migrated to the same migrations as the
 * backup. All or nothing: one transaction.
 */
export async function restoreDatabase(db: Database, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const item = await lines.next();
    return item.done ? undefined : item.value;
  };
  try {
    const header = parseHeader((await next()) ?? '');
    const targetMigrations = await repo.listMigrations(db);
    if (!sameMigrations(header.migrations, targetMigrations)) {
      throw new BackupError(
        `ฐานข้อมูลนี้มีโครงสร้างรุ่นต่างจากไฟล์สำรอง (ไฟล์: ${header.migrations.at(-1)?.name ?? '-'}, ฐานข้อมูล: ${targetMigrations.at(-1)?.name ?? '-'}) — กู้คืนด้วยโปร่งใสรุ่นที่สร้างไฟล์สำรอง แล้วจึงอัปเกรด`,
        `The database schema differs from the backup's (backup: ${header.migrations.at(-1)?.name ?? '-'}, database: ${targetMigrations.at(-1)?.name ?? '-'}). ` +
          'Restore with the Prongsai version that made the backup, then upgrade.',
      );
    }
    const tables = await repo.listTables(db);
    const byName = new Map(tables.map((t) => [t.name, t]));
    if (!options.force) {
      for (const table of tables) {
        if ((await repo.countRows(db, table.name)) > 0) {
          throw new BackupError(
            `ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว (ตาราง ${table.name}) — ใช้ --force เพื่อแทนที่ข้อมูลทั้งหมด`,
            `The target database is not empty (table ${table.name}). Use --force to replace all of its data.`,
          );
        }
      }
    }

    return await db.transaction().execute(async (tx) => {
      await repo.fixTextOutput(tx);
      if (options.force) await repo.truncateAll(tx, tables.map((t) => t.name));
      let manifest: BackupManifest | undefined;
      const restored = new Set<string>();
      for (let line = await next(); line !== undefined; line = await next()) {
        const item = JSON.parse(line) as { table?: string; columns?: Array<{ name: string; type: string }>; manifest?: BackupManifest };
        if (item.manifest) {
          manifest = item.manifest;
          break;
        }
        if (!item.table || !item.columns) throw new BackupError('ไฟล์สำรองข้อมูลเสียหาย', 'The backup file is damaged (unexpected line).');
        const table = byName.get(item.table);
        if (!table) throw new BackupError(`ไม่มีตาราง ${item.table} ในฐานข้อมูลนี้`, `Table ${item.table} does not exist in this database.`);
        const columns: ColumnInfo[] = item.columns.map((c) => {
          const column = table.columns.find((t) => t.name === c.name);
          if (!column || column.type !== c.type) {
            throw new BackupError(`คอลัมน์ ${item.table}.${c.name} ไม่ตรงกับฐานข้อมูล`, `Column ${item.table}.${c.name} (${c.type}) does not match the database.`);
          }
          return column;
        });
        const perInsert = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMS / Math.max(1, columns.length))));
        const hash = crypto.createHash('sha256');
        let rows = 0;
        let batch: Array<Array<string | null>> = [];
        let end: TableDigest & { end: string } | undefined;
        for (let rowText = await next(); rowText !== undefined; rowText = await next()) {
          if (!rowText.startsWith('[')) {
            end = JSON.parse(rowText) as TableDigest & { end: string };
            break;
          }
          hash.update(`${rowText}\n`);
          rows++;
          batch.push(JSON.parse(rowText) as Array<string | null>);
          if (batch.length >= perInsert) {
            await repo.insertRows(tx, table, columns, batch);
            batch = [];
          }
        }
        await repo.insertRows(tx, table, columns, batch);
        const digest = hash.digest('hex');
        if (!end || end.end !== item.table || end.rows !== rows || end.sha256 !== digest) {
          throw new BackupError(`ไฟล์สำรองข้อมูลเสียหาย (ตาราง ${item.table})`, `The backup file is damaged or truncated (table ${item.table}).`);
        }
        restored.add(item.table);
        log(`  ${item.table}: ${rows} rows`);
      }
      if (!manifest) throw new BackupError('ไฟล์สำรองข้อมูลไม่สมบูรณ์ (ไม่มีรายการสรุป)', 'The backup file is truncated (no manifest).');
      const missing = tables.filter((t) => !restored.has(t.name) && !(t.name in manifest!.tables)).map((t) => t.name);
      if (missing.length > 0) throw new BackupError(`ไฟล์สำรองไม่มีตาราง ${missing.join(', ')}`, `The backup has no data for table(s) ${missing.join(', ')}.`);
      await repo.resetSequences(tx, tables);

      // Read everything back: each table must match the manifest exactly, and the audit chain hold.
      for (const table of tables) {
        const hash = crypto.createHash('sha256');
        let rows = 0;
        for await (const row of tableRows(tx, table)) {
          hash.update(rowLine(row));
          rows++;
        }
        const expected = manifest.tables[table.name];
        if (!expected || expected.rows !== rows || expected.sha256 !== hash.digest('hex')) {
          throw new BackupError(`ข้อมูลที่กู้คืนไม่ตรงกับไฟล์สำรอง (ตาราง ${table.name})`, `Restored data differs from the backup (table ${table.name}).`);
        }
      }
      const audit = await verifyAuditChain(tx);
      if (!audit.ok) {
        throw new BackupError(
          `ห่วงโซ่บันทึกการตรวจสอบในไฟล์สำรองไม่ถูกต้อง (แถว ${audit.firstBadId})`,
          `The audit chain in the backup does not verify (first bad row ${audit.firstBadId}, ${audit.reason}).`,
        );
      }
      return { manifest, auditEntries: audit.checked };
    });
  } finally {
    await lines.return?.();
    input.destroy();
  }
}
