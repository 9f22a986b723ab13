/** Small pieces the plans screens share: money, dates, labels, status, countdown, progress bar. */
import type { ReactNode } from 'react';
import {
  PLAN_ITEM_TYPE_LABELS,
  PLAN_PROGRESS_STATUS_LABELS,
  PLAN_STATUS_LABELS,
  type PlanFrameworkNode,
  type PlanItem,
  type PlanItemType,
  type PlanProgressStatus,
  type PlanReportRound,
  type PlanStatus,
  type PlanSummary,
} from '@prongsai/contracts';
import { formatBaht, formatDate, formatNumber, plans as rules } from '@prongsai/core';
import { usePlansI18n, type PlanMessageKey } from './i18n.ts';
import './plans.css';

type Locale = 'th' | 'en';

/** Satang (string of digits) → "12,500.00". */
export function baht(satang: string | bigint, decimals = true): string {
  return formatBaht(typeof satang === 'bigint' ? satang : BigInt(satang), { decimals });
}

export function thaiDate(iso: string | null | undefined, locale: Locale, style: 'long' | 'dateTime' = 'long'): string {
  return iso ? formatDate(iso, { style, locale, buddhistEra: true }) : '—';
}

export const statusLabel = (s: PlanStatus, locale: Locale) => PLAN_STATUS_LABELS[s][locale];
export const typeLabel = (t: PlanItemType, locale: Locale) => PLAN_ITEM_TYPE_LABELS[t][locale];
export const progressLabel = (s: PlanProgressStatus, locale: Locale) => PLAN_PROGRESS_STATUS_LABELS[s][locale];
export const roundKey = (r: PlanReportRound) => `progress.round.${r}` as PlanMessageKey;

export function nodeTitle(node: Pick<PlanFrameworkNode, 'titleTh' | 'titleEn'>, locale: Locale): string {
  return locale === 'en' && node.titleEn ? node.titleEn : node.titleTh;
}

export function StatusBadge({ status }: { status: PlanStatus }) {
  const { locale } = usePlansI18n();
  return <span className={`plan-status status-${status}`}>{statusLabel(status, locale)}</span>;
}

/** The visible countdown to the submission deadline. */
export function Countdown({ deadline, status }: { deadline: PlanSummary['deadline']; status: PlanStatus }) {
  const { pt, locale } = usePlansI18n();
  if (!deadline) return <span className="muted">{pt('plans.noDeadline')}</span>;
  const date = thaiDate(deadline.dueAt, locale);
  if (deadline.submittedLate !== null && rules.isSubmittedState(status)) {
    return <span className={deadline.submittedLate ? 'countdown late' : 'countdown ok'}>{pt(deadline.submittedLate ? 'plans.submittedLate' : 'plans.submittedOnTime')} ({date})</span>;
  }
  if (deadline.overdue) return <span className="countdown late">{pt('plans.overdue', { days: formatNumber(Math.abs(deadline.daysLeft)), date })}</span>;
  if (deadline.daysLeft === 0) return <span className="countdown soon">{pt('plans.dueToday', { date })}</span>;
  return <span className={deadline.daysLeft <= 14 ? 'countdown soon' : 'countdown'}>{pt('plans.daysLeft', { days: formatNumber(deadline.daysLeft), date })}</span>;
}

/** A labelled progress bar (a native <progress> so assistive technology reads the value). */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const { pt } = usePlansI18n();
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="progress-line">
      <progress className="plan-progress" max={100} value={value} aria-label={label} />
      <span className="progress-value">{pt('public.progressOf', { percent: formatNumber(value) })}</span>
    </div>
  );
}

/** Framework nodes by parent, sorted by code: the dimension → sub-item tree. */
export function frameworkTree(nodes: readonly PlanFrameworkNode[]) {
  const sorted = [...nodes].sort((a, b) => rules.compareCodes(a.code, b.code));
  return { dimensions: sorted.filter((n) => n.level === 1), childrenOf: (code: string) => sorted.filter((n) => n.parentCode === code), all: sorted };
}

/** Items of one dimension (by the first segment of their code), in plan order. */
export function itemsOfDimension(items: readonly PlanItem[], dimensionCode: string): PlanItem[] {
  return items.filter((i) => i.dimensionCode === dimensionCode).sort((a, b) => a.position - b.position);
}

export function Notice({ kind, children }: { kind: 'success' | 'error' | 'warn' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice ${kind === 'info' ? '' : kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** Lines of a textarea ↔ a list of strings. */
export const toLines = (list: readonly string[]) => list.join('\n');
export const fromLines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Sum of an item's budgets for the years of the plan. */
export function itemTotal(item: Pick<PlanItem, 'budgets'>): bigint {
  return item.budgets.reduce((s, b) => s + BigInt(b.amountSatang), 0n);
}
