/**
 * Money is stored and computed as integer satang (1 baht = 100 satang) in `bigint`, never as a
 * floating-point number, so budget totals are exact.
 */

/** A sum of money in satang. */
export type Satang = bigint;

/**
 * Parses a baht amount written by a person ("1,234.50", "๑,๒๓๔.๕", "1234") into satang.
 * Returns undefined when the text is not an amount or has more than 2 decimals.
 */
export function parseBaht(text: string): Satang | undefined {
  const cleaned = text
    .trim()
    .replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d)))
    .replace(/[,\s฿]|บาท/g, '');
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  const [, sign, whole, frac = ''] = match;
  const satang = BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0'));
  return sign === '-' ? -satang : satang;
}

/** Formats satang as baht with grouping and 2 decimals: 123450n → "1,234.50". */
export function formatBaht(satang: Satang, options: { decimals?: boolean } = {}): string {
  const negative = satang < 0n;
  const abs = negative ? -satang : satang;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (abs % 100n).toString().padStart(2, '0');
  const text = options.decimals === false && frac === '00' ? whole : `${whole}.${frac}`;
  return negative ? `-${text}` : text;
}

/** Sums satang amounts exactly. */
export function sumSatang(amounts: Iterable<Satang>): Satang {
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
}
