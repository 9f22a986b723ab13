/**
 * Administration: browse the audit log (system administrators everything; organisation
 * administrators only their organisation's entries), verify its hash chain, read the outbox.
 */
import type { AuditPage, AuditQuery, AuditVerificationResult, OutboxList } from '@prongsai/contracts';
import type { Actor } from '../../auth/actor.ts';
import { assertCan, isEmptyScope, NATIONAL_SCOPE, visibleScope } from '../../auth/policy.ts';
import { verifyAuditChain } from '../../audit/audit.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { createAdminRepository } from './admin.repository.ts';

export function createAdminService(deps: { db: Database }) {
  const { db } = deps;
  const repo = createAdminRepository();

  return {
    async listAudit(actor: Actor, query: AuditQuery): Promise<AuditPage> {
      const scope = visibleScope(actor, 'audit.read');
      if (isEmptyScope(scope)) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      let organizationIds: string[] | undefined = scope.national ? undefined : scope.organizationIds;
      if (query.organizationCode) {
        const id = await repo.findOrganizationId(db, query.organizationCode);
        if (!id) throw new AppError('ORGANIZATION_NOT_FOUND', { code: query.organizationCode });
        if (organizationIds && !organizationIds.includes(id)) throw new AppError('FORBIDDEN');
        organizationIds = [id];
      }
      const rows = await repo.listAudit(db, { ...query, organizationIds }, query.limit);
      return {
        items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
        nextBeforeId: rows.length === query.limit ? rows.at(-1)!.id : null,
      };
    },

    async verifyAudit(actor: Actor): Promise<AuditVerificationResult> {
      assertCan(actor, 'audit.verify', NATIONAL_SCOPE);
      const result = await verifyAuditChain(db);
      return result.ok
        ? { ok: true, checked: result.checked, firstBadId: null, reason: null }
        : { ok: false, checked: result.checked, firstBadId: result.firstBadId, reason: result.reason };
    },

    async listOutbox(actor: Actor, query: { to?: string | undefined; limit: number; offset: number }): Promise<OutboxList> {
      assertCan(actor, 'outbox.read', NATIONAL_SCOPE);
      const { total, items } = await repo.listOutbox(db, { to: query.to }, query.limit, query.offset);
      return { total, items: items.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt ? m.sentAt.toISOString() : null })) };
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
