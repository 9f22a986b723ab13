/**
 * Test helpers for integration tests: a fresh database per test file (copied from the template the
 * global setup made) and the real app on it, driven through `app.inject`. No mocks of our own
 * database or HTTP layer.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { parseConfig, type Config } from '../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { createFixedClock } from '../src/platform/clock.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface TestContext {
  app: TestApp;
  database: DatabaseHandle;
  config: Config;
  clock: ReturnType<typeof createFixedClock>;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** A fresh, migrated database with reference data (and nothing else). */
export async function createTestDatabase(): Promise<{ database: DatabaseHandle; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  const template = inject('templateDatabase');
  if (url && template) {
    const name = `prongsai_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 5 });
    return {
      database,
      async drop() {
        await database.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const file = inject('pgliteTemplateFile');
  if (!file) throw new Error('integration tests need the global setup (run them through vitest --project integration)');
  const database = await openDatabase({ loadDataDir: new Blob([fs.readFileSync(file)]) });
  return { database, drop: () => database.close() };
}

export async function createTestApp(options: { env?: Record<string, string>; now?: string } = {}): Promise<TestContext> {
  const { database, drop } = await createTestDatabase();
  // Files (evidence, imports) go to a fresh folder per test app, removed on close, never ./data.
  const ownDataDir = options.env?.DATA_DIR ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-test-data-'));
  const config = parseConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}), ...options.env });
  const clock = createFixedClock(options.now ?? '2026-11-23T03:00:00Z');
  const app = await buildApp({ config, database, clock, logger: false });
  return {
    app,
    database,
    config,
    clock,
    driver: database.driver,
    async close() {
      await app.close();
      await drop();
      if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
