/**
 * The hash chain of the audit log. Each entry's hash is SHA-256 over the previous entry's hash and a
 * canonical JSON of the entry (keys sorted at every level), so changing, removing or reordering any
 * row breaks every hash after it. The first entry chains from GENESIS_HASH.
 */
import crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedAuditFields {
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  organizationId: string | null;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted recursively, so jsonb's own key order does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export function computeAuditHash(prevHash: string, fields: HashedAuditFields): string {
  const body = canonicalJson({ ...fields, at: fields.at.toISOString() });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
