/**
 * Starts the server: config → database (PGlite in DATA_DIR, or DATABASE_URL) → migrations →
 * reference data (and demo data with --demo) → HTTP. Closes gracefully on SIGINT/SIGTERM.
 */
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './app.ts';
import { loadReferenceData } from './modules/organizations/reference-data.ts';
import { seedDemo, DEMO_PASSWORD } from './seed/demo.ts';
import { startJobWorker } from './modules/jobs/jobs.worker.ts';

export async function serve(options: { demo: boolean }): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  const log = (line: string) => process.stdout.write(`${line}\n`);
  await migrate(database.db, log);
  await loadReferenceData(database.db, log);
  const demo = options.demo ? await seedDemo(database.db, log) : undefined;
  const app = await buildApp({ config, database });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  log(`\nProngsai (โปร่งใส) is running at ${address.replace('127.0.0.1', 'localhost')}  [${database.driver}, ready in ${seconds} s]`);
  log(`API docs: ${address}/api/docs`);
  if (demo) {
    log(`\nDemo logins (password for all: ${DEMO_PASSWORD}; roles shown with a TOTP secret also ask for a code: add the secret to an authenticator app):`);
    for (const user of demo.users) log(`  ${user.email.padEnd(34)} ${user.roleLabel}`);
  }
  // Background jobs run in this process too; more workers: `prongsai worker` (docs/operations.md).
  const worker = config.JOB_WORKER
    ? startJobWorker({ db: database.db, config, log: (line, fields) => app.log.info(fields ?? {}, line) })
    : undefined;
  const shutdown = async () => {
    await app.close();
    await worker?.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
