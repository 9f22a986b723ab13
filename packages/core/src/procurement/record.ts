/**
 * The slice of an OCDS compiled release that the 11 indicators read. Both the fast byte scanner
 * (`scan.ts`) and {@link extractProcess} (for already-parsed objects) produce it, so the indicator
 * code never touches raw JSON. A field holds `undefined` when it is absent *or has the wrong JSON
 * type* (Cardinal only uses strings where OCDS has strings and numbers where it has numbers).
 */

/** One `/bids/details[]` entry. */
export interface BidFacts {
  /** `status`, if a string. */
  status: string | undefined;
  /** `tenderers[].id` (null where the entry has no string id), or null if `tenderers` is not an array. */
  tenderers: Array<string | null> | null;
  /** `value.amount`, if a number. */
  amount: number | undefined;
  /** `value.currency`, if a string. */
  currency: string | undefined;
  /** `date`, if a string (compared as text by R030, like Cardinal). */
  date: string | undefined;
}

/** One `/awards[]` entry. */
export interface AwardFacts {
  /** `status`, if a string. */
  status: string | undefined;
  /** `suppliers[].id` (null where not a string), or null if `suppliers` is not an array. */
  suppliers: Array<string | null> | null;
  /** `items[].classification.id` values that are strings. */
  classificationIds: string[];
}

/** The facts of one contracting process (one compiled release). */
export interface ProcessFacts {
  /** `/ocid`, if a string (processes without a string ocid are skipped). */
  ocid: string | undefined;
  tenderStatus: string | undefined;
  procurementMethod: string | undefined;
  procurementMethodDetails: string | undefined;
  /** `/tender/numberOfTenderers`, if a number. */
  numberOfTenderers: number | undefined;
  tenderPeriodStart: string | undefined;
  tenderPeriodEnd: string | undefined;
  buyerId: string | undefined;
  procuringEntityId: string | undefined;
  bids: BidFacts[];
  awards: AwardFacts[];
}

/** A process with nothing set. */
export function emptyProcess(): ProcessFacts {
  return {
    ocid: undefined,
    tenderStatus: undefined,
    procurementMethod: undefined,
    procurementMethodDetails: undefined,
    numberOfTenderers: undefined,
    tenderPeriodStart: undefined,
    tenderPeriodEnd: undefined,
    buyerId: undefined,
    procuringEntityId: undefined,
    bids: [],
    awards: [],
  };
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const ids = (v: unknown): Array<string | null> | null =>
  Array.isArray(v) ? v.map((e) => str(obj(e)?.id) ?? null) : null;

/**
 * Extracts {@link ProcessFacts} from a parsed compiled release (a `JSON.parse` result).
 * Returns undefined if the value is not an object.
 */
export function extractProcess(release: unknown): ProcessFacts | undefined {
  const r = obj(release);
  if (!r) return undefined;
  const p = emptyProcess();
  p.ocid = str(r.ocid);
  const tender = obj(r.tender);
  if (tender) {
    p.tenderStatus = str(tender.status);
    p.procurementMethod = str(tender.procurementMethod);
    p.procurementMethodDetails = str(tender.procurementMethodDetails);
    p.numberOfTenderers = num(tender.numberOfTenderers);
    const period = obj(tender.tenderPeriod);
    p.tenderPeriodStart = str(period?.startDate);
    p.tenderPeriodEnd = str(period?.endDate);
    p.procuringEntityId = str(obj(tender.procuringEntity)?.id);
  }
  p.buyerId = str(obj(r.buyer)?.id);
  const details = obj(r.bids)?.details;
  if (Array.isArray(details)) {
    p.bids = details.map((d) => {
      const bid = obj(d);
      const value = obj(bid?.value);
      return {
        status: str(bid?.status),
        tenderers: ids(bid?.tenderers),
        amount: num(value?.amount),
        currency: str(value?.currency),
        date: str(bid?.date),
      };
    });
  }
  if (Array.isArray(r.awards)) {
    p.awards = r.awards.map((a) => {
      const award = obj(a);
      const items = award?.items;
      const classificationIds: string[] = [];
      if (Array.isArray(items)) {
        for (const item of items) {
          const id = str(obj(obj(item)?.classification)?.id);
          if (id !== undefined) classificationIds.push(id);
        }
      }
      return { status: str(award?.status), suppliers: ids(award?.suppliers), classificationIds };
    });
  }
  return p;
}
