/**
 * `prepare`: corrects data-quality issues in OCDS compiled releases before `flags`, as Cardinal's
 * `prepare` command does, and reports the issues it finds as CSV rows
 * (`line,ocid,path,array indexes,incorrect value,error description`).
 *
 * Always on: objects are wrapped in arrays at `/bids/details[]/tenderers` and `/awards[]/suppliers`,
 * and organisation/award ids are turned into strings. The rest follows the settings' `[defaults]`,
 * `[redactions]`, `[corrections]`, `[modifications]` and `[codelists.*]` sections. Key order is
 * kept; new keys are appended, like serde_json with `preserve_order`.
 */
import {
  decodeUtf8Line,
  formatNumber,
  isJsonNumber,
  type JsonObject,
  type JsonValue,
  parseJson,
  stringifyJson,
} from './json.ts';
import type { PrepareSettings } from './settings.ts';

/** One quality issue. `indexes` are the array indexes along `path`, joined with periods. */
export interface QualityIssue {
  line: number;
  ocid: string;
  path: string;
  indexes: string;
  value: string;
  description: 'not set' | 'invalid' | 'is zero';
}

/** The result of preparing one line. */
export interface PreparedLine {
  /** The corrected JSON text, or undefined if the line was skipped (invalid JSON or not an object). */
  output: string | undefined;
  issues: QualityIssue[];
}

const BID_STATUS = new Set(['invited', 'pending', 'valid', 'disqualified', 'withdrawn']);
const AWARD_STATUS = new Set(['pending', 'active', 'cancelled', 'unsuccessful']);

const asObject = (v: JsonValue | undefined): JsonObject | undefined => (v instanceof Map ? v : undefined);
const asArray = (v: JsonValue | undefined): JsonValue[] | undefined => (Array.isArray(v) ? v : undefined);

/** Turns a numeric id into a string (`1` → `"1"`); other values are returned unchanged. */
function idToString(v: JsonValue | undefined): JsonValue | undefined {
  return isJsonNumber(v) ? formatNumber(v) : v;
}

/** Normalises an `id` key in place; returns the string id if there is one. */
function normaliseId(o: JsonObject, key = 'id'): string | undefined {
  if (!o.has(key)) return undefined;
  const v = idToString(o.get(key));
  o.set(key, v!);
  return typeof v === 'string' ? v : undefined;
}

/** Wraps an object in an array where an array is expected. */
function wrap(o: JsonObject, key: string): JsonValue[] | undefined {
  const v = o.get(key);
  if (v instanceof Map) {
    const arr = [v];
    o.set(key, arr);
    return arr;
  }
  return asArray(v);
}

/**
 * Corrects one compiled release (an ordered object) in place. `line` is 1-based; issues found are
 * returned.
 */
export function prepareRelease(release: JsonObject, settings: PrepareSettings, line = 0): QualityIssue[] {
  const issues: QualityIssue[] = [];
  const ocidValue = release.get('ocid');
  const ocid = typeof ocidValue === 'string' ? ocidValue : '';
  const issue = (path: string, indexes: number[], value: string, description: QualityIssue['description']) =>
    issues.push({ line, ocid, path, indexes: indexes.join('.'), value, description });
  const { defaults, redactions, modifications, codelists } = settings;
  const redactedIds = new Set(redactions.organizationId ?? []);

  // An organisation reference: string id, redact placeholder, add prefix.
  const orgRef = (o: JsonObject, prefix: string | undefined): string | undefined => {
    const id = normaliseId(o);
    if (id === undefined) return undefined;
    if (redactedIds.has(id)) {
      o.delete('id');
      return undefined;
    }
    if (prefix && !id.startsWith(prefix)) {
      o.set('id', prefix + id);
      return prefix + id;
    }
    return id;
  };

  if (modifications.moveAuctions) {
    const moved: JsonValue[] = [];
    for (const auction of asArray(release.get('auctions')) ?? []) {
      for (const stage of asArray(asObject(auction)?.get('stages')) ?? []) {
        const s = asObject(stage);
        const bids = asArray(s?.get('bids'));
        if (s && bids) {
          moved.push(...bids);
          s.delete('bids');
        }
      }
    }
    if (moved.length > 0) {
      let bids = asObject(release.get('bids'));
      if (!bids) release.set('bids', (bids = new Map()));
      const details = asArray(bids.get('details'));
      if (details) details.push(...moved);
      else bids.set('details', moved);
    }
  }

  const tender = asObject(release.get('tender'));
  if (tender && modifications.splitProcurementMethodDetails) {
    const pmd = tender.get('procurementMethodDetails');
    if (typeof pmd === 'string') {
      const at = pmd.indexOf(modifications.splitProcurementMethodDetails);
      if (at >= 0) tender.set('procurementMethodDetails', pmd.slice(0, at).trim());
    }
  }

  const buyerOrEntity = modifications.prefixBuyerOrProcuringEntityId;
  const tendererOrSupplier = modifications.prefixTendererOrSupplierId;
  const roles = new Map<string, Set<string>>();
  const addRole = (id: string | undefined, role: string) => {
    if (id === undefined) return;
    (roles.get(id) ?? roles.set(id, new Set()).get(id)!).add(role);
  };

  const buyer = asObject(release.get('buyer'));
  if (buyer) addRole(orgRef(buyer, buyerOrEntity), 'buyer');
  const entity = asObject(tender?.get('procuringEntity'));
  if (entity) addRole(orgRef(entity, buyerOrEntity), 'procuringEntity');

  const classification = (items: JsonValue[] | undefined, stringIds: boolean) => {
    for (const item of items ?? []) {
      const c = asObject(asObject(item)?.get('classification'));
      if (!c) continue;
      if (stringIds) normaliseId(c);
      if (defaults.itemClassificationScheme !== undefined && !c.has('scheme')) c.set('scheme', defaults.itemClassificationScheme);
    }
  };

  const details = asArray(asObject(release.get('bids'))?.get('details'));
  details?.forEach((entry, b) => {
    const bid = asObject(entry);
    if (!bid) return;
    const tenderers = wrap(bid, 'tenderers');
    for (const t of tenderers ?? []) {
      const o = asObject(t);
      if (o) addRole(orgRef(o, tendererOrSupplier), 'tenderer');
    }
    const value = asObject(bid.get('value'));
    if (value) {
      const amount = value.get('amount');
      if (isJsonNumber(amount)) {
        if (redactions.amount?.includes(amount.value)) value.delete('amount');
        else if (amount.value === 0) issue('/bids/details[]/value/amount', [b], formatNumber(amount), 'is zero');
      }
      if (value.has('amount') && !value.has('currency')) {
        if (defaults.currency !== undefined) value.set('currency', defaults.currency);
        else issue('/bids/details[]/value/currency', [b], '', 'not set');
      }
    }
    classification(asArray(bid.get('items')), false);
    status(bid, codelists.bidStatus, BID_STATUS, defaults.bidStatus, '/bids/details[]/status', b);
  });

  const awards = asArray(release.get('awards'));
  awards?.forEach((entry, a) => {
    const award = asObject(entry);
    if (!award) return;
    normaliseId(award);
    for (const s of wrap(award, 'suppliers') ?? []) {
      const o = asObject(s);
      if (o) addRole(orgRef(o, tendererOrSupplier), 'supplier');
    }
    classification(asArray(award.get('items')), true);
    status(award, codelists.awardStatus, AWARD_STATUS, defaults.awardStatus, '/awards[]/status', a);
  });

  const contracts = asArray(release.get('contracts'));
  for (const c of contracts ?? []) {
    const o = asObject(c);
    if (o) normaliseId(o, 'awardID');
  }

  for (const p of asArray(release.get('parties')) ?? []) {
    const party = asObject(p);
    if (!party) continue;
    const id = normaliseId(party);
    if (id !== undefined && redactedIds.has(id)) party.delete('id');
  }

  if (settings.corrections.awardStatusByContractStatus && awards && contracts) {
    for (const entry of awards) {
      const award = asObject(entry);
      const id = award?.get('id');
      if (!award || typeof id !== 'string') continue;
      const related = contracts.map(asObject).filter((c) => c?.get('awardID') === id);
      if (related.length > 0 && related.every((c) => c!.get('status') === 'cancelled')) award.set('status', 'cancelled');
    }
  }

  if (defaults.partyRoles) {
    for (const p of asArray(release.get('parties')) ?? []) {
      const party = asObject(p);
      const id = party?.get('id');
      if (!party || typeof id !== 'string') continue;
      const wanted = roles.get(id);
      if (!wanted) continue;
      const current = asArray(party.get('roles')) ?? [];
      const have = new Set(current.filter((r): r is string => typeof r === 'string'));
      if ([...wanted].every((r) => have.has(r))) continue;
      for (const r of wanted) have.add(r);
      party.set('roles', [...have].sort());
    }
  }

  function status(o: JsonObject, codelist: Map<string, string>, valid: Set<string>, fallback: string | undefined, path: string, index: number) {
    const current = o.get('status');
    if (typeof current === 'string') {
      const mapped = codelist.get(current) ?? current;
      if (mapped !== current) o.set('status', mapped);
      if (!valid.has(mapped)) issue(path, [index], mapped, 'invalid');
    } else if (current === undefined || current === null) {
      if (fallback !== undefined) o.set('status', fallback);
      else issue(path, [index], '', 'not set');
    }
  }

  return issues;
}

/** Prepares one line of JSON Lines text. Invalid JSON, invalid UTF-8 and non-objects are skipped. */
export function prepareLine(bytes: Uint8Array, settings: PrepareSettings, line: number): PreparedLine {
  const text = decodeUtf8Line(bytes);
  if (text === undefined || text.trim() === '') return { output: undefined, issues: [] };
  let value: JsonValue;
  try {
    value = parseJson(text);
  } catch {
    return { output: undefined, issues: [] };
  }
  if (!(value instanceof Map)) return { output: undefined, issues: [] };
  const issues = prepareRelease(value, settings, line);
  return { output: stringifyJson(value), issues };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Formats an issue as a CSV row (no trailing newline). */
export function issueToCsv(issue: QualityIssue): string {
  return [String(issue.line), issue.ocid, issue.path, issue.indexes, issue.value, issue.description].map(csvField).join(',');
}
