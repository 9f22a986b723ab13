/**
 * Maintenance commands that work on the database directly (PGlite in DATA_DIR, or DATABASE_URL):
 * migrate, seed, worker, reference import/export, backup, restore. See docs/operations.md.
 * The server is imported inside each action so the CLI starts fast for other commands.
 */
import type { Command } from 'commander';

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Opens the configured database, runs `work`, and always closes it (releasing the PGlite lock). */
async function withDatabase<T>(work: (handle: import('@prongsai/server/db/database.ts').DatabaseHandle, config: import('@prongsai/server/config.ts').Config) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('@prongsai/server/config.ts');
  const { openDatabase } = await import('@prongsai/server/db/database.ts');
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

async function migrateQuietly(db: import('@prongsai/server/db/database.ts').Database) {
  const { migrate } = await import('@prongsai/server/db/migrate.ts');
  return migrate(db, log);
}

export function register(program: Command): void {
  program
    .command('migrate')
    .description('Apply database migrations / ปรับโครงสร้างฐานข้อมูลให้เป็นรุ่นล่าสุด')
    .action(() =>
      withDatabase(async ({ db, driver }) => {
        const result = await migrateQuietly(db);
        log(`${driver}: ${result.applied.length} migration(s) applied, ${result.alreadyApplied} already in place`);
      }),
    );

  program
    .command('seed')
    .description('Load reference data and the demo organisations and logins / ใส่ข้อมูลสาธิต')
    .action(() =>
      withDatabase(async ({ db }) => {
        const { loadReferenceData } = await import('@prongsai/server/modules/organizations/reference-data.ts');
        const { seedDemo, DEMO_PASSWORD } = await import('@prongsai/server/seed/demo.ts');
        await migrateQuietly(db);
        await loadReferenceData(db, log);
        const demo = await seedDemo(db, log);
        log(`Demo logins (password: ${DEMO_PASSWORD}):`);
        for (const user of demo.users) log(`  ${user.email.padEnd(34)} ${user.roleLabel}`);
      }),
    );

  program
    .command('worker')
    .description('Run background jobs only (add as many as needed on PostgreSQL) / ประมวลผลงานเบื้องหลัง')
    .option('--poll-ms <ms>', 'wait between polls when the queue is empty', '1000')
    .option('--id <id>', 'worker id shown in jobs.locked_by (default host:pid)')
    .action((options: { pollMs: string; id?: string }) =>
      withDatabase(async ({ db, driver }, config) => {
        const { startJobWorker } = await import('@prongsai/server/modules/jobs/jobs.worker.ts');
        await migrateQuietly(db);
        const worker = startJobWorker({
          db,
          config,
          pollMs: Number(options.pollMs),
          ...(options.id ? { workerId: options.id } : {}),
          log: (line, fields) => log(`${new Date().toISOString()} ${line} ${fields ? JSON.stringify(fields) : ''}`),
        });
        log(`worker ${worker.workerId} running on ${driver}; Ctrl+C to stop / กำลังทำงาน`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
          void worker.done.then(resolve);
        });
        await worker.stop();
        log('worker stopped');
      }),
    );

  const reference = program.command('reference').description('Reference data: provinces, districts, local governments / ข้อมูลอ้างอิง');
  reference
    .command('import')
    .description('Load the reference CSVs into a database that has none yet (default folder: data/reference)')
    .option('--dir <folder>', 'folder with provinces.csv, districts.csv and laos.csv')
    .action((options: { dir?: string }) =>
      withDatabase(async ({ db }) => {
        const { loadReferenceData, REFERENCE_DIR } = await import('@prongsai/server/modules/organizations/reference-data.ts');
        const path = await import('node:path');
        await migrateQuietly(db);
        const result = await loadReferenceData(db, log, options.dir ? path.resolve(options.dir) : REFERENCE_DIR);
        if (!result.loaded) log('Reference data is already loaded; nothing changed / มีข้อมูลอ้างอิงอยู่แล้ว');
      }),
    );
  reference
    .command('export')
    .description('Write the reference data as it is now (with edits) as CSVs in the data/reference format')
    .requiredOption('--dir <folder>', 'folder to write provinces.csv, districts.csv and laos.csv into')
    .action((options: { dir: string }) =>
      withDatabase(async ({ db }) => {
        const { exportReferenceData } = await import('@prongsai/server/ops/reference.ts');
        const counts = await exportReferenceData(db, options.dir);
        log(`wrote ${counts.provinces} provinces, ${counts.districts} districts, ${counts.localGovernments} local governments to ${options.dir}`);
      }),
    );

  program
    .command('backup')
    .description('Write a logical backup of every table (gzip JSON lines + manifest) / สำรองข้อมูล')
    .argument('<file>', 'backup file to write, e.g. prongsai-2569-11-23.backup.gz')
    .action((file: string) =>
      withDatabase(async ({ db, driver }) => {
        const { backupDatabase } = await import('@prongsai/server/ops/backup.ts');
        const started = performance.now();
        const result = await backupDatabase(db, driver, file, log);
        const rows = Object.values(result.manifest.tables).reduce((n, t) => n + t.rows, 0);
        log(`backup written: ${result.file} (${(result.bytes / 1e6).toFixed(1)} MB, ${Object.keys(result.manifest.tables).length} tables, ${rows} rows, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }),
    );

  program
    .command('restore')
    .description('Restore a backup into this database, all or nothing; refuses a database with data unless --force / กู้คืนข้อมูล')
    .argument('<file>', 'backup file written by `prongsai backup`')
    .option('--force', 'replace ALL data of a database that is not empty')
    .action(async (file: string, options: { force?: boolean }) => {
      const { readBackupHeader, restoreDatabase } = await import('@prongsai/server/ops/backup.ts');
      const header = await readBackupHeader(file);
      log(`backup of ${header.createdAt} from ${header.driver}, ${header.migrations.length} migrations`);
      await withDatabase(async ({ db, driver }) => {
        await migrateQuietly(db);
        const started = performance.now();
        const result = await restoreDatabase(db, file, { force: options.force === true, log });
        const rows = Object.values(result.manifest.tables).reduce((n, t) => n + t.rows, 0);
        log(`restored into ${driver}: ${rows} rows, identical to the backup; audit chain verified (${result.auditEntries} entries) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      });
    });
}
