/** The only SQL about the audit log. Rows are appended, never changed (a trigger refuses it). */
import { sql } from 'kysely';
import type { Database, Tx } from '../db/database.ts';
import type { AuditLogTable } from '../db/tables.ts';
import type { Insertable, Selectable } from 'kysely';
import { ADVISORY_LOCKS } from '../db/advisory-locks.ts';

export type AuditRow = Selectable<AuditLogTable>;


export function createAuditRepository() {
  return {
    async lockChain(tx: Tx): Promise<void> {
      await sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.auditChain})`.execute(tx);
    },
    async findLastHash(tx: Tx): Promise<string | undefined> {
      const row = await tx.selectFrom('auditLog').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row?.hash;
    },
    async insert(tx: Tx, row: Insertable<AuditLogTable>): Promise<void> {
      await tx.insertInto('auditLog').values(row).execute();
    },
    /** Rows with id > afterId, oldest first, for verification in batches. */
    async listAfter(db: Database, afterId: string, limit: number): Promise<AuditRow[]> {
      return db.selectFrom('auditLog').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
    },
    async list(
      db: Database,
      filter: { organizationIds?: string[] | undefined; subjectType?: string | undefined; subjectId?: string | undefined; actorUserId?: string | undefined; beforeId?: string | undefined },
      limit: number,
    ): Promise<AuditRow[]> {
      let q = db.selectFrom('auditLog').selectAll();
      if (filter.organizationIds) {
        if (filter.organizationIds.length === 0) return [];
        q = q.where('organizationId', 'in', filter.organizationIds);
      }
      if (filter.subjectType) q = q.where('subjectType', '=', filter.subjectType);
      if (filter.subjectId) q = q.where('subjectId', '=', filter.subjectId);
      if (filter.actorUserId) q = q.where('actorUserId', '=', filter.actorUserId);
      if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
      return q.orderBy('id', 'desc').limit(limit).execute();
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
