import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';
import { DEMO_PASSWORD, freshTotpCode, headersFor, seedDemoUsers, sessionCookieOf, signIn, TEST_ORIGIN, type SignedIn } from '../../../test/auth-helpers.ts';

let t: TestContext;
let admin: SignedIn;
let orgAdmin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoUsers(t);
  admin = await signIn(t, 'admin@prongsai.demo');
  orgAdmin = await signIn(t, 'orgadmin@nonglaung.demo');
});
afterAll(async () => t?.close());

const invite = (who: SignedIn, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: who.headers, payload });
const lastAuditId = async () => (await t.database.db.selectFrom('auditLog').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? '0';
const auditSince = async (id: string) => t.database.db.selectFrom('auditLog').select(['action', 'organizationId', 'actorLabel']).where('id', '>', id).where('actorLabel', 'not like', 'system:%').orderBy('id').execute();

async function tokenMailedTo(email: string): Promise<string> {
  const mail = await t.database.db.selectFrom('outboxEmails').select('bodyText').where('toAddress', '=', email).orderBy('createdAt', 'desc').limit(1).executeTakeFirstOrThrow();
  return /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.bodyText)![1]!;
}

describe('invitations', () => {
  it('lets the national admin invite a provincial officer, who accepts, is signed in and must set up TOTP', async () => {
    const before = await lastAuditId();
    const res = await invite(admin, { email: 'New.Officer@NACC.demo', displayName: 'เจ้าหน้าที่ใหม่', role: 'nacc_provincial_officer', provinceCode: '80' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'new.officer@nacc.demo', role: 'nacc_provincial_officer', provinceCode: '80', provinceNameTh: 'นครศรีธรรมราช', invitedByName: 'ผู้ดูแลระบบ (สาธิต)' });
    expect(res.json()).not.toHaveProperty('token');
    const token = await tokenMailedTo('new.officer@nacc.demo');
    const mail = await t.database.db.selectFrom('outboxEmails').select('bodyText').where('toAddress', '=', 'new.officer@nacc.demo').executeTakeFirstOrThrow();
    expect(mail.bodyText).toContain(`http://localhost:3000/invite/${token}`);

    const preview = await t.app.inject(`/api/v1/invitations/${token}`);
    expect(preview.json()).toMatchObject({ email: 'new.officer@nacc.demo', role: 'nacc_provincial_officer', provinceNameTh: 'นครศรีธรรมราช', existingAccount: false });

    const weak = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { password: 'short' } });
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: { origin: TEST_ORIGIN }, payload: { password: 'นครศรีธรรมราช เมืองคอน 2569' } });
    expect(accepted.statusCode).toBe(200);
    const me = accepted.json();
    expect(me).toMatchObject({ stage: 'signed_in', memberships: [], totp: { enabled: false, setupRequired: true } });
    expect(me.pendingMemberships[0]).toMatchObject({ role: 'nacc_provincial_officer', provinceCode: '80' });
    const token2 = sessionCookieOf(accepted)!;

    const again = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { password: 'นครศรีธรรมราช เมืองคอน 2569' } });
    expect(again.json().code).toBe('TOKEN_INVALID');

    // Set up TOTP; the officer role comes into force on a new session id.
    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: headersFor(token2) });
    expect(setup.statusCode).toBe(200);
    expect(setup.json().otpauthUri).toMatch(/^otpauth:\/\/totp\/Prongsai:new\.officer%40nacc\.demo\?/);
    expect(setup.json().qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', headers: headersFor(token2), payload: { code: '123456' } });
    expect(wrong.json().code).toBe('TOTP_INVALID');
    const code = await freshTotpCode(t, 'new.officer@nacc.demo', setup.json().secret);
    const enabled = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', headers: headersFor(token2), payload: { code } });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json()).toMatchObject({ stage: 'signed_in', totp: { enabled: true, passed: true, setupRequired: false } });
    expect(enabled.json().memberships[0].role).toBe('nacc_provincial_officer');
    expect(sessionCookieOf(enabled)).not.toBe(token2);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: headersFor(token2) })).json()).toBeNull();

    expect((await auditSince(before)).map((a) => a.action)).toEqual([
      'invitation.create', 'user.create', 'invitation.accept', 'membership.create', 'user.login', 'user.totp_setup', 'user.totp_enable', 'session.rotate',
    ]);
    // The inviter is told.
    const notes = await t.app.inject({ url: '/api/v1/notifications', headers: admin.headers });
    expect(notes.json().items[0]).toMatchObject({ kind: 'invitation.accepted', readAt: null });
  });

  it('lets an organisation admin invite only organisation roles in their own organisation', async () => {
    const ok = await invite(orgAdmin, { email: 'clerk@nonglaung.demo', displayName: 'เสมียน', role: 'org_editor', organizationCode: '6620708' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ organizationCode: '6620708', organizationNameTh: 'องค์การบริหารส่วนตำบลหนองหลวง' });
    expect((await invite(orgAdmin, { email: 'x@khonkaen.demo', displayName: 'x', role: 'org_editor', organizationCode: '3400102' })).statusCode).toBe(403);
    expect((await invite(orgAdmin, { email: 'x@nacc.demo', displayName: 'x', role: 'nacc_provincial_officer', provinceCode: '62' })).statusCode).toBe(403);
    expect((await invite(orgAdmin, { email: 'x@prongsai.demo', displayName: 'x', role: 'system_admin' })).statusCode).toBe(403);
    const editor = await signIn(t, 'editor@nonglaung.demo');
    expect((await invite(editor, { email: 'x@nonglaung.demo', displayName: 'x', role: 'org_viewer', organizationCode: '6620708' })).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', payload: { email: 'x@nonglaung.demo', displayName: 'x', role: 'org_viewer', organizationCode: '6620708' } });
    expect(anonymous.statusCode).toBe(401);
    const missingScope = await invite(admin, { email: 'x@nonglaung.demo', displayName: 'x', role: 'org_viewer' });
    expect(missingScope.json().code).toBe('VALIDATION_FAILED');
    const wrongScope = await invite(admin, { email: 'x@nonglaung.demo', displayName: 'x', role: 'system_admin', provinceCode: '62' });
    expect(wrongScope.json().code).toBe('VALIDATION_FAILED');
    const already = await invite(admin, { email: 'editor@nonglaung.demo', displayName: 'x', role: 'org_editor', organizationCode: '6620708' });
    expect(already.json().code).toBe('CONFLICT');
  });

  it('adds the role to an existing account when its owner accepts with their password', async () => {
    const res = await invite(admin, { email: 'editor@nonglaung.demo', displayName: 'สมศรี ใจดี', role: 'org_viewer', organizationCode: '3400102' });
    expect(res.statusCode).toBe(201);
    const token = await tokenMailedTo('editor@nonglaung.demo');
    expect((await t.app.inject(`/api/v1/invitations/${token}`)).json().existingAccount).toBe(true);
    const wrong = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { password: 'not my password at all' } });
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { password: DEMO_PASSWORD } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().memberships.map((m: { organizationCode: string }) => m.organizationCode).sort()).toEqual(['3400102', '6620708']);
  });

  it('expires invitations after 7 days', async () => {
    await invite(admin, { email: 'late@phuket.demo', displayName: 'มาช้า', role: 'org_viewer', organizationCode: '2830101' });
    const token = await tokenMailedTo('late@phuket.demo');
    t.clock.advance(7 * 24 * 3_600_000 + 1000);
    expect((await t.app.inject(`/api/v1/invitations/${token}`)).json().code).toBe('TOKEN_INVALID');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { password: 'a perfectly good passphrase' } })).json().code).toBe('TOKEN_INVALID');
    // Sessions made before the jump have expired too.
    admin = await signIn(t, 'admin@prongsai.demo');
    orgAdmin = await signIn(t, 'orgadmin@nonglaung.demo');
  });
});

describe('members and memberships', () => {
  it('lists the members of an organisation for its admin only, and revokes a membership', async () => {
    expect((await invite(orgAdmin, { email: 'clerk2@nonglaung.demo', displayName: 'เสมียน', role: 'org_viewer', organizationCode: '6620708' })).statusCode).toBe(201);
    const list = await t.app.inject({ url: '/api/v1/organizations/6620708/members', headers: orgAdmin.headers });
    expect(list.statusCode).toBe(200);
    const members = list.json().members as Array<{ email: string; role: string; membershipId: string }>;
    expect(members.map((m) => m.email)).toEqual(expect.arrayContaining(['editor@nonglaung.demo', 'viewer@nonglaung.demo', 'mayor@nonglaung.demo', 'orgadmin@nonglaung.demo']));
    expect(list.json().pendingInvitations.map((i: { email: string }) => i.email)).toEqual(['clerk2@nonglaung.demo']); // clerk@'s invitation expired
    expect((await t.app.inject({ url: '/api/v1/organizations/3400102/members', headers: orgAdmin.headers })).statusCode).toBe(403);
    const viewer = await signIn(t, 'viewer@nonglaung.demo');
    expect((await t.app.inject({ url: '/api/v1/organizations/6620708/members', headers: viewer.headers })).statusCode).toBe(403);

    const target = members.find((m) => m.email === 'viewer@nonglaung.demo')!;
    const before = await lastAuditId();
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/memberships/${target.membershipId}`, headers: orgAdmin.headers });
    expect(revoked.statusCode).toBe(200);
    expect((await auditSince(before)).map((a) => a.action)).toEqual(['membership.revoke']);
    // In force at once: the viewer's session no longer carries the role.
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: viewer.headers });
    expect(me.json().memberships).toEqual([]);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/memberships/${target.membershipId}`, headers: orgAdmin.headers });
    expect(again.statusCode).toBe(404);

    // Org admins cannot revoke outside their organisation.
    const khonkaen = await t.database.db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.userId').select('m.id').where('u.email', '=', 'mayor@khonkaen.demo').executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/memberships/${khonkaen.id}`, headers: orgAdmin.headers })).statusCode).toBe(403);

    // The viewer was notified, can read and mark it read (only their own).
    const notes = await t.app.inject({ url: '/api/v1/notifications', headers: viewer.headers });
    expect(notes.json()).toMatchObject({ unread: 1, items: [{ kind: 'membership.revoked' }] });
    const id = notes.json().items[0].id;
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${id}/read`, headers: orgAdmin.headers })).statusCode).toBe(404);
    const before2 = await lastAuditId();
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${id}/read`, headers: viewer.headers })).statusCode).toBe(200);
    expect((await auditSince(before2)).map((a) => a.action)).toEqual(['notification.read']);
    expect((await t.app.inject({ url: '/api/v1/notifications?unreadOnly=true', headers: viewer.headers })).json()).toMatchObject({ unread: 0, items: [] });
  });

  it('refuses to revoke the last system administrator', async () => {
    const row = await t.database.db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.userId').select('m.id').where('u.email', '=', 'admin@prongsai.demo').executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/memberships/${row.id}`, headers: admin.headers });
    expect(res.json()).toMatchObject({ code: 'CONFLICT', details: { reason: 'last_system_admin' } });
  });
});
