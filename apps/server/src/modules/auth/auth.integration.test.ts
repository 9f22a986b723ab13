import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, freshTotpCode, headersFor, seedDemoUsers, sessionCookieOf, signIn, TEST_ORIGIN } from '../../../test/auth-helpers.ts';
import { totpCode } from './totp.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoUsers(t);
});
afterAll(async () => t?.close());

const MIN = 60_000;
const me = (token: string) => t.app.inject({ url: '/api/v1/auth/me', headers: headersFor(token) }).then((r) => r.json());
const login = (payload: Record<string, unknown>, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: TEST_ORIGIN, ...headers }, payload, remoteAddress });
const auditActions = async (sinceId: string) =>
  // Entries written by people (not by system start-up tasks of other modules).
  (await t.database.db.selectFrom('auditLog').select(['action', 'subjectId']).where('id', '>', sinceId).where('actorLabel', 'not like', 'system:%').orderBy('id').execute()).map((r) => r.action);
const lastAuditId = async () => (await t.database.db.selectFrom('auditLog').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? '0';

describe('sign-in and sessions', () => {
  it('signs in with a session cookie whose token is stored only as a hash, and signs out for real', async () => {
    const before = await lastAuditId();
    const res = await login({ email: 'Editor@NongLaung.demo', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'prongsai_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(Buffer.from(cookie.value, 'base64url')).toHaveLength(32);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ stage: 'signed_in', user: { email: 'editor@nonglaung.demo' }, totp: { enabled: false, passed: false, setupRequired: false } });
    expect(body.memberships).toEqual([expect.objectContaining({ role: 'org_editor', organizationCode: '6620708', organizationNameTh: 'องค์การบริหารส่วนตำบลหนองหลวง' })]);

    const stored = await t.database.db.selectFrom('sessions').select('idHash').where('idHash', '=', crypto.createHash('sha256').update(cookie.value).digest('hex')).executeTakeFirst();
    expect(stored).toBeDefined();
    expect(await t.database.db.selectFrom('sessions').select('idHash').where('idHash', '=', cookie.value).executeTakeFirst()).toBeUndefined();

    expect((await me(cookie.value)).user.email).toBe('editor@nonglaung.demo');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: headersFor(cookie.value) });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'prongsai_session')?.value).toBe('');
    expect(await me(cookie.value)).toBeNull();
    const notifications = await t.app.inject({ url: '/api/v1/notifications', headers: headersFor(cookie.value) });
    expect(notifications.statusCode).toBe(401);
    expect(await auditActions(before)).toEqual(['user.login', 'user.logout']);
  });

  it('sets Secure on the cookie when COOKIE_SECURE is on', async () => {
    const secure = await createTestApp({ env: { COOKIE_SECURE: 'true' } });
    try {
      await seedDemoUsers(secure);
      const res = await secure.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'viewer@nonglaung.demo', password: DEMO_PASSWORD } });
      expect(res.cookies.find((c) => c.name === 'prongsai_session')?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('issues a new session id at every sign-in and revokes the one the browser had', async () => {
    const first = await signIn(t, 'viewer@nonglaung.demo');
    const res = await login({ email: 'viewer@nonglaung.demo', password: DEMO_PASSWORD }, '127.0.0.1', { cookie: first.cookie });
    const second = sessionCookieOf(res)!;
    expect(second).not.toBe(first.token);
    expect(await me(first.token)).toBeNull();
    expect((await me(second)).user.email).toBe('viewer@nonglaung.demo');
  });

  it('ends a session after 30 idle minutes, and after 12 hours however active', async () => {
    const s = await signIn(t, 'mayor@nonglaung.demo');
    t.clock.advance(29 * MIN);
    expect(await me(s.token)).not.toBeNull(); // activity moves the idle limit on
    t.clock.advance(29 * MIN);
    expect(await me(s.token)).not.toBeNull();
    t.clock.advance(31 * MIN);
    expect(await me(s.token)).toBeNull();

    const busy = await signIn(t, 'mayor@nonglaung.demo');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advance(20 * MIN);
      expect(await me(busy.token), `after ${minutes + 20} min`).not.toBeNull();
    }
    t.clock.advance(20 * MIN);
    expect(await me(busy.token)).toBeNull();
  });
});

describe('guessing', () => {
  it('locks an account for 15 minutes after 5 failures, the same for unknown e-mails', async () => {
    const ip = '10.0.0.5';
    for (const email of ['mayor@khonkaen.demo', 'nobody@nowhere.demo']) {
      for (let i = 0; i < 5; i++) {
        const res = await login({ email, password: 'wrong password 123' }, ip);
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('INVALID_CREDENTIALS');
      }
      const locked = await login({ email, password: email === 'nobody@nowhere.demo' ? 'x' : DEMO_PASSWORD }, ip);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('TOO_MANY_ATTEMPTS');
    }
    t.clock.advance(15 * MIN + 1000);
    expect((await login({ email: 'mayor@khonkaen.demo', password: DEMO_PASSWORD }, ip)).statusCode).toBe(200);
  });

  it('answers unknown e-mails like wrong passwords, in similar time', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      const res = await login({ email, password: 'not the password 1' }, '10.0.0.6');
      expect(res.json().code).toBe('INVALID_CREDENTIALS');
      return performance.now() - started;
    };
    await time('warmup@nowhere.demo');
    let known = 0;
    let unknown = 0;
    for (let i = 0; i < 3; i++) {
      known += await time('editor@khonkaen.demo');
      unknown += await time(`ghost${i}@nowhere.demo`);
    }
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });

  it('caps failures from one address', async () => {
    const ip = '10.0.0.7';
    for (let i = 0; i < 50; i++) await login({ email: `guess${i % 10}@nowhere.demo`, password: 'wrong password 123' }, ip);
    const res = await login({ email: 'editor@phuketpao.demo', password: DEMO_PASSWORD }, ip);
    expect(res.statusCode).toBe(429);
    expect((await login({ email: 'editor@phuketpao.demo', password: DEMO_PASSWORD }, '10.0.0.8')).statusCode).toBe(200);
  });
});

describe('two-factor', () => {
  it('asks oversight officers for the TOTP step before any role is in force, then rotates the session', async () => {
    const before = await lastAuditId();
    const res = await login({ email: 'nacc.kamphaengphet@prongsai.demo', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const partial = sessionCookieOf(res)!;
    expect(res.json()).toMatchObject({ stage: 'totp_required', memberships: [], totp: { enabled: true, passed: false } });
    expect(res.json().pendingMemberships[0]).toMatchObject({ role: 'nacc_provincial_officer', provinceCode: '62' });
    // Not signed in for anything else yet.
    expect((await t.app.inject({ url: '/api/v1/notifications', headers: headersFor(partial) })).statusCode).toBe(401);

    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', headers: headersFor(partial), payload: { code: '000000' } });
    expect(wrong.json().code).toBe('TOTP_INVALID');
    const code = await freshTotpCode(t, 'nacc.kamphaengphet@prongsai.demo');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', headers: headersFor(partial), payload: { code } });
    expect(ok.statusCode).toBe(200);
    const full = sessionCookieOf(ok)!;
    expect(full).not.toBe(partial);
    expect(ok.json()).toMatchObject({ stage: 'signed_in', totp: { enabled: true, passed: true } });
    expect(ok.json().memberships[0].role).toBe('nacc_provincial_officer');
    expect(await me(partial)).toBeNull();
    expect(await auditActions(before)).toEqual(['user.login_password', 'user.totp_failed', 'user.login']);

    // The same code cannot be used again within its window.
    const again = await login({ email: 'nacc.kamphaengphet@prongsai.demo', password: DEMO_PASSWORD, totp: code });
    expect(again.json().code).toBe('TOTP_INVALID');
  });

  it('accepts the code one step early or late, not two', async () => {
    const at = t.clock.now().getTime() + 10 * 60_000;
    t.clock.set(new Date(at));
    const early = totpCode(DEMO_TOTP_SECRET, new Date(at - 30_000));
    expect((await login({ email: 'pacc.region8@prongsai.demo', password: DEMO_PASSWORD, totp: early })).statusCode).toBe(200);
    const tooLate = totpCode(DEMO_TOTP_SECRET, new Date(at + 60_000));
    expect((await login({ email: 'pacc.hq@prongsai.demo', password: DEMO_PASSWORD, totp: tooLate })).json().code).toBe('TOTP_INVALID');
  });
});

describe('passwords', () => {
  it('changes the password with the current one, refusing weak ones, and ends the other sessions', async () => {
    const a = await signIn(t, 'editor@khonkaen.demo');
    const b = await signIn(t, 'editor@khonkaen.demo');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: b.headers, payload: { currentPassword: 'nope', newPassword: 'a much longer passphrase 1' } });
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: b.headers, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'short' } });
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { problem: 'too_short' } });
    const before = await lastAuditId();
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: b.headers, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'ขอนแก่น เมืองหมอแคน 2569' } });
    expect(ok.statusCode).toBe(200);
    expect(await me(a.token)).toBeNull();
    expect(await me(b.token)).not.toBeNull();
    expect(await auditActions(before)).toEqual(['user.password_change']);
    expect((await login({ email: 'editor@khonkaen.demo', password: 'ขอนแก่น เมืองหมอแคน 2569' })).statusCode).toBe(200);
  });

  it('resets by e-mail: same answer for unknown e-mails, one hour, single use, all sessions ended, no sign-in', async () => {
    const s = await signIn(t, 'editor@phuketpao.demo');
    const outboxBefore = await t.database.db.selectFrom('outboxEmails').select('id').execute();
    const known = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', headers: { origin: TEST_ORIGIN }, payload: { email: 'editor@phuketpao.demo' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', headers: { origin: TEST_ORIGIN }, payload: { email: 'nobody@phuketpao.demo' } });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toBe(known.body);
    const mails = await t.database.db.selectFrom('outboxEmails').selectAll().where('id', 'not in', outboxBefore.length ? outboxBefore.map((m) => m.id) : ['00000000-0000-0000-0000-000000000000']).execute();
    expect(mails.map((m) => m.toAddress)).toEqual(['editor@phuketpao.demo']);
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mails[0]!.bodyText)![1]!;
    expect(mails[0]!.bodyText).toContain(`http://localhost:3000/reset-password/${token}`);

    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword: 'password1234' } });
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword: 'ภูเก็ต ไข่มุกอันดามัน 99' } });
    expect(ok.statusCode).toBe(200);
    expect(sessionCookieOf(ok)).toBeUndefined();
    expect(await me(s.token)).toBeNull();
    const reuse = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword: 'another good passphrase' } });
    expect(reuse.json().code).toBe('TOKEN_INVALID');
    expect((await login({ email: 'editor@phuketpao.demo', password: 'ภูเก็ต ไข่มุกอันดามัน 99' })).statusCode).toBe(200);

    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'editor@phuketpao.demo' } });
    const latest = await t.database.db.selectFrom('outboxEmails').select('bodyText').where('toAddress', '=', 'editor@phuketpao.demo').orderBy('createdAt', 'desc').limit(1).executeTakeFirstOrThrow();
    const late = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(latest.bodyText)![1]!;
    t.clock.advance(61 * MIN);
    const expired = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: late, newPassword: 'another good passphrase' } });
    expect(expired.json().code).toBe('TOKEN_INVALID');
  });
});

describe('cross-site requests', () => {
  it('refuses state changes with the session cookie unless Origin or Referer is this site', async () => {
    const s = await signIn(t, 'viewer@nonglaung.demo');
    const noOrigin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(noOrigin.statusCode).toBe(403);
    const evil = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, origin: 'https://evil.example' } });
    expect(evil.statusCode).toBe(403);
    const nullOrigin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, origin: 'null' } });
    expect(nullOrigin.statusCode).toBe(403);
    expect(await me(s.token)).not.toBeNull();
    const evilLogin = await login({ email: 'viewer@nonglaung.demo', password: DEMO_PASSWORD }, '127.0.0.1', { origin: 'https://evil.example' });
    expect(evilLogin.statusCode).toBe(403);
    // Reads are not affected; the Host the request was sent to and a Referer of this site are accepted.
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie, origin: 'https://evil.example' } });
    expect(read.statusCode).toBe(200);
    const sameHost = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read', headers: { cookie: s.cookie, host: 'prongsai.example.go.th', origin: 'http://prongsai.example.go.th' } });
    expect(sameHost.statusCode).toBe(404);
    const referer = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, referer: 'http://localhost:3000/account' } });
    expect(referer.statusCode).toBe(200);
    expect(await me(s.token)).toBeNull();
  });
});
