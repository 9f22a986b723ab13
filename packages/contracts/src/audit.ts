/** Administration: browsing the audit log, verifying its hash chain, reading the e-mail outbox. */
import { z } from 'zod';

export const AuditQuerySchema = z.object({
  /** Only entries about this organisation (org admins always get only their own). */
  organizationCode: z.string().min(1).max(40).optional(),
  action: z.string().max(100).optional().describe('e.g. user.login, invitation.create'),
  subjectType: z.string().max(100).optional(),
  subjectId: z.string().max(200).optional(),
  actorUserId: z.string().uuid().optional(),
  /** Paging: entries with id below this (use `nextBeforeId` of the previous page). */
  beforeId: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actorUserId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    organizationId: z.string().nullable(),
    organizationCode: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z
  .object({ items: z.array(AuditEntrySchema), nextBeforeId: z.string().nullable() })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditVerificationSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    firstBadId: z.string().nullable(),
    reason: z.enum(['hash_mismatch', 'broken_link']).nullable(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerificationResult = z.infer<typeof AuditVerificationSchema>;

export const OutboxQuerySchema = z.object({
  to: z.string().max(320).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const OutboxEmailSchema = z
  .object({
    id: z.string().uuid(),
    toAddress: z.string(),
    subject: z.string(),
    bodyText: z.string(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'OutboxEmail' });
export type OutboxEmail = z.infer<typeof OutboxEmailSchema>;

export const OutboxListSchema = z
  .object({ total: z.number().int(), items: z.array(OutboxEmailSchema) })
  .meta({ id: 'OutboxList' });
export type OutboxList = z.infer<typeof OutboxListSchema>;
