import { describe, expect, it } from 'vitest';
import { categoryOf, egpRowsToRelease, methodOf, parseThaiDate } from './egp.ts';
import { compileReleases, detectOcdsKind, toCompiledReleases } from './ocds.ts';
import { riskScore } from './risk-score.ts';

describe('OCDS compile (merge rules)', () => {
  it('merges in date order: objects by field, identified arrays by id, null deletes, other arrays replace', () => {
    const r1 = { ocid: 'o', id: '1', date: '2020-01-01T00:00:00Z', tag: ['tender'], tender: { id: 't', title: 'A', status: 'active', items: [{ id: 'i1', quantity: 1 }], submissionMethod: ['electronicSubmission'] } };
    const r2 = { ocid: 'o', id: '2', date: '2020-02-01T00:00:00Z', tag: ['award'], tender: { status: 'complete', title: null, items: [{ id: 'i2', quantity: 2 }, { id: 'i1', quantity: 5 }], submissionMethod: ['written'] }, awards: [{ id: 'a', status: 'active' }] };
    const compiled = compileReleases([r2, r1]);
    expect(compiled).toEqual({
      ocid: 'o',
      date: '2020-02-01T00:00:00Z',
      id: 'o-2020-02-01T00:00:00Z',
      tag: ['compiled'],
      tender: { id: 't', status: 'complete', items: [{ id: 'i1', quantity: 5 }, { id: 'i2', quantity: 2 }], submissionMethod: ['written'] },
      awards: [{ id: 'a', status: 'active' }],
    });
  });
  it('detects shapes', () => {
    expect(detectOcdsKind({ releases: [] })).toBe('release_package');
    expect(detectOcdsKind({ records: [] })).toBe('record_package');
    expect(detectOcdsKind({ compiledRelease: {} })).toBe('record');
    expect(detectOcdsKind({ ocid: 'x', tag: ['compiled'] })).toBe('compiled_release');
    expect(detectOcdsKind({ ocid: 'x', tag: ['tender'] })).toBe('release');
    expect(detectOcdsKind([1])).toBe('unknown');
  });
  it('gives a reason for records with linked releases only', () => {
    const out = toCompiledReleases({ records: [{ ocid: 'o', releases: [{ url: 'http://x', date: '2020', tag: ['tender'] }] }] });
    expect(out.items).toEqual([]);
    expect(out.problems[0]).toMatchObject({ ocid: 'o', reason: 'linked_releases_only' });
  });
});

describe('e-GP CSV mapping', () => {
  it.each([
    ['20 พ.ย. 68', '2025-11-20T00:00:00+07:00'],
    ['20 พฤศจิกายน 2568', '2025-11-20T00:00:00+07:00'],
    ['๒๐/๑๑/๒๕๖๘', '2025-11-20T00:00:00+07:00'],
    ['2568-11-20', '2025-11-20T00:00:00+07:00'],
    ['2025-11-20', '2025-11-20T00:00:00+07:00'],
    ['31/02/2568', undefined],
    ['soon', undefined],
  ])('parseThaiDate(%s)', (text, iso) => expect(parseThaiDate(text)).toBe(iso));

  it('maps methods and categories', () => {
    expect(methodOf('ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)')).toBe('open');
    expect(methodOf('เฉพาะเจาะจง')).toBe('direct');
    expect(methodOf('คัดเลือก')).toBe('selective');
    expect(categoryOf('จ้างก่อสร้าง')).toBe('works');
    expect(categoryOf('ซื้อ')).toBe('goods');
    expect(categoryOf('จ้างทำของ/จ้างเหมาบริการ')).toBe('services');
  });

  it('maps one project with two contracts, and reports unreadable values', () => {
    const rows = [
      { project_id: '66019000001', project_name: 'ซื้อวัสดุสำนักงาน', dept_code: '6620708', dept_name: 'องค์การบริหารส่วนตำบลหนองหลวง', purchase_method_name: 'เฉพาะเจาะจง', project_type_name: 'ซื้อ', price_build: '480,000.00', winner_tin: '0105550000001', winner_name: 'บริษัท ก จำกัด', price_agree: '479,500.50', contract_no: '1/2566', contract_date: '20 พ.ย. 65' },
      { project_id: '66019000001', winner_tin: '01055xxxxxxxx', winner_name: 'ร้าน ข', price_agree: 'abc', contract_date: '21 พ.ย. 65' },
    ];
    const { release, problems } = egpRowsToRelease(rows, 2, { ocidPrefix: 'ocds-test' });
    expect(release.ocid).toBe('ocds-test-66019000001');
    expect(release.buyer).toEqual({ id: 'TH-EGP-6620708', name: 'องค์การบริหารส่วนตำบลหนองหลวง' });
    expect((release.tender as any).value).toEqual({ amount: 480000, currency: 'THB' });
    expect((release.tender as any).procurementMethod).toBe('direct');
    const awards = release.awards as any[];
    expect(awards).toHaveLength(2);
    expect(awards[0]).toMatchObject({ status: 'active', date: '2022-11-20T00:00:00+07:00', value: { amount: 479500.5, currency: 'THB' }, suppliers: [{ id: 'TH-TIN-0105550000001' }] });
    expect(awards[1].suppliers[0].id).toBe('TH-NAME-ร้าน ข');
    expect(problems.map((p) => [p.row, p.column])).toEqual([[3, 'winner_tin'], [3, 'price_agree']]);
  });
});

describe('risk score', () => {
  it('is the weighted share of flagged processes plus entity-level weights', () => {
    const s = riskScore({ processes: 4, flaggedProcesses: { TH01: 2, R018: 1, TH05: 0 }, entityFlags: ['R038', 'R038'] }, { TH01: 2, R018: 1, R038: 1.5 });
    expect(s.score).toBe(2 * 2 / 4 + 1 / 4 + 1.5);
    expect(s.components.map((c) => c.code)).toEqual(['R038', 'TH01', 'R018']);
  });
  it('an entity with no processes scores only its entity flags', () => {
    expect(riskScore({ processes: 0, flaggedProcesses: { TH01: 1 }, entityFlags: [] }, {}).score).toBe(0);
  });
});
