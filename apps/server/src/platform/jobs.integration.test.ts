/**
 * The job queue on a real database (PGlite, or PostgreSQL with DATABASE_URL): racing workers never
 * run a job twice; a job whose worker died is taken over after its lease and resumes from its
 * checkpoint; failures are retried with backoff, then marked failed; cancel stops a running job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-app.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createFixedClock, systemClock } from './clock.ts';
import { createJobQueue, runWorker, type JobHandler } from './jobs.ts';

let database: DatabaseHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(async () => drop());

describe('job queue', () => {
  it('never gives one job to two claimers racing for it', async () => {
    const queue = createJobQueue(database.db, systemClock);
    const ids = new Set<string>();
    for (let i = 0; i < 12; i++) ids.add(await queue.enqueue(database.db, { kind: 'race.claim', payload: { i } }));
    const claims = await Promise.all(Array.from({ length: 30 }, (_, w) => queue.claim(`claimer-${w}`, ['race.claim'])));
    const claimed = claims.filter((j) => j !== undefined).map((j) => j.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(new Set(claimed)).toEqual(ids);
  });

  it('two workers racing run every job exactly once', async () => {
    const queue = createJobQueue(database.db, systemClock);
    const runs = new Map<string, string[]>();
    const handler: (worker: string) => JobHandler = (worker) => async ({ job, reportProgress }) => {
      runs.set(job.id, [...(runs.get(job.id) ?? []), worker]);
      await reportProgress(1, 1);
      await new Promise((r) => setTimeout(r, 2));
      return { by: worker };
    };
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await queue.enqueue(database.db, { kind: 'race.run', payload: { i } }));
    const stop = new AbortController();
    const workers = ['a', 'b'].map((w) => runWorker({ queue, handlers: { 'race.run': handler(w) }, workerId: `worker-${w}`, pollMs: 20, signal: stop.signal }));
    for (let waited = 0; waited < 30_000; waited += 50) {
      const states = await Promise.all(ids.map((id) => queue.get(id)));
      if (states.every((j) => j?.status === 'done')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    stop.abort();
    await Promise.all(workers);
    for (const id of ids) {
      expect(runs.get(id), id).toHaveLength(1);
      const job = await queue.get(id);
      expect(job?.status).toBe('done');
      expect(job?.progressDone).toBe(1);
      expect(job?.result).toEqual({ by: runs.get(id)![0] });
    }
    if (database.driver === 'postgres') expect(new Set([...runs.values()].flat())).toEqual(new Set(['a', 'b']));
  });

  it('a job whose worker died is taken over after the lease and resumes from its checkpoint', async () => {
    const clock = createFixedClock('2026-11-23T03:00:00Z');
    const queue = createJobQueue(database.db, clock, { leaseMs: 120_000 });
    const id = await queue.enqueue(database.db, { kind: 'resume.count', payload: { upTo: 10 } });

    // Worker A claims, reports progress with a checkpoint at 4 of 10, then "dies" (never returns).
    const first = await queue.claim('worker-dead', ['resume.count']);
    expect(first?.id).toBe(id);
    expect(first?.checkpoint).toBeNull();
    expect(await queue.progress(id, 4, 10, { next: 5 }, 'worker-dead')).toBe(true);

    // Within the lease nobody else may take it.
    clock.advance(60_000);
    expect(await queue.claim('worker-b', ['resume.count'])).toBeUndefined();

    // After the lease, worker B takes it over and resumes at the checkpoint.
    clock.advance(61_000);
    const seen: number[] = [];
    const stop = new AbortController();
    const handlers: Record<string, JobHandler> = {
      'resume.count': async ({ job, checkpoint, reportProgress }) => {
        const upTo = Number(job.payload.upTo);
        for (let n = (checkpoint as { next: number } | null)?.next ?? 1; n <= upTo; n++) {
          seen.push(n);
          await reportProgress(n, upTo, { next: n + 1 });
        }
        stop.abort();
        return { counted: seen.length };
      },
    };
    await runWorker({ queue, handlers, workerId: 'worker-b', pollMs: 10, signal: stop.signal });
    expect(seen).toEqual([5, 6, 7, 8, 9, 10]);
    const job = await queue.get(id);
    expect(job).toMatchObject({ status: 'done', attempts: 2, progressDone: 10, progressTotal: 10, result: { counted: 6 } });

    // The dead worker, should it wake up, can no longer report or complete.
    expect(await queue.progress(id, 5, 10, { next: 6 }, 'worker-dead')).toBe(false);
    expect(await queue.complete(id, {}, 'worker-dead')).toBe(false);
  });

  it('retries a failing job with backoff, then marks it failed after maxAttempts', async () => {
    const clock = createFixedClock('2026-11-23T03:00:00Z');
    const queue = createJobQueue(database.db, clock, { maxAttempts: 3, backoffMs: (attempt) => attempt * 1000 });
    const id = await queue.enqueue(database.db, { kind: 'flaky.always' });
    let calls = 0;
    const handlers: Record<string, JobHandler> = {
      'flaky.always': async () => {
        calls++;
        throw new Error(`boom ${calls}`);
      },
    };
    const { runJob } = await import('./jobs.ts');
    const run = async () => {
      const job = await queue.claim('w', ['flaky.always']);
      return job ? runJob({ queue, handlers, workerId: 'w' }, job) : 'none';
    };
    expect(await run()).toBe('retry');
    expect(await run()).toBe('none'); // backing off for 1 s
    clock.advance(1000);
    expect(await run()).toBe('retry');
    clock.advance(2000);
    expect(await run()).toBe('failed');
    clock.advance(60_000);
    expect(await run()).toBe('none');
    const job = await queue.get(id);
    expect(job).toMatchObject({ status: 'failed', attempts: 3 });
    expect(job?.lastError).toContain('boom 3');
    expect(calls).toBe(3);
  });

  it('cancel stops a queued job and tells a running handler to stop', async () => {
    const queue = createJobQueue(database.db, systemClock);
    const queued = await queue.enqueue(database.db, { kind: 'cancel.me' });
    expect(await queue.cancel(queued)).toBe(true);
    expect(await queue.claim('w', ['cancel.me'])).toBeUndefined();
    expect((await queue.get(queued))?.status).toBe('cancelled');

    const running = await queue.enqueue(database.db, { kind: 'cancel.running' });
    const { runJob } = await import('./jobs.ts');
    const job = await queue.claim('w', ['cancel.running']);
    const outcome = runJob(
      {
        queue,
        workerId: 'w',
        handlers: {
          'cancel.running': async ({ reportProgress }) => {
            await queue.cancel(running);
            await reportProgress(1, 2); // throws: the job is no longer ours
            return 'unreachable';
          },
        },
      },
      job!,
    );
    expect(await outcome).toBe('gone');
    expect((await queue.get(running))?.status).toBe('cancelled');
    expect(await queue.cancel(running)).toBe(false);
  });

  it('enqueue inside a rolled-back transaction queues nothing', async () => {
    const queue = createJobQueue(database.db, systemClock);
    let id = '';
    await expect(
      database.db.transaction().execute(async (tx) => {
        id = await queue.enqueue(tx, { kind: 'tx.rollback' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await queue.get(id)).toBeUndefined();
  });
});
