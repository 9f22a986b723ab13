/**
 * The recurring `plans.reminders` job on the real queue with the test clock: a worker start queues
 * one run; as a deadline nears, each person who must act gets exactly one reminder, not repeated on
 * the next hourly run; at most one run waits in the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';
import { seedDemoUsers } from '../../../test/auth-helpers.ts';
import { createJobQueue, runJob } from '../../platform/jobs.ts';
import { createJobHandlers, scheduleRecurringJobs } from '../jobs/job-handlers.ts';
import { PLAN_REMINDERS_EVERY_MS, PLAN_REMINDERS_JOB } from './plans.jobs.ts';

let t: TestContext;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoUsers(t);
  // อบต.หนองหลวง (Kamphaeng Phet, 62) has no plan in the 2569–2572 cycle; its deadline is 2027-01-15.
  const cycle = await t.database.db.selectFrom('planCycles').select('id').where('code', '=', '2569-2572').executeTakeFirstOrThrow();
  await t.database.db.insertInto('planDeadlines').values({ cycleId: cycle.id, provinceCode: '62', dueAt: new Date('2027-01-15T10:00:00Z'), note: null, setBy: null }).execute();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const deps = () => {
  const queue = createJobQueue(t.database.db, t.clock);
  return { db: t.database.db, clock: t.clock, config: t.config, queue };
};
const queued = () => t.database.db.selectFrom('jobs').select(['id', 'runAt']).where('kind', '=', PLAN_REMINDERS_JOB).where('status', '=', 'queued').execute();
/** Runs the due reminders job like a worker would; returns its result. */
async function runDue() {
  const d = deps();
  const job = await d.queue.claim('test-worker', [PLAN_REMINDERS_JOB]);
  if (!job) return undefined;
  expect(await runJob({ queue: d.queue, handlers: createJobHandlers(d), workerId: 'test-worker' }, job)).toBe('done');
  return (await d.queue.get(job.id))!.result as { sent: number; error: string | null; nextRunAt: string };
}
const reminders = () =>
  t.database.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.userId')
    .select(['u.email', 'n.title', 'n.link'])
    .where('n.kind', '=', 'plan.deadline_reminder')
    .orderBy('u.email')
    .execute();

describe('plans.reminders job', () => {
  it('a worker start queues one run, however many workers start', async () => {
    t.clock.set('2026-12-01T03:00:00Z');
    await scheduleRecurringJobs(deps());
    await Promise.all([scheduleRecurringJobs(deps()), scheduleRecurringJobs(deps())]);
    expect(await queued()).toHaveLength(1);
    // Far from the deadline: nothing to send; the next run is queued an hour later.
    const result = await runDue();
    expect(result).toMatchObject({ sent: 0, error: null });
    const next = await queued();
    expect(next).toHaveLength(1);
    expect(new Date(next[0]!.runAt).getTime()).toBe(new Date('2026-12-01T03:00:00Z').getTime() + PLAN_REMINDERS_EVERY_MS);
    expect(await reminders()).toEqual([]);
  });

  it('as the deadline nears, one reminder per person, not repeated on the next run', async () => {
    t.clock.set('2027-01-09T04:00:00Z'); // 6¼ days before ("7 days left"): the 7-day reminder is due
    const first = await runDue();
    expect(first!.sent).toBeGreaterThanOrEqual(1);
    const sent = await reminders();
    const nonglaung = sent.filter((r) => r.email.endsWith('@nonglaung.demo'));
    // Editors, the org admin and the executive of อบต.หนองหลวง; not the viewer; one each.
    expect(nonglaung.map((r) => r.email)).toEqual(['editor@nonglaung.demo', 'mayor@nonglaung.demo', 'orgadmin@nonglaung.demo']);
    expect(new Set(sent.map((r) => r.email)).size).toBe(sent.length);
    expect(nonglaung[0]!.title).toContain('อีก 7 วัน');
    expect(await queued()).toHaveLength(1);

    t.clock.advance(PLAN_REMINDERS_EVERY_MS);
    const second = await runDue();
    expect(second).toMatchObject({ sent: 0, error: null });
    expect(await reminders()).toEqual(sent);
    expect(await queued()).toHaveLength(1);
    // The e-mail copies went to the outbox once too.
    const mails = await t.database.db.selectFrom('outboxEmails').select('toAddress').where('subject', 'like', '%ครบกำหนดส่งแผน%').execute();
    expect(mails.filter((m) => m.toAddress.endsWith('@nonglaung.demo'))).toHaveLength(3);
  });
});
