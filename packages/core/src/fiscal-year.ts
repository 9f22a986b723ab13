/**
 * Thai government fiscal year (ปีงบประมาณ): 1 October to 30 September, named by the
 * Buddhist-era year in which it ends (พ.ร.บ.วิธีการงบประมาณ พ.ศ. 2561 มาตรา 4).
 * Pure functions: every date is passed in; Bangkok local dates are used (UTC+7, no DST).
 */

/** Offset between the Buddhist era (พ.ศ.) and the Common Era: BE = CE + 543. */
export const BUDDHIST_ERA_OFFSET = 543;

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Converts a Common-Era year to a Buddhist-era year (2026 → 2569). */
export function toBuddhistYear(ceYear: number): number {
  return ceYear + BUDDHIST_ERA_OFFSET;
}

/** Converts a Buddhist-era year to a Common-Era year (2569 → 2026). */
export function toCommonEraYear(beYear: number): number {
  return beYear - BUDDHIST_ERA_OFFSET;
}

/** The calendar date in Bangkok (UTC+7) of an instant, as {year (CE), month 1–12, day}. */
export function bangkokDate(instant: Date): { year: number; month: number; day: number } {
  const shifted = new Date(instant.getTime() + BANGKOK_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * The Thai fiscal year (Buddhist era) that an instant falls in, judged on the Bangkok date.
 * 30 Sep 2026 → 2569; 1 Oct 2026 → 2570.
 */
export function fiscalYearOf(instant: Date): number {
  const { year, month } = bangkokDate(instant);
  return toBuddhistYear(month >= 10 ? year + 1 : year);
}

/**
 * First and last day (ISO yyyy-mm-dd, Bangkok dates) of a fiscal year given in the Buddhist era.
 * 2569 → { start: '2025-10-01', end: '2026-09-30' }.
 */
export function fiscalYearRange(fiscalYearBE: number): { start: string; end: string } {
  const endCE = toCommonEraYear(fiscalYearBE);
  return { start: `${endCE - 1}-10-01`, end: `${endCE}-09-30` };
}

/**
 * Fiscal quarter 1–4 of an instant: Q1 = Oct–Dec, Q2 = Jan–Mar, Q3 = Apr–Jun, Q4 = Jul–Sep.
 */
export function fiscalQuarterOf(instant: Date): 1 | 2 | 3 | 4 {
  const { month } = bangkokDate(instant);
  const q = Math.floor(((month + 2) % 12) / 3) + 1;
  return q as 1 | 2 | 3 | 4;
}

/** The fiscal years (BE) of an inclusive span, e.g. 2566–2570 → [2566, …, 2570]. */
export function fiscalYearsOfSpan(firstBE: number, lastBE: number): number[] {
  if (!Number.isInteger(firstBE) || !Number.isInteger(lastBE) || lastBE < firstBE) {
    throw new RangeError(`invalid fiscal-year span ${firstBE}–${lastBE}`);
  }
  return Array.from({ length: lastBE - firstBE + 1 }, (_, i) => firstBE + i);
}
