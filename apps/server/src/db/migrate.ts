/**
 * Applies the plain-SQL migrations in ./migrations, in file-name order, each in its own
 * transaction, recording name and SHA-256 in schema_migrations. Forward-only. A migration whose
 * file changed after it was applied stops the run with a clear message. An advisory lock keeps
 * two servers starting at once on PostgreSQL from migrating twice.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.ts';
import { ADVISORY_LOCKS } from './advisory-locks.ts';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(db: Database, log: (line: string) => void = () => {}): Promise<MigrationResult> {
  const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${ADVISORY_LOCKS.migrations})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        name text primary key, sha256 text not null, applied_at timestamptz not null default now())`.execute(conn);
      const done = new Map(
        (await sql<{ name: string; sha256: string }>`select name, sha256 from schema_migrations`.execute(conn)).rows.map(
          (r) => [r.name, r.sha256],
        ),
      );
      const applied: string[] = [];
      for (const file of files) {
        const text = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
        const sha = crypto.createHash('sha256').update(text).digest('hex');
        const previous = done.get(file);
        if (previous) {
          if (previous !== sha) throw new Error(`Migration ${file} was changed after it was applied; add a new migration instead.`);
          continue;
        }
        await conn.transaction().execute(async (tx) => {
          await sql.raw(text).execute(tx);
          await sql`insert into schema_migrations (name, sha256) values (${file}, ${sha})`.execute(tx);
        });
        applied.push(file);
        log(`migrated ${file}`);
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      await sql`select pg_advisory_unlock(${ADVISORY_LOCKS.migrations})`.execute(conn);
    }
  });
}
