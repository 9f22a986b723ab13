/**
 * Quantiles and Tukey fences exactly as Cardinal computes them (statrs 0.16 `Data::quantile`,
 * Hyndman–Fan type 8), so fences and therefore flags match Cardinal's bit for bit.
 */

/**
 * Type-8 quantile of `values` at `tau` (0–1):
 * h = (n + 1/3)·tau + 1/3; returns x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) with 1-based order
 * statistics, the minimum if ⌊h⌋ ≤ 0 and the maximum if ⌊h⌋ ≥ n. NaN for an empty list.
 * `sorted` must be ascending.
 */
export function quantileSorted(sorted: readonly number[], tau: number): number {
  const n = sorted.length;
  if (tau < 0 || tau > 1 || n === 0) return Number.NaN;
  const h = (n + 1 / 3) * tau + 1 / 3;
  const hf = Math.trunc(h);
  if (hf <= 0 || tau === 0) return sorted[0]!;
  if (hf >= n || tau === 1) return sorted[n - 1]!;
  const a = sorted[hf - 1]!;
  const b = sorted[hf]!;
  return a + (h - hf) * (b - a);
}

/** Sorts a copy ascending (numerically; NaN last). */
export function sortNumbers(values: Iterable<number>): number[] {
  return Float64Array.from(values).sort() as unknown as number[];
}

/** First and third quartiles (type 8) and the interquartile range. */
export interface Quartiles {
  q1: number;
  q3: number;
  iqr: number;
}

/** Quartiles of the values (type 8). */
export function quartiles(values: Iterable<number>): Quartiles {
  const sorted = Array.from(sortNumbers(values));
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  return { q1, q3, iqr: q3 - q1 };
}

/** Rounds to 4 decimals, halves away from zero (Rust's `f64::round`), for the `Meta` key. */
export function round4(value: number): number {
  const scaled = value * 10000;
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / 10000;
}
