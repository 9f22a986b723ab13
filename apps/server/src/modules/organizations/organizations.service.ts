/**
 * Use cases about organisations and places: search, read, add, edit, and the province → PACC
 * region table. Each write is authorised by the policy and audited in its transaction.
 */
import {
  naccProvincialOfficeCode,
  organizationSearchText,
  paccRegionalOfficeCode,
  searchTerms,
} from '@prongsai/core';
import type {
  CreateOrganizationBody,
  ListOrganizationsQuery,
  Organization,
  OrganizationList,
  OrganizationSummary,
  Province,
  ProvinceDetail,
  UpdateOrganizationBody,
} from '@prongsai/contracts';
import crypto from 'node:crypto';
import type { Actor } from '../../auth/actor.ts';
import { assertCan, NATIONAL_SCOPE, type ResourceScope } from '../../auth/policy.ts';
import { recordAudit, type RequestContext } from '../../audit/audit.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { createOrganizationsRepository } from './organizations.repository.ts';

type SummaryRow = {
  id: string;
  code: string;
  kind: string;
  nameTh: string;
  nameEn: string | null;
  provinceCode: string | null;
  provinceNameTh: string | null;
  districtCode: string | null;
  districtNameTh: string | null;
};

export function toSummary(row: SummaryRow): OrganizationSummary {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as OrganizationSummary['kind'],
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    provinceCode: row.provinceCode,
    provinceNameTh: row.provinceNameTh,
    districtCode: row.districtCode,
    districtNameTh: row.districtNameTh,
  };
}

export function createOrganizationsService(db: Database) {
  const repo = createOrganizationsRepository();

  async function oversightOf(provinceCode: string | null, paccRegion: number | null) {
    const nacc = provinceCode ? await repo.findSummaryByCode(db, naccProvincialOfficeCode(provinceCode)) : undefined;
    const pacc = paccRegion ? await repo.findSummaryByCode(db, paccRegionalOfficeCode(paccRegion)) : undefined;
    return { nacc: nacc ? toSummary(nacc) : null, pacc: pacc ? toSummary(pacc) : null };
  }

  async function getByCode(code: string): Promise<Organization> {
    const row = await repo.findByCode(db, code);
    if (!row) throw new AppError('ORGANIZATION_NOT_FOUND', { code });
    const office = (id: string | null, officeCode: string | null, kind: OrganizationSummary['kind'], nameTh: string | null, nameEn: string | null, provinceCode: string | null, provinceNameTh: string | null) =>
      id && officeCode && nameTh ? { id, code: officeCode, kind, nameTh, nameEn, provinceCode, provinceNameTh, districtCode: null, districtNameTh: null } : null;
    return {
      ...toSummary(row),
      shortNameTh: row.shortNameTh,
      lat: row.lat,
      lon: row.lon,
      website: row.website,
      address: row.address,
      postcode: row.postcode,
      areaKm2: row.areaKm2,
      source: row.source,
      oversight: {
        naccProvincialOffice: office(row.naccId, row.naccCode, 'nacc_provincial_office', row.naccNameTh, row.naccNameEn, row.provinceCode, row.provinceNameTh),
        paccRegionalOffice: office(row.paccId, row.paccCode, 'pacc_regional_office', row.paccNameTh, row.paccNameEn, row.paccProvinceCode, row.paccProvinceNameTh),
        paccRegion: row.paccRegion ?? null,
        paccRegionStatus: row.paccRegionStatus ?? null,
      },
    };
  }

  async function scopeOf(code: string): Promise<{ id: string; scope: ResourceScope }> {
    const raw = await repo.findRaw(db, code);
    if (!raw) throw new AppError('ORGANIZATION_NOT_FOUND', { code });
    const scope = await repo.findScope(db, raw.id);
    return { id: raw.id, scope: scope! };
  }

  return {
    /** Public search: by Thai or English name (any part), code, type, province, district. */
    async list(query: ListOrganizationsQuery): Promise<OrganizationList> {
      const { total, items } = await repo.search(db, {
        terms: searchTerms(query.q),
        rawQuery: query.q?.trim(),
        kind: query.type,
        provinceCode: query.province,
        districtCode: query.district,
        limit: query.limit,
        offset: query.offset,
      });
      return { total, items: items.map(toSummary) };
    },

    getByCode,

    /** The policy scope of an organisation, by code (for other modules). */
    scopeOf,

    async create(actor: Actor, input: CreateOrganizationBody, context: RequestContext): Promise<Organization> {
      assertCan(actor, 'organization.create', NATIONAL_SCOPE);
      const code = `ORG-${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
      const province = input.provinceCode ? await repo.findProvince(db, input.provinceCode) : undefined;
      if (input.provinceCode && !province) throw new AppError('VALIDATION_FAILED', { fields: { provinceCode: 'unknown province' } });
      await db.transaction().execute(async (tx) => {
        const row = await repo.insert(tx, {
          code,
          kind: input.kind,
          nameTh: input.nameTh,
          nameEn: input.nameEn ?? null,
          provinceCode: input.provinceCode ?? null,
          districtCode: input.districtCode ?? null,
          website: input.website ?? null,
          address: input.address ?? null,
          source: 'Prongsai (added by an administrator)',
          searchText: organizationSearchText({ code, nameTh: input.nameTh, nameEn: input.nameEn ?? null, provinceNameTh: province?.nameTh ?? null, provinceNameEn: province?.nameEn ?? null }),
        });
        await recordAudit(tx, actor, { action: 'organization.create', subjectType: 'organization', subjectId: row.id, organizationId: row.id, after: row }, context);
      });
      return getByCode(code);
    },

    async update(actor: Actor, code: string, patch: UpdateOrganizationBody, context: RequestContext): Promise<Organization> {
      const { id, scope } = await scopeOf(code);
      assertCan(actor, 'organization.update', scope);
      await db.transaction().execute(async (tx) => {
        const before = await repo.findRaw(tx, code);
        const after = await repo.update(tx, id, patch);
        await recordAudit(tx, actor, { action: 'organization.update', subjectType: 'organization', subjectId: id, organizationId: id, before, after }, context);
      });
      return getByCode(code);
    },

    async listProvinces(): Promise<Province[]> {
      return repo.listProvinces(db);
    },

    async getProvince(code: string): Promise<ProvinceDetail> {
      const province = (await repo.listProvinces(db)).find((p) => p.code === code);
      if (!province) throw new AppError('NOT_FOUND', { province: code });
      const counts = await repo.countByKindInProvince(db, code);
      const districts = await repo.listDistrictsWithCounts(db, code);
      const oversight = await oversightOf(code, province.paccRegion);
      return {
        ...province,
        countsByKind: Object.fromEntries(counts.map((c) => [c.kind, c.count])),
        districts,
        naccProvincialOffice: oversight.nacc,
        paccRegionalOffice: oversight.pacc,
      };
    },

    async updateProvinceRegion(
      actor: Actor,
      code: string,
      input: { paccRegion: number | null; paccRegionStatus: 'confirmed' | 'unconfirmed' | 'not_applicable' },
      context: RequestContext,
    ): Promise<ProvinceDetail> {
      assertCan(actor, 'province.update', NATIONAL_SCOPE);
      await db.transaction().execute(async (tx) => {
        const before = await repo.findProvince(tx, code);
        if (!before) throw new AppError('NOT_FOUND', { province: code });
        const after = await repo.updateProvinceRegion(tx, code, input.paccRegion, input.paccRegionStatus);
        await recordAudit(tx, actor, { action: 'province.update_pacc_region', subjectType: 'province', subjectId: code, before, after }, context);
      });
      return this.getProvince(code);
    },
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
