/**
 * Thresholds of the Thai indicators are versioned DATA (data/thresholds/th-procurement.json, loaded
 * into the `procurement_threshold_sets` table), never constants: the specific-method limits, the
 * windows and the percentages change by ministerial regulation and by the oversight office's
 * judgement. This file only describes the shape, checks it, and picks the version in force.
 */
import { bangkokDate } from '../fiscal-year.ts';

/** A Thai procurement method as the indicators see it (from `procurementMethodDetails`). */
export type ThaiMethod = 'e_bidding' | 'e_market' | 'selective' | 'specific';

export const THAI_METHODS: readonly ThaiMethod[] = ['e_bidding', 'e_market', 'selective', 'specific'];

/** Parameters of one thresholds version. Money in satang as decimal strings (JSON has no bigint). */
export interface ThresholdVersion {
  /** Stable id, e.g. `ppa2560-v1`. */
  id: string;
  /** First Bangkok date (yyyy-mm-dd) on which this version applies (by award date). */
  validFrom: string;
  /** `confirmed` when checked against the legal text; `provisional` otherwise. */
  status: 'confirmed' | 'provisional';
  /** Where the numbers come from. */
  source: string;
  /** Only amounts in this currency count. */
  currency: string;
  /**
   * Case-insensitive substrings of `tender.procurementMethodDetails` that identify each Thai method,
   * checked in the order e_bidding, e_market, selective, specific.
   */
  methodPatterns: Record<ThaiMethod, string[]>;
  /** Fallback from `tender.procurementMethod` when the details match nothing. */
  methodFallback: Partial<Record<string, ThaiMethod>>;
  TH01: {
    /** Specific-method limits checked, e.g. 500,000 and 100,000 baht. */
    limitsSatang: string[];
    /** Purchases whose award dates are less than this many days apart form one window. */
    windowDays: number;
    /** Minimum purchases in a window. */
    minAwards: number;
    /** Group by buyer + supplier, and by buyer + category (first digits of the classification). */
    groupBy: Array<'supplier' | 'category'>;
    categoryDigits: number;
  };
  TH02: {
    /** Minimum specific-method awards from one buyer to one supplier in one fiscal year. */
    minAwards: number;
  };
  TH03: {
    /** Methods in which a single bidder is flagged. */
    methods: ThaiMethod[];
  };
  TH04: {
    /** Flag when the award is at most this many basis points (1/100 %) below the reference price. */
    maxDiscountBasisPoints: number;
    methods: ThaiMethod[];
  };
  TH05: {
    /** The last N days of the fiscal year (30 = September). */
    lastDays: number;
    /** Flag when the buyer's share of the year's awarded value in that period is at least this. */
    minShare: number;
    /** Minimum awards by the buyer in the fiscal year for the share to mean anything. */
    minAwardsInYear: number;
  };
  TH06: {
    /** A supplier registered fewer than this many days before the award is "new". */
    minCompanyAgeDays: number;
  };
  TH07: {
    /** Match by normalised name as well as by tax ID. */
    matchByName: boolean;
  };
}

/** The whole data file: versions (any order) and the risk-score weights. */
export interface ThresholdsFile {
  versions: ThresholdVersion[];
  /** Weight of each indicator code (Cardinal R### and Thai TH##) in the composite risk score. */
  riskWeights: Record<string, number>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fail(message: string): never {
  throw new RangeError(`thresholds: ${message}`);
}

function positiveInt(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(`${name} must be a non-negative integer`);
  return value;
}

function methods(value: unknown, name: string): ThaiMethod[] {
  if (!Array.isArray(value) || !value.every((m) => THAI_METHODS.includes(m as ThaiMethod))) fail(`${name} must list Thai methods`);
  return value as ThaiMethod[];
}

/** Checks one version and returns it typed; throws RangeError with the field at fault. */
export function parseThresholdVersion(raw: unknown): ThresholdVersion {
  if (typeof raw !== 'object' || raw === null) fail('a version must be an object');
  const v = raw as Record<string, any>;
  if (typeof v.id !== 'string' || !v.id) fail('id is required');
  if (typeof v.validFrom !== 'string' || !DATE.test(v.validFrom)) fail(`${v.id}: validFrom must be yyyy-mm-dd`);
  if (v.status !== 'confirmed' && v.status !== 'provisional') fail(`${v.id}: status must be confirmed or provisional`);
  if (typeof v.currency !== 'string') fail(`${v.id}: currency is required`);
  for (const m of THAI_METHODS) if (!Array.isArray(v.methodPatterns?.[m])) fail(`${v.id}: methodPatterns.${m} must be a list`);
  const limits = v.TH01?.limitsSatang;
  if (!Array.isArray(limits) || limits.length === 0 || !limits.every((l: unknown) => typeof l === 'string' && /^\d+$/.test(l))) {
    fail(`${v.id}: TH01.limitsSatang must be satang strings`);
  }
  positiveInt(v.TH01.windowDays, 'TH01.windowDays');
  positiveInt(v.TH01.minAwards, 'TH01.minAwards');
  positiveInt(v.TH01.categoryDigits, 'TH01.categoryDigits');
  positiveInt(v.TH02?.minAwards, 'TH02.minAwards');
  methods(v.TH03?.methods, 'TH03.methods');
  positiveInt(v.TH04?.maxDiscountBasisPoints, 'TH04.maxDiscountBasisPoints');
  methods(v.TH04?.methods, 'TH04.methods');
  positiveInt(v.TH05?.lastDays, 'TH05.lastDays');
  if (typeof v.TH05?.minShare !== 'number' || v.TH05.minShare < 0 || v.TH05.minShare > 1) fail('TH05.minShare must be 0–1');
  positiveInt(v.TH05?.minAwardsInYear, 'TH05.minAwardsInYear');
  positiveInt(v.TH06?.minCompanyAgeDays, 'TH06.minCompanyAgeDays');
  if (typeof v.TH07?.matchByName !== 'boolean') fail('TH07.matchByName must be true or false');
  return {
    ...(v as ThresholdVersion),
    source: typeof v.source === 'string' ? v.source : '',
    methodFallback: v.methodFallback ?? {},
    TH01: { ...v.TH01, groupBy: v.TH01.groupBy ?? ['supplier', 'category'] },
  };
}

/** Checks a whole thresholds file. */
export function parseThresholdsFile(raw: unknown): ThresholdsFile {
  const file = raw as { versions?: unknown; riskWeights?: unknown };
  if (!Array.isArray(file?.versions) || file.versions.length === 0) fail('versions must be a non-empty list');
  const versions = file.versions.map(parseThresholdVersion);
  const ids = new Set(versions.map((v) => v.id));
  if (ids.size !== versions.length) fail('version ids must be unique');
  const weights = (file.riskWeights ?? {}) as Record<string, unknown>;
  for (const [code, w] of Object.entries(weights)) if (typeof w !== 'number' || w < 0) fail(`riskWeights.${code} must be ≥ 0`);
  return { versions, riskWeights: weights as Record<string, number> };
}

/** Versions sorted by `validFrom`, for {@link versionFor}. */
export function sortVersions(versions: readonly ThresholdVersion[]): ThresholdVersion[] {
  return [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/** yyyy-mm-dd of the Bangkok calendar date of an instant. */
export function bangkokIsoDate(instant: Date): string {
  const { year, month, day } = bangkokDate(instant);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The version in force on a Bangkok date (the latest with validFrom ≤ date). Dates before the first
 * version, and undated processes, use the earliest version.
 */
export function versionFor(sorted: readonly ThresholdVersion[], isoDate: string | undefined): ThresholdVersion {
  let chosen = sorted[0];
  if (!chosen) fail('no versions');
  if (isoDate) for (const v of sorted) if (v.validFrom <= isoDate) chosen = v;
  return chosen;
}
