import { describe, expect, it } from 'vitest';
import { formatBaht, parseBaht, sumSatang } from './money.ts';
import { segmentWords, toSearchDocument } from './thai-text.ts';

describe('money in satang', () => {
  it.each([
    ['1,234.50', 123450n],
    ['๑,๒๓๔.๕', 123450n],
    ['500000', 50000000n],
    ['499,999.99 บาท', 49999999n],
    ['-10', -1000n],
  ])('parses %s', (text, satang) => expect(parseBaht(text)).toBe(satang));

  it.each(['', 'abc', '1.234', '1,2x'])('rejects %j', (text) => expect(parseBaht(text)).toBeUndefined());

  it('formats and sums exactly', () => {
    expect(formatBaht(123450n)).toBe('1,234.50');
    expect(formatBaht(50000000n, { decimals: false })).toBe('500,000');
    expect(sumSatang([10n, 20n, 1n])).toBe(31n);
    expect(formatBaht(sumSatang(Array.from({ length: 10 }, () => 10n)))).toBe('1.00');
  });
});

describe('Thai text segmentation', () => {
  it('splits unspaced Thai into words', () => {
    expect(segmentWords('ภาษีเงินได้')).toEqual(['ภาษี', 'เงิน', 'ได้']);
    expect(toSearchDocument('องค์การบริหารส่วนตำบล', 'หนองหลวง')).toContain('หนอง');
  });
});
