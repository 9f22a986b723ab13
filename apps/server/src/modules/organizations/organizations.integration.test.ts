import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('organisations (open data)', () => {
  it('has all the reference data', async () => {
    const all = await t.app.inject('/api/v1/organizations?limit=1');
    expect(all.json().total).toBe(7849 + 1 + 2 + 9 + 76 + 76);
    const laos = await t.app.inject('/api/v1/organizations?type=sao&limit=1');
    expect(laos.json().total).toBe(5300);
    const provinces = await t.app.inject('/api/v1/provinces');
    expect(provinces.json()).toHaveLength(77);
    const nacc = await t.app.inject('/api/v1/organizations?type=nacc_provincial_office&limit=1');
    expect(nacc.json().total).toBe(76);
    const pacc = await t.app.inject('/api/v1/organizations?type=pacc_regional_office&limit=1');
    expect(pacc.json().total).toBe(9);
  });

  it('finds by partial Thai name, English place name, code, province and district', async () => {
    const thai = await t.app.inject({ url: '/api/v1/organizations', query: { q: 'หนองหลวง', province: '62' } });
    expect(thai.json().items.map((o: { code: string }) => o.code)).toContain('6620708');
    const partial = await t.app.inject({ url: '/api/v1/organizations', query: { q: 'นครขอน' } });
    expect(partial.json().items[0].code).toBe('3400102');
    const english = await t.app.inject({ url: '/api/v1/organizations', query: { q: 'phuket', type: 'pao' } });
    expect(english.json().items.map((o: { code: string }) => o.code)).toEqual(['2830101']);
    const abbreviated = await t.app.inject({ url: '/api/v1/organizations', query: { q: 'อบต.หนองหลวง', province: '62' } });
    expect(abbreviated.json().items.map((o: { code: string }) => o.code)).toEqual(['6620708']);
    const code = await t.app.inject({ url: '/api/v1/organizations', query: { q: '6620708' } });
    expect(code.json().items[0].nameTh).toBe('องค์การบริหารส่วนตำบลหนองหลวง');
    const district = await t.app.inject({ url: '/api/v1/organizations', query: { district: '6207', limit: '200' } });
    expect(district.json().items.every((o: { districtNameTh: string }) => o.districtNameTh === 'ลานกระบือ')).toBe(true);
  });

  it('shows one organisation with its oversight offices, as JSON and CSV', async () => {
    const res = await t.app.inject('/api/v1/organizations/6620708');
    expect(res.statusCode).toBe(200);
    const org = res.json();
    expect(org).toMatchObject({ code: '6620708', kind: 'sao', provinceNameTh: 'กำแพงเพชร', districtNameTh: 'ลานกระบือ' });
    expect(org.oversight.naccProvincialOffice.code).toBe('NACC-P62');
    expect(org.oversight.paccRegionStatus).toBe('unconfirmed');
    expect(org.oversight.paccRegionalOffice).toMatchObject({ code: 'PACC-R6', provinceNameTh: 'พิษณุโลก' });
    const csv = await t.app.inject('/api/v1/organizations/6620708?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('องค์การบริหารส่วนตำบลหนองหลวง');
  });

  it('answers bad input with a stable code in Thai and English', async () => {
    const missing = await t.app.inject('/api/v1/organizations/9999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND', message: 'ไม่พบหน่วยงานนี้' });
    const bad = await t.app.inject('/api/v1/organizations?province=abc&limit=9999');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().messageEn).toBeTruthy();
  });

  it('refuses writes to anonymous visitors', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/organizations/6620708', payload: { website: 'https://example.org' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('serves a province page and the boundaries', async () => {
    const res = await t.app.inject('/api/v1/provinces/40');
    expect(res.json().countsByKind.city_municipality).toBe(1);
    expect(res.json().districts.length).toBeGreaterThan(20);
    const geo = await t.app.inject('/api/v1/geo/provinces.geojson');
    expect(geo.json().features).toHaveLength(77);
  });
});
