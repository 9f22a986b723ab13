/**
 * Presentation of dates and numbers the Thai way: Buddhist-era calendar, Bangkok time,
 * optional Thai digits (เลขไทย) for official documents (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ).
 * Uses only Intl (ICU), which Node and browsers ship; pure.
 */

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** Replaces ASCII digits 0–9 with Thai digits ๐–๙; other characters are kept. */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!);
}

/** Replaces Thai digits ๐–๙ with ASCII digits. */
export function fromThaiDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

export type DateStyle = 'long' | 'short' | 'official' | 'dateTime';
export type Locale = 'th' | 'en';

/**
 * Formats an instant in Asia/Bangkok.
 * - `long`: 23 พฤศจิกายน 2569
 * - `official`: 23 พฤศจิกายน พ.ศ. 2569 (the style of official letters; add thaiDigits for ๒๓ …)
 * - `short`: 23/11/69
 * - `dateTime`: 23 พ.ย. 2569 09:05
 * English uses the Gregorian calendar unless `buddhistEra` is true.
 */
export function formatDate(
  instant: Date | string,
  options: { style?: DateStyle; locale?: Locale; thaiDigits?: boolean; buddhistEra?: boolean } = {},
): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const { style = 'long', locale = 'th', thaiDigits = false } = options;
  const buddhist = locale === 'th' || options.buddhistEra === true;
  const tag = `${locale === 'th' ? 'th-TH' : 'en-GB'}-u-ca-${buddhist ? 'buddhist' : 'gregory'}${thaiDigits ? '-nu-thai' : '-nu-latn'}`;
  const base: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Bangkok' };
  const byStyle: Record<DateStyle, Intl.DateTimeFormatOptions> = {
    long: { day: 'numeric', month: 'long', year: 'numeric' },
    official: { day: 'numeric', month: 'long', year: 'numeric', era: 'short' },
    short: { day: '2-digit', month: '2-digit', year: '2-digit' },
    dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false },
  };
  let text = new Intl.DateTimeFormat(tag, { ...base, ...byStyle[style] }).format(date);
  if (locale === 'en' && buddhist && style !== 'official') text = text.replace(/\s?BE$/, '') ;
  return text;
}

/** Formats a number with Thai grouping, optionally in Thai digits: 1234567 → 1,234,567 / ๑,๒๓๔,๕๖๗. */
export function formatNumber(value: number, options: { thaiDigits?: boolean; fractionDigits?: number } = {}): string {
  const text = new Intl.NumberFormat('th-TH-u-nu-latn', {
    minimumFractionDigits: options.fractionDigits ?? 0,
    maximumFractionDigits: options.fractionDigits ?? 0,
  }).format(value);
  return options.thaiDigits ? toThaiDigits(text) : text;
}

const collator = new Intl.Collator('th');

/** Compares two strings in Thai dictionary order (leading vowels ignored as Thai dictionaries do). */
export function compareThai(a: string, b: string): number {
  return collator.compare(a, b);
}
