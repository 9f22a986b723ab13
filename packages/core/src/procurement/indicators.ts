/**
 * The red-flag engine: Cardinal's 11 indicators (R003, R018, R024, R025, R028, R030, R035, R036,
 * R038, R048, R058) over OCDS compiled releases, reproducing `ocdscardinal indicators` output.
 *
 * The work is a fold/reduce: {@link createFlagsState} makes an empty state, {@link foldProcess}
 * adds one process, {@link mergeFlagsStates} combines the states of consecutive chunks (in file
 * order), and {@link finalizeFlags} computes the dataset-relative fences and the results. States
 * are plain data (Maps, arrays, numbers), so they cross `worker_threads` by structured clone.
 *
 * A flag is a lead for review, not proof of wrongdoing.
 */
import { formatF64 } from './json.ts';
import { quantileSorted, round4, sortNumbers } from './quantile.ts';
import type { BidFacts, ProcessFacts } from './record.ts';
import { type IndicatorCode, INDICATOR_CODES, type Settings } from './settings.ts';

/** Output groups, in output order. */
export const GROUPS = ['OCID', 'Buyer', 'ProcuringEntity', 'Tenderer'] as const;
/** One output group. */
export type Group = (typeof GROUPS)[number];

/** `{indicator code: value}` for one identifier. Every value is a float. */
export type IndicatorValues = Partial<Record<IndicatorCode, number>>;
/** Results of one group: identifier → indicator values, in insertion order. */
export type GroupResults = Map<string, IndicatorValues>;

/** Names of the `Maps` entries (as in Cardinal's `--map` output). */
export type MapName =
  | 'ocid_tenderer_r024'
  | 'ocid_tenderer_r028'
  | 'ocid_tenderer_r030'
  | 'ocid_tenderer_r035'
  | 'ocid_tenderer_r058'
  | 'ocid_buyer_r038'
  | 'ocid_procuringentity_r038';

/** The mergeable fold state. Plain data only. */
export interface FlagsState {
  /** Main currency: fixed by settings, or adopted from the first amount observed. */
  currency: string | null;
  /** True if `currency` came from settings or the caller (never re-adopted). */
  currencyFixed: boolean;
  /** Number of processes folded (after the ocid/exclusion checks). */
  processes: number;
  /** Per-process results already final at fold time (R003, R018, R028, R030, R035, R036). */
  ocid: GroupResults;
  tenderer: GroupResults;
  /** Maps for per-process indicators (ocid → tenderer ids), recorded if `mapsEnabled`. */
  maps: Map<MapName, Map<string, string[]>>;
  mapsEnabled: boolean;
  /** R024/R058: per eligible process, the ratio (runner-up − winner) / winner. */
  ratioOcids: string[];
  ratios: number[];
  ratioWinners: string[];
  ratioSeconds: string[];
  /** R025: tenderer → [processes with a valid single-tenderer bid, processes won]. */
  r025: Map<string, [number, number]>;
  /** R038: id → [submitted bids, disqualified bids], per buyer, procuring entity and tenderer. */
  r038Buyer: Map<string, [number, number]>;
  r038ProcuringEntity: Map<string, [number, number]>;
  r038Tenderer: Map<string, [number, number]>;
  /** R048: supplier → [number of processes awarded, distinct classification prefixes]. */
  r048: Map<string, [number, Set<string>]>;
}

/** Options for {@link finalizeFlags}. */
export interface FinalizeOptions {
  /** Include the `Meta` key (quartiles and fences, rounded to 4 decimals). */
  meta?: boolean;
  /** Include the `Maps` key. */
  maps?: boolean;
}

/** The engine's output (see {@link flagsToJson} for Cardinal's JSON text). */
export interface FlagsResult {
  groups: Record<Group, GroupResults>;
  meta?: Map<string, Map<string, number>>;
  maps?: Map<MapName, Map<string, string | string[]>>;
}

/** Compiled settings used on the hot path. */
export interface FlagsConfig {
  settings: Settings;
  enabled: Set<IndicatorCode>;
  exclusions: Set<string> | null;
  priceInclude: Set<string> | null;
  priceExclude: Set<string> | null;
  r003Methods: Set<string> | null;
  r003Threshold: number;
  r003Details: Map<string, number>;
  r018Methods: Set<string>;
  r035Threshold: number;
  r048Digits: number;
  needRatio: boolean;
  /** Record the data for the `Maps` key while folding (costs memory on large inputs). */
  maps: boolean;
}

/** Default thresholds and minimums (Cardinal 0.0.8). */
export const DEFAULTS = {
  /** R003: minimum submission period, days (flag if strictly shorter). */
  r003Threshold: 15,
  /** R018: procurement methods checked. */
  r018Methods: ['open', 'selective'],
  /** R025: percentile of valid-bid counts for a "top tenderer". */
  r025Percentile: 75,
  /** R035: minimum number of other tenderers disqualified. */
  r035Threshold: 1,
  /** R038: minimum submitted bids for a tenderer. */
  r038MinimumSubmittedBids: 2,
  /** R038: minimum (submitted bids, as in Cardinal's code) for a buyer or procuring entity. */
  r038MinimumContractingProcesses: 2,
  /** R048: leading characters of the classification id that define a category. */
  r048Digits: 2,
  /** R048: minimum processes awarded to a supplier. */
  r048MinimumContractingProcesses: 20,
} as const;

/**
 * Compiles settings for the hot path. Pass `{ maps: true }` if `finalizeFlags` will be asked for
 * the `Maps` key.
 */
export function compileFlagsConfig(settings: Settings, options: { maps?: boolean } = {}): FlagsConfig {
  const enabled = new Set(INDICATOR_CODES.filter((code) => settings[code] !== undefined));
  const set = (list: string[] | undefined) => (list ? new Set(list) : null);
  return {
    settings,
    enabled,
    exclusions: set(settings.exclusions.procurementMethodDetails),
    priceInclude: set(settings.priceComparisonProcurementMethods),
    priceExclude: settings.priceComparisonProcurementMethods ? null : set(settings.noPriceComparisonProcurementMethods),
    r003Methods: set(settings.R003?.procurementMethods),
    r003Threshold: settings.R003?.threshold ?? DEFAULTS.r003Threshold,
    r003Details: settings.R003?.procurementMethodDetails ?? new Map(),
    r018Methods: new Set(settings.R018?.procurementMethods ?? DEFAULTS.r018Methods),
    r035Threshold: Math.max(1, settings.R035?.threshold ?? DEFAULTS.r035Threshold),
    r048Digits: settings.R048?.digits ?? DEFAULTS.r048Digits,
    needRatio: enabled.has('R024') || enabled.has('R058'),
    maps: options.maps === true,
  };
}

/** A new empty state. Pass `currency` to fix the main currency (otherwise settings, else adopt). */
export function createFlagsState(config: FlagsConfig, currency?: string | null): FlagsState {
  const fixed = currency ?? config.settings.currency ?? null;
  return {
    currency: fixed,
    currencyFixed: fixed !== null,
    processes: 0,
    ocid: new Map(),
    tenderer: new Map(),
    maps: new Map(),
    mapsEnabled: config.maps,
    ratioOcids: [],
    ratios: [],
    ratioWinners: [],
    ratioSeconds: [],
    r025: new Map(),
    r038Buyer: new Map(),
    r038ProcuringEntity: new Map(),
    r038Tenderer: new Map(),
    r048: new Map(),
  };
}

function put(group: GroupResults, id: string, code: IndicatorCode, value: number): void {
  const entry = group.get(id);
  if (entry) entry[code] = value;
  else group.set(id, { [code]: value });
}

function putMap(state: FlagsState, name: MapName, ocid: string, ids: string[]): void {
  if (!state.mapsEnabled) return;
  let map = state.maps.get(name);
  if (!map) state.maps.set(name, (map = new Map()));
  map.set(ocid, ids);
}

/** True if the amount's currency is the main currency; adopts the first one seen if none is set. */
function isMainCurrency(state: FlagsState, currency: string): boolean {
  if (state.currency === null) {
    state.currency = currency;
    return true;
  }
  return state.currency === currency;
}

const FINAL_AWARD = new Set(['active', 'cancelled', 'unsuccessful']);

/** Every award with a string status is active, cancelled or unsuccessful. */
function allAwardsFinal(p: ProcessFacts): boolean {
  for (const a of p.awards) if (a.status !== undefined && !FINAL_AWARD.has(a.status)) return false;
  return true;
}

/** A bid is submitted if its status is a string other than invited or withdrawn. */
function isSubmitted(bid: BidFacts): boolean {
  const s = bid.status;
  return s !== undefined && s !== 'invited' && s !== 'withdrawn';
}

function priceComparison(config: FlagsConfig, p: ProcessFacts): boolean {
  const pmd = p.procurementMethodDetails;
  if (config.priceInclude) return pmd !== undefined && config.priceInclude.has(pmd);
  if (config.priceExclude) return pmd === undefined || !config.priceExclude.has(pmd);
  return true;
}

/** The single string supplier id of the single active award, or undefined. */
function singleActiveSupplier(p: ProcessFacts): string | undefined {
  let winner: string | undefined;
  let active = 0;
  for (const a of p.awards) {
    if (a.status !== 'active') continue;
    if (++active > 1) return undefined;
    if (a.suppliers && a.suppliers.length === 1 && a.suppliers[0] !== null) winner = a.suppliers[0];
    else return undefined;
  }
  return winner;
}

function digitsAt(t: string, at: number, n: number): number {
  let v = 0;
  for (let k = at; k < at + n; k++) {
    const c = t.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses an RFC 3339 timestamp (`YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, timezone required) to
 * [whole seconds since the epoch, nanoseconds], or undefined if invalid (like chrono's
 * `DateTime::parse_from_rfc3339`).
 */
export function parseRfc3339(t: string): [number, number] | undefined {
  if (t.length < 20) return undefined;
  const y = digitsAt(t, 0, 4);
  const mo = digitsAt(t, 5, 2);
  const d = digitsAt(t, 8, 2);
  const h = digitsAt(t, 11, 2);
  const mi = digitsAt(t, 14, 2);
  const sec = digitsAt(t, 17, 2);
  const sep = t[10];
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) return undefined;
  if (t[4] !== '-' || t[7] !== '-' || (sep !== 'T' && sep !== 't' && sep !== ' ') || t[13] !== ':' || t[16] !== ':') return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]!)) return undefined;
  let i = 19;
  let nanos = 0;
  if (t[i] === '.') {
    const from = ++i;
    while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
    if (i === from) return undefined;
    nanos = Number(t.slice(from, Math.min(i, from + 9)).padEnd(9, '0'));
  }
  let offset = 0;
  const z = t[i];
  if ((z === 'Z' || z === 'z') && i + 1 === t.length) {
    offset = 0;
  } else if ((z === '+' || z === '-') && i + 6 === t.length && t[i + 3] === ':') {
    const oh = digitsAt(t, i + 1, 2);
    const om = digitsAt(t, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offset = (z === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  } else return undefined;
  if (sec === 60) nanos += 1e9; // leap second: chrono keeps it as 59 s + 1e9 ns
  const seconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + Math.min(sec, 59) - offset;
  return [seconds, nanos];
}

/** Whole days between two timestamps, truncated toward zero (chrono `Duration::num_days`). */
function wholeDays(start: [number, number], end: [number, number]): number {
  let secs = end[0] - start[0];
  let nanos = end[1] - start[1];
  if (nanos < 0) {
    secs -= 1;
    nanos += 1e9;
  }
  if (secs < 0 && nanos > 0) secs += 1;
  return Math.trunc(secs / 86400);
}

/**
 * Folds one process into the state. Processes without a string ocid, with a cancelled tender or
 * with an excluded `procurementMethodDetails` are skipped by every indicator.
 */
export function foldProcess(config: FlagsConfig, state: FlagsState, p: ProcessFacts): void {
  const ocid = p.ocid;
  if (ocid === undefined) return;
  if (p.tenderStatus === 'cancelled') return;
  if (config.exclusions && p.procurementMethodDetails !== undefined && config.exclusions.has(p.procurementMethodDetails)) return;
  state.processes++;
  const on = config.enabled;

  // R003 Short submission period: whole days of the tender period < threshold.
  if (on.has('R003') && p.tenderPeriodStart !== undefined && p.tenderPeriodEnd !== undefined) {
    if (!config.r003Methods || (p.procurementMethod !== undefined && config.r003Methods.has(p.procurementMethod))) {
      const start = parseRfc3339(p.tenderPeriodStart);
      const end = parseRfc3339(p.tenderPeriodEnd);
      if (start && end) {
        const pmd = p.procurementMethodDetails;
        const threshold = (pmd !== undefined ? config.r003Details.get(pmd) : undefined) ?? config.r003Threshold;
        if (wholeDays(start, end) < threshold) put(state.ocid, ocid, 'R003', 1);
      }
    }
  }

  // R018 Single bid received: numberOfTenderers == 1 for an open or selective procedure.
  if (on.has('R018') && p.numberOfTenderers === 1 && p.procurementMethod !== undefined && config.r018Methods.has(p.procurementMethod)) {
    put(state.ocid, ocid, 'R018', 1);
  }

  const final = allAwardsFinal(p);
  const price = priceComparison(config, p);

  // R024 / R058: ratio of the runner-up's lowest valid bid to the winner's lowest valid bid.
  if (config.needRatio && price && final) {
    const winner = singleActiveSupplier(p);
    if (winner !== undefined) {
      // Lowest valid bid per tenderer, in first-seen order (bids per process are few: arrays beat Maps).
      const ids: string[] = [];
      const lows: number[] = [];
      for (const bid of p.bids) {
        if (bid.status !== 'valid' || bid.amount === undefined || bid.currency === undefined) continue;
        const t = bid.tenderers;
        if (!t || t.length !== 1 || t[0] === null) continue;
        if (!isMainCurrency(state, bid.currency)) continue;
        const at = ids.indexOf(t[0]!);
        if (at < 0) {
          ids.push(t[0]!);
          lows.push(bid.amount);
        } else if (bid.amount < lows[at]!) lows[at] = bid.amount;
      }
      const w = ids.indexOf(winner);
      if (w >= 0) {
        const winning = lows[w]!;
        let second = -1;
        for (let k = 0; k < ids.length; k++) if (k !== w && (second < 0 || lows[k]! < lows[second]!)) second = k;
        if (second >= 0 && lows[second]! >= winning) {
          state.ratioOcids.push(ocid);
          state.ratios.push((lows[second]! - winning) / winning);
          state.ratioWinners.push(winner);
          state.ratioSeconds.push(ids[second]!);
        }
      }
    }
  }

  // R025: per tenderer, processes with a valid single-tenderer bid, and those won.
  if (on.has('R025') && final) {
    const winner = singleActiveSupplier(p);
    if (winner !== undefined) {
      const seen: string[] = [];
      for (const bid of p.bids) {
        const t = bid.tenderers;
        if (bid.status === 'valid' && t && t.length === 1 && t[0] !== null && !seen.includes(t[0]!)) seen.push(t[0]!);
      }
      for (const id of seen) {
        const entry = state.r025.get(id);
        const won = id === winner ? 1 : 0;
        if (entry) {
          entry[0]++;
          entry[1] += won;
        } else state.r025.set(id, [1, won]);
      }
    }
  }

  // R028 Identical bid prices: the same (amount, currency) from different sets of tenderers.
  if (on.has('R028') && price && hasRepeatedAmount(p.bids)) {
    const byPrice = new Map<string, { sets: Set<string>; ids: string[] }>();
    for (const bid of p.bids) {
      if (!isSubmitted(bid) || bid.amount === undefined || bid.currency === undefined || !bid.tenderers) continue;
      const ids = [...new Set(bid.tenderers.filter((t): t is string => t !== null))].sort();
      if (ids.length === 0) continue;
      const key = `${bid.amount}\u0000${bid.currency}`;
      let entry = byPrice.get(key);
      if (!entry) byPrice.set(key, (entry = { sets: new Set(), ids: [] }));
      entry.sets.add(ids.join('\u0000'));
      entry.ids.push(...ids);
    }
    const flagged = new Set<string>();
    for (const entry of byPrice.values()) if (entry.sets.size > 1) for (const id of entry.ids) flagged.add(id);
    if (flagged.size > 0) {
      put(state.ocid, ocid, 'R028', 1);
      for (const id of flagged) put(state.tenderer, id, 'R028', 1);
      putMap(state, 'ocid_tenderer_r028', ocid, [...flagged]);
    }
  }

  // R030 Late bid won: a valid bid dated after the tender period's end, by an active-award supplier.
  if (on.has('R030') && p.tenderPeriodEnd !== undefined) {
    const end = p.tenderPeriodEnd;
    let suppliers: Set<string> | undefined;
    const flagged: string[] = [];
    for (const bid of p.bids) {
      if (bid.status !== 'valid' || bid.date === undefined || !(bid.date > end) || !bid.tenderers) continue;
      suppliers ??= activeSupplierIds(p);
      for (const t of bid.tenderers) if (t !== null && suppliers.has(t) && !flagged.includes(t)) flagged.push(t);
    }
    if (flagged.length > 0) {
      put(state.ocid, ocid, 'R030', 1);
      for (const id of flagged) put(state.tenderer, id, 'R030', 1);
      putMap(state, 'ocid_tenderer_r030', ocid, flagged);
    }
  }

  // R035 All except winning bid disqualified.
  if (on.has('R035') && final) {
    let winner: string | undefined;
    let single = true;
    for (const bid of p.bids) {
      if (bid.status !== 'valid' || !bid.tenderers) continue;
      for (const t of bid.tenderers) {
        if (t === null) continue;
        if (winner === undefined) winner = t;
        else if (t !== winner) single = false;
      }
    }
    if (winner !== undefined && single) {
      const suppliers = activeSupplierIds(p);
      if (suppliers.size === 1 && suppliers.has(winner)) {
        const disqualified: string[] = [];
        for (const bid of p.bids) {
          if (bid.status === 'disqualified' && bid.tenderers) {
            for (const t of bid.tenderers) if (t !== null && t !== winner && !disqualified.includes(t)) disqualified.push(t);
          }
        }
        if (disqualified.length >= config.r035Threshold) {
          put(state.ocid, ocid, 'R035', disqualified.length);
          put(state.tenderer, winner, 'R035', 0);
          putMap(state, 'ocid_tenderer_r035', ocid, [winner]);
        }
      }
    }
  }

  // R036 Lowest bid disqualified.
  if (on.has('R036') && price && p.awards.some((a) => a.status === 'active')) {
    let lowest: BidFacts | undefined;
    let validAmount = false;
    for (const bid of p.bids) {
      if (!isSubmitted(bid) || bid.amount === undefined || bid.currency === undefined) continue;
      if (!isMainCurrency(state, bid.currency)) continue;
      if (bid.status === 'valid') validAmount = true;
      if (lowest === undefined || bid.amount < lowest.amount!) lowest = bid;
    }
    if (validAmount && lowest?.status === 'disqualified') put(state.ocid, ocid, 'R036', 1);
  }

  // R038 Excessive disqualified bids: counts per buyer, procuring entity and tenderer.
  if (on.has('R038')) {
    let submitted = 0;
    let disqualified = 0;
    for (const bid of p.bids) {
      if (!isSubmitted(bid)) continue;
      submitted++;
      const disq = bid.status === 'disqualified' ? 1 : 0;
      disqualified += disq;
      if (bid.tenderers) for (const t of bid.tenderers) if (t !== null) addPair(state.r038Tenderer, t, 1, disq);
    }
    if (submitted > 0) {
      if (p.buyerId !== undefined) {
        addPair(state.r038Buyer, p.buyerId, submitted, disqualified);
        if (disqualified > 0) putMap(state, 'ocid_buyer_r038', ocid, [p.buyerId]);
      }
      if (p.procuringEntityId !== undefined) {
        addPair(state.r038ProcuringEntity, p.procuringEntityId, submitted, disqualified);
        if (disqualified > 0) putMap(state, 'ocid_procuringentity_r038', ocid, [p.procuringEntityId]);
      }
    }
  }

  // R048 Heterogeneous supplier: distinct classification prefixes per single-supplier active award.
  if (on.has('R048')) {
    const counted: string[] = [];
    for (const a of p.awards) {
      if (a.status !== 'active' || !a.suppliers || a.suppliers.length !== 1 || a.suppliers[0] === null) continue;
      const supplier = a.suppliers[0]!;
      let entry = state.r048.get(supplier);
      if (!entry) state.r048.set(supplier, (entry = [0, new Set()]));
      if (!counted.includes(supplier)) {
        counted.push(supplier);
        entry[0]++;
      }
      for (const id of a.classificationIds) entry[1].add(id.slice(0, config.r048Digits));
    }
  }
}

/** Cheap pre-check for R028: do two submitted bids with an amount share it? */
function hasRepeatedAmount(bids: BidFacts[]): boolean {
  for (let a = 0; a < bids.length; a++) {
    const x = bids[a]!;
    if (x.amount === undefined || !isSubmitted(x)) continue;
    for (let b = a + 1; b < bids.length; b++) if (bids[b]!.amount === x.amount && isSubmitted(bids[b]!)) return true;
  }
  return false;
}

function activeSupplierIds(p: ProcessFacts): Set<string> {
  const ids = new Set<string>();
  for (const a of p.awards) if (a.status === 'active' && a.suppliers) for (const s of a.suppliers) if (s !== null) ids.add(s);
  return ids;
}

function addPair(map: Map<string, [number, number]>, id: string, a: number, b: number): void {
  const entry = map.get(id);
  if (entry) {
    entry[0] += a;
    entry[1] += b;
  } else map.set(id, [a, b]);
}

function mergeGroup(into: GroupResults, from: GroupResults): void {
  for (const [id, values] of from) {
    const entry = into.get(id);
    if (entry) Object.assign(entry, values);
    else into.set(id, values);
  }
}

/**
 * Merges `later` (the state of the next chunk in file order) into `earlier` and returns it.
 * Both states must have been folded with the same main currency.
 */
export function mergeFlagsStates(earlier: FlagsState, later: FlagsState): FlagsState {
  earlier.currency ??= later.currency;
  earlier.processes += later.processes;
  mergeGroup(earlier.ocid, later.ocid);
  mergeGroup(earlier.tenderer, later.tenderer);
  for (const [name, map] of later.maps) {
    const into = earlier.maps.get(name);
    if (!into) earlier.maps.set(name, map);
    else for (const [k, v] of map) into.set(k, v);
  }
  for (let i = 0; i < later.ratios.length; i++) {
    earlier.ratioOcids.push(later.ratioOcids[i]!);
    earlier.ratios.push(later.ratios[i]!);
    earlier.ratioWinners.push(later.ratioWinners[i]!);
    earlier.ratioSeconds.push(later.ratioSeconds[i]!);
  }
  mergeAggregates(earlier, later);
  return earlier;
}

/**
 * Adds the order-insensitive aggregates (R025, R038, R048 sums and sets) of `from` into `into`.
 * Worker threads keep one set of aggregates across all their blocks and send it once at the end.
 * `from` is consumed: where a map of `into` is empty, `into` takes over `from`'s map.
 */
export function mergeAggregates(into: FlagsAggregates, from: FlagsAggregates): void {
  const pairs = ['r025', 'r038Buyer', 'r038ProcuringEntity', 'r038Tenderer'] as const;
  for (const name of pairs) {
    if (into[name].size === 0) into[name] = from[name];
    else for (const [id, [a, b]] of from[name]) addPair(into[name], id, a, b);
  }
  if (into.r048.size === 0) {
    into.r048 = from.r048;
    return;
  }
  for (const [id, [n, prefixes]] of from.r048) {
    const entry = into.r048.get(id);
    if (!entry) into.r048.set(id, [n, new Set(prefixes)]);
    else {
      entry[0] += n;
      for (const prefix of prefixes) entry[1].add(prefix);
    }
  }
}

/** The order-insensitive aggregates of a state (sums and set unions). */
export type FlagsAggregates = Pick<FlagsState, 'r025' | 'r038Buyer' | 'r038ProcuringEntity' | 'r038Tenderer' | 'r048'>;

/** The aggregates of a state. */
export function pickAggregates(state: FlagsAggregates): FlagsAggregates {
  const { r025, r038Buyer, r038ProcuringEntity, r038Tenderer, r048 } = state;
  return { r025, r038Buyer, r038ProcuringEntity, r038Tenderer, r048 };
}

type Fence = { value: number; meta?: Map<string, number> };

/** Lower fence Q1 − 1.5·IQR (or `threshold`). Null when the guard (Q1 > 0 and fence > 0) fails. */
function lowerFence(values: number[], threshold: number | undefined): Fence | null {
  if (threshold !== undefined) return { value: threshold };
  const sorted = sortNumbers(values);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const fence = q1 - 1.5 * (q3 - q1);
  const meta = new Map([['q1', round4(q1)], ['q3', round4(q3)], ['lower_fence', round4(fence)]]);
  return q1 > 0 && fence > 0 ? { value: fence, meta } : { value: Number.NaN, meta };
}

/** Upper fence Q3 + 1.5·IQR (or `threshold`). The guard requires fence > 0. */
function upperFence(values: number[], threshold: number | undefined): Fence {
  if (threshold !== undefined) return { value: threshold };
  const sorted = sortNumbers(values);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const fence = q3 + 1.5 * (q3 - q1);
  const meta = new Map([['q1', round4(q1)], ['q3', round4(q3)], ['upper_fence', round4(fence)]]);
  return { value: fence > 0 ? fence : Number.NaN, meta };
}

/** Computes fences and returns the results. The state is consumed (its maps are reused). */
export function finalizeFlags(config: FlagsConfig, state: FlagsState, options: FinalizeOptions = {}): FlagsResult {
  const s = config.settings;
  const on = config.enabled;
  const ocid = state.ocid;
  const tenderer = state.tenderer;
  const buyer: GroupResults = new Map();
  const procuringEntity: GroupResults = new Map();
  const meta = new Map<string, Map<string, number>>();
  const maps = new Map<MapName, Map<string, string | string[]>>();
  for (const [name, m] of state.maps) if (!name.endsWith('_r038')) maps.set(name, m);
  const addMeta = (code: string, fence: Fence | null, extra?: [string, number]) => {
    if (fence?.meta && state.processes > 0) {
      if (extra) fence.meta.set(extra[0], extra[1]);
      meta.set(code, fence.meta);
    }
  };

  if (config.needRatio && state.ratios.length > 0) {
    // Last occurrence of a repeated ocid wins, as in Cardinal's per-ocid map.
    const last = new Map<string, number>();
    state.ratioOcids.forEach((o, i) => last.set(o, i));
    const indexes = [...last.values()].sort((a, b) => a - b);
    const ratios = indexes.map((i) => state.ratios[i]!);
    if (on.has('R024')) {
      const fence = lowerFence(ratios, s.R024?.threshold);
      addMeta('R024', fence);
      if (fence) {
        for (const i of indexes) {
          const ratio = state.ratios[i]!;
          if (!(ratio <= fence.value)) continue;
          const o = state.ratioOcids[i]!;
          put(ocid, o, 'R024', ratio);
          put(tenderer, state.ratioWinners[i]!, 'R024', 0);
          put(tenderer, state.ratioSeconds[i]!, 'R024', 0);
          putMapInto(maps, 'ocid_tenderer_r024', o, [state.ratioWinners[i]!, state.ratioSeconds[i]!]);
        }
      }
    }
    if (on.has('R058')) {
      const fence = upperFence(ratios, s.R058?.threshold);
      addMeta('R058', fence);
      for (const i of indexes) {
        const ratio = state.ratios[i]!;
        if (!(ratio >= fence.value)) continue;
        const o = state.ratioOcids[i]!;
        put(ocid, o, 'R058', ratio);
        put(tenderer, state.ratioWinners[i]!, 'R058', 0);
        putMapInto(maps, 'ocid_tenderer_r058', o, [state.ratioWinners[i]!]);
      }
    }
  }

  if (on.has('R025') && state.r025.size > 0) {
    const counts = sortNumbers([...state.r025.values()].map(([n]) => n));
    const percentile = s.R025?.percentile ?? DEFAULTS.r025Percentile;
    const cutoff = quantileSorted(counts, percentile / 100);
    const fence = lowerFence([...state.r025.values()].map(([n, w]) => w / n), s.R025?.threshold);
    addMeta('R025', fence, ['percentile', round4(cutoff)]);
    if (fence) {
      for (const [id, [n, w]] of sortedEntries(state.r025)) {
        const ratio = w / n;
        if (n >= cutoff && ratio <= fence.value) put(tenderer, id, 'R025', ratio);
      }
    }
  }

  if (on.has('R038')) {
    const minProcesses = s.R038?.minimumContractingProcesses ?? DEFAULTS.r038MinimumContractingProcesses;
    const minBids = s.R038?.minimumSubmittedBids ?? DEFAULTS.r038MinimumSubmittedBids;
    const run = (counts: Map<string, [number, number]>, group: GroupResults, minimum: number, key: string) => {
      const eligible = sortedEntries(counts).filter(([, [submitted]]) => submitted >= minimum);
      if (eligible.length === 0) return;
      const fence = upperFence(eligible.map(([, [sub, disq]]) => disq / sub), s.R038?.threshold);
      if (fence.meta) {
        const m = meta.get('R038') ?? new Map<string, number>();
        for (const [k, v] of fence.meta) m.set(`${key}_${k}`, v);
        meta.set('R038', m);
      }
      for (const [id, [sub, disq]] of eligible) {
        const ratio = disq / sub;
        if (ratio >= fence.value) put(group, id, 'R038', ratio);
      }
    };
    run(state.r038Buyer, buyer, minProcesses, 'buyer');
    run(state.r038ProcuringEntity, procuringEntity, minProcesses, 'procuring_entity');
    run(state.r038Tenderer, tenderer, minBids, 'tenderer');
  }

  if (on.has('R048')) {
    const minimum = s.R048?.minimumContractingProcesses ?? DEFAULTS.r048MinimumContractingProcesses;
    const eligible = sortedEntries(state.r048).filter(([, [n]]) => n >= minimum);
    if (eligible.length > 0) {
      const fence = upperFence(eligible.map(([, [, prefixes]]) => prefixes.size), s.R048?.threshold);
      addMeta('R048', fence);
      for (const [id, [, prefixes]] of eligible) if (prefixes.size >= fence.value) put(tenderer, id, 'R048', prefixes.size);
    }
  }

  const result: FlagsResult = { groups: { OCID: ocid, Buyer: buyer, ProcuringEntity: procuringEntity, Tenderer: tenderer } };
  if (options.meta) result.meta = meta;
  if (options.maps) {
    if (on.has('R038')) {
      // The buyer and procuring entity of each process with a disqualified bid are recorded at fold time.
      for (const name of ['ocid_buyer_r038', 'ocid_procuringentity_r038'] as const) {
        const m = state.maps.get(name);
        if (m) maps.set(name, new Map([...m].map(([k, v]) => [k, v[0]!])));
      }
    }
    result.maps = maps;
  }
  return result;
}

/**
 * Entries sorted by id. Aggregates (R025, R038, R048) may be merged in any order across threads;
 * visiting them sorted makes the output identical whatever the number of threads.
 */
function sortedEntries<V>(map: Map<string, V>): Array<[string, V]> {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function putMapInto(maps: Map<MapName, Map<string, string | string[]>>, name: MapName, ocid: string, ids: string[]) {
  let map = maps.get(name);
  if (!map) maps.set(name, (map = new Map()));
  map.set(ocid, ids);
}

/**
 * Serialises results as Cardinal's JSON: `{"OCID":{…},"Buyer":{…},"ProcuringEntity":{…},
 * "Tenderer":{…}}` with empty groups left out, then `Meta` and `Maps` when present.
 */
export function flagsToJson(result: FlagsResult): string {
  const parts: string[] = [];
  for (const group of GROUPS) {
    const entries = result.groups[group];
    if (entries.size === 0) continue;
    const ids: string[] = [];
    for (const [id, values] of entries) {
      const codes = INDICATOR_CODES.filter((c) => values[c] !== undefined).map((c) => `"${c}":${formatF64(values[c]!)}`);
      ids.push(`${JSON.stringify(id)}:{${codes.join(',')}}`);
    }
    parts.push(`"${group}":{${ids.join(',')}}`);
  }
  if (result.meta) {
    const codes = [...result.meta].map(([code, m]) => `${JSON.stringify(code)}:{${[...m].map(([k, v]) => `${JSON.stringify(k)}:${formatF64(v)}`).join(',')}}`);
    parts.push(`"Meta":{${codes.join(',')}}`);
  }
  if (result.maps) {
    const names = [...result.maps].map(([name, m]) => `${JSON.stringify(name)}:${JSON.stringify(Object.fromEntries(m))}`);
    parts.push(`"Maps":{${names.join(',')}}`);
  }
  return `{${parts.join(',')}}`;
}

/** Flattens results to rows `[group, id, indicator, value]` (for CSV output). */
export function flagsToRows(result: FlagsResult): Array<[Group, string, IndicatorCode, number]> {
  const rows: Array<[Group, string, IndicatorCode, number]> = [];
  for (const group of GROUPS) {
    for (const [id, values] of result.groups[group]) {
      for (const code of INDICATOR_CODES) if (values[code] !== undefined) rows.push([group, id, code, values[code]!]);
    }
  }
  return rows;
}
