/**
 * Comparing two versions of a plan: which plan-level fields changed, and which items were added,
 * removed or changed (matched by their stable item key). Pure; values are compared as JSON.
 */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ComparableItem {
  itemKey: string;
  nameTh: string;
  updatedBy?: string | null;
  updatedAt?: string | null;
  [field: string]: unknown;
}

export interface ItemChange {
  itemKey: string;
  change: 'added' | 'removed' | 'changed';
  nameTh: string;
  fields: FieldChange[];
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Canonical JSON (sorted keys) so that key order never counts as a change. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === 'bigint') return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    return v;
  });
}

export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): FieldChange[] {
  return fields.filter((f) => canonicalJson(before[f]) !== canonicalJson(after[f])).map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }));
}

const IGNORED = new Set(['itemKey', 'updatedBy', 'updatedAt', 'id']);

export function diffItems(before: readonly ComparableItem[], after: readonly ComparableItem[]): ItemChange[] {
  const old = new Map(before.map((i) => [i.itemKey, i]));
  const now = new Map(after.map((i) => [i.itemKey, i]));
  const changes: ItemChange[] = [];
  for (const a of after) {
    const b = old.get(a.itemKey);
    if (!b) {
      changes.push({ itemKey: a.itemKey, change: 'added', nameTh: a.nameTh, fields: [], updatedBy: a.updatedBy ?? null, updatedAt: a.updatedAt ?? null });
      continue;
    }
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !IGNORED.has(f)).sort();
    const diff = diffFields(b, a, fields);
    if (diff.length > 0) changes.push({ itemKey: a.itemKey, change: 'changed', nameTh: a.nameTh, fields: diff, updatedBy: a.updatedBy ?? null, updatedAt: a.updatedAt ?? null });
  }
  for (const b of before) if (!now.has(b.itemKey)) changes.push({ itemKey: b.itemKey, change: 'removed', nameTh: b.nameTh, fields: [], updatedBy: null, updatedAt: null });
  return changes;
}
