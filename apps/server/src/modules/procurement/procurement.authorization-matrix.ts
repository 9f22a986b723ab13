/**
 * Authorisation-matrix entries for every procurement route (spread into test/authorization-matrix.ts).
 * Fixtures write releases, flags, imports and watchlists straight into the database. Scopes: own =
 * อบต.หนองหลวง (62, PACC region 6), other = อบจ.ภูเก็ต (83, PACC region 8).
 */
import type { InjectOptions } from 'fastify';
import type { Fixtures, MatrixEntry, Principal, RequestArgs, Scope } from '../../../test/authorization-matrix.ts';

const EVERYONE: Principal[] = ['anonymous', 'admin', 'nl.editor', 'nl.viewer', 'nl.mayor', 'nl.admin', 'kk.editor', 'kk.mayor', 'pk.editor', 'nacc.62', 'nacc.40', 'pacc.r8', 'nacc.hq', 'pacc.hq'];
/** procurement.import anywhere (national roles, provincial and regional offices, system admin). */
const IMPORTERS: Principal[] = ['admin', 'nacc.62', 'nacc.40', 'pacc.r8', 'nacc.hq', 'pacc.hq'];
/** procurement.read anywhere: the same people. */
const READERS = IMPORTERS;
const NATIONAL: Principal[] = ['admin', 'nacc.hq', 'pacc.hq'];
/** Flag lists: oversight readers, or the agency roles that may answer (their own flags). */
const FLAG_LISTERS: Principal[] = [...READERS, 'nl.editor', 'nl.admin', 'kk.editor', 'pk.editor'];

const get = (url: string) => ({ headers }: RequestArgs): InjectOptions => ({ method: 'GET', url, headers });

/** A stored process of the scope's organisation with one open flag; returns the flag id and buyer id. */
async function flagFixture(fx: Fixtures, scope: Scope): Promise<{ flagId: string; buyerId: string; ocid: string }> {
  const ocid = `ocds-matrix-${fx.unique('p')}`;
  const buyerId = `TH-DLA-${fx.org(scope).code}`;
  const at = fx.t.clock.now();
  await fx.db.insertInto('procurementReleases').values({ ocid, release: JSON.stringify({ ocid, id: ocid, date: at.toISOString(), tag: ['compiled'], initiationType: 'tender', buyer: { id: buyerId } }), buyerId, organizationId: fx.org(scope).id, provinceCode: fx.province(scope), fiscalYear: 2569 }).execute();
  const flag = await fx.db.insertInto('procurementFlags').values({ ocid, code: 'TH03', source: 'thai', value: 1, evidence: JSON.stringify({ method: 'e_bidding', tenderers: 1 }), firstSeenAt: at, computedAt: at }).returning('id').executeTakeFirstOrThrow();
  return { flagId: flag.id, buyerId, ocid };
}

async function importFixture(fx: Fixtures): Promise<string> {
  const row = await fx.db.insertInto('procurementImports').values({ fileName: 'matrix.jsonl', format: 'jsonl', serverPath: '/nonexistent/matrix.jsonl', createdBy: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function watchlistFixture(fx: Fixtures, principal: Principal): Promise<{ id: string; itemId: string }> {
  const userId = (await fx.userId(principal)) ?? (await fx.userId('pacc.hq'))!;
  const w = await fx.db.insertInto('procurementWatchlists').values({ userId, name: fx.unique('watch') }).returning('id').executeTakeFirstOrThrow();
  const i = await fx.db.insertInto('procurementWatchItems').values({ watchlistId: w.id, kind: 'buyer', subjectId: 'TH-DLA-6620708', label: null }).returning('id').executeTakeFirstOrThrow();
  return { id: w.id, itemId: i.id };
}

function multipart(headers: Record<string, string>): InjectOptions {
  const boundary = '----matrix';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="matrix.jsonl"\r\nContent-Type: application/octet-stream\r\n\r\n{"ocid":"ocds-matrix-upload"}\n\r\n--${boundary}--\r\n`;
  return { method: 'POST', url: '/api/v1/procurement/imports', headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body };
}

export const PROCUREMENT_AUTHORIZATION_MATRIX: Record<string, MatrixEntry> = {
  'POST /api/v1/procurement/imports': { allowed: IMPORTERS, request: ({ headers }) => multipart(headers) },
  'POST /api/v1/procurement/imports/from-path': {
    // Passes the policy, then 404: the file is not under DATA_DIR/imports.
    allowed: IMPORTERS,
    alsoAllowedStatuses: [404],
    request: ({ headers }) => ({ method: 'POST', url: '/api/v1/procurement/imports/from-path', headers, payload: { path: 'matrix-missing.jsonl' } }),
  },
  'GET /api/v1/procurement/imports': { allowed: IMPORTERS, request: get('/api/v1/procurement/imports') },
  'GET /api/v1/procurement/imports/:id': {
    // Its creator or a national importer; others get 404.
    allowed: NATIONAL,
    deniedStatuses: [404],
    request: async ({ headers, fx }) => ({ method: 'GET', url: `/api/v1/procurement/imports/${await importFixture(fx)}`, headers }),
  },
  'GET /api/v1/procurement/imports/:id/issues': {
    allowed: NATIONAL,
    deniedStatuses: [404],
    request: async ({ headers, fx }) => ({ method: 'GET', url: `/api/v1/procurement/imports/${await importFixture(fx)}/issues`, headers }),
  },
  'POST /api/v1/procurement/analyses': { allowed: IMPORTERS, request: ({ headers }) => ({ method: 'POST', url: '/api/v1/procurement/analyses', headers }) },
  'GET /api/v1/procurement/analyses/:id': {
    allowed: IMPORTERS,
    request: async ({ headers, fx }) => {
      const a = await fx.db.insertInto('procurementAnalyses').values({ jobId: null, createdBy: null }).returning('id').executeTakeFirstOrThrow();
      return { method: 'GET', url: `/api/v1/procurement/analyses/${a.id}`, headers };
    },
  },
  'GET /api/v1/procurement/flags': { allowed: FLAG_LISTERS, request: get('/api/v1/procurement/flags') },
  'POST /api/v1/procurement/flags/:id/response': {
    allowed: { own: ['nl.editor', 'nl.admin'], other: ['pk.editor'] },
    request: async ({ scope, headers, fx }) => ({ method: 'POST', url: `/api/v1/procurement/flags/${(await flagFixture(fx, scope)).flagId}/response`, headers, payload: { response: 'คำชี้แจงทดสอบ' } }),
  },
  'POST /api/v1/procurement/flags/:id/review': {
    allowed: { own: ['nacc.62', 'nacc.hq', 'pacc.hq'], other: ['pacc.r8', 'nacc.hq', 'pacc.hq'] },
    request: async ({ scope, headers, fx }) => ({ method: 'POST', url: `/api/v1/procurement/flags/${(await flagFixture(fx, scope)).flagId}/review`, headers, payload: { outcome: 'noted', note: '' } }),
  },
  'GET /api/v1/procurement/processes/:ocid': {
    // Everyone; the view is public unless the reader oversees or owns the process.
    allowed: EVERYONE,
    request: async ({ scope, headers, fx }) => ({ method: 'GET', url: `/api/v1/procurement/processes/${(await flagFixture(fx, scope)).ocid}`, headers }),
  },
  'GET /api/v1/procurement/risk': { allowed: READERS, request: get('/api/v1/procurement/risk') },
  'GET /api/v1/procurement/risk/:entity/:id': {
    // Readers whose scope covers the buyer's processes; other readers see no process (404).
    allowed: { own: ['admin', 'nacc.62', 'nacc.hq', 'pacc.hq'], other: ['admin', 'pacc.r8', 'nacc.hq', 'pacc.hq'] },
    deniedStatuses: [404],
    request: async ({ scope, headers, fx }) => ({ method: 'GET', url: `/api/v1/procurement/risk/buyer/${(await flagFixture(fx, scope)).buyerId}`, headers }),
  },
  'GET /api/v1/procurement/map': { allowed: EVERYONE, request: get('/api/v1/procurement/map') },
  'GET /api/v1/procurement/indicators': { allowed: EVERYONE, request: get('/api/v1/procurement/indicators') },
  'GET /api/v1/public/procurement/flags': { allowed: EVERYONE, request: get('/api/v1/public/procurement/flags') },
  'GET /api/v1/procurement/officials': { allowed: READERS, request: get('/api/v1/procurement/officials') },
  'PUT /api/v1/procurement/officials': {
    allowed: NATIONAL,
    request: ({ headers }) => ({ method: 'PUT', url: '/api/v1/procurement/officials', headers, payload: { officials: [{ name: 'นายทดสอบ สิทธิ์' }] } }),
  },
  'GET /api/v1/procurement/watchlists': { allowed: READERS, request: get('/api/v1/procurement/watchlists') },
  'POST /api/v1/procurement/watchlists': { allowed: READERS, request: ({ headers }) => ({ method: 'POST', url: '/api/v1/procurement/watchlists', headers, payload: { name: 'matrix' } }) },
  'DELETE /api/v1/procurement/watchlists/:id': {
    allowed: READERS,
    request: async ({ principal, headers, fx }) => ({ method: 'DELETE', url: `/api/v1/procurement/watchlists/${(await watchlistFixture(fx, principal)).id}`, headers }),
  },
  'POST /api/v1/procurement/watchlists/:id/items': {
    allowed: READERS,
    request: async ({ principal, headers, fx }) => ({ method: 'POST', url: `/api/v1/procurement/watchlists/${(await watchlistFixture(fx, principal)).id}/items`, headers, payload: { kind: 'supplier', subjectId: 'TH-TIN-0105560000001' } }),
  },
  'DELETE /api/v1/procurement/watchlists/:id/items/:itemId': {
    allowed: READERS,
    request: async ({ principal, headers, fx }) => {
      const w = await watchlistFixture(fx, principal);
      return { method: 'DELETE', url: `/api/v1/procurement/watchlists/${w.id}/items/${w.itemId}`, headers };
    },
  },
  'GET /api/v1/procurement/export': { allowed: READERS, request: get('/api/v1/procurement/export?format=jsonl') },
};
