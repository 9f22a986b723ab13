/**
 * Issue 2, item 5: every API route × every demo role (and anonymous) × own/other scope, asserting
 * the set of principals that get through exactly. The expectations are data in
 * test/authorization-matrix.ts; a route without an entry there fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { seedDemoUsers, signIn, TEST_ORIGIN, type SignedIn } from '../../test/auth-helpers.ts';
import { AUTHORIZATION_MATRIX, needsMatrixEntry, PRINCIPALS, type Fixtures, type MatrixEntry, type Principal, type Scope } from '../../test/authorization-matrix.ts';
import { hashToken, newToken } from '../modules/auth/tokens.ts';

let t: TestContext;
let fx: Fixtures;
const sessions = new Map<Principal, SignedIn>();
let counter = 0;

const ORGS: Record<Scope, string> = { own: '6620708', other: '2830101' };
const PROVINCES: Record<Scope, string> = { own: '62', other: '83' };

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoUsers(t);
  const db = t.database.db;
  const orgIds = Object.fromEntries(
    await Promise.all((Object.keys(ORGS) as Scope[]).map(async (s) => [s, (await db.selectFrom('organizations').select('id').where('code', '=', ORGS[s]).executeTakeFirstOrThrow()).id])),
  ) as Record<Scope, string>;
  const unique = (label: string) => `${label}-${++counter}`;
  const throwawayUser = async (label: string) =>
    (await db.insertInto('users').values({ email: `${unique(label)}@matrix.test`, displayName: label }).returning('id').executeTakeFirstOrThrow()).id;
  fx = {
    t,
    db,
    org: (scope) => ({ code: ORGS[scope], id: orgIds[scope] }),
    province: (scope) => PROVINCES[scope],
    unique,
    throwawayUser,
    async userId(principal) {
      const email = PRINCIPALS[principal];
      if (!email) return null;
      return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    },
    async invitation(scope) {
      const token = newToken();
      const admin = (await fx.userId('admin'))!;
      const at = t.clock.now();
      await db
        .insertInto('invitations')
        .values({ email: `${unique('invited')}@matrix.test`, displayName: 'Invited', tokenHash: hashToken(token), role: 'org_viewer', organizationId: orgIds[scope], invitedBy: admin, createdAt: at, expiresAt: new Date(at.getTime() + 86_400_000) })
        .execute();
      return token;
    },
  };
}, 180_000);
afterAll(async () => t?.close());

/** The principal's session, signed in again when it has ended (sign-out, rotation, idle time). */
async function sessionOf(principal: Principal, fresh: boolean): Promise<SignedIn | null> {
  const email = PRINCIPALS[principal];
  if (!email) return null;
  const cached = sessions.get(principal);
  if (cached && !fresh) {
    const row = await t.database.db.selectFrom('sessions').selectAll().where('idHash', '=', hashToken(cached.token)).executeTakeFirst();
    const now = t.clock.now();
    if (row && !row.revokedAt && row.idleExpiresAt > now && row.absoluteExpiresAt > now) return cached;
  }
  const session = await signIn(t, email);
  if (!fresh) sessions.set(principal, session);
  else sessions.delete(principal);
  return session;
}

type Outcome = 'allowed' | 'denied' | `unexpected ${number}: ${string}`;

function classify(entry: MatrixEntry, status: number, body: string): Outcome {
  if (status >= 200 && status < 300) return 'allowed';
  if (entry.alsoAllowedStatuses?.includes(status)) return 'allowed';
  if (entry.deniedStatuses?.includes(status)) return 'denied';
  let code = '';
  try {
    code = (JSON.parse(body) as { code?: string }).code ?? '';
  } catch {
    // not JSON
  }
  if ((status === 401 && code === 'UNAUTHENTICATED') || (status === 403 && (code === 'FORBIDDEN' || code === 'TOTP_SETUP_REQUIRED'))) return 'denied';
  return `unexpected ${status}: ${body.slice(0, 200)}`;
}

const principals = Object.keys(PRINCIPALS) as Principal[];

/** The principals an entry allows in a scope (a plain list: the same in both). */
function allowedIn(entry: MatrixEntry, scope: Scope): readonly Principal[] {
  const a = entry.allowed;
  return 'own' in a ? a[scope] : (a as readonly Principal[]);
}
const isScoped = (entry: MatrixEntry) => 'own' in entry.allowed;

describe('authorisation matrix', () => {
  it('has an entry for every API route, and every API route declares its access', () => {
    const routes = t.app.routesInfo.filter(needsMatrixEntry);
    const keys = new Set(routes.map((r) => `${r.method} ${r.url}`));
    const missing = [...keys].filter((k) => !(k in AUTHORIZATION_MATRIX));
    expect(missing, 'add these routes to apps/server/test/authorization-matrix.ts').toEqual([]);
    const stale = Object.keys(AUTHORIZATION_MATRIX).filter((k) => !keys.has(k));
    expect(stale, 'entries for routes that no longer exist').toEqual([]);
    expect(routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`), 'routes without config.access').toEqual([]);
  });

  for (const [key, entry] of Object.entries(AUTHORIZATION_MATRIX)) {
    it(key, async () => {
      const route = t.app.routesInfo.find((r) => `${r.method} ${r.url}` === key);
      if (!route) return; // reported by the first test
      const scopes: Scope[] = isScoped(entry) ? ['own', 'other'] : ['own'];
      for (const scope of scopes) {
        const expected = [...allowedIn(entry, scope)].sort();
        const outcomes: Record<string, Outcome> = {};
        for (const principal of principals) {
          const session = await sessionOf(principal, entry.freshSession === true);
          const headers = session ? { ...session.headers } : { origin: TEST_ORIGIN };
          const request = await entry.request({ scope, principal, session, headers, fx });
          const res = await t.app.inject(request);
          outcomes[principal] = classify(entry, res.statusCode, res.body);
        }
        const unexpected = Object.entries(outcomes).filter(([, o]) => o.startsWith('unexpected'));
        expect(unexpected, `${key} [${scope}]: answers that are neither allowed nor refused`).toEqual([]);
        const allowed = principals.filter((p) => outcomes[p] === 'allowed').sort();
        expect(allowed, `${key} [${scope}]: principals that got through`).toEqual(expected);
      }
      // The declared access agrees with the matrix.
      const all = [...allowedIn(entry, 'own'), ...allowedIn(entry, 'other')];
      if (route.access === 'signed_in') expect(all, `${key} is signed_in but allows anonymous`).not.toContain('anonymous');
      if (route.access === 'public') expect(all, `${key} is public but refuses anonymous`).toContain('anonymous');
    });
  }
});
