import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';
import { seedDemoUsers, signIn, type SignedIn } from '../../../test/auth-helpers.ts';

let t: TestContext;
let admin: SignedIn;
let orgAdmin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoUsers(t);
  admin = await signIn(t, 'admin@prongsai.demo');
  orgAdmin = await signIn(t, 'orgadmin@nonglaung.demo');
  // Some organisation-scoped entries in two organisations.
  await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: admin.headers, payload: { email: 'a@nonglaung.demo', displayName: 'A', role: 'org_viewer', organizationCode: '6620708' } });
  await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: admin.headers, payload: { email: 'b@khonkaen.demo', displayName: 'B', role: 'org_viewer', organizationCode: '3400102' } });
});
afterAll(async () => t?.close());

describe('audit log browsing', () => {
  it('shows everything to the national admin, newest first, paged by id, with filters', async () => {
    const res = await t.app.inject({ url: '/api/v1/admin/audit?limit=3', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items).toHaveLength(3);
    expect(page.items[0].action).toBe('invitation.create');
    expect(page.items[0]).toMatchObject({ organizationCode: '3400102', actorLabel: 'admin@prongsai.demo' });
    expect(Number(page.items[0].id)).toBeGreaterThan(Number(page.items[1].id));
    const next = await t.app.inject({ url: `/api/v1/admin/audit?limit=3&beforeId=${page.nextBeforeId}`, headers: admin.headers });
    expect(Number(next.json().items[0].id)).toBeLessThan(Number(page.items[2].id));
    const logins = await t.app.inject({ url: '/api/v1/admin/audit?action=user.login&limit=200', headers: admin.headers });
    expect(logins.json().items.every((e: { action: string }) => e.action === 'user.login')).toBe(true);
    expect(logins.json().items.length).toBeGreaterThanOrEqual(2);
    const byOrg = await t.app.inject({ url: '/api/v1/admin/audit?organizationCode=3400102', headers: admin.headers });
    expect(byOrg.json().items.every((e: { organizationCode: string }) => e.organizationCode === '3400102')).toBe(true);
  });

  it('shows an organisation admin only their organisation', async () => {
    const res = await t.app.inject({ url: '/api/v1/admin/audit?limit=200', headers: orgAdmin.headers });
    expect(res.statusCode).toBe(200);
    const codes = new Set(res.json().items.map((e: { organizationCode: string }) => e.organizationCode));
    expect([...codes]).toEqual(['6620708']);
    expect((await t.app.inject({ url: '/api/v1/admin/audit?organizationCode=3400102', headers: orgAdmin.headers })).statusCode).toBe(403);
    const editor = await signIn(t, 'editor@nonglaung.demo');
    expect((await t.app.inject({ url: '/api/v1/admin/audit', headers: editor.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/admin/audit' })).statusCode).toBe(401);
  });

  it('reads the outbox (national admin only)', async () => {
    const res = await t.app.inject({ url: '/api/v1/admin/outbox?to=a@nonglaung.demo', headers: admin.headers });
    expect(res.json()).toMatchObject({ total: 1, items: [{ toAddress: 'a@nonglaung.demo', sentAt: null }] });
    expect((await t.app.inject({ url: '/api/v1/admin/outbox', headers: orgAdmin.headers })).statusCode).toBe(403);
  });

  it('verifies the chain and names the first tampered row', async () => {
    const ok = await t.app.inject({ url: '/api/v1/admin/audit/verify', headers: admin.headers });
    expect(ok.json()).toMatchObject({ ok: true, firstBadId: null });
    expect(ok.json().checked).toBeGreaterThan(10);
    expect((await t.app.inject({ url: '/api/v1/admin/audit/verify', headers: orgAdmin.headers })).statusCode).toBe(403);

    const victim = await t.database.db.selectFrom('auditLog').select('id').where('action', '=', 'invitation.create').orderBy('id').limit(1).executeTakeFirstOrThrow();
    // The append-only trigger refuses changes...
    await expect(sql`update audit_log set actor_label = 'someone else' where id = ${victim.id}`.execute(t.database.db)).rejects.toThrow(/append-only/);
    // ...so a tamperer must switch it off first; the chain still gives them away.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.database.db);
    await sql`update audit_log set actor_label = 'someone else' where id = ${victim.id}`.execute(t.database.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.database.db);
    const bad = await t.app.inject({ url: '/api/v1/admin/audit/verify', headers: admin.headers });
    const earlier = await t.database.db.selectFrom('auditLog').select(sql<number>`count(*)::int`.as('n')).where('id', '<', victim.id).executeTakeFirstOrThrow();
    expect(bad.json()).toMatchObject({ ok: false, firstBadId: victim.id, reason: 'hash_mismatch', checked: earlier.n });
  });
});
