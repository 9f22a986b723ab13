/**
 * The slice of an OCDS 1.1 compiled release that the Thai indicators read, taken from an already
 * parsed object. Fields with the wrong JSON type count as absent (as in Cardinal). Money becomes
 * integer satang; amounts in another currency than the thresholds' are left out.
 */
import { bangkokIsoDate, type ThaiMethod, type ThresholdVersion } from './thresholds.ts';

export interface ThaiSupplier {
  id: string;
  name: string | undefined;
  /** 13-digit tax ID from `parties[].identifier` when its scheme looks Thai, else the raw id. */
  identifierId: string | undefined;
  /** `parties[].details.registrationDate` (yyyy-mm-dd or RFC 3339), if given. */
  registrationDate: string | undefined;
}

export interface ThaiAward {
  id: string;
  /** Award value in satang (main currency only). */
  amount: bigint | undefined;
  /** Award date (`awards[].date`, else the earliest `contracts[].dateSigned` of that award). */
  date: string | undefined;
  suppliers: ThaiSupplier[];
}

export interface ThaiProcess {
  ocid: string;
  buyerId: string | undefined;
  buyerName: string | undefined;
  procurementMethod: string | undefined;
  procurementMethodDetails: string | undefined;
  /** The Thai method recognised from the details (or the fallback), if any. */
  thaiMethod: ThaiMethod | undefined;
  mainProcurementCategory: string | undefined;
  /** `tender.items[].classification.id` and `awards[].items[].classification.id`. */
  classificationIds: string[];
  /** ราคากลาง: `tender.value` in satang (main currency only). */
  referencePrice: bigint | undefined;
  /** `tender.numberOfTenderers`, else the distinct tenderers of submitted bids, else undefined. */
  tenderers: number | undefined;
  /** Active awards only. */
  awards: ThaiAward[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** OCDS `Value` → satang when the currency matches (a missing currency is taken as the main one). */
export function valueToSatang(value: unknown, currency: string): bigint | undefined {
  if (!isObj(value) || typeof value.amount !== 'number' || !Number.isFinite(value.amount)) return undefined;
  if (value.currency !== undefined && value.currency !== currency) return undefined;
  return BigInt(Math.round(value.amount * 100));
}

/** Recognises the Thai method from `procurementMethodDetails`, then `procurementMethod`. */
export function recogniseMethod(version: ThresholdVersion, method: string | undefined, details: string | undefined): ThaiMethod | undefined {
  if (details) {
    const text = details.toLowerCase();
    for (const m of ['e_bidding', 'e_market', 'selective', 'specific'] as const) {
      if (version.methodPatterns[m].some((p) => text.includes(p.toLowerCase()))) return m;
    }
  }
  return method ? version.methodFallback[method] : undefined;
}

/** The Bangkok calendar date (yyyy-mm-dd) of an OCDS date-time, or undefined if it does not parse. */
export function ocdsDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : bangkokIsoDate(new Date(ms));
}

/**
 * Extracts the facts from a compiled release. `versionOf` picks the thresholds by award date (the
 * method patterns and currency come from it). Returns undefined when the release has no string
 * ocid or its tender is cancelled (Cardinal's global exclusions).
 */
export function extractThaiProcess(release: unknown, versionOf: (isoDate: string | undefined) => ThresholdVersion): ThaiProcess | undefined {
  if (!isObj(release) || typeof release.ocid !== 'string') return undefined;
  const tender = isObj(release.tender) ? release.tender : {};
  if (tender.status === 'cancelled') return undefined;
  const buyer = isObj(release.buyer) ? release.buyer : {};

  const parties = new Map<string, Obj>();
  for (const p of arr(release.parties)) if (isObj(p) && typeof p.id === 'string') parties.set(p.id, p);

  const contractDates = new Map<string, string>();
  for (const c of arr(release.contracts)) {
    if (!isObj(c) || typeof c.awardID !== 'string' || typeof c.dateSigned !== 'string') continue;
    const prev = contractDates.get(c.awardID);
    if (!prev || c.dateSigned < prev) contractDates.set(c.awardID, c.dateSigned);
  }

  // The process date decides the thresholds version: the first active award's date.
  const activeAwards = arr(release.awards).filter((a): a is Obj => isObj(a) && a.status === 'active');
  const firstDate = activeAwards
    .map((a) => ocdsDate(str(a.date) ?? (typeof a.id === 'string' || typeof a.id === 'number' ? contractDates.get(String(a.id)) : undefined)))
    .filter((d): d is string => d !== undefined)
    .sort()[0];
  const version = versionOf(firstDate);

  const classificationIds: string[] = [];
  const addItems = (items: unknown) => {
    for (const item of arr(items)) {
      const id = isObj(item) && isObj(item.classification) ? item.classification.id : undefined;
      if (typeof id === 'string' || typeof id === 'number') classificationIds.push(String(id));
    }
  };
  addItems(tender.items);

  const awards: ThaiAward[] = [];
  for (const a of activeAwards) {
    addItems(a.items);
    const id = typeof a.id === 'string' || typeof a.id === 'number' ? String(a.id) : '';
    const suppliers: ThaiSupplier[] = [];
    for (const s of arr(a.suppliers)) {
      if (!isObj(s) || (typeof s.id !== 'string' && typeof s.id !== 'number')) continue;
      const sid = String(s.id);
      const party = parties.get(sid);
      const identifier = party && isObj(party.identifier) ? party.identifier : undefined;
      const details = party && isObj(party.details) ? party.details : undefined;
      suppliers.push({
        id: sid,
        name: str(s.name) ?? str(party?.name) ?? (identifier ? str(identifier.legalName) : undefined),
        identifierId: identifier && (typeof identifier.id === 'string' || typeof identifier.id === 'number') ? String(identifier.id) : undefined,
        registrationDate: details ? str(details.registrationDate) : undefined,
      });
    }
    awards.push({
      id,
      amount: valueToSatang(a.value, version.currency),
      date: str(a.date) ?? contractDates.get(id),
      suppliers,
    });
  }

  let tenderers: number | undefined = typeof tender.numberOfTenderers === 'number' ? tender.numberOfTenderers : undefined;
  if (tenderers === undefined) {
    const bids = isObj(release.bids) ? arr(release.bids.details) : [];
    if (bids.length > 0) {
      const ids = new Set<string>();
      for (const b of bids) {
        if (!isObj(b) || typeof b.status !== 'string' || b.status === 'invited' || b.status === 'withdrawn') continue;
        for (const t of arr(b.tenderers)) if (isObj(t) && typeof t.id === 'string') ids.add(t.id);
      }
      tenderers = ids.size;
    }
  }

  const procurementMethod = str(tender.procurementMethod);
  const procurementMethodDetails = str(tender.procurementMethodDetails);
  return {
    ocid: release.ocid,
    buyerId: str(buyer.id) ?? (typeof buyer.id === 'number' ? String(buyer.id) : undefined),
    buyerName: str(buyer.name),
    procurementMethod,
    procurementMethodDetails,
    thaiMethod: recogniseMethod(version, procurementMethod, procurementMethodDetails),
    mainProcurementCategory: str(tender.mainProcurementCategory),
    classificationIds,
    referencePrice: valueToSatang(tender.value, version.currency),
    tenderers,
    awards,
  };
}
