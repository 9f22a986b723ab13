import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { explainFlag } from './explain.ts';
import {
  compileThaiConfig,
  computeThaiFlags,
  createThaiState,
  finalizeThaiFlags,
  foldThaiRelease,
  isYearEnd,
  mergeThaiStates,
  type OfficialEntry,
} from './indicators.ts';
import { firmNameKey, normalizeTaxId, personNameKey } from './names.ts';
import { parseThresholdsFile, type ThresholdVersion } from './thresholds.ts';

const file = parseThresholdsFile(JSON.parse(fs.readFileSync(new URL('../../../../data/thresholds/th-procurement.json', import.meta.url), 'utf8')));
const V = file.versions[0]!;

interface Spec {
  ocid: string;
  buyer?: string;
  details?: string;
  method?: string;
  /** baht with satang, as text, e.g. "500000.00" */
  amount?: string;
  reference?: string;
  date?: string;
  supplier?: string;
  supplierName?: string;
  supplierTin?: string;
  registered?: string;
  tenderers?: number;
  classification?: string;
  tenderStatus?: string;
}

/** A compiled release with one active award. */
function release(s: Spec) {
  const supplier = s.supplier ?? 'TH-TIN-0105550000001';
  return {
    ocid: s.ocid,
    buyer: { id: s.buyer ?? 'B1', name: 'อบต.ทดสอบ' },
    parties: [{ id: supplier, name: s.supplierName ?? 'บริษัท ทดสอบ จำกัด', roles: ['supplier'], identifier: { scheme: 'TH-TIN', id: s.supplierTin ?? '0105550000001' }, ...(s.registered ? { details: { registrationDate: s.registered } } : {}) }],
    tender: {
      id: s.ocid,
      status: s.tenderStatus ?? 'complete',
      procurementMethod: s.method ?? 'direct',
      procurementMethodDetails: s.details ?? 'วิธีเฉพาะเจาะจง',
      ...(s.reference ? { value: { amount: Number(s.reference), currency: 'THB' } } : {}),
      ...(s.tenderers !== undefined ? { numberOfTenderers: s.tenderers } : {}),
      items: [{ id: '1', classification: { scheme: 'UNSPSC', id: s.classification ?? '43211500' } }],
    },
    awards: [{ id: `${s.ocid}-a`, status: 'active', date: s.date ?? '2026-03-01T10:00:00+07:00', value: { amount: Number(s.amount ?? '1000'), currency: 'THB' }, suppliers: [{ id: supplier, name: s.supplierName ?? 'บริษัท ทดสอบ จำกัด' }] }],
  };
}

function flags(releases: unknown[], opts: { officials?: OfficialEntry[]; version?: Partial<ThresholdVersion> } = {}) {
  return computeThaiFlags(releases, { versions: [{ ...V, ...opts.version }], officials: opts.officials ?? [] }).flags;
}
const codes = (list: ReturnType<typeof flags>, code: string) => list.filter((f) => f.code === code).map((f) => f.ocid);

describe('TH01 split purchases under the specific-method limit', () => {
  const only = { TH01: { ...V.TH01, groupBy: ['supplier' as const] } };
  it.each([
    // [amount A, amount B, days apart, expected flagged]
    ['250000.00', '250000.00', 1, false, 'sum exactly 500,000.00 is not above the limit'],
    ['250000.01', '250000.00', 1, true, 'sum 1 satang above the limit'],
    ['500000.00', '0.01', 1, true, 'an award exactly at the limit still counts as under it'],
    ['500000.01', '400000.00', 1, false, 'an award 1 satang over the limit is not specific-method territory'],
    ['300000.00', '300000.00', 29, true, '29 days apart: same 30-day window'],
    ['300000.00', '300000.00', 30, false, '30 days apart: different windows'],
    ['60000.00', '40000.01', 1, true, '100,000 tier: 100,000.01 total'],
    ['60000.00', '40000.00', 1, false, '100,000 tier: exactly 100,000.00'],
  ])('%s + %s baht, %i days apart → %s (%s)', (a, b, apart, expected) => {
    const d2 = new Date(Date.UTC(2026, 2, 1 + apart, 3)).toISOString();
    const result = flags([release({ ocid: 'o1', amount: a, date: '2026-03-01T03:00:00Z' }), release({ ocid: 'o2', amount: b, date: d2 })], { version: only });
    expect(codes(result, 'TH01').length > 0).toBe(expected);
  });

  it('ignores competitive methods and different suppliers, groups by category when asked', () => {
    const list = [
      release({ ocid: 'o1', amount: '300000', supplier: 'S1' }),
      release({ ocid: 'o2', amount: '300000', supplier: 'S2' }),
      release({ ocid: 'o3', amount: '300000', supplier: 'S1', details: 'e-bidding', method: 'open' }),
    ];
    expect(codes(flags(list, { version: only }), 'TH01')).toEqual([]);
    const byCategory = flags(list);
    const th01 = byCategory.filter((f) => f.code === 'TH01');
    expect(th01.map((f) => f.ocid)).toEqual(['o1', 'o2']);
    expect(th01[0]!.evidence).toMatchObject({ groupBy: 'category', group: '43', limitSatang: '50000000', totalSatang: '60000000', purchases: 2 });
    expect(explainFlag('TH01', th01[0]!.value, th01[0]!.evidence, 'th')).toContain('600,000.00');
  });
});

describe('TH02 repeated specific-method awards', () => {
  it.each([
    [4, false],
    [5, true],
  ])('%i awards in one fiscal year → %s', (n, expected) => {
    const list = Array.from({ length: n }, (_, i) => release({ ocid: `o${i}`, amount: '900000', date: `2026-0${i + 1}-15T03:00:00Z` }));
    expect(codes(flags(list), 'TH02').length === n).toBe(expected);
  });
  it('does not add awards across the fiscal-year boundary (30 Sep / 1 Oct Bangkok)', () => {
    const list = [
      ...Array.from({ length: 4 }, (_, i) => release({ ocid: `a${i}`, amount: '900000', date: `2026-0${i + 5}-15T03:00:00Z` })),
      // 1 Oct 2026 00:00 Bangkok = 30 Sep 17:00 UTC: fiscal year 2570
      release({ ocid: 'b0', amount: '900000', date: '2026-09-30T17:00:00Z' }),
    ];
    expect(codes(flags(list), 'TH02')).toEqual([]);
    // 30 Sep 2026 23:59:59 Bangkok: still fiscal year 2569 → 5 awards
    list[4] = release({ ocid: 'b0', amount: '900000', date: '2026-09-30T16:59:59Z' });
    expect(codes(flags(list), 'TH02')).toHaveLength(5);
  });
});

describe('TH03 single bidder in e-bidding', () => {
  it.each([
    ['e-bidding', 1, true],
    ['e-bidding', 2, false],
    ['ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 1, true],
    ['e-market', 1, false],
    ['วิธีเฉพาะเจาะจง', 1, false],
  ])('%s with %i tenderer(s) → %s', (details, n, expected) => {
    expect(codes(flags([release({ ocid: 'o1', details, method: 'open', tenderers: n })]), 'TH03').length > 0).toBe(expected);
  });
  it('counts distinct tenderers of submitted bids when numberOfTenderers is missing', () => {
    const r = { ...release({ ocid: 'o1', details: 'e-bidding', method: 'open' }), bids: { details: [{ id: '1', status: 'valid', tenderers: [{ id: 'S1' }] }, { id: '2', status: 'withdrawn', tenderers: [{ id: 'S2' }] }] } };
    expect(codes(flags([r]), 'TH03')).toEqual(['o1']);
  });
});

describe('TH04 winning price at or near the reference price', () => {
  it.each([
    ['1000000.00', '990000.00', true, 'exactly 1 % below'],
    ['1000000.00', '989999.99', false, '1 satang more than 1 % below'],
    ['1000000.00', '1000000.00', true, 'equal to the reference price'],
    ['1000000.00', '1000000.01', true, 'above the reference price'],
    ['1000000.00', '800000.00', false, '20 % below'],
  ])('reference %s, award %s → %s (%s)', (reference, amount, expected) => {
    expect(codes(flags([release({ ocid: 'o1', details: 'e-bidding', method: 'open', reference, amount })]), 'TH04').length > 0).toBe(expected);
  });
  it('skips the specific method and a missing reference price', () => {
    expect(codes(flags([release({ ocid: 'o1', reference: '100000', amount: '100000' }), release({ ocid: 'o2', details: 'e-bidding', amount: '5' })]), 'TH04')).toEqual([]);
  });
});

describe('TH05 year-end rush', () => {
  it.each([
    ['2026-09-01T00:00:00+07:00', 30, true],
    ['2026-08-31T23:59:59+07:00', 30, false],
    ['2026-09-30T23:59:59+07:00', 30, true],
    ['2026-10-01T00:00:00+07:00', 30, false],
  ])('%s is in the last %i days → %s', (date, days, expected) => {
    const iso = new Date(date);
    const bangkok = new Date(iso.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(isYearEnd(bangkok, days)).toBe(expected);
  });
  it('flags September awards when they are at least 25 % of the year by value', () => {
    const year = ['2025-11-10', '2026-01-10', '2026-03-10', '2026-05-10'].map((d, i) => release({ ocid: `y${i}`, amount: '100000', date: `${d}T03:00:00Z`, details: 'e-bidding', method: 'open' }));
    const sept = release({ ocid: 's1', amount: '133333.34', date: '2026-09-20T03:00:00Z', details: 'e-bidding', method: 'open' });
    // 133,333.34 / 533,333.34 = 0.25000000… → flagged
    expect(codes(flags([...year, sept]), 'TH05')).toEqual(['s1']);
    const under = release({ ocid: 's1', amount: '133333.32', date: '2026-09-20T03:00:00Z', details: 'e-bidding', method: 'open' });
    expect(codes(flags([...year, under]), 'TH05')).toEqual([]);
    // The same award on 1 Oct (Bangkok) belongs to the next fiscal year
    const october = release({ ocid: 's1', amount: '133333.34', date: '2026-09-30T17:00:00Z', details: 'e-bidding', method: 'open' });
    expect(codes(flags([...year, october]), 'TH05')).toEqual([]);
  });
});

describe('TH06 new company', () => {
  it.each([
    ['2025-03-02', true, 364],
    ['2025-03-01', false, 365],
  ])('registered %s, award 2026-03-01 → %s', (registered, expected, age) => {
    const result = flags([release({ ocid: 'o1', registered, date: '2026-03-01T10:00:00+07:00' })]);
    expect(codes(result, 'TH06').length > 0).toBe(expected);
    if (expected) expect(result.find((f) => f.code === 'TH06')!.value).toBe(age);
  });
  it('uses a registry list by tax ID when the release has no registration date', () => {
    const result = computeThaiFlags([release({ ocid: 'o1', date: '2026-03-01T03:00:00Z' })], { versions: [V], registrations: new Map([['0105550000001', '2026-01-01']]) }).flags;
    expect(codes(result, 'TH06')).toEqual(['o1']);
  });
});

describe('TH07 supplier linked to an official', () => {
  const officials: OfficialEntry[] = [
    { id: 'L1', name: 'นาย สมชาย   ใจดี', position: 'ปลัด อบต.' },
    { id: 'L2', name: 'Someone', taxId: '3-1001-00123-45-6' },
    { id: 'L3', name: 'นางสาวมาลี ศรีสุข', buyerIds: ['OTHER'] },
  ];
  it.each([
    ['นายสมชาย ใจดี', '0105550000009', 'name'],
    ['ร้าน สมชาย ใจดี', '0105550000009', 'name'],
    ['ดร.สมชาย  ใจดี', '0105550000009', 'name'],
    ['บริษัท อื่น จำกัด', '3100100123456', 'taxId'],
    ['บริษัท อื่น จำกัด', '31001001234xx', null],
    ['นางสาว มาลี ศรีสุข', '0105550000009', null],
  ])('%s (%s) → %s', (supplierName, supplierTin, matchedBy) => {
    const result = flags([release({ ocid: 'o1', supplierName, supplierTin })], { officials });
    const f = result.find((x) => x.code === 'TH07');
    expect(f?.evidence.matchedBy ?? null).toBe(matchedBy);
  });
});

describe('names', () => {
  it.each([
    ['นาย สมชาย ใจดี', 'สมชายใจดี'],
    ['นางสาวสมหญิง  รักไทย', 'สมหญิงรักไทย'],
    ['น.ส. สมหญิง รักไทย', 'สมหญิงรักไทย'],
    ['ว่าที่ ร.ต. ดร.สมชาย ใจดี', 'สมชายใจดี'],
    ['พล.ต.อ. สมชาย ใจดี', 'สมชายใจดี'],
    ['นาง', 'นาง'],
  ])('personNameKey(%s) = %s', (name, key) => expect(personNameKey(name)).toBe(key));
  it('firm names and tax ids', () => {
    expect(firmNameKey('บริษัท ก่อสร้างดี จำกัด (มหาชน)')).toBe(firmNameKey('บจก.ก่อสร้างดี'));
    expect(firmNameKey('ห้างหุ้นส่วนจำกัด ทองดี')).toBe('ทองดี');
    expect(normalizeTaxId('๐๑๐๕๕๕๐๐๐๐๐๐๑')).toBe('0105550000001');
    expect(normalizeTaxId('TH-TIN-0105550000001')).toBe('0105550000001');
    expect(normalizeTaxId('010555000xxxx')).toBeUndefined();
    expect(normalizeTaxId('12345')).toBeUndefined();
  });
});

describe('fold / merge', () => {
  it('gives the same flags whatever the partitioning', () => {
    const list = [
      ...Array.from({ length: 6 }, (_, i) => release({ ocid: `r${i}`, amount: '200000', date: `2026-09-0${i + 1}T03:00:00Z`, supplier: i === 0 ? 'S2' : 'S1' })),
      release({ ocid: 'e1', amount: '990000', reference: '1000000', details: 'e-bidding', method: 'open', tenderers: 1 }),
    ];
    const whole = computeThaiFlags(list, { versions: [V] });
    const config = compileThaiConfig({ versions: [V] });
    const parts = [createThaiState(), createThaiState(), createThaiState()];
    list.forEach((r, i) => foldThaiRelease(config, parts[i % 3]!, r));
    const merged = mergeThaiStates(mergeThaiStates(parts[2]!, parts[0]!), parts[1]!);
    expect(merged.processes).toBe(list.length);
    expect(finalizeThaiFlags(config, merged)).toEqual(whole.flags);
    expect(new Set(whole.flags.map((f) => f.code))).toEqual(new Set(['TH01', 'TH02', 'TH03', 'TH04', 'TH05']));
  });
  it('state survives structured clone (worker threads)', () => {
    const config = compileThaiConfig({ versions: [V] });
    const state = createThaiState();
    foldThaiRelease(config, state, release({ ocid: 'a', amount: '300000' }));
    foldThaiRelease(config, state, release({ ocid: 'b', amount: '300000' }));
    expect(finalizeThaiFlags(config, structuredClone(state))).toEqual(finalizeThaiFlags(config, state));
  });
  it('skips cancelled tenders and releases without an ocid', () => {
    expect(computeThaiFlags([release({ ocid: 'a', tenderStatus: 'cancelled', details: 'e-bidding', tenderers: 1 }), { tender: {} }], { versions: [V] }).processes).toBe(0);
  });
});

describe('thresholds data', () => {
  it('picks the version in force on the award date', () => {
    const later: ThresholdVersion = { ...V, id: 'v2', validFrom: '2027-01-01', TH03: { methods: [] } };
    const input = { versions: [later, V] };
    const r = (date: string) => release({ ocid: 'o', details: 'e-bidding', method: 'open', tenderers: 1, date });
    expect(computeThaiFlags([r('2026-12-31T03:00:00Z')], input).flags.map((f) => f.thresholdsVersion)).toEqual(['ppa2560-v1']);
    expect(computeThaiFlags([r('2027-01-01T03:00:00Z')], input).flags).toEqual([]);
  });
  it('rejects malformed data with the field at fault', () => {
    expect(() => parseThresholdsFile({ versions: [{ ...V, TH01: { ...V.TH01, limitsSatang: [500000.5] } }] })).toThrow(/limitsSatang/);
    expect(() => parseThresholdsFile({ versions: [] })).toThrow(/versions/);
  });
});
