/** HTTP for procurement surveillance: declare, delegate, done. */
import type { FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddWatchItemBodySchema,
  AnalysisSchema,
  CreateWatchlistBodySchema,
  FlagListSchema,
  FlagMapQuerySchema,
  FlagMapSchema,
  FlagResponseBodySchema,
  FlagReviewBodySchema,
  FlagSchema,
  IdParamsSchema,
  ImportFormatSchema,
  ImportFromPathBodySchema,
  ImportIssueListSchema,
  IndicatorListSchema,
  ListFlagsQuerySchema,
  OfficialSchema,
  OkSchema,
  PageQuerySchema,
  ProcessSchema,
  ProcurementImportSchema,
  ReplaceOfficialsBodySchema,
  RiskComponentSchema,
  RiskListSchema,
  RiskQuerySchema,
  WatchItemSchema,
  WatchlistSchema,
} from '@prongsai/contracts';
import { AppError } from '../../errors.ts';
import type { ProcurementService } from './procurement.service.ts';

const tags = ['procurement'];
const P = '/api/v1/procurement';
/** Largest upload accepted (a national-size JSON Lines file). */
export const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;

export function procurementRoutes(service: ProcurementService) {
  return async (fastify: FastifyInstance) => {
    await fastify.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(`${P}/imports`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Upload OCDS (.jsonl/.json) or e-GP CSV for import (multipart field "file", optional "format") / นำเข้าข้อมูลจัดซื้อจัดจ้าง', consumes: ['multipart/form-data'], response: { 202: ProcurementImportSchema } },
    }, async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', { expected: 'multipart/form-data' });
      const file = await req.file();
      if (!file) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', message: 'required' }] });
      const formatField = (file.fields.format as { value?: unknown } | undefined)?.value;
      const format = formatField === undefined || formatField === '' ? undefined : ImportFormatSchema.parse(formatField);
      return reply.code(202).send(await service.importUpload(req.actor, { fileName: file.filename, format, data: file.file }, req.context));
    });

    app.post(`${P}/imports/from-path`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Import a file already on the server (under DATA_DIR/imports)', body: ImportFromPathBodySchema, response: { 202: ProcurementImportSchema } },
    }, async (req, reply) => reply.code(202).send(await service.importFromPath(req.actor, req.body, req.context)));

    app.get(`${P}/imports`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Recent imports', response: { 200: z.array(ProcurementImportSchema) } },
    }, async (req, reply) => reply.header('cache-control', 'no-store').send(await service.listImports(req.actor)));

    app.get(`${P}/imports/:id`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'One import with its progress (poll it; survives reloads)', params: IdParamsSchema, response: { 200: ProcurementImportSchema } },
    }, async (req, reply) => reply.header('cache-control', 'no-store').send(await service.getImport(req.actor, req.params.id)));

    app.get(`${P}/imports/:id/issues`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Per-line errors and schema warnings of an import', params: IdParamsSchema, querystring: PageQuerySchema, response: { 200: ImportIssueListSchema } },
    }, async (req) => service.listImportIssues(req.actor, req.params.id, req.query.limit, req.query.offset));

    app.post(`${P}/analyses`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Recompute flags (Cardinal + Thai) and risk scores over all stored releases', response: { 202: AnalysisSchema } },
    }, async (req, reply) => reply.code(202).send(await service.startAnalysis(req.actor, req.context)));

    app.get(`${P}/analyses/:id`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'One analysis with its progress', params: IdParamsSchema, response: { 200: AnalysisSchema } },
    }, async (req, reply) => reply.header('cache-control', 'no-store').send(await service.getAnalysis(req.actor, req.params.id)));

    app.get(`${P}/flags`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Flags in your scope (oversight: all; agency: its own) with evidence and explanation', querystring: ListFlagsQuerySchema, response: { 200: FlagListSchema } },
    }, async (req) => service.listFlags(req.actor, req.query));

    app.post(`${P}/flags/:id/response`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'The buyer organisation answers a flag (public once published) / หน่วยงานชี้แจง', params: IdParamsSchema, body: FlagResponseBodySchema, response: { 200: FlagSchema } },
    }, async (req) => service.respond(req.actor, req.params.id, req.body.response, req.context));

    app.post(`${P}/flags/:id/review`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'The oversight office marks a flag reviewed / สำนักงานตรวจสอบแล้ว', params: IdParamsSchema, body: FlagReviewBodySchema, response: { 200: FlagSchema } },
    }, async (req) => service.review(req.actor, req.params.id, req.body, req.context));

    app.get(`${P}/processes/:ocid`, {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'One contracting process with its flags (public view unless you oversee it)', params: z.object({ ocid: z.string().min(1).max(200) }), response: { 200: ProcessSchema } },
    }, async (req) => service.getProcess(req.actor, req.params.ocid));

    app.get(`${P}/risk`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Buyers or suppliers ranked by composite risk score (method in the response)', querystring: RiskQuerySchema, response: { 200: RiskListSchema } },
    }, async (req) => service.risk(req.actor, req.query));

    app.get(`${P}/risk/:entity/:id`, {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'How one buyer’s or supplier’s score is made up',
        params: z.object({ entity: z.enum(['buyer', 'supplier']), id: z.string().min(1).max(200) }),
        querystring: RiskQuerySchema.omit({ entity: true }),
        response: { 200: z.object({ entity: z.enum(['buyer', 'supplier']), id: z.string(), processes: z.number().int(), score: z.number(), components: z.array(RiskComponentSchema), method: z.string() }) },
      },
    }, async (req) => service.riskDetail(req.actor, req.params.entity, req.params.id, { ...req.query, entity: req.params.entity }));

    app.get(`${P}/map`, {
      config: { access: 'session_optional' },
      schema: { tags, summary: 'Flags per province (public flags, or all in your scope)', querystring: FlagMapQuerySchema, response: { 200: FlagMapSchema } },
    }, async (req) => service.flagMap(req.actor, req.query));

    app.get(`${P}/indicators`, {
      config: { access: 'public' },
      schema: { tags, summary: 'Indicator definitions, legal references, thresholds and risk weights', response: { 200: IndicatorListSchema } },
    }, async () => service.indicators());

    app.get('/api/v1/public/procurement/flags', {
      config: { access: 'public' },
      schema: { tags, summary: 'Open data: flags as leads, with the agency’s answer / ข้อสังเกตการจัดซื้อจัดจ้าง', querystring: ListFlagsQuerySchema, response: { 200: FlagListSchema } },
    }, async (req) => service.listPublicFlags(req.query));

    app.get(`${P}/officials`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'The confidential list of officials used by TH07', response: { 200: z.array(OfficialSchema) } },
    }, async (req) => service.listOfficials(req.actor));

    app.put(`${P}/officials`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Replace the list of officials (national offices)', body: ReplaceOfficialsBodySchema, response: { 200: z.object({ count: z.number().int() }) } },
    }, async (req) => service.replaceOfficials(req.actor, req.body.officials, req.context));

    app.get(`${P}/watchlists`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Your watchlists', response: { 200: z.array(WatchlistSchema) } },
    }, async (req) => service.listWatchlists(req.actor));

    app.post(`${P}/watchlists`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Create a watchlist', body: CreateWatchlistBodySchema, response: { 201: WatchlistSchema } },
    }, async (req, reply) => reply.code(201).send(await service.createWatchlist(req.actor, req.body.name, req.context)));

    app.delete(`${P}/watchlists/:id`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Delete a watchlist', params: IdParamsSchema, response: { 200: OkSchema } },
    }, async (req) => service.deleteWatchlist(req.actor, req.params.id, req.context));

    app.post(`${P}/watchlists/:id/items`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Watch a buyer or supplier (alerts on new flags)', params: IdParamsSchema, body: AddWatchItemBodySchema, response: { 201: WatchItemSchema } },
    }, async (req, reply) => reply.code(201).send(await service.addWatchItem(req.actor, req.params.id, req.body, req.context)));

    app.delete(`${P}/watchlists/:id/items/:itemId`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Stop watching', params: z.object({ id: z.string().uuid(), itemId: z.string().uuid() }), response: { 200: OkSchema } },
    }, async (req) => service.removeWatchItem(req.actor, req.params.id, req.params.itemId, req.context));

    app.get(`${P}/export`, {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'OCDS 1.1 export of stored compiled releases in your scope', querystring: z.object({ format: z.enum(['jsonl', 'package']).default('jsonl') }) },
    }, async (req, reply) => {
      const { Readable } = await import('node:stream');
      const gen = service.exportReleases(req.actor, req.query.format);
      const first = await gen.next(); // authorise before the headers go out
      const stream = Readable.from((async function* () {
        if (!first.done) yield first.value;
        yield* gen;
      })());
      return reply
        .header('content-type', req.query.format === 'jsonl' ? 'application/x-ndjson; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="prongsai-ocds.${req.query.format === 'jsonl' ? 'jsonl' : 'json'}"`)
        .send(stream);
    });
  };
}
