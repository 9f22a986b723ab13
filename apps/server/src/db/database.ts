/**
 * Opens the system of record: a PostgreSQL server when DATABASE_URL is set, otherwise embedded
 * PGlite (PostgreSQL compiled to WASM) persisted in DATA_DIR/pglite. The same SQL migrations and
 * the same Kysely queries serve both. Column names are snake_case in SQL and camelCase in code.
 *
 * Type mapping is made identical on both drivers: int8/bigint come back as strings (money in satang
 * is converted to bigint in services), dates as 'YYYY-MM-DD' strings, timestamptz as Date.
 */
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './tables.ts';
import { createPglitePool } from './pglite-pool.ts';
import { lockDataDir } from './data-dir-lock.ts';

export type Database = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or an open transaction: repositories accept both. */
export type Queryable = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** For PGlite: the instance (backup uses dumpDataDir). */
  pglite?: PGlite;
  close(): Promise<void>;
}

const identity = (value: string) => value;

pg.types.setTypeParser(pg.types.builtins.DATE, identity);
pg.types.setTypeParser(pg.types.builtins.INT8, identity);

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite; ignored with databaseUrl. Undefined with no URL = in-memory (tests). */
  dataDir?: string | undefined;
  /** Restore a PGlite database from a data-dir dump (tests clone a migrated template this way). */
  loadDataDir?: Blob | File | undefined;
  /** Max pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  // maintainNestedObjectKeys: JSON inside jsonb columns is returned as stored (audit hashes, OCDS
  // documents with snake_case keys); only column names are mapped.
  const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })];
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, driver: 'postgres', close: () => db.destroy() };
  }
  const lock = options.dataDir ? lockDataDir(options.dataDir) : undefined;
  try {
    const pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: path.join(options.dataDir, 'pglite') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: { [pgliteTypes.INT8]: identity, [pgliteTypes.DATE]: identity },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPglitePool(pglite) }), plugins });
    return {
      db,
      driver: 'pglite',
      pglite,
      async close() {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Runs `work` in a transaction; the audit entry of a write goes in the same transaction. */
export function transaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

export { sql };
