/**
 * Organisations (หน่วยงาน): local governments (อปท.), oversight offices (ป.ป.ช. จังหวัด, ป.ป.ท.),
 * provincial halls, other agencies and civil-society groups; and the places they are in.
 */
import { z } from 'zod';
import { PageQuerySchema } from './common.ts';

/**
 * Kinds of organisation. The first six are the DLA local-government types (laos.csv `type`):
 * อบจ., เทศบาลนคร, เทศบาลเมือง, เทศบาลตำบล, อบต., and the special form (เมืองพัทยา).
 */
export const ORGANIZATION_KINDS = [
  'pao',
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'sao',
  'special',
  'bangkok',
  'nacc_head_office',
  'nacc_provincial_office',
  'pacc_head_office',
  'pacc_regional_office',
  'provincial_hall',
  'government_agency',
  'school',
  'civil_society',
] as const;
export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS).meta({ id: 'OrganizationKind' });
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;

/** Kinds that are local governments (องค์กรปกครองส่วนท้องถิ่น). */
export const LOCAL_GOVERNMENT_KINDS: readonly OrganizationKind[] = [
  'pao', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao', 'special', 'bangkok',
];

export const OrganizationSummarySchema = z
  .object({
    id: z.string().uuid(),
    code: z.string().describe('DLA code for local governments; a Prongsai code for other bodies'),
    kind: OrganizationKindSchema,
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    provinceCode: z.string().nullable(),
    provinceNameTh: z.string().nullable(),
    districtCode: z.string().nullable(),
    districtNameTh: z.string().nullable(),
  })
  .meta({ id: 'OrganizationSummary' });
export type OrganizationSummary = z.infer<typeof OrganizationSummarySchema>;

export const OrganizationSchema = OrganizationSummarySchema.extend({
  shortNameTh: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  areaKm2: z.number().nullable(),
  source: z.string().describe('Where the record comes from, e.g. "DLA dlads_05_01"'),
  oversight: z.object({
    naccProvincialOffice: OrganizationSummarySchema.nullable(),
    paccRegionalOffice: OrganizationSummarySchema.nullable(),
    paccRegion: z.number().int().nullable(),
    paccRegionStatus: z.enum(['confirmed', 'unconfirmed', 'not_applicable']).nullable(),
  }),
}).meta({ id: 'Organization' });
export type Organization = z.infer<typeof OrganizationSchema>;

export const ListOrganizationsQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional().describe('Thai or English name, part of a name, or code'),
  type: OrganizationKindSchema.optional(),
  province: z.string().regex(/^\d{2}$/).optional().describe('2-digit DOPA province code'),
  district: z.string().regex(/^\d{4}$/).optional().describe('4-digit DOPA district code'),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ListOrganizationsQuery = z.infer<typeof ListOrganizationsQuerySchema>;

export const OrganizationListSchema = z
  .object({ total: z.number().int(), items: z.array(OrganizationSummarySchema) })
  .meta({ id: 'OrganizationList' });
export type OrganizationList = z.infer<typeof OrganizationListSchema>;

export const OrganizationCodeParamsSchema = z.object({ code: z.string().min(1).max(40) });

export const CreateOrganizationBodySchema = z
  .object({
    kind: z.enum(['government_agency', 'school', 'civil_society']),
    nameTh: z.string().trim().min(2).max(300),
    nameEn: z.string().trim().max(300).optional(),
    provinceCode: z.string().regex(/^\d{2}$/).optional(),
    districtCode: z.string().regex(/^\d{4}$/).optional(),
    website: z.string().url().optional(),
    address: z.string().max(500).optional(),
  })
  .meta({ id: 'CreateOrganizationBody' });
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBodySchema>;

export const UpdateOrganizationBodySchema = z
  .object({
    nameEn: z.string().trim().max(300).nullable().optional(),
    website: z.string().url().nullable().optional(),
    address: z.string().max(500).nullable().optional(),
    lat: z.number().min(5).max(21).nullable().optional(),
    lon: z.number().min(97).max(106).nullable().optional(),
  })
  .meta({ id: 'UpdateOrganizationBody' });
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBodySchema>;

export const ProvinceSchema = z
  .object({
    code: z.string(),
    nameTh: z.string(),
    nameEn: z.string(),
    iso: z.string(),
    regionTh: z.string(),
    paccRegion: z.number().int().nullable(),
    paccRegionStatus: z.enum(['confirmed', 'unconfirmed', 'not_applicable']),
    organizationCount: z.number().int(),
    localGovernmentCount: z.number().int().describe('Local governments (อปท.) in the province'),
  })
  .meta({ id: 'Province' });
export type Province = z.infer<typeof ProvinceSchema>;

export const ProvinceDetailSchema = ProvinceSchema.extend({
  countsByKind: z.record(z.string(), z.number().int()),
  districts: z.array(z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string().nullable(), organizationCount: z.number().int() })),
  naccProvincialOffice: OrganizationSummarySchema.nullable(),
  paccRegionalOffice: OrganizationSummarySchema.nullable(),
}).meta({ id: 'ProvinceDetail' });
export type ProvinceDetail = z.infer<typeof ProvinceDetailSchema>;

export const ProvinceCodeParamsSchema = z.object({ code: z.string().regex(/^\d{2}$/) });

export const UpdateProvinceRegionBodySchema = z.object({
  paccRegion: z.number().int().min(1).max(9).nullable(),
  paccRegionStatus: z.enum(['confirmed', 'unconfirmed', 'not_applicable']),
});
