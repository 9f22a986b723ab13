import { describe, expect, it } from 'vitest';
import { fiscalQuarterOf, fiscalYearOf, fiscalYearRange, fiscalYearsOfSpan, toBuddhistYear } from './fiscal-year.ts';

describe('fiscal year', () => {
  it.each([
    ['2026-09-30T16:59:59Z', 2569], // 23:59:59 on 30 Sep in Bangkok
    ['2026-09-30T17:00:00Z', 2570], // 00:00 on 1 Oct in Bangkok
    ['2025-10-01T00:00:00+07:00', 2569],
    ['2026-01-01T00:00:00+07:00', 2569],
  ])('%s is in fiscal year %i', (iso, fy) => {
    expect(fiscalYearOf(new Date(iso))).toBe(fy);
  });

  it('gives the date range of a fiscal year', () => {
    expect(fiscalYearRange(2569)).toEqual({ start: '2025-10-01', end: '2026-09-30' });
  });

  it.each([
    ['2025-10-01T00:00:00+07:00', 1],
    ['2025-12-31T23:59:00+07:00', 1],
    ['2026-01-01T00:00:00+07:00', 2],
    ['2026-06-30T12:00:00+07:00', 3],
    ['2026-09-30T12:00:00+07:00', 4],
  ])('%s is in fiscal quarter %i', (iso, q) => {
    expect(fiscalQuarterOf(new Date(iso))).toBe(q);
  });

  it('lists the years of a span and rejects a reversed one', () => {
    expect(fiscalYearsOfSpan(2566, 2570)).toEqual([2566, 2567, 2568, 2569, 2570]);
    expect(() => fiscalYearsOfSpan(2570, 2566)).toThrow(RangeError);
    expect(toBuddhistYear(2026)).toBe(2569);
  });
});
