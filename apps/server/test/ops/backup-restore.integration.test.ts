/**
 * Backup → restore gives back identical data, on PGlite and on PostgreSQL and across them:
 * every table's rows compared one by one, the manifest digests equal, the audit chain verifies,
 * sequences continue after the restored ids. Refuses a non-empty database without force.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../../src/audit/audit.ts';
import { systemActor } from '../../src/auth/actor.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createJobQueue } from '../../src/platform/jobs.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { backupDatabase, readAllRows, restoreDatabase, tableDigests } from '../../src/ops/backup.ts';
import { createTestDatabase } from '../test-app.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-backup-'));
let source: DatabaseHandle;
let dropSource: () => Promise<void>;
const cleanups: Array<() => Promise<void>> = [];

/** An empty, migrated database on the PostgreSQL server of DATABASE_URL. */
async function freshPostgres(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL!;
  const name = `prongsai_restore_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: u.toString(), poolSize: 3 });
  await migrate(handle.db);
  cleanups.push(async () => {
    await handle.close();
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  });
  return handle;
}

async function freshPglite(): Promise<DatabaseHandle> {
  const handle = await openDatabase({});
  await migrate(handle.db);
  cleanups.push(() => handle.close());
  return handle;
}

beforeAll(async () => {
  ({ database: source, drop: dropSource } = await createTestDatabase());
  // Data of many shapes beyond the reference data: uuids, jsonb, bigserial, timestamptz with
  // microseconds, floats, nulls, Thai text, quotes and newlines.
  const db = source.db;
  const org = await db.selectFrom('organizations').select('id').where('code', '=', '6620708').executeTakeFirstOrThrow();
  const [user] = await db
    .insertInto('users')
    .values({ email: 'officer@example.org', displayName: 'เจ้าหน้าที่ "ทดสอบ"\nบรรทัดสอง', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y', locale: 'th' })
    .returning('id')
    .execute();
  await db.insertInto('memberships').values({ userId: user!.id, role: 'org_admin', organizationId: org.id }).execute();
  await db.insertInto('loginAttempts').values([
    { email: 'officer@example.org', ip: '10.0.0.1', success: false, at: '2026-11-23T03:00:00.123456Z' },
    { email: 'officer@example.org', ip: '10.0.0.1', success: true },
  ]).execute();
  await db.updateTable('organizations').set({ lat: 16.123456789012345, lon: 99.1, areaKm2: 0.1 + 0.2 }).where('id', '=', org.id).execute();
  const queue = createJobQueue(db, systemClock);
  const jobId = await queue.enqueue(db, { kind: 'system.echo', payload: { ไทย: 'ข้อมูล', n: 12345678901234, nested: { a: [1, 2.5, null, true] } }, createdBy: user!.id, organizationId: org.id });
  await queue.claim('w', ['system.echo']);
  await queue.progress(jobId, 3, 10, { cursor: 'abc' });
  await db.insertInto('storedFiles').values({ fileName: 'หลักฐาน.pdf', contentType: 'application/pdf', sizeBytes: '9007199254740993', sha256: 'a'.repeat(64), storageKey: `sha256/${'a'.repeat(64)}`, organizationId: org.id }).execute();
  await db.transaction().execute((tx) =>
    recordAudit(tx, systemActor('test'), { action: 'organization.update', subjectType: 'organization', subjectId: org.id, organizationId: org.id, before: { lat: null }, after: { lat: 16.1, note: 'ไทย' } }),
  );
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await dropSource();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function expectIdentical(a: DatabaseHandle, b: DatabaseHandle) {
  const [rowsA, rowsB] = [await readAllRows(a.db), await readAllRows(b.db)];
  expect(Object.keys(rowsB).sort()).toEqual(Object.keys(rowsA).sort());
  for (const table of Object.keys(rowsA)) expect(rowsB[table], table).toEqual(rowsA[table]);
  expect(await tableDigests(b.db)).toEqual(await tableDigests(a.db));
  const audit = await verifyAuditChain(b.db);
  expect(audit.ok).toBe(true);
}

describe('backup and restore', () => {
  it(`round-trips ${process.env.DATABASE_URL ? 'PostgreSQL → PGlite → PostgreSQL' : 'PGlite → PGlite'} with identical data`, async () => {
    const file = path.join(dir, 'first.prongsai-backup.gz');
    const backup = await backupDatabase(source.db, source.driver, file);
    expect(backup.manifest.tables.organizations!.rows).toBeGreaterThan(7900);
    expect(backup.manifest.tables.audit_log!.rows).toBeGreaterThanOrEqual(2);
    expect(backup.manifest.migrations.length).toBeGreaterThan(0);

    const lite = await freshPglite();
    const restored = await restoreDatabase(lite.db, file);
    expect(restored.auditEntries).toBe(backup.manifest.tables.audit_log!.rows);
    await expectIdentical(source, lite);

    if (process.env.DATABASE_URL) {
      // …and from PGlite back into a fresh PostgreSQL database.
      const second = path.join(dir, 'second.prongsai-backup.gz');
      await backupDatabase(lite.db, lite.driver, second);
      const server = await freshPostgres();
      await restoreDatabase(server.db, second);
      await expectIdentical(source, server);
    }

    // Sequences continue after the restored ids: new audit entries chain on.
    await lite.db.transaction().execute((tx) => recordAudit(tx, systemActor('test'), { action: 'test.after_restore', subjectType: 'test' }));
    expect((await verifyAuditChain(lite.db)).ok).toBe(true);
    await lite.db.insertInto('loginAttempts').values({ email: 'x@example.org', success: false }).execute();
  });

  it('refuses a database with data unless forced, then replaces it entirely', async () => {
    const file = path.join(dir, 'force.prongsai-backup.gz');
    await backupDatabase(source.db, source.driver, file);
    const target = await freshPglite();
    await target.db.insertInto('provinces').values({ code: '99', nameTh: 'ทดสอบ', nameEn: 'Test', iso: 'TH-99', regionTh: 'ภาคทดสอบ', paccRegionStatus: 'not_applicable' }).execute();
    await expect(restoreDatabase(target.db, file)).rejects.toThrow(/not empty/);
    await restoreDatabase(target.db, file, { force: true });
    await expectIdentical(source, target);
  });

  it('rejects a damaged file and leaves the database untouched', async () => {
    const file = path.join(dir, 'damaged.prongsai-backup.gz');
    await backupDatabase(source.db, source.driver, file);
    const zlib = await import('node:zlib');
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').replace('กำแพงเพชร', 'กำแพงแสน');
    fs.writeFileSync(file, zlib.gzipSync(text));
    const target = await freshPglite();
    await expect(restoreDatabase(target.db, file)).rejects.toThrow(/damaged/);
    expect(await target.db.selectFrom('organizations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toMatchObject({ n: '0' });
  });
});
