/**
 * Progress reporting: rounds per fiscal year (6- and 12-month by default, quarterly optional),
 * the default % a status implies (Decidim Accountability: each status carries a default
 * progress), and deadline countdowns. Pure: "now" is passed in.
 */
import { fiscalYearRange } from '../fiscal-year.ts';

export type ProgressState = 'not_started' | 'in_progress' | 'completed' | 'delayed' | 'cancelled';
export type ReportRoundCode = '6m' | '12m' | 'q1' | 'q2' | 'q3';

const DEFAULT_PERCENT: Record<ProgressState, number> = { not_started: 0, in_progress: 50, completed: 100, delayed: 25, cancelled: 0 };

/** The % a status implies when the reporter gives none. */
export function defaultPercent(status: ProgressState): number {
  return DEFAULT_PERCENT[status];
}

/** The % to store: the given one, except that "completed" is always 100 and "not started" 0. */
export function effectivePercent(status: ProgressState, percent: number | undefined): number {
  if (status === 'completed') return 100;
  if (status === 'not_started') return 0;
  return percent ?? defaultPercent(status);
}

export const DEFAULT_REPORT_ROUNDS: readonly ReportRoundCode[] = ['6m', '12m'];

/**
 * The period a round covers (Bangkok dates, inclusive), counted from the start of the fiscal year:
 * 6m = Oct–Mar, 12m = the whole year, q1 = Oct–Dec, q2 = Oct–Mar (cumulative), q3 = Oct–Jun.
 */
export function roundPeriod(fiscalYear: number, round: ReportRoundCode): { start: string; end: string } {
  const { start, end } = fiscalYearRange(fiscalYear);
  const ce = Number(end.slice(0, 4));
  const ends: Record<ReportRoundCode, string> = {
    q1: `${ce - 1}-12-31`,
    q2: `${ce}-03-31`,
    '6m': `${ce}-03-31`,
    q3: `${ce}-06-30`,
    '12m': end,
  };
  return { start, end: ends[round] };
}

/** Round order within a fiscal year, to pick the latest report. */
export function roundOrder(round: ReportRoundCode): number {
  return { q1: 1, q2: 2, '6m': 2, q3: 3, '12m': 4 }[round];
}

/** Whole days from `now` to `dueAt` (ceil; negative when past), and whether it is overdue. */
export function countdown(dueAt: Date, now: Date): { daysLeft: number; overdue: boolean } {
  const ms = dueAt.getTime() - now.getTime();
  return { daysLeft: Math.ceil(ms / 86_400_000), overdue: ms < 0 };
}

/** Days before a deadline on which reminders go out. */
export const REMINDER_DAYS: readonly number[] = [14, 7, 3, 1];

/**
 * Which reminder is due now for a deadline, if any: the smallest threshold in REMINDER_DAYS that
 * the countdown has reached (e.g. 6 days left → the "7" reminder). Null when none or overdue.
 */
export function dueReminderThreshold(dueAt: Date, now: Date, thresholds: readonly number[] = REMINDER_DAYS): number | null {
  const { daysLeft, overdue } = countdown(dueAt, now);
  if (overdue) return null;
  const reached = thresholds.filter((t) => daysLeft <= t);
  return reached.length === 0 ? null : Math.min(...reached);
}
