/**
 * Audit trail (Decidim's "traceability"): every write records who, what, when, and the record
 * before and after, in the same transaction as the write, appended to a hash chain.
 */
import { actorLabel, type Actor } from '../auth/actor.ts';
import type { Database, Tx } from '../db/database.ts';
import { computeAuditHash, GENESIS_HASH } from './audit-hash.ts';
import { createAuditRepository } from './audit.repository.ts';

export interface AuditEvent {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  organizationId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface RequestContext {
  requestId?: string | null;
  ip?: string | null;
  /** The time of the write; services pass the request's clock so tests can fix it. */
  now?: Date;
}

/** Plain JSON (Dates → ISO strings, bigint → strings, undefined dropped), as jsonb will store it. */
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

const repository = createAuditRepository();

/** Appends an entry to the audit chain inside `tx`. */
export async function recordAudit(tx: Tx, actor: Actor, event: AuditEvent, context: RequestContext = {}): Promise<void> {
  await repository.lockChain(tx);
  const prevHash = (await repository.findLastHash(tx)) ?? GENESIS_HASH;
  const fields = {
    at: new Date(Math.floor((context.now ?? new Date()).getTime())),
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorLabel: actorLabel(actor),
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId ?? null,
    organizationId: event.organizationId ?? null,
    before: toJson(event.before),
    after: toJson(event.after),
  };
  const hash = computeAuditHash(prevHash, fields);
  await repository.insert(tx, {
    ...fields,
    before: fields.before === null ? null : JSON.stringify(fields.before),
    after: fields.after === null ? null : JSON.stringify(fields.after),
    requestId: context.requestId ?? null,
    ip: context.ip ?? null,
    prevHash,
    hash,
  });
}

export type AuditVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; firstBadId: string; reason: 'hash_mismatch' | 'broken_link' };

/** Recomputes the whole chain, oldest first, and reports the first row that does not match. */
export async function verifyAuditChain(db: Database, onProgress?: (checked: number) => void): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let afterId = '0';
  let checked = 0;
  for (;;) {
    const rows = await repository.listAfter(db, afterId, 5000);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, checked, firstBadId: row.id, reason: 'broken_link' };
      const expected = computeAuditHash(prevHash, {
        at: row.at,
        actorUserId: row.actorUserId,
        actorLabel: row.actorLabel,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        organizationId: row.organizationId,
        before: row.before,
        after: row.after,
      });
      if (expected !== row.hash) return { ok: false, checked, firstBadId: row.id, reason: 'hash_mismatch' };
      prevHash = row.hash;
      afterId = row.id;
      checked++;
    }
    onProgress?.(checked);
  }
}

export { createAuditRepository };
