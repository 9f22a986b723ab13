import { describe, expect, it } from 'vitest';
import { isDlaCode, kindFromDlaCode, naccProvincialOfficeCode, organizationSearchText, paccRegionalOfficeCode, searchTerms } from './organizations.ts';

describe('organisation codes', () => {
  it.each([
    ['2830101', 'pao'],
    ['3400102', 'city_municipality'],
    ['6620708', 'sao'],
    ['1234567', undefined],
  ])('kind of DLA code %s is %s', (code, kind) => expect(kindFromDlaCode(code)).toBe(kind));

  it('builds codes for bodies without an official one', () => {
    expect(naccProvincialOfficeCode('62')).toBe('NACC-P62');
    expect(paccRegionalOfficeCode(8)).toBe('PACC-R8');
    expect(isDlaCode('6620708')).toBe(true);
    expect(isDlaCode('NACC-P62')).toBe(false);
  });
});

describe('search text', () => {
  const text = organizationSearchText({
    code: '6620708',
    kind: 'sao',
    nameTh: 'องค์การบริหารส่วนตำบลหนองหลวง',
    shortNameTh: 'หนองหลวง',
    provinceNameTh: 'กำแพงเพชร',
    provinceNameEn: 'Kamphaeng Phet',
    districtNameTh: 'ลานกระบือ',
  });

  it('is found by code, name, everyday abbreviation and place, in any case', () => {
    for (const query of ['6620708', 'หนองหลวง', 'อบต.หนองหลวง', 'ลานกระบือ', 'kamphaeng', 'KAMPHAENG PHET']) {
      expect(searchTerms(query).every((term) => text.includes(term)), query).toBe(true);
    }
  });

  it('normalises Thai digits, spaces and zero-width characters in queries', () => {
    expect(searchTerms('  ๖๖๒๐๗๐๘ ')).toEqual(['6620708']);
    expect(searchTerms('อบต.\u200bหนอง   หลวง')).toEqual(['อบต.หนอง', 'หลวง']);
    expect(searchTerms(undefined)).toEqual([]);
  });
});
