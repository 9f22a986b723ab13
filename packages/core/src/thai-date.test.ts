import { describe, expect, it } from 'vitest';
import { compareThai, formatDate, formatNumber, fromThaiDigits, toThaiDigits } from './thai-date.ts';

const instant = new Date('2026-11-23T02:05:00Z'); // 09:05 in Bangkok

describe('Thai dates', () => {
  it('formats in the Buddhist era by default', () => {
    expect(formatDate(instant)).toBe('23 พฤศจิกายน 2569');
    expect(formatDate(instant, { style: 'official' })).toBe('23 พฤศจิกายน พ.ศ. 2569');
    expect(formatDate(instant, { style: 'official', thaiDigits: true })).toBe('๒๓ พฤศจิกายน พ.ศ. ๒๕๖๙');
    expect(formatDate(instant, { style: 'short' })).toBe('23/11/69');
  });

  it('uses the Bangkok date near midnight UTC', () => {
    expect(formatDate(new Date('2026-09-30T17:30:00Z'))).toBe('1 ตุลาคม 2569');
  });

  it('formats in English with the Gregorian calendar', () => {
    expect(formatDate(instant, { locale: 'en' })).toBe('23 November 2026');
  });

  it('converts digits both ways', () => {
    expect(toThaiDigits('2569/10')).toBe('๒๕๖๙/๑๐');
    expect(fromThaiDigits('๒๕๖๙')).toBe('2569');
    expect(formatNumber(1234567, { thaiDigits: true })).toBe('๑,๒๓๔,๕๖๗');
  });

  it('sorts in Thai dictionary order', () => {
    expect(['ไก่', 'เกม', 'กา', 'ขวด', 'กิน'].sort(compareThai)).toEqual(['กา', 'กิน', 'เกม', 'ไก่', 'ขวด']);
  });
});
