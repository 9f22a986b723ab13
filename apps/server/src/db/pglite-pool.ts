/**
 * Lets Kysely's PostgresDialect drive an embedded PGlite database by presenting PGlite as a
 * node-postgres-style pool. PGlite is a single connection, so a "connection" here is an exclusive
 * lease: Kysely holds it for one query or for a whole transaction, and others wait their turn.
 * (kysely-pglite-dialect does the same but does not support PGlite 0.5; see docs/decisions/0003.)
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

export function createPglitePool(pglite: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();

  async function lease(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = tail;
    tail = previous.then(() => next);
    await previous;
    return release;
  }

  return {
    async connect(): Promise<PostgresPoolClient> {
      const release = await lease();
      let released = false;
      const client = {
        async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          const command = (sql.trimStart().split(/\s/, 1)[0] ?? '').toUpperCase() as PostgresQueryResult<R>['command'];
          if (parameters.length === 0 && sql.includes(';')) {
            // Several statements (a migration file): only the simple protocol accepts them.
            const results = await pglite.exec(sql);
            const last = results.at(-1);
            return { command, rowCount: last?.affectedRows ?? 0, rows: (last?.rows ?? []) as R[] };
          }
          const result = await pglite.query<R>(sql, parameters as unknown[]);
          return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
        },
        release(): void {
          if (!released) {
            released = true;
            release();
          }
        },
      };
      return client as PostgresPoolClient;
    },
    async end(): Promise<void> {
      await tail;
    },
  };
}
