/**
 * The Thai indicators TH01–TH07 as a fold/reduce, like the Cardinal engine: {@link createThaiState},
 * {@link foldThaiProcess} per contracting process, {@link mergeThaiStates} to combine partitions
 * (worker threads, or buyers on several machines), and {@link finalizeThaiFlags} for the flags.
 * The state is plain data (Maps, arrays, bigint) so it crosses worker threads by structured clone.
 * Results do not depend on how the input was partitioned: finalize sorts everything.
 */
import type { ThaiIndicatorCode } from './definitions.ts';
import { extractThaiProcess, ocdsDate, type ThaiProcess } from './facts.ts';
import { nameKeys, normalizeTaxId } from './names.ts';
import { sortVersions, versionFor, type ThresholdVersion } from './thresholds.ts';

/** Evidence values are JSON (money as satang strings). */
export type EvidenceValue = string | number | boolean | null | string[];

export interface ThaiFlag {
  code: ThaiIndicatorCode;
  ocid: string;
  buyerId: string | null;
  /** The supplier the flag is about, when it is about one. */
  supplierId: string | null;
  /** The indicator's number: purchases in the window, awards, discount, share, days… */
  value: number;
  /** Id of the thresholds version used. */
  thresholdsVersion: string;
  evidence: Record<string, EvidenceValue>;
}

/** One person or firm on the office's list (TH07). */
export interface OfficialEntry {
  /** The list row's own id, for the evidence. */
  id: string;
  name: string;
  taxId?: string | null | undefined;
  position?: string | null | undefined;
  /** Only flag purchases by these buyers (empty = any buyer). */
  buyerIds?: string[] | undefined;
}

export interface ThaiConfigInput {
  versions: readonly ThresholdVersion[];
  officials?: readonly OfficialEntry[];
  /** Registration dates of suppliers (yyyy-mm-dd) by 13-digit tax ID or by OCDS supplier id. */
  registrations?: ReadonlyMap<string, string>;
}

export interface ThaiConfig {
  versions: ThresholdVersion[];
  versionOf: (isoDate: string | undefined) => ThresholdVersion;
  officialsByTaxId: Map<string, OfficialEntry[]>;
  officialsByName: Map<string, OfficialEntry[]>;
  registrations: ReadonlyMap<string, string>;
}

/** A purchase in a TH01 group: [Bangkok date, satang, ocid, supplier id]. */
type SplitEntry = [string, bigint, string, string | null];

export interface ThaiState {
  processes: number;
  /** Flags already final at fold time (TH03, TH04, TH06, TH07). */
  flags: ThaiFlag[];
  /** TH01: `version|limit|kind|buyer|key` → purchases. */
  split: Map<string, SplitEntry[]>;
  /** TH02: `version|buyer|supplier|fiscal year` → [ocids, total satang]. */
  repeated: Map<string, [string[], bigint]>;
  /** TH05: `version|buyer|fiscal year` → [awards, total, awards at year end, total at year end, [ocid, satang][]]. */
  yearEnd: Map<string, [number, bigint, number, bigint, Array<[string, bigint]>]>;
}

const SEP = '\u0000';

export function compileThaiConfig(input: ThaiConfigInput): ThaiConfig {
  const versions = sortVersions(input.versions);
  const officialsByTaxId = new Map<string, OfficialEntry[]>();
  const officialsByName = new Map<string, OfficialEntry[]>();
  const push = (map: Map<string, OfficialEntry[]>, key: string, entry: OfficialEntry) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  for (const entry of input.officials ?? []) {
    const tin = normalizeTaxId(entry.taxId);
    if (tin) push(officialsByTaxId, tin, entry);
    for (const key of nameKeys(entry.name)) push(officialsByName, key, entry);
  }
  return { versions, versionOf: (d) => versionFor(versions, d), officialsByTaxId, officialsByName, registrations: input.registrations ?? new Map() };
}

export function createThaiState(): ThaiState {
  return { processes: 0, flags: [], split: new Map(), repeated: new Map(), yearEnd: new Map() };
}

/** Days since 1970-01-01 of a yyyy-mm-dd date. */
export function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;
}

/** The Thai fiscal year (BE) of a Bangkok yyyy-mm-dd date: October starts the next year. */
export function fiscalYearOfIsoDate(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return (month >= 10 ? year + 1 : year) + 543;
}

/** True when a Bangkok date is within the last `lastDays` days of its fiscal year (ending 30 Sep). */
export function isYearEnd(isoDate: string, lastDays: number): boolean {
  const fyEndCE = fiscalYearOfIsoDate(isoDate) - 543;
  return dayNumber(`${fyEndCE}-09-30`) - dayNumber(isoDate) < lastDays;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const satangText = (s: bigint) => s.toString();

/** Folds one parsed compiled release (skipped if it has no string ocid or its tender is cancelled). */
export function foldThaiRelease(config: ThaiConfig, state: ThaiState, release: unknown): ThaiProcess | undefined {
  const p = extractThaiProcess(release, config.versionOf);
  if (p) foldThaiProcess(config, state, p);
  return p;
}

/** Folds the facts of one process. */
export function foldThaiProcess(config: ThaiConfig, state: ThaiState, p: ThaiProcess): void {
  state.processes++;
  const dates = p.awards.map((a) => ocdsDate(a.date)).filter((d): d is string => d !== undefined).sort();
  const processDate = dates[0];
  const v = config.versionOf(processDate);
  const buyer = p.buyerId ?? null;
  const base = { ocid: p.ocid, buyerId: buyer, thresholdsVersion: v.id };
  let total: bigint | undefined;
  for (const a of p.awards) if (a.amount !== undefined) total = (total ?? 0n) + a.amount;

  // TH03 single bidder
  if (p.thaiMethod && v.TH03.methods.includes(p.thaiMethod) && p.tenderers === 1) {
    state.flags.push({ ...base, code: 'TH03', supplierId: p.awards[0]?.suppliers[0]?.id ?? null, value: 1, evidence: { method: p.thaiMethod, procurementMethodDetails: p.procurementMethodDetails ?? null, tenderers: 1 } });
  }

  // TH04 at or near the reference price: award ≥ reference × (1 − max discount)
  if (p.thaiMethod && v.TH04.methods.includes(p.thaiMethod) && p.referencePrice !== undefined && p.referencePrice > 0n && total !== undefined && total > 0n) {
    const ref = p.referencePrice;
    if (total * 10_000n >= ref * BigInt(10_000 - v.TH04.maxDiscountBasisPoints)) {
      const discountBp = Number(((ref - total) * 1_000_000n) / ref) / 100; // in basis points, 2 decimals
      state.flags.push({
        ...base,
        code: 'TH04',
        supplierId: p.awards[0]?.suppliers[0]?.id ?? null,
        value: discountBp / 10_000,
        evidence: { method: p.thaiMethod, referencePriceSatang: satangText(ref), awardSatang: satangText(total), discountPercent: (discountBp / 100).toFixed(2), maxDiscountPercent: (v.TH04.maxDiscountBasisPoints / 100).toFixed(2) },
      });
    }
  }

  for (const award of p.awards) {
    const awardDate = ocdsDate(award.date);
    for (const s of award.suppliers) {
      const tin = normalizeTaxId(s.identifierId) ?? normalizeTaxId(s.id);
      // TH06 new company
      const registered = ocdsDate(s.registrationDate ?? (tin ? config.registrations.get(tin) : undefined) ?? config.registrations.get(s.id));
      if (registered && awardDate) {
        const age = dayNumber(awardDate) - dayNumber(registered);
        if (age < v.TH06.minCompanyAgeDays) {
          state.flags.push({ ...base, code: 'TH06', supplierId: s.id, value: age, evidence: { supplierName: s.name ?? null, registrationDate: registered, awardDate, ageDays: age, minCompanyAgeDays: v.TH06.minCompanyAgeDays } });
        }
      }
      // TH07 linked official
      const byTin = tin ? config.officialsByTaxId.get(tin) : undefined;
      let matches: Array<[OfficialEntry, 'taxId' | 'name']> = (byTin ?? []).map((e) => [e, 'taxId']);
      if (matches.length === 0 && v.TH07.matchByName) {
        const seen = new Set<OfficialEntry>();
        for (const key of nameKeys(s.name)) for (const e of config.officialsByName.get(key) ?? []) if (!seen.has(e)) seen.add(e), matches.push([e, 'name']);
      }
      matches = matches.filter(([e]) => !e.buyerIds?.length || (buyer !== null && e.buyerIds.includes(buyer)));
      const first = matches[0];
      if (first) {
        state.flags.push({
          ...base,
          code: 'TH07',
          supplierId: s.id,
          value: matches.length,
          evidence: { supplierName: s.name ?? null, matchedBy: first[1], officialName: first[0].name, officialPosition: first[0].position ?? null, listEntryIds: matches.map(([e]) => e.id) },
        });
      }
    }
  }

  if (buyer === null || !processDate) return;
  const fy = fiscalYearOfIsoDate(processDate);

  // TH01 split purchases and TH02 repeated awards: specific method only
  if (p.thaiMethod === 'specific') {
    for (const award of p.awards) {
      const date = ocdsDate(award.date) ?? processDate;
      if (award.amount !== undefined) {
        for (const limitText of v.TH01.limitsSatang) {
          if (award.amount > BigInt(limitText)) continue;
          if (v.TH01.groupBy.includes('supplier')) {
            for (const s of award.suppliers) add(state.split, [v.id, limitText, 'supplier', buyer, s.id].join(SEP), [date, award.amount, p.ocid, s.id] as SplitEntry);
          }
          const category = p.classificationIds[0]?.slice(0, v.TH01.categoryDigits) ?? p.mainProcurementCategory;
          if (v.TH01.groupBy.includes('category') && category) {
            add(state.split, [v.id, limitText, 'category', buyer, category].join(SEP), [date, award.amount, p.ocid, award.suppliers[0]?.id ?? null] as SplitEntry);
          }
        }
      }
      for (const s of award.suppliers) {
        const key = [v.id, buyer, s.id, fy].join(SEP);
        const entry = state.repeated.get(key);
        if (entry) {
          if (!entry[0].includes(p.ocid)) entry[0].push(p.ocid);
          entry[1] += award.amount ?? 0n;
        } else state.repeated.set(key, [[p.ocid], award.amount ?? 0n]);
      }
    }
  }

  // TH05 year-end rush: per buyer and fiscal year
  const key = [v.id, buyer, fy].join(SEP);
  const entry = state.yearEnd.get(key) ?? [0, 0n, 0, 0n, []];
  entry[0]++;
  entry[1] += total ?? 0n;
  if (isYearEnd(processDate, v.TH05.lastDays)) {
    entry[2]++;
    entry[3] += total ?? 0n;
    entry[4].push([p.ocid, total ?? 0n]);
  }
  state.yearEnd.set(key, entry);
}

/** Combines two states (either order gives the same final flags). `earlier` is reused. */
export function mergeThaiStates(earlier: ThaiState, later: ThaiState): ThaiState {
  earlier.processes += later.processes;
  for (const f of later.flags) earlier.flags.push(f);
  for (const [k, list] of later.split) {
    const mine = earlier.split.get(k);
    if (mine) for (const e of list) mine.push(e);
    else earlier.split.set(k, list);
  }
  for (const [k, [ocids, total]] of later.repeated) {
    const mine = earlier.repeated.get(k);
    if (mine) {
      for (const o of ocids) if (!mine[0].includes(o)) mine[0].push(o);
      mine[1] += total;
    } else earlier.repeated.set(k, [ocids, total]);
  }
  for (const [k, e] of later.yearEnd) {
    const mine = earlier.yearEnd.get(k);
    if (mine) {
      mine[0] += e[0];
      mine[1] += e[1];
      mine[2] += e[2];
      mine[3] += e[3];
      for (const x of e[4]) mine[4].push(x);
    } else earlier.yearEnd.set(k, e);
  }
  return earlier;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Computes the flags of the whole dataset. Deterministic order: code, ocid, supplier. */
export function finalizeThaiFlags(config: ThaiConfig, state: ThaiState): ThaiFlag[] {
  const out: ThaiFlag[] = [...state.flags];
  const byId = new Map(config.versions.map((v) => [v.id, v]));

  // TH01: sliding windows per group; one flag per (ocid, supplier) with the largest window.
  const split = new Map<string, ThaiFlag>();
  for (const [key, rawEntries] of [...state.split].sort(([a], [b]) => compareText(a, b))) {
    const [versionId, limitText, kind, buyer, groupKey] = key.split(SEP) as [string, string, 'supplier' | 'category', string, string];
    const v = byId.get(versionId)!;
    const limit = BigInt(limitText);
    const entries = [...rawEntries].sort((a, b) => compareText(a[0], b[0]) || compareText(a[2], b[2]) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const days = entries.map((e) => dayNumber(e[0]));
    let left = 0;
    let sum = 0n;
    for (let right = 0; right < entries.length; right++) {
      sum += entries[right]![1];
      while (days[right]! - days[left]! >= v.TH01.windowDays) sum -= entries[left++]![1];
      const count = right - left + 1;
      if (count < v.TH01.minAwards || sum <= limit) continue;
      const window = entries.slice(left, right + 1);
      for (const [, , ocid, supplierId] of window) {
        const id = `${ocid}${SEP}${kind === 'supplier' ? supplierId : ''}`;
        const prev = split.get(id);
        if (prev && prev.value >= count) continue;
        split.set(id, {
          code: 'TH01',
          ocid,
          buyerId: buyer,
          supplierId: kind === 'supplier' ? supplierId : null,
          value: count,
          thresholdsVersion: versionId,
          evidence: {
            groupBy: kind,
            group: groupKey,
            limitSatang: limitText,
            windowDays: v.TH01.windowDays,
            windowStart: window[0]![0],
            windowEnd: window[window.length - 1]![0],
            purchases: count,
            totalSatang: satangText(sum),
            ocids: window.slice(0, 50).map((e) => e[2]),
          },
        });
      }
    }
  }
  out.push(...split.values());

  // TH02 repeated specific-method awards
  for (const [key, [ocids, total]] of state.repeated) {
    const [versionId, buyer, supplierId, fy] = key.split(SEP) as [string, string, string, string];
    const v = byId.get(versionId)!;
    if (ocids.length < v.TH02.minAwards) continue;
    const sorted = [...ocids].sort(compareText);
    for (const ocid of sorted) {
      out.push({ code: 'TH02', ocid, buyerId: buyer, supplierId, value: ocids.length, thresholdsVersion: versionId, evidence: { fiscalYear: Number(fy), awards: ocids.length, totalSatang: satangText(total), minAwards: v.TH02.minAwards, ocids: sorted.slice(0, 50) } });
    }
  }

  // TH05 year-end rush
  for (const [key, [count, total, endCount, endTotal, endOcids]] of state.yearEnd) {
    const [versionId, buyer, fy] = key.split(SEP) as [string, string, string];
    const v = byId.get(versionId)!;
    if (count < v.TH05.minAwardsInYear || total <= 0n || endCount === 0) continue;
    const minShareBp = BigInt(Math.round(v.TH05.minShare * 10_000));
    if (endTotal * 10_000n < total * minShareBp) continue;
    const share = Number((endTotal * 1_000_000n) / total) / 1_000_000;
    for (const [ocid, amount] of [...endOcids].sort((a, b) => compareText(a[0], b[0]))) {
      out.push({
        code: 'TH05',
        ocid,
        buyerId: buyer,
        supplierId: null,
        value: share,
        thresholdsVersion: versionId,
        evidence: { fiscalYear: Number(fy), lastDays: v.TH05.lastDays, awardSatang: satangText(amount), yearEndSatang: satangText(endTotal), yearTotalSatang: satangText(total), share: share.toFixed(4), minShare: v.TH05.minShare, awardsInYear: count, awardsAtYearEnd: endCount },
      });
    }
  }

  return out.sort((a, b) => compareText(a.code, b.code) || compareText(a.ocid, b.ocid) || compareText(a.supplierId ?? '', b.supplierId ?? ''));
}

/** One-call helper: flags of parsed compiled releases on the current thread. */
export function computeThaiFlags(releases: Iterable<unknown>, input: ThaiConfigInput): { flags: ThaiFlag[]; processes: number } {
  const config = compileThaiConfig(input);
  const state = createThaiState();
  for (const r of releases) foldThaiRelease(config, state, r);
  return { flags: finalizeThaiFlags(config, state), processes: state.processes };
}

