/** HTTP for administration: audit log, chain verification, outbox. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuerySchema, AuditVerificationSchema, OutboxListSchema, OutboxQuerySchema } from '@prongsai/contracts';
import type { AdminService } from './admin.service.ts';

const tags = ['admin'];

export function adminRoutes(admin: AdminService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/admin/audit', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Browse the audit log, newest first (page with beforeId) / บันทึกการตรวจสอบ', querystring: AuditQuerySchema, response: { 200: AuditPageSchema } },
    }, async (req) => admin.listAudit(req.actor, req.query));

    app.get('/api/v1/admin/audit/verify', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Recompute the audit hash chain; names the first tampered row', response: { 200: AuditVerificationSchema } },
    }, async (req) => admin.verifyAudit(req.actor));

    app.get('/api/v1/admin/outbox', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Outgoing e-mail (the development mailbox)', querystring: OutboxQuerySchema, response: { 200: OutboxListSchema } },
    }, async (req) => admin.listOutbox(req.actor, req.query));
  };
}
