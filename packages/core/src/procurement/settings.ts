/**
 * Settings for the red-flag engine and `prepare`, with the same sections, keys and defaults as
 * Cardinal's `settings.ini` (crate `ocdscardinal` 0.0.8). An indicator runs only when its section
 * (for example `[R024]`) is present. Unknown sections or keys are errors, as in Cardinal.
 */
import { type Ini, IniError, parseIni } from './ini.ts';

/** The 11 indicator codes, in the order they are evaluated. */
export const INDICATOR_CODES = [
  'R003', 'R018', 'R024', 'R025', 'R028', 'R030', 'R035', 'R036', 'R038', 'R048', 'R058',
] as const;
/** One indicator code. */
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/** `[R003]` Short submission period. */
export interface R003Settings {
  /** Minimum submission period in whole days; a period strictly shorter is flagged. Default 15. */
  threshold?: number;
  /** If set, only processes whose `/tender/procurementMethod` is in this list are checked. */
  procurementMethods?: string[];
  /** `[R003.procurement_method_details]`: per-`procurementMethodDetails` thresholds in days. */
  procurementMethodDetails?: Map<string, number>;
}
/** `[R018]` Single bid received. */
export interface R018Settings {
  /** `/tender/procurementMethod` values checked. Default `open|selective`. */
  procurementMethods?: string[];
}
/** A setting that replaces a computed fence. */
export interface ThresholdSettings {
  /** Replaces the Tukey fence computed from the data (inclusive comparison). */
  threshold?: number;
}
/** `[R025]` Excessive unsuccessful bids. */
export interface R025Settings extends ThresholdSettings {
  /** Percentile (0–100) of valid-bid counts a tenderer must reach to be a "top tenderer". Default 75. */
  percentile?: number;
}
/** `[R035]` All except winning bid disqualified. */
export interface R035Settings {
  /** Minimum number of other tenderers with disqualified bids (raised to at least 1). Default 1. */
  threshold?: number;
}
/** `[R038]` Excessive disqualified bids. */
export interface R038Settings extends ThresholdSettings {
  /** Tenderers with fewer submitted bids are ignored. Default 2. */
  minimumSubmittedBids?: number;
  /**
   * Buyers and procuring entities below this are ignored. Default 2. As in Cardinal's code, it is
   * compared with the number of submitted bids, not the number of processes.
   */
  minimumContractingProcesses?: number;
}
/** `[R048]` Heterogeneous supplier. */
export interface R048Settings extends ThresholdSettings {
  /** Number of leading characters of the item classification id that define a category. Default 2. */
  digits?: number;
  /** Suppliers awarded in fewer processes are ignored. Default 20. */
  minimumContractingProcesses?: number;
}

/** `prepare` settings: `[defaults]`, `[redactions]`, `[corrections]`, `[modifications]`, `[codelists.*]`. */
export interface PrepareSettings {
  defaults: {
    currency?: string;
    itemClassificationScheme?: string;
    bidStatus?: string;
    awardStatus?: string;
    partyRoles?: boolean;
  };
  redactions: { amount?: number[]; organizationId?: string[] };
  corrections: { awardStatusByContractStatus?: boolean };
  modifications: {
    moveAuctions?: boolean;
    prefixBuyerOrProcuringEntityId?: string;
    prefixTendererOrSupplierId?: string;
    splitProcurementMethodDetails?: string;
  };
  codelists: { bidStatus: Map<string, string>; awardStatus: Map<string, string> };
}

/** All settings. Absent indicator sections mean the indicator is disabled. */
export interface Settings {
  /** Main currency; otherwise the first currency observed in the data. */
  currency?: string;
  /** `procurementMethodDetails` values excluded from price-comparison indicators (R024, R028, R036, R058). */
  noPriceComparisonProcurementMethods?: string[];
  /** If set, only these `procurementMethodDetails` values are used by price-comparison indicators (wins over the list above). */
  priceComparisonProcurementMethods?: string[];
  /** `[exclusions] procurement_method_details`: processes skipped by every indicator. */
  exclusions: { procurementMethodDetails?: string[] };
  /** `[output] info_currency_mismatches`: log currency mismatches at info level instead of warning. */
  output: { infoCurrencyMismatches?: boolean };
  prepare: PrepareSettings;
  R003?: R003Settings;
  R018?: R018Settings;
  R024?: ThresholdSettings;
  R025?: R025Settings;
  R028?: Record<string, never>;
  R030?: Record<string, never>;
  R035?: R035Settings;
  R036?: Record<string, never>;
  R038?: R038Settings;
  R048?: R048Settings;
  R058?: ThresholdSettings;
}

/** Settings with nothing enabled. */
export function emptySettings(): Settings {
  return {
    exclusions: {},
    output: {},
    prepare: {
      defaults: {},
      redactions: {},
      corrections: {},
      modifications: {},
      codelists: { bidStatus: new Map(), awardStatus: new Map() },
    },
  };
}

/** Splits a pipe-separated list (`open|selective`). */
export function pipeList(value: string): string[] {
  return value.split('|').map((v) => v.trim());
}

type Reader = {
  str(key: string): string | undefined;
  list(key: string): string[] | undefined;
  int(key: string): number | undefined;
  float(key: string): number | undefined;
  bool(key: string): boolean | undefined;
};

function reader(name: string, section: Map<string, string>, allowed: string[]): Reader {
  for (const key of section.keys()) {
    if (!allowed.includes(key)) {
      throw new IniError(`unknown field \`${key}\` in [${name || 'root'}]; expected one of ${allowed.join(', ') || 'nothing'}`, 0);
    }
  }
  const num = (key: string, integer: boolean) => {
    const raw = section.get(key);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      throw new IniError(`[${name}] ${key}: expected ${integer ? 'an integer' : 'a number'}, got ${JSON.stringify(raw)}`, 0);
    }
    return value;
  };
  return {
    str: (key) => section.get(key),
    list: (key) => {
      const raw = section.get(key);
      return raw === undefined ? undefined : pipeList(raw);
    },
    int: (key) => num(key, true),
    float: (key) => num(key, false),
    bool: (key) => {
      const raw = section.get(key);
      if (raw === undefined) return undefined;
      if (/^(true|1|yes|on)$/i.test(raw)) return true;
      if (/^(false|0|no|off)$/i.test(raw)) return false;
      throw new IniError(`[${name}] ${key}: expected a boolean, got ${JSON.stringify(raw)}`, 0);
    },
  };
}

/** Converts parsed INI into {@link Settings}. Throws on unknown sections, keys or bad values. */
export function settingsFromIni(ini: Ini): Settings {
  const s = emptySettings();
  const set = <T>(value: T | undefined, assign: (v: T) => void) => {
    if (value !== undefined) assign(value);
  };
  for (const [name, section] of ini) {
    switch (name) {
      case '': {
        const r = reader(name, section, ['currency', 'no_price_comparison_procurement_methods', 'price_comparison_procurement_methods']);
        set(r.str('currency'), (v) => (s.currency = v));
        set(r.list('no_price_comparison_procurement_methods'), (v) => (s.noPriceComparisonProcurementMethods = v));
        set(r.list('price_comparison_procurement_methods'), (v) => (s.priceComparisonProcurementMethods = v));
        break;
      }
      case 'exclusions':
        set(reader(name, section, ['procurement_method_details']).list('procurement_method_details'), (v) => (s.exclusions.procurementMethodDetails = v));
        break;
      case 'output':
        set(reader(name, section, ['info_currency_mismatches']).bool('info_currency_mismatches'), (v) => (s.output.infoCurrencyMismatches = v));
        break;
      case 'defaults': {
        const r = reader(name, section, ['currency', 'item_classification_scheme', 'bid_status', 'award_status', 'party_roles']);
        const d = s.prepare.defaults;
        set(r.str('currency'), (v) => (d.currency = v));
        set(r.str('item_classification_scheme'), (v) => (d.itemClassificationScheme = v));
        set(r.str('bid_status'), (v) => (d.bidStatus = v));
        set(r.str('award_status'), (v) => (d.awardStatus = v));
        set(r.bool('party_roles'), (v) => (d.partyRoles = v));
        break;
      }
      case 'redactions': {
        const r = reader(name, section, ['amount', 'organization_id']);
        set(r.list('amount'), (v) => (s.prepare.redactions.amount = v.map(Number)));
        set(r.list('organization_id'), (v) => (s.prepare.redactions.organizationId = v));
        break;
      }
      case 'corrections':
        set(reader(name, section, ['award_status_by_contract_status']).bool('award_status_by_contract_status'), (v) => (s.prepare.corrections.awardStatusByContractStatus = v));
        break;
      case 'modifications': {
        const r = reader(name, section, ['move_auctions', 'prefix_buyer_or_procuring_entity_id', 'prefix_tenderer_or_supplier_id', 'split_procurement_method_details']);
        const m = s.prepare.modifications;
        set(r.bool('move_auctions'), (v) => (m.moveAuctions = v));
        set(r.str('prefix_buyer_or_procuring_entity_id'), (v) => (m.prefixBuyerOrProcuringEntityId = v));
        set(r.str('prefix_tenderer_or_supplier_id'), (v) => (m.prefixTendererOrSupplierId = v));
        set(r.str('split_procurement_method_details'), (v) => (m.splitProcurementMethodDetails = v));
        break;
      }
      case 'codelists.bid_status':
        s.prepare.codelists.bidStatus = new Map(section);
        break;
      case 'codelists.award_status':
        s.prepare.codelists.awardStatus = new Map(section);
        break;
      case 'R003': {
        const r = reader(name, section, ['threshold', 'procurement_methods']);
        s.R003 = { ...s.R003 };
        set(r.int('threshold'), (v) => (s.R003!.threshold = v));
        set(r.list('procurement_methods'), (v) => (s.R003!.procurementMethods = v));
        break;
      }
      case 'R003.procurement_method_details': {
        const map = new Map<string, number>();
        for (const key of section.keys()) map.set(key, reader(name, section, [...section.keys()]).int(key)!);
        // As in Cardinal, the sub-table is part of R003, so it enables R003 on its own.
        s.R003 = { ...s.R003, procurementMethodDetails: map };
        break;
      }
      case 'R018':
        s.R018 = {};
        set(reader(name, section, ['procurement_methods']).list('procurement_methods'), (v) => (s.R018!.procurementMethods = v));
        break;
      case 'R024':
      case 'R058': {
        const t: ThresholdSettings = {};
        set(reader(name, section, ['threshold']).float('threshold'), (v) => (t.threshold = v));
        s[name] = t;
        break;
      }
      case 'R025': {
        const r = reader(name, section, ['threshold', 'percentile']);
        s.R025 = {};
        set(r.float('threshold'), (v) => (s.R025!.threshold = v));
        set(r.int('percentile'), (v) => (s.R025!.percentile = v));
        break;
      }
      case 'R028':
      case 'R030':
      case 'R036':
        reader(name, section, []);
        s[name] = {};
        break;
      case 'R035':
        s.R035 = {};
        set(reader(name, section, ['threshold']).int('threshold'), (v) => (s.R035!.threshold = v));
        break;
      case 'R038': {
        const r = reader(name, section, ['threshold', 'minimum_submitted_bids', 'minimum_contracting_processes']);
        s.R038 = {};
        set(r.float('threshold'), (v) => (s.R038!.threshold = v));
        set(r.int('minimum_submitted_bids'), (v) => (s.R038!.minimumSubmittedBids = v));
        set(r.int('minimum_contracting_processes'), (v) => (s.R038!.minimumContractingProcesses = v));
        break;
      }
      case 'R048': {
        const r = reader(name, section, ['threshold', 'digits', 'minimum_contracting_processes']);
        s.R048 = {};
        set(r.int('threshold'), (v) => (s.R048!.threshold = v));
        set(r.int('digits'), (v) => (s.R048!.digits = v));
        set(r.int('minimum_contracting_processes'), (v) => (s.R048!.minimumContractingProcesses = v));
        break;
      }
      default:
        throw new IniError(`unknown section [${name}]`, 0);
    }
  }
  return s;
}

/** Parses settings INI text (see {@link settingsFromIni}). */
export function parseSettings(text: string): Settings {
  return settingsFromIni(parseIni(text));
}

/** True if the indicator's section is present in the settings. */
export function isEnabled(settings: Settings, code: IndicatorCode): boolean {
  return settings[code] !== undefined;
}

/** The settings file written by `init`: every option commented out, all 11 indicators enabled. */
export const DEFAULT_SETTINGS_INI = `; currency = THB
; no_price_comparison_procurement_methods = Random Selection
; price_comparison_procurement_methods = Reverse Auction

; \`prepare\` command

[defaults]
; currency = THB
; item_classification_scheme = UNSPSC
; bid_status = valid
; award_status = active
; party_roles = true

[redactions]
; amount = 0
; organization_id = placeholder

[corrections]
; award_status_by_contract_status = true

[modifications]
; move_auctions = true
; prefix_buyer_or_procuring_entity_id = TH-DLA-
; prefix_tenderer_or_supplier_id = TH-TIN-
; split_procurement_method_details = -

[codelists.bid_status]
; qualified = valid

[codelists.award_status]
; Active = active

; \`flags\` command (see docs/redflags.md)

[exclusions]
; procurement_method_details = Random Selection

[R003]
; threshold = 15
; procurement_methods = open|selective|limited

[R003.procurement_method_details]
; emergency = 10
; international = 25

[R018]
; procurement_methods = open|selective

[R024]
; threshold = 0.05

[R025]
; percentile = 75
; threshold = 0.05

[R028]

[R030]

[R035]
; threshold = 1

[R036]

[R038]
; threshold = 0.5
; minimum_submitted_bids = 2
; minimum_contracting_processes = 2

[R048]
; digits = 2
; threshold = 10
; minimum_contracting_processes = 20

[R058]
; threshold = 0.5
`;
