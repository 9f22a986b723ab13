import { describe, expect, it } from 'vitest';
import { baht, breakUnits, digits, wrapThai } from './thai-text.ts';

const width = (s: string) => [...s].filter((c) => !/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(c)).length; // marks take no width

describe('Thai line breaking for PDF', () => {
  it('breaks only between words, never inside a word or cluster', () => {
    const text = 'องค์การบริหารส่วนตำบลหนองหลวงแสดงรายการระบบอิเล็กทรอนิกส์ญี่ปุ่นน้ำฝั่ง';
    const words = breakUnits(text);
    for (const max of [8, 12, 20]) {
      const lines = wrapThai(text, max, width);
      expect(lines.join('')).toBe(text);
      for (const line of lines) {
        expect(line).not.toMatch(/^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0e30\u0e32\u0e33\u0e45]/);
        if (width(line) <= max && words.some((w) => width(w) > max) === false) expect(words.some((w) => line.startsWith(w))).toBe(true);
      }
    }
  });
  it.each([
    ['แสดงรายการ', 6, ['แสดง', 'รายการ']],
    ['ระบบอิเล็กทรอนิกส์', 10, ['ระบบ', 'อิเล็กทรอนิกส์']],
    ['บรรทัดแรก\nบรรทัดสอง', 40, ['บรรทัดแรก', 'บรรทัดสอง']],
    ['a b c', 3, ['a b', 'c']],
  ])('%s at width %d', (text, max, expected) => {
    expect(wrapThai(text, max, width)).toEqual(expected);
  });
  it('splits an over-long word between grapheme clusters only', () => {
    const lines = wrapThai('กิ่งกิ่งกิ่งกิ่ง', 3, width);
    expect(lines.join('')).toBe('กิ่งกิ่งกิ่งกิ่ง');
    for (const l of lines) expect(l).toMatch(/^ก/);
  });
  it('formats money and digits', () => {
    expect(baht('123456')).toBe('1,234.56');
    expect(baht(0n, { dashForZero: true })).toBe('-');
    expect(digits('ปี 2569', { thaiDigits: true })).toBe('ปี ๒๕๖๙');
  });
});
