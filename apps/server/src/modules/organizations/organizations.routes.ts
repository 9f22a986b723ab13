/** HTTP for organisations and places: declare, delegate, done. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateOrganizationBodySchema,
  ListOrganizationsQuerySchema,
  OrganizationCodeParamsSchema,
  OrganizationListSchema,
  OrganizationSchema,
  ProvinceCodeParamsSchema,
  ProvinceDetailSchema,
  ProvinceSchema,
  UpdateOrganizationBodySchema,
  UpdateProvinceRegionBodySchema,
} from '@prongsai/contracts';
import { sendCsv } from '../../http/csv.ts';
import type { OrganizationsService } from './organizations.service.ts';

const SUMMARY_COLUMNS = ['code', 'kind', 'nameTh', 'nameEn', 'provinceCode', 'provinceNameTh', 'districtCode', 'districtNameTh'];
const tags = ['organizations'];

export function organizationsRoutes(organizations: OrganizationsService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/organizations', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Search organisations (open data) / ค้นหาหน่วยงาน',
        querystring: ListOrganizationsQuerySchema,
        response: { 200: OrganizationListSchema.or(z.string()) },
      },
    }, async (req, reply) => {
      const result = await organizations.list(req.query);
      if (req.query.format === 'csv') return sendCsv(reply, 'organizations.csv', SUMMARY_COLUMNS, result.items);
      return result;
    });

    app.get('/api/v1/organizations/:code', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One organisation by code (DLA code for local governments)',
        params: OrganizationCodeParamsSchema,
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
        response: { 200: OrganizationSchema.or(z.string()) },
      },
    }, async (req, reply) => {
      const org = await organizations.getByCode(req.params.code);
      if (req.query.format === 'csv') {
        const { oversight, ...flat } = org;
        return sendCsv(reply, `organization-${org.code}.csv`, Object.keys(flat).concat('naccProvincialOffice', 'paccRegion'), [
          { ...flat, naccProvincialOffice: oversight.naccProvincialOffice?.code ?? '', paccRegion: oversight.paccRegion ?? '' },
        ]);
      }
      return org;
    });

    app.post('/api/v1/organizations', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Add an organisation', body: CreateOrganizationBodySchema, response: { 201: OrganizationSchema } },
    }, async (req, reply) => reply.code(201).send(await organizations.create(req.actor, req.body, req.context)));

    app.patch('/api/v1/organizations/:code', {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Edit an organisation', params: OrganizationCodeParamsSchema, body: UpdateOrganizationBodySchema, response: { 200: OrganizationSchema } },
    }, async (req) => organizations.update(req.actor, req.params.code, req.body, req.context));

    app.get('/api/v1/provinces', {
      config: { access: 'public' },
      schema: { tags: ['places'], summary: 'Provinces with organisation counts', response: { 200: z.array(ProvinceSchema) } },
    }, async () => organizations.listProvinces());

    app.get('/api/v1/provinces/:code', {
      config: { access: 'public' },
      schema: { tags: ['places'], summary: 'A province: organisations by type, districts, oversight offices', params: ProvinceCodeParamsSchema, response: { 200: ProvinceDetailSchema } },
    }, async (req) => organizations.getProvince(req.params.code));

    app.patch('/api/v1/provinces/:code/pacc-region', {
      config: { access: 'signed_in' },
      schema: { tags: ['places'], summary: 'Set the PACC region of a province', params: ProvinceCodeParamsSchema, body: UpdateProvinceRegionBodySchema, response: { 200: ProvinceDetailSchema } },
    }, async (req) => organizations.updateProvinceRegion(req.actor, req.params.code, req.body, req.context));
  };
}
