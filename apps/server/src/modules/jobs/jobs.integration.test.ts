/** GET /api/v1/jobs/:id and who may follow a job (the creator, or job.read over its organisation). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../../auth/actor.ts';
import { createJobQueue } from '../../platform/jobs.ts';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';
import { createJobsService } from './jobs.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function user(userId: string, memberships: UserActor['memberships'] = []): UserActor {
  return { kind: 'user', userId, email: `${userId.slice(0, 8)}@example.org`, displayName: 'Test', memberships, sessionIdHash: null };
}

describe('jobs API', () => {
  it('refuses anonymous visitors and validates the id', async () => {
    const queue = createJobQueue(t.database.db, t.clock);
    const id = await queue.enqueue(t.database.db, { kind: 'system.echo' });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${id}` });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/jobs/not-a-uuid' })).statusCode).toBe(400);
  });

  it('shows progress to the creator and to roles over its organisation, nobody else', async () => {
    const db = t.database.db;
    const org = await db.selectFrom('organizations').select(['id', 'provinceCode']).where('code', '=', '6620708').executeTakeFirstOrThrow();
    const other = await db.selectFrom('organizations').select('id').where('code', '=', '3400102').executeTakeFirstOrThrow();
    const [creator, stranger] = await db
      .insertInto('users')
      .values([{ email: 'creator@example.org', displayName: 'Creator' }, { email: 'stranger@example.org', displayName: 'Stranger' }])
      .returning('id')
      .execute();
    const queue = createJobQueue(db, t.clock);
    const id = await queue.enqueue(db, { kind: 'test.follow', createdBy: creator!.id, organizationId: org.id });
    await queue.claim('w', ['test.follow']);
    await queue.progress(id, 250, 1000, { row: 250 });
    const service = createJobsService(db, queue);
    const m = (role: UserActor['memberships'][number]['role'], scope: Partial<UserActor['memberships'][number]> = {}) => [
      { id: 'm', role, organizationId: null, provinceCode: null, paccRegion: null, ...scope },
    ];

    const seen = await service.get(user(creator!.id), id);
    expect(seen).toMatchObject({ id, status: 'running', progressDone: 250, progressTotal: 1000, percent: 25, result: null });
    await expect(service.get(user(stranger!.id, m('org_viewer', { organizationId: org.id })), id)).resolves.toMatchObject({ id });
    await expect(service.get(user(stranger!.id, m('nacc_provincial_officer', { provinceCode: org.provinceCode })), id)).resolves.toMatchObject({ id });
    await expect(service.get(user(stranger!.id, m('system_admin')), id)).resolves.toMatchObject({ id });
    await expect(service.get(user(stranger!.id), id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.get(user(stranger!.id, m('org_admin', { organizationId: other.id })), id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.get(user(stranger!.id, m('nacc_provincial_officer', { provinceCode: '40' })), id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await queue.complete(id, { rows: 1000 });
    await expect(service.get(user(creator!.id), id)).resolves.toMatchObject({ status: 'done', percent: 25, result: { rows: 1000 } });
  });
});
