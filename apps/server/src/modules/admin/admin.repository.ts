/** The only SQL of the administration pages: audit log browsing and the e-mail outbox. */
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export interface AuditFilter {
  /** Undefined: every organisation (national); an empty list: nothing. */
  organizationIds?: string[] | undefined;
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  actorUserId?: string | undefined;
  beforeId?: string | undefined;
}

export function createAdminRepository() {
  return {
    async findOrganizationId(db: Database, code: string): Promise<string | undefined> {
      return (await db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirst())?.id;
    },

    async listAudit(db: Database, filter: AuditFilter, limit: number) {
      if (filter.organizationIds && filter.organizationIds.length === 0) return [];
      let q = db
        .selectFrom('auditLog as a')
        .leftJoin('organizations as o', 'o.id', 'a.organizationId')
        .select(['a.id', 'a.at', 'a.actorUserId', 'a.actorLabel', 'a.action', 'a.subjectType', 'a.subjectId', 'a.organizationId', 'o.code as organizationCode', 'a.before', 'a.after', 'a.requestId', 'a.ip', 'a.hash']);
      if (filter.organizationIds) q = q.where('a.organizationId', 'in', filter.organizationIds);
      if (filter.action) q = q.where('a.action', '=', filter.action);
      if (filter.subjectType) q = q.where('a.subjectType', '=', filter.subjectType);
      if (filter.subjectId) q = q.where('a.subjectId', '=', filter.subjectId);
      if (filter.actorUserId) q = q.where('a.actorUserId', '=', filter.actorUserId);
      if (filter.beforeId) q = q.where('a.id', '<', filter.beforeId);
      return q.orderBy('a.id', 'desc').limit(limit).execute();
    },

    async listOutbox(db: Database, filter: { to?: string | undefined }, limit: number, offset: number) {
      let q = db.selectFrom('outboxEmails');
      if (filter.to) q = q.where(sql<string>`lower(to_address)`, '=', filter.to.trim().toLowerCase());
      const { total } = await q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
      const items = await q.selectAll().orderBy('createdAt', 'desc').orderBy('id').limit(limit).offset(offset).execute();
      return { total, items };
    },
  };
}
