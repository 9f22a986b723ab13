/**
 * Thai text helpers for generated documents: numbers and dates in the official style (Buddhist
 * era, optional Thai digits) and word segmentation for line breaking.
 */
import { formatBaht, formatDate, toThaiDigits } from '@prongsai/core';

export interface ThaiDocOptions {
  /** Thai digits (เลขไทย) throughout, as in official letters. */
  thaiDigits?: boolean;
}

/** Applies Thai digits when asked. */
export function digits(text: string, options: ThaiDocOptions): string {
  return options.thaiDigits ? toThaiDigits(text) : text;
}

/** Satang (as bigint or digit string) → "1,234.00", or "-" for zero when `dashForZero`. */
export function baht(satang: bigint | string, options: ThaiDocOptions & { dashForZero?: boolean } = {}): string {
  const v = typeof satang === 'bigint' ? satang : BigInt(satang);
  if (v === 0n && options.dashForZero) return '-';
  return digits(formatBaht(v), options);
}

/** "23 พฤศจิกายน พ.ศ. 2569" (official style), with Thai digits when asked. */
export function officialDate(instant: Date | string, options: ThaiDocOptions): string {
  return formatDate(instant, { style: 'official', thaiDigits: options.thaiDigits ?? false });
}

const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** Segments text into break opportunities: Thai words (ICU dictionary), spaces kept with the word before. */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  for (const { segment } of wordSegmenter.segment(text)) {
    if (/^\s+$/.test(segment) && units.length > 0) units[units.length - 1] += segment;
    else units.push(segment);
  }
  return units;
}

/**
 * Greedy line breaking at Thai word boundaries: packs `breakUnits` into lines no wider than
 * `maxWidth` as measured by `measure`. A unit wider than a line is split between grapheme
 * clusters (never inside one, so marks stay on their base letters). Explicit newlines are kept.
 */
export function wrapThai(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
    };
    for (const unit of breakUnits(paragraph)) {
      if (measure(line + unit.trimEnd()) <= maxWidth) {
        line += unit;
        continue;
      }
      if (line.trim() !== '') push();
      if (measure(unit.trimEnd()) <= maxWidth) {
        line = unit.trimStart();
        continue;
      }
      for (const { segment } of graphemeSegmenter.segment(unit)) {
        if (measure(line + segment) > maxWidth && line !== '') push();
        line += segment;
      }
    }
    push();
  }
  return lines;
}
