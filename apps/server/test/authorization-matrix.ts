/**
 * The authorisation matrix: for EVERY API route, who may use it — each demo role (seed/demo.ts)
 * and anonymous visitors — on a resource in their own scope and in another one. The test
 * (src/auth/authorization-matrix.integration.test.ts) sends each request as each principal and
 * asserts that exactly the listed principals get through; a route without an entry here fails it.
 *
 * Scopes. 'own' is the Nong Luang side, 'other' the Phuket side:
 *   own   = อบต.หนองหลวง 6620708, จ.กำแพงเพชร (62), ป.ป.ท. เขต 6
 *   other = อบจ.ภูเก็ต 2830101,   จ.ภูเก็ต (83),     ป.ป.ท. เขต 8
 * So for the Nong Luang staff and the Kamphaeng Phet NACC officer 'own' is theirs; for the Phuket
 * editor and the PACC region 8 officer 'other' is theirs; Khon Kaen staff have neither.
 *
 * "Gets through" means: a 2xx answer, or a status listed in `alsoAllowedStatuses` (the request
 * passed the policy and was refused for a business reason, e.g. 409). "Refused" means 401
 * UNAUTHENTICATED, 403 FORBIDDEN / TOTP_SETUP_REQUIRED, or a status in `deniedStatuses` (routes
 * that answer 404 for what the actor may not see). Anything else fails the test, so a request
 * builder must build a request that works for the allowed principals.
 *
 * HOW TO ADD A ROUTE: add one entry keyed `'METHOD /url/as/declared'` (exactly as in
 * app.routesInfo, e.g. 'PATCH /api/v1/organizations/:code'):
 *
 *   'POST /api/v1/plans/:id/submit': {
 *     allowed: { own: ['nl.editor', 'nl.admin'], other: ['pk.editor'] },
 *     request: async ({ scope, headers, fx }) => {
 *       const planId = await myFixture(fx, scope);             // fresh data per call if it changes state
 *       return { method: 'POST', url: `/api/v1/plans/${planId}/submit`, headers, payload: {} };
 *     },
 *   },
 *
 * `allowed` is a list (the route has no own/other distinction; sent once) or { own, other }.
 * Each call of `request` is for one principal; create the data it changes inside it (`fx.db`,
 * `fx.org(scope)` …) so that the order of principals does not matter. Set `freshSession` when the
 * request ends or replaces the principal's session (sign-in, sign-out, password change).
 */
import type { InjectOptions } from 'fastify';
import type { Database } from '../src/db/database.ts';
import { hashToken, newToken } from '../src/modules/auth/tokens.ts';
import { createJobQueue } from '../src/platform/jobs.ts';
import { DEMO_PASSWORD, freshTotpCode, type SignedIn, TEST_ORIGIN } from './auth-helpers.ts';
import type { TestContext } from './test-app.ts';
import { PROCUREMENT_AUTHORIZATION_MATRIX } from '../src/modules/procurement/procurement.authorization-matrix.ts';
import { PLAN_AUTHORIZATION_MATRIX } from '../src/modules/plans/plans.authorization-matrix.ts';

export type Scope = 'own' | 'other';

/** Every principal: anonymous, and each demo user (see seed/demo.ts for their roles). */
export const PRINCIPALS = {
  anonymous: null,
  admin: 'admin@prongsai.demo', // system_admin
  'nl.editor': 'editor@nonglaung.demo', // org_editor 6620708
  'nl.viewer': 'viewer@nonglaung.demo', // org_viewer 6620708
  'nl.mayor': 'mayor@nonglaung.demo', // org_approver 6620708
  'nl.admin': 'orgadmin@nonglaung.demo', // org_admin 6620708
  'kk.editor': 'editor@khonkaen.demo', // org_editor 3400102
  'kk.mayor': 'mayor@khonkaen.demo', // org_approver 3400102
  'pk.editor': 'editor@phuketpao.demo', // org_editor 2830101
  'nacc.62': 'nacc.kamphaengphet@prongsai.demo', // nacc_provincial_officer 62
  'nacc.40': 'nacc.khonkaen@prongsai.demo', // nacc_provincial_officer 40
  'pacc.r8': 'pacc.region8@prongsai.demo', // pacc_regional_officer region 8
  'nacc.hq': 'nacc.hq@prongsai.demo', // nacc_national_officer
  'pacc.hq': 'pacc.hq@prongsai.demo', // pacc_national_officer
} as const;
export type Principal = keyof typeof PRINCIPALS;

const ALL_PRINCIPALS = Object.keys(PRINCIPALS) as Principal[];
/** Everyone, signed in or not. */
export const EVERYONE: readonly Principal[] = ALL_PRINCIPALS;
/** Every signed-in principal. */
export const SIGNED_IN: readonly Principal[] = ALL_PRINCIPALS.filter((p) => p !== 'anonymous');
/** Demo principals whose accounts have TOTP on. */
export const TOTP_USERS: readonly Principal[] = ['admin', 'nl.admin', 'nacc.62', 'nacc.40', 'pacc.r8', 'nacc.hq', 'pacc.hq'];
export const NATIONAL: readonly Principal[] = ['admin', 'nacc.hq', 'pacc.hq'];

/** Test data helpers for request builders. */
export interface Fixtures {
  t: TestContext;
  db: Database;
  org(scope: Scope): { code: string; id: string };
  province(scope: Scope): string;
  userId(principal: Principal): Promise<string | null>;
  /** A new account with no roles (for state-changing requests that need a victim). */
  throwawayUser(label: string): Promise<string>;
  /** A new open invitation into org_viewer of the scope's organisation; returns its token. */
  invitation(scope: Scope): Promise<string>;
  unique(label: string): string;
}

export interface RequestArgs {
  scope: Scope;
  principal: Principal;
  /** The principal's session, or null for anonymous. */
  session: SignedIn | null;
  /** Cookie and Origin of the principal (only Origin for anonymous). */
  headers: Record<string, string>;
  fx: Fixtures;
}

export interface MatrixEntry {
  allowed: readonly Principal[] | { own: readonly Principal[]; other: readonly Principal[] };
  request(args: RequestArgs): InjectOptions | Promise<InjectOptions>;
  freshSession?: boolean;
  alsoAllowedStatuses?: readonly number[];
  deniedStatuses?: readonly number[];
}

const get = (url: string) => ({ headers }: RequestArgs): InjectOptions => ({ method: 'GET', url, headers });

export const AUTHORIZATION_MATRIX: Record<string, MatrixEntry> = {
  // Platform -------------------------------------------------------------------------------------
  'GET /healthz': { allowed: EVERYONE, request: get('/healthz') },
  'GET /api/openapi.json': { allowed: EVERYONE, request: get('/api/openapi.json') },

  // Sign-in and sessions -------------------------------------------------------------------------
  'POST /api/v1/auth/login': {
    allowed: EVERYONE,
    freshSession: true,
    request: ({ principal, headers }) => ({
      method: 'POST', url: '/api/v1/auth/login', headers,
      payload: { email: PRINCIPALS[principal] ?? PRINCIPALS['nl.viewer'], password: DEMO_PASSWORD },
    }),
  },
  'POST /api/v1/auth/totp/verify': {
    // A TOTP user after the password step; others post with their full session (409: nothing to verify).
    allowed: SIGNED_IN,
    freshSession: true,
    alsoAllowedStatuses: [409],
    request: async ({ principal, headers, fx }) => {
      const email = PRINCIPALS[principal];
      if (!email || !TOTP_USERS.includes(principal)) return { method: 'POST', url: '/api/v1/auth/totp/verify', headers, payload: { code: '123456' } };
      const step1 = await fx.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: TEST_ORIGIN }, payload: { email, password: DEMO_PASSWORD } });
      const partial = step1.cookies.find((c) => c.name === 'prongsai_session')!.value;
      const code = await freshTotpCode(fx.t, email);
      return { method: 'POST', url: '/api/v1/auth/totp/verify', headers: { cookie: `prongsai_session=${partial}`, origin: TEST_ORIGIN }, payload: { code } };
    },
  },
  'POST /api/v1/auth/logout': { allowed: EVERYONE, freshSession: true, request: ({ headers }) => ({ method: 'POST', url: '/api/v1/auth/logout', headers }) },
  'GET /api/v1/auth/me': { allowed: EVERYONE, request: get('/api/v1/auth/me') },
  'POST /api/v1/auth/totp/setup': {
    // Accounts with TOTP already on get 409.
    allowed: SIGNED_IN,
    alsoAllowedStatuses: [409],
    request: ({ headers }) => ({ method: 'POST', url: '/api/v1/auth/totp/setup', headers }),
  },
  'POST /api/v1/auth/totp/enable': {
    allowed: SIGNED_IN,
    freshSession: true,
    alsoAllowedStatuses: [409],
    request: async ({ principal, headers, fx }) => {
      const email = PRINCIPALS[principal];
      if (!email || TOTP_USERS.includes(principal)) return { method: 'POST', url: '/api/v1/auth/totp/enable', headers, payload: { code: '123456' } };
      const setup = await fx.t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers });
      const code = await freshTotpCode(fx.t, email, setup.json().secret);
      return { method: 'POST', url: '/api/v1/auth/totp/enable', headers, payload: { code } };
    },
  },
  'POST /api/v1/auth/password': {
    allowed: SIGNED_IN,
    freshSession: true,
    request: ({ headers }) => ({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } }),
  },
  'POST /api/v1/auth/password-reset': {
    allowed: EVERYONE,
    request: ({ headers, fx }) => ({ method: 'POST', url: '/api/v1/auth/password-reset', headers, payload: { email: `${fx.unique('nobody')}@matrix.test` } }),
  },
  'POST /api/v1/auth/password-reset/confirm': {
    allowed: EVERYONE,
    request: async ({ headers, fx }) => {
      const userId = await fx.throwawayUser('reset');
      const token = newToken();
      const at = fx.t.clock.now();
      await fx.db.insertInto('passwordResets').values({ tokenHash: hashToken(token), userId, createdAt: at, expiresAt: new Date(at.getTime() + 3_600_000) }).execute();
      return { method: 'POST', url: '/api/v1/auth/password-reset/confirm', headers, payload: { token, newPassword: 'a new matrix passphrase' } };
    },
  },

  // People -----------------------------------------------------------------------------------------
  'POST /api/v1/invitations': {
    allowed: { own: ['admin', 'nl.admin'], other: ['admin'] },
    request: ({ scope, headers, fx }) => ({
      method: 'POST', url: '/api/v1/invitations', headers,
      payload: { email: `${fx.unique('invitee')}@matrix.test`, displayName: 'ผู้ได้รับเชิญ', role: 'org_viewer', organizationCode: fx.org(scope).code },
    }),
  },
  'GET /api/v1/invitations/:token': {
    allowed: EVERYONE,
    request: async ({ scope, headers, fx }) => ({ method: 'GET', url: `/api/v1/invitations/${await fx.invitation(scope)}`, headers }),
  },
  'POST /api/v1/invitations/:token/accept': {
    allowed: EVERYONE,
    freshSession: true,
    request: async ({ scope, headers, fx }) => ({
      method: 'POST', url: `/api/v1/invitations/${await fx.invitation(scope)}/accept`, headers, payload: { password: 'a new matrix passphrase' },
    }),
  },
  'GET /api/v1/organizations/:code/members': {
    allowed: { own: ['admin', 'nl.admin'], other: ['admin'] },
    request: ({ scope, headers, fx }) => ({ method: 'GET', url: `/api/v1/organizations/${fx.org(scope).code}/members`, headers }),
  },
  'DELETE /api/v1/memberships/:id': {
    allowed: { own: ['admin', 'nl.admin'], other: ['admin'] },
    request: async ({ scope, headers, fx }) => {
      const userId = await fx.throwawayUser('member');
      const m = await fx.db.insertInto('memberships').values({ userId, role: 'org_viewer', organizationId: fx.org(scope).id }).returning('id').executeTakeFirstOrThrow();
      return { method: 'DELETE', url: `/api/v1/memberships/${m.id}`, headers };
    },
  },
  'GET /api/v1/notifications': { allowed: SIGNED_IN, request: get('/api/v1/notifications') },
  'POST /api/v1/notifications/:id/read': {
    // One's own notification; someone else's is NOT_FOUND (see the users tests).
    allowed: SIGNED_IN,
    request: async ({ principal, headers, fx }) => {
      const owner = (await fx.userId(principal)) ?? (await fx.throwawayUser('notified'));
      const n = await fx.db.insertInto('notifications').values({ userId: owner, kind: 'matrix', title: 'matrix' }).returning('id').executeTakeFirstOrThrow();
      return { method: 'POST', url: `/api/v1/notifications/${n.id}/read`, headers };
    },
  },

  // Administration ---------------------------------------------------------------------------------
  'GET /api/v1/admin/audit': {
    allowed: { own: ['admin', 'nl.admin'], other: ['admin'] },
    request: ({ scope, headers, fx }) => ({ method: 'GET', url: `/api/v1/admin/audit?organizationCode=${fx.org(scope).code}`, headers }),
  },
  'GET /api/v1/admin/audit/verify': { allowed: ['admin'], request: get('/api/v1/admin/audit/verify') },
  'GET /api/v1/admin/outbox': { allowed: ['admin'], request: get('/api/v1/admin/outbox?limit=1') },

  // Organisations and places -----------------------------------------------------------------------
  'GET /api/v1/organizations': { allowed: EVERYONE, request: get('/api/v1/organizations?q=หนองหลวง&limit=5') },
  'GET /api/v1/organizations/:code': {
    allowed: { own: EVERYONE, other: EVERYONE },
    request: ({ scope, headers, fx }) => ({ method: 'GET', url: `/api/v1/organizations/${fx.org(scope).code}`, headers }),
  },
  'POST /api/v1/organizations': {
    allowed: ['admin'],
    request: ({ headers, fx }) => ({ method: 'POST', url: '/api/v1/organizations', headers, payload: { kind: 'civil_society', nameTh: `ชมรม ${fx.unique('org')}`, provinceCode: '62' } }),
  },
  'PATCH /api/v1/organizations/:code': {
    allowed: { own: ['admin', 'nl.admin'], other: ['admin'] },
    request: ({ scope, headers, fx }) => ({ method: 'PATCH', url: `/api/v1/organizations/${fx.org(scope).code}`, headers, payload: { address: `ที่อยู่ ${fx.unique('addr')}` } }),
  },
  'GET /api/v1/provinces': { allowed: EVERYONE, request: get('/api/v1/provinces') },
  'GET /api/v1/provinces/:code': {
    allowed: { own: EVERYONE, other: EVERYONE },
    request: ({ scope, headers, fx }) => ({ method: 'GET', url: `/api/v1/provinces/${fx.province(scope)}`, headers }),
  },
  'PATCH /api/v1/provinces/:code/pacc-region': {
    allowed: { own: ['admin', 'pacc.hq'], other: ['admin', 'pacc.hq'] },
    request: async ({ scope, headers, fx }) => {
      const code = fx.province(scope);
      const p = await fx.db.selectFrom('provinces').select(['paccRegion', 'paccRegionStatus']).where('code', '=', code).executeTakeFirstOrThrow();
      return { method: 'PATCH', url: `/api/v1/provinces/${code}/pacc-region`, headers, payload: { paccRegion: p.paccRegion, paccRegionStatus: p.paccRegionStatus } };
    },
  },
  'GET /api/v1/geo/provinces.geojson': { allowed: EVERYONE, request: get('/api/v1/geo/provinces.geojson') },

  // Background jobs --------------------------------------------------------------------------------
  'GET /api/v1/jobs/:id': {
    // job.read over the job's organisation (answers 404 to others, so the id tells nothing).
    allowed: {
      own: ['admin', 'nl.editor', 'nl.viewer', 'nl.mayor', 'nl.admin', 'nacc.62', 'nacc.hq', 'pacc.hq'],
      other: ['admin', 'pk.editor', 'pacc.r8', 'nacc.hq', 'pacc.hq'],
    },
    deniedStatuses: [404],
    request: async ({ scope, headers, fx }) => {
      const id = await createJobQueue(fx.db, fx.t.clock).enqueue(fx.db, { kind: 'matrix.test', organizationId: fx.org(scope).id });
      return { method: 'GET', url: `/api/v1/jobs/${id}`, headers };
    },
  },

  // Anti-corruption action plans (entries live with the module) --------------------------------------
  ...PLAN_AUTHORIZATION_MATRIX,

  // Procurement surveillance (entries live with the module) ---------------------------------------
  ...PROCUREMENT_AUTHORIZATION_MATRIX,
};

/** Routes that are not API routes and need no entry: the API docs UI and the web app's static files. */
export function needsMatrixEntry(route: { url: string }): boolean {
  if (route.url === '/healthz' || route.url === '/api/openapi.json') return true;
  return route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
}
