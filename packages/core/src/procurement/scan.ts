/**
 * A fast, validating JSON scanner that reads one compiled release (one JSON Lines line, as UTF-8
 * bytes) and extracts only the {@link ProcessFacts} the indicators need, skipping every other
 * subtree without building it.
 *
 * It accepts exactly what Cardinal's `serde_json` accepts: valid UTF-8, no raw control characters
 * in strings, valid escapes with paired surrogates, numbers that fit a 64-bit float, nesting of at
 * most 127 containers, nothing after the value but whitespace. Anything else makes the line
 * invalid (skipped), as in Cardinal. A repeated key keeps its last value.
 *
 * The scanner is several times cheaper than `JSON.parse` on a decoded string because it never
 * decodes or allocates the strings it skips (titles, descriptions, addresses, documents…).
 */
import { emptyProcess, type AwardFacts, type BidFacts, type ProcessFacts } from './record.ts';

/** Containers deeper than this are an error (serde_json's recursion limit of 128). */
const MAX_NESTING = 127;

let B: Uint8Array = new Uint8Array(0);
/** The caller's buffer (B may be a plain view of it). */
let lastBuf: Uint8Array | undefined;
// Node's Buffer (absent in browsers) decodes the few strings kept natively, without a subarray.
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
/** B as a Buffer (same memory), when Node's Buffer exists. */
let BB: Buffer | undefined;
const utf8 = new TextDecoder('utf-8');
let E = 0;
// Outputs of the last string / number scanned.
let sStart = 0;
let sEnd = 0;
let sFlags = 0; // 1 = has escapes
let vStr: string | undefined;
let vNum: number | undefined;
let checkUtf8 = true;

class Invalid extends Error {}
const INVALID = new Invalid('invalid JSON');

function bad(): never {
  throw INVALID;
}

/** Skips spaces, tabs and carriage returns. A newline ends the line, so it is never skipped. */
function ws(i: number): number {
  while (i < E) {
    const c = B[i]!;
    if (c === 32 || c === 13 || c === 9) i++;
    else break;
  }
  return i;
}

function hex4(i: number): number {
  if (i + 4 > E) bad();
  let v = 0;
  for (let k = i; k < i + 4; k++) {
    const c = B[k]!;
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else bad();
    v = v * 16 + d;
  }
  return v;
}

/** Validates an escape starting at the backslash; returns the index after it. */
function escape(i: number): number {
  const e = B[i + 1];
  if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) return i + 2;
  if (e !== 117) bad();
  const cu = hex4(i + 2);
  if (cu >= 0xdc00 && cu <= 0xdfff) bad();
  if (cu >= 0xd800 && cu <= 0xdbff) {
    if (B[i + 6] !== 92 || B[i + 7] !== 117) bad();
    const lo = hex4(i + 8);
    if (lo < 0xdc00 || lo > 0xdfff) bad();
    return i + 12;
  }
  return i + 6;
}

/** Validates one multi-byte UTF-8 sequence starting at i; returns the index after it. */
function utf8Seq(i: number): number {
  const c = B[i]!;
  const c1 = i + 1 < E ? B[i + 1]! : 0;
  if (c >= 0xc2 && c <= 0xdf) {
    if ((c1 & 0xc0) !== 0x80) bad();
    return i + 2;
  }
  const c2 = i + 2 < E ? B[i + 2]! : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    if (c1 < lo || c1 > hi || (c2 & 0xc0) !== 0x80) bad();
    return i + 3;
  }
  const c3 = i + 3 < E ? B[i + 3]! : 0;
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    if (c1 < lo || c1 > hi || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) bad();
    return i + 4;
  }
  return bad();
}

/** Scans a string at i (the opening quote); sets sStart/sEnd/sFlags; returns the index after it. */
function str(i: number): number {
  if (checkUtf8) return strChecked(i);
  i++;
  const start = i;
  let flags = 0;
  for (;;) {
    // Plain bytes (printable ASCII and, in already-checked UTF-8, any byte ≥ 0x80) in one tight
    // loop. Reading at E gives the line's newline or undefined, both rejected below.
    let c = B[i]!;
    while (c >= 0x20 && c !== 34 && c !== 92) c = B[++i]!;
    if (c === 34) break;
    if (c !== 92) bad();
    flags = 1;
    i = escape(i);
  }
  if (i >= E) bad();
  sStart = start;
  sEnd = i;
  sFlags = flags;
  return i + 1;
}

/** {@link str} with per-byte UTF-8 validation (blocks that failed the native check). */
function strChecked(i: number): number {
  i++;
  const start = i;
  let flags = 0;
  for (;;) {
    const c = B[i]!;
    if (c === 34) break;
    if (c === 92) {
      flags |= 1;
      i = escape(i);
    } else if (c >= 0x80) {
      i = utf8Seq(i);
    } else if (c >= 0x20) {
      i++;
    } else {
      bad();
    }
  }
  if (i >= E) bad();
  sStart = start;
  sEnd = i;
  sFlags = flags;
  return i + 1;
}

// Interning: ids, statuses and codes repeat across processes; returning the same string object
// makes Map lookups on them cheap (the hash is cached on the string).
const INTERN_SIZE = 8192;
const internBytes: Array<Uint8Array | undefined> = new Array(INTERN_SIZE);
const internText: Array<string | undefined> = new Array(INTERN_SIZE);

function intern(): string {
  const n = sEnd - sStart;
  if (n > 48 || sFlags & 1) return decodeStr();
  // Ids share long prefixes and differ at the end: hash the length and the last 10 bytes, and
  // compare from the end.
  let h = Math.imul(2166136261 ^ n, 16777619);
  for (let k = n > 10 ? sEnd - 10 : sStart; k < sEnd; k++) h = Math.imul(h ^ B[k]!, 16777619);
  const slot = (h >>> 0) & (INTERN_SIZE - 1);
  const cached = internBytes[slot];
  if (cached !== undefined && cached.length === n) {
    let k = n - 1;
    while (k >= 0 && cached[k] === B[sStart + k]) k--;
    if (k < 0) return internText[slot]!;
  }
  const text = decodeStr();
  internBytes[slot] = B.slice(sStart, sEnd);
  internText[slot] = text;
  return text;
}

/** Decodes the last scanned string (valid UTF-8 by now: checked per byte or per block). */
function decodeStr(): string {
  if (sFlags & 1) return JSON.parse(decode(sStart - 1, sEnd + 1)) as string;
  return decode(sStart, sEnd);
}
function decode(from: number, to: number): string {
  return BB !== undefined ? BB.toString('utf8', from, to) : utf8.decode(B.subarray(from, to));
}

function digits(i: number): number {
  const from = i;
  while (i < E && B[i]! >= 48 && B[i]! <= 57) i++;
  if (i === from) bad();
  return i;
}

/** Scans a number at i; sets vNum; returns the index after it. */
function num(i: number): number {
  const start = i;
  if (B[i] === 45) i++;
  if (B[i] === 48) i++;
  else i = digits(i);
  let simple = true;
  if (B[i] === 46) {
    simple = false;
    i = digits(i + 1);
  }
  if (B[i] === 101 || B[i] === 69) {
    simple = false;
    i++;
    if (B[i] === 43 || B[i] === 45) i++;
    i = digits(i);
  }
  const len = i - start;
  if (simple && len <= 15) {
    let v = 0;
    let k = start;
    const neg = B[k] === 45;
    if (neg) k++;
    for (; k < i; k++) v = v * 10 + (B[k]! - 48);
    vNum = neg ? -v : v;
  } else {
    vNum = Number(String.fromCharCode.apply(null, B.subarray(start, i) as unknown as number[]));
    if (!Number.isFinite(vNum)) bad();
  }
  return i;
}

function literal(i: number, word: readonly number[]): number {
  for (let k = 0; k < word.length; k++) if (B[i + k] !== word[k]) bad();
  return i + word.length;
}
const TRUE = [116, 114, 117, 101];
const FALSE = [102, 97, 108, 115, 101];
const NULL = [110, 117, 108, 108];

/** Skips (and validates) any value at i. */
function skip(i: number, depth: number): number {
  const c = B[i];
  if (c === 34) return str(i);
  if (c === 123) {
    if (depth >= MAX_NESTING) bad();
    i = ws(i + 1);
    if (B[i] === 125) return i + 1;
    for (;;) {
      if (B[i] !== 34) bad();
      i = ws(str(i));
      if (B[i] !== 58) bad();
      i = ws(skip(ws(i + 1), depth + 1));
      const d = B[i];
      if (d === 44) i = ws(i + 1);
      else if (d === 125) return i + 1;
      else bad();
    }
  }
  if (c === 91) {
    if (depth >= MAX_NESTING) bad();
    i = ws(i + 1);
    if (B[i] === 93) return i + 1;
    for (;;) {
      i = ws(skip(i, depth + 1));
      const d = B[i];
      if (d === 44) i = ws(i + 1);
      else if (d === 93) return i + 1;
      else bad();
    }
  }
  if (c === 116) return literal(i, TRUE);
  if (c === 102) return literal(i, FALSE);
  if (c === 110) return literal(i, NULL);
  if (c === 45 || (c !== undefined && c >= 48 && c <= 57)) return num(i);
  return bad();
}

/** Reads a string value (vStr) or skips a non-string value (vStr = undefined). */
function strValue(i: number, depth: number, shared = false): number {
  if (B[i] === 34) {
    i = str(i);
    vStr = shared ? intern() : decodeStr();
    return i;
  }
  vStr = undefined;
  return skip(i, depth);
}

/** Reads a number value (vNum) or skips a non-number value (vNum = undefined). */
function numValue(i: number, depth: number): number {
  const c = B[i]!;
  if (c === 45 || (c >= 48 && c <= 57)) return num(i);
  vNum = undefined;
  return skip(i, depth);
}

function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
const K = {
  ocid: bytes('ocid'),
  tender: bytes('tender'),
  buyer: bytes('buyer'),
  bids: bytes('bids'),
  awards: bytes('awards'),
  status: bytes('status'),
  procurementMethod: bytes('procurementMethod'),
  procurementMethodDetails: bytes('procurementMethodDetails'),
  numberOfTenderers: bytes('numberOfTenderers'),
  tenderPeriod: bytes('tenderPeriod'),
  procuringEntity: bytes('procuringEntity'),
  startDate: bytes('startDate'),
  endDate: bytes('endDate'),
  id: bytes('id'),
  details: bytes('details'),
  tenderers: bytes('tenderers'),
  value: bytes('value'),
  amount: bytes('amount'),
  currency: bytes('currency'),
  date: bytes('date'),
  suppliers: bytes('suppliers'),
  items: bytes('items'),
  classification: bytes('classification'),
};
const KEY_TEXT = new Map<Uint8Array, string>(Object.entries(K).map(([k, v]) => [v, k]));

/** True if the last scanned string (a key) equals `key`. */
function isKey(key: Uint8Array): boolean {
  if (sFlags & 1) return decodeStr() === KEY_TEXT.get(key);
  const n = sEnd - sStart;
  if (n !== key.length) return false;
  for (let k = 0; k < n; k++) if (B[sStart + k] !== key[k]) return false;
  return true;
}

/**
 * Iterates an object at i (B[i] === '{'), calling `field` at each value position; `field`
 * returns the index after the value. Returns the index after the object.
 */
function object(i: number, depth: number, field: (i: number, depth: number) => number): number {
  if (depth >= MAX_NESTING) bad();
  i = ws(i + 1);
  if (B[i] === 125) return i + 1;
  for (;;) {
    if (B[i] !== 34) bad();
    i = ws(str(i));
    if (B[i] !== 58) bad();
    i = ws(field(ws(i + 1), depth + 1));
    const d = B[i];
    if (d === 44) i = ws(i + 1);
    else if (d === 125) return i + 1;
    else bad();
  }
}

/** Iterates an array at i (B[i] === '['), calling `element` for each element. */
function array(i: number, depth: number, element: (i: number, depth: number) => number): number {
  if (depth >= MAX_NESTING) bad();
  i = ws(i + 1);
  if (B[i] === 93) return i + 1;
  for (;;) {
    i = ws(element(i, depth + 1));
    const d = B[i];
    if (d === 44) i = ws(i + 1);
    else if (d === 93) return i + 1;
    else bad();
  }
}

let P: ProcessFacts = emptyProcess();
let bid: BidFacts;
let award: AwardFacts;
let ids: Array<string | null>;
let orgId: string | undefined;

// An organisation reference: {"id": "..."} (ids that are not strings count as missing).
function orgField(i: number, depth: number): number {
  if (isKey(K.id)) {
    i = strValue(i, depth, true);
    orgId = vStr;
    return i;
  }
  return skip(i, depth);
}
function org(i: number, depth: number): number {
  orgId = undefined;
  if (B[i] === 123) return object(i, depth, orgField);
  return skip(i, depth);
}
function idElement(i: number, depth: number): number {
  i = org(i, depth);
  ids.push(orgId ?? null);
  return i;
}
/** An array of organisation references → ids (null if not an array). */
function idList(i: number, depth: number): Array<string | null> | null {
  if (B[i] !== 91) {
    listEnd = skip(i, depth);
    return null;
  }
  const list: Array<string | null> = [];
  const saved = ids;
  ids = list;
  listEnd = array(i, depth, idElement);
  ids = saved;
  return list;
}
let listEnd = 0;

function periodField(i: number, depth: number): number {
  if (isKey(K.startDate)) {
    i = strValue(i, depth);
    P.tenderPeriodStart = vStr;
    return i;
  }
  if (isKey(K.endDate)) {
    i = strValue(i, depth);
    P.tenderPeriodEnd = vStr;
    return i;
  }
  return skip(i, depth);
}

function tenderField(i: number, depth: number): number {
  if (isKey(K.status)) {
    i = strValue(i, depth, true);
    P.tenderStatus = vStr;
    return i;
  }
  if (isKey(K.procurementMethod)) {
    i = strValue(i, depth, true);
    P.procurementMethod = vStr;
    return i;
  }
  if (isKey(K.procurementMethodDetails)) {
    i = strValue(i, depth, true);
    P.procurementMethodDetails = vStr;
    return i;
  }
  if (isKey(K.numberOfTenderers)) {
    i = numValue(i, depth);
    P.numberOfTenderers = vNum;
    return i;
  }
  if (isKey(K.tenderPeriod)) {
    P.tenderPeriodStart = undefined;
    P.tenderPeriodEnd = undefined;
    return B[i] === 123 ? object(i, depth, periodField) : skip(i, depth);
  }
  if (isKey(K.procuringEntity)) {
    i = org(i, depth);
    P.procuringEntityId = orgId;
    return i;
  }
  return skip(i, depth);
}
function valueField(i: number, depth: number): number {
  if (isKey(K.amount)) {
    i = numValue(i, depth);
    bid.amount = vNum;
    return i;
  }
  if (isKey(K.currency)) {
    i = strValue(i, depth, true);
    bid.currency = vStr;
    return i;
  }
  return skip(i, depth);
}
function bidField(i: number, depth: number): number {
  if (isKey(K.status)) {
    i = strValue(i, depth, true);
    bid.status = vStr;
    return i;
  }
  if (isKey(K.tenderers)) {
    bid.tenderers = idList(i, depth);
    return listEnd;
  }
  if (isKey(K.value)) {
    bid.amount = undefined;
    bid.currency = undefined;
    return B[i] === 123 ? object(i, depth, valueField) : skip(i, depth);
  }
  if (isKey(K.date)) {
    i = strValue(i, depth);
    bid.date = vStr;
    return i;
  }
  return skip(i, depth);
}
function bidElement(i: number, depth: number): number {
  bid = { status: undefined, tenderers: null, amount: undefined, currency: undefined, date: undefined };
  P.bids.push(bid);
  return B[i] === 123 ? object(i, depth, bidField) : skip(i, depth);
}
function bidsField(i: number, depth: number): number {
  if (isKey(K.details)) {
    P.bids = [];
    return B[i] === 91 ? array(i, depth, bidElement) : skip(i, depth);
  }
  return skip(i, depth);
}

function classificationField(i: number, depth: number): number {
  if (isKey(K.id)) {
    i = strValue(i, depth, true);
    classificationId = vStr;
    return i;
  }
  return skip(i, depth);
}
let classificationId: string | undefined;
function itemField(i: number, depth: number): number {
  if (isKey(K.classification)) {
    classificationId = undefined;
    return B[i] === 123 ? object(i, depth, classificationField) : skip(i, depth);
  }
  return skip(i, depth);
}
function itemElement(i: number, depth: number): number {
  classificationId = undefined;
  i = B[i] === 123 ? object(i, depth, itemField) : skip(i, depth);
  if (classificationId !== undefined) award.classificationIds.push(classificationId);
  return i;
}
function awardField(i: number, depth: number): number {
  if (isKey(K.status)) {
    i = strValue(i, depth, true);
    award.status = vStr;
    return i;
  }
  if (isKey(K.suppliers)) {
    award.suppliers = idList(i, depth);
    return listEnd;
  }
  if (isKey(K.items)) {
    award.classificationIds = [];
    return B[i] === 91 ? array(i, depth, itemElement) : skip(i, depth);
  }
  return skip(i, depth);
}
function awardElement(i: number, depth: number): number {
  award = { status: undefined, suppliers: null, classificationIds: [] };
  P.awards.push(award);
  return B[i] === 123 ? object(i, depth, awardField) : skip(i, depth);
}

function topField(i: number, depth: number): number {
  if (isKey(K.ocid)) {
    i = strValue(i, depth);
    P.ocid = vStr;
    return i;
  }
  if (isKey(K.tender)) {
    P.tenderStatus = P.procurementMethod = P.procurementMethodDetails = undefined;
    P.numberOfTenderers = undefined;
    P.tenderPeriodStart = P.tenderPeriodEnd = P.procuringEntityId = undefined;
    return B[i] === 123 ? object(i, depth, tenderField) : skip(i, depth);
  }
  if (isKey(K.buyer)) {
    i = org(i, depth);
    P.buyerId = orgId;
    return i;
  }
  if (isKey(K.bids)) {
    P.bids = [];
    return B[i] === 123 ? object(i, depth, bidsField) : skip(i, depth);
  }
  if (isKey(K.awards)) {
    P.awards = [];
    return B[i] === 91 ? array(i, depth, awardElement) : skip(i, depth);
  }
  return skip(i, depth);
}

/** Index of the newline (or end) that ended the last line scanned by {@link scanLine}. */
export let lineEnd = 0;

function findLineEnd(from: number): number {
  const nl = B.indexOf(10, from);
  return nl < 0 || nl > E ? E : nl;
}

/**
 * Scans the line that starts at `start` in `buf[start, end)` and sets {@link lineEnd} to the index
 * of its newline (or `end`). Returns the facts, or undefined if the line is blank, not valid JSON,
 * not valid UTF-8 or not a JSON object (Cardinal skips all of these). The scanner never crosses a
 * newline, so no separate pass is needed to find line ends. Pass `utf8Checked` when the caller has
 * already verified that the bytes are valid UTF-8 (for example with `buffer.isUtf8` on a block).
 */
export function scanLine(buf: Uint8Array, start: number, end: number, utf8Checked = false): ProcessFacts | undefined {
  if (buf !== lastBuf) {
    // A plain Uint8Array view indexes faster than a Buffer (a subclass).
    B = buf.constructor === Uint8Array ? buf : new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
    BB = NodeBuffer?.from(buf.buffer, buf.byteOffset, buf.length);
    lastBuf = buf;
  }
  E = end;
  checkUtf8 = !utf8Checked;
  let i = ws(start);
  if (i >= E || B[i] === 10) {
    lineEnd = i;
    return undefined;
  }
  try {
    if (B[i] !== 123) {
      lineEnd = findLineEnd(i);
      return undefined;
    }
    P = emptyProcess();
    i = ws(object(i, 0, topField));
    if (i === E || (i < E && B[i] === 10)) {
      lineEnd = i;
      return P;
    }
  } catch (error) {
    if (!(error === INVALID || error instanceof RangeError || error instanceof SyntaxError)) throw error;
  }
  lineEnd = findLineEnd(start);
  return undefined;
}

/**
 * Scans one line `buf[start, end)` (without its newline). Returns the facts, or undefined if the
 * line is not a valid JSON object (see {@link scanLine}).
 */
export function scanProcess(buf: Uint8Array, start: number, end: number, utf8Checked = false): ProcessFacts | undefined {
  const facts = scanLine(buf, start, end, utf8Checked);
  return facts && lineEnd === end ? facts : undefined;
}
