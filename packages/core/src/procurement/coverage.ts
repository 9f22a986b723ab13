/**
 * `coverage`: counts, per JSON path, the non-empty nodes across JSON Lines (Cardinal's `coverage`).
 *
 * A node is non-empty unless it is `null`, `""`, or an array/object without non-empty children.
 * Paths: the root is `""`; an object's members are `P/key`, and a non-empty object is also counted
 * at `P/`; array elements are `P[]`. Invalid JSON, invalid UTF-8 and blank lines are skipped.
 * Counts are mergeable (sum), so chunks can be counted in parallel.
 */
import { decodeUtf8Line, type JsonValue, parseJson } from './json.ts';

/** Path → count, in first-seen (post-order) order. */
export type CoverageCounts = Map<string, number>;

function inc(counts: CoverageCounts, path: string): void {
  counts.set(path, (counts.get(path) ?? 0) + 1);
}

function walk(value: JsonValue, path: string, counts: CoverageCounts): boolean {
  if (value === null) return false;
  if (typeof value === 'string') {
    if (value === '') return false;
  } else if (Array.isArray(value)) {
    let any = false;
    const child = `${path}[]`;
    for (const v of value) if (walk(v, child, counts)) any = true;
    if (!any) return false;
  } else if (value instanceof Map) {
    let any = false;
    for (const [k, v] of value) if (walk(v, `${path}/${k}`, counts)) any = true;
    if (!any) return false;
    inc(counts, `${path}/`);
  }
  inc(counts, path);
  return true;
}

/** Adds one parsed value to the counts. */
export function coverValue(counts: CoverageCounts, value: JsonValue): void {
  walk(value, '', counts);
}

/** Adds every line of `buf[start, end)` to the counts; returns the number of invalid non-blank lines. */
export function coverLines(counts: CoverageCounts, buf: Uint8Array, start = 0, end = buf.length): number {
  let invalid = 0;
  let i = start;
  while (i < end) {
    let nl = buf.indexOf(10, i);
    if (nl < 0 || nl > end) nl = end;
    const text = decodeUtf8Line(buf.subarray(i, nl));
    i = nl + 1;
    if (text === undefined) {
      invalid++;
      continue;
    }
    if (text.trim() === '') continue;
    let value: JsonValue;
    try {
      value = parseJson(text);
    } catch {
      invalid++;
      continue;
    }
    coverValue(counts, value);
  }
  return invalid;
}

/** Adds `later` into `earlier` and returns it. */
export function mergeCoverage(earlier: CoverageCounts, later: CoverageCounts): CoverageCounts {
  for (const [path, n] of later) earlier.set(path, (earlier.get(path) ?? 0) + n);
  return earlier;
}

/** Cardinal's JSON output: `{"path": count, …}`. */
export function coverageToJson(counts: CoverageCounts): string {
  return JSON.stringify(Object.fromEntries(counts));
}
