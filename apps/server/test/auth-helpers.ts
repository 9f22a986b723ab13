/**
 * Signing in from integration tests, through the real login endpoint.
 *
 *   const t = await createTestApp();
 *   await seedDemoUsers(t);                                   // one demo user per role
 *   const editor = await signIn(t, 'editor@nonglaung.demo');  // TOTP users get a code computed for t.clock
 *   await t.app.inject({ method: 'POST', url: '/api/v1/…', headers: editor.headers, payload: {…} });
 *
 * `headers` carries the session cookie and the Origin header that state-changing requests with a
 * session need (CSRF check). A used TOTP step cannot be used again, so signing the same TOTP user in
 * twice moves t.clock on by 30 seconds when needed.
 */
import { SESSION_COOKIE, type Me } from '@prongsai/contracts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, seedDemo } from '../src/seed/demo.ts';
import { totpCode, totpStep } from '../src/modules/auth/totp.ts';
import type { TestContext } from './test-app.ts';

export { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS };

/** PUBLIC_URL of test apps (see createTestApp). */
export const TEST_ORIGIN = 'http://localhost:3000';

export interface SignedIn {
  email: string;
  /** `prongsai_session=<token>` */
  cookie: string;
  token: string;
  /** cookie + origin, for app.inject */
  headers: { cookie: string; origin: string };
  me: Me;
}

type Ctx = Pick<TestContext, 'app' | 'clock' | 'database'>;

/** Loads the demo users (one per role, see seed/demo.ts). Idempotent. */
export async function seedDemoUsers(t: Pick<TestContext, 'database'>): Promise<void> {
  await seedDemo(t.database.db);
}

/** The session token from a response's Set-Cookie, or undefined. */
export function sessionCookieOf(res: { cookies: Array<{ name: string; value: string }> }): string | undefined {
  return res.cookies.find((c) => c.name === SESSION_COOKIE && c.value !== '')?.value;
}

export function headersFor(token: string): { cookie: string; origin: string } {
  return { cookie: `${SESSION_COOKIE}=${token}`, origin: TEST_ORIGIN };
}

/** A TOTP code for `secret` at the test clock's time that has not been used yet (moves the clock if needed). */
export async function freshTotpCode(t: Ctx, email: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const row = await t.database.db.selectFrom('users').select('totpLastStep').where('email', '=', email.toLowerCase()).executeTakeFirst();
  const last = row?.totpLastStep == null ? -1 : Number(row.totpLastStep);
  const current = totpStep(t.clock.now());
  if (last >= current) t.clock.advance((last - current + 1) * 30_000);
  return totpCode(secret, t.clock.now());
}

/** Signs in through POST /api/v1/auth/login (with a TOTP code for users who have TOTP on). */
export async function signIn(t: Ctx, email: string, options: { password?: string; totpSecret?: string } = {}): Promise<SignedIn> {
  const user = await t.database.db.selectFrom('users').select(['totpEnabledAt', 'totpSecret']).where('email', '=', email.toLowerCase()).executeTakeFirst();
  const secret = options.totpSecret ?? user?.totpSecret ?? DEMO_TOTP_SECRET;
  const totp = user?.totpEnabledAt ? await freshTotpCode(t, email, secret) : undefined;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { origin: TEST_ORIGIN },
    payload: { email, password: options.password ?? DEMO_PASSWORD, ...(totp ? { totp } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const token = sessionCookieOf(res);
  if (!token) throw new Error(`sign-in of ${email} set no session cookie`);
  return { email, token, cookie: `${SESSION_COOKIE}=${token}`, headers: headersFor(token), me: res.json() as Me };
}

/** Signs in every demo user; keyed by e-mail. */
export async function signInAllDemoUsers(t: Ctx): Promise<Map<string, SignedIn>> {
  const sessions = new Map<string, SignedIn>();
  for (const u of DEMO_USERS) sessions.set(u.email, await signIn(t, u.email));
  return sessions;
}
