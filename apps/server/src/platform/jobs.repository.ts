/**
 * The only SQL about background jobs. A job is claimed with `FOR UPDATE SKIP LOCKED`, so several
 * workers (in one process or many, on one PostgreSQL) never take the same job; a `running` job
 * whose lease ran out (its worker died) is claimed again and resumes from its checkpoint.
 * Every time is passed in from the queue's clock, so tests can move time.
 */
import { sql, type Selectable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { JobsTable } from '../db/tables.ts';

export type JobRow = Selectable<JobsTable>;

export interface NewJobRow {
  kind: string;
  payload: unknown;
  runAt: Date;
  createdBy: string | null;
  organizationId: string | null;
}

function json(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

export function createJobsRepository() {
  return {
    async insert(db: Database, row: NewJobRow): Promise<string> {
      const inserted = await db
        .insertInto('jobs')
        .values({ kind: row.kind, payload: json(row.payload ?? {})!, runAt: row.runAt, createdBy: row.createdBy, organizationId: row.organizationId })
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id;
    },

    /**
     * Takes the next due job of one of `kinds`: a queued job whose time has come, or a running job
     * whose lease expired before `staleBefore`. One statement, so the claim is atomic.
     */
    async claim(db: Database, workerId: string, kinds: readonly string[], now: Date, staleBefore: Date): Promise<JobRow | undefined> {
      if (kinds.length === 0) return undefined;
      const result = await sql<JobRow>`
        update jobs set status = 'running', locked_by = ${workerId}, locked_at = ${now}, attempts = attempts + 1
        where id = (
          select id from jobs
          where kind in (${sql.join(kinds)})
            and ((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_at < ${staleBefore}))
          order by run_at, created_at
          for update skip locked
          limit 1
        )
        returning *`.execute(db);
      return result.rows[0];
    },

    async findById(db: Database, id: string): Promise<JobRow | undefined> {
      return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Heartbeat and progress; only while the job is running (and held by `owner` when given). */
    async touch(
      db: Database,
      id: string,
      now: Date,
      owner: string | undefined,
      progress?: { done: number; total?: number | null | undefined; checkpoint?: unknown },
    ): Promise<boolean> {
      let q = db.updateTable('jobs').set({ lockedAt: now }).where('id', '=', id).where('status', '=', 'running');
      if (progress) {
        q = q.set({ progressDone: Math.floor(progress.done) });
        if (progress.total !== undefined) q = q.set({ progressTotal: progress.total === null ? null : Math.floor(progress.total) });
        if (progress.checkpoint !== undefined) q = q.set({ checkpoint: json(progress.checkpoint) });
      }
      if (owner !== undefined) q = q.where('lockedBy', '=', owner);
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async complete(db: Database, id: string, result: unknown, now: Date, owner: string | undefined): Promise<boolean> {
      let q = db
        .updateTable('jobs')
        .set({ status: 'done', result: json(result), finishedAt: now, lockedBy: null, lockedAt: null, lastError: null })
        .where('id', '=', id)
        .where('status', '=', 'running');
      if (owner !== undefined) q = q.where('lockedBy', '=', owner);
      return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
    },

    /** Back to the queue at `retryAt`, or failed for good when `retryAt` is null. */
    async fail(db: Database, id: string, error: string, now: Date, retryAt: Date | null, owner: string | undefined): Promise<boolean> {
      let q = db
        .updateTable('jobs')
        .set(
          retryAt
            ? { status: 'queued', runAt: retryAt, lastError: error, lockedBy: null, lockedAt: null }
            : { status: 'failed', lastError: error, finishedAt: now, lockedBy: null, lockedAt: null },
        )
        .where('id', '=', id)
        .where('status', '=', 'running');
      if (owner !== undefined) q = q.where('lockedBy', '=', owner);
      return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
    },

    /** Back to the queue at once, checkpoint kept (a worker stopping gracefully). */
    async release(db: Database, id: string, now: Date, owner: string): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set({ status: 'queued', runAt: now, lockedBy: null, lockedAt: null })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('lockedBy', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async cancel(db: Database, id: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('jobs')
        .set({ status: 'cancelled', finishedAt: now, lockedBy: null, lockedAt: null })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
