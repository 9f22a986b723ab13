/**
 * Every kind of background job and the function that runs it. A module that needs long work
 * (an import, an analysis) adds ONE line here: `'<module>.<verb>': create…Handler(deps)`, and
 * enqueues jobs of that kind with `createJobQueue(db, clock).enqueue(tx, { kind, payload, … })`
 * in the transaction of the write that asks for it.
 *
 * Handlers run at least once: after a crash another worker takes the job over from its last
 * checkpoint (`ctx.checkpoint`), so make each step safe to repeat.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { JobHandler, JobQueue } from '../../platform/jobs.ts';
import { plansJobHandlers, schedulePlanReminders } from '../plans/plans.jobs.ts';
import { procurementJobHandlers } from '../procurement/procurement.module.ts';

export interface JobHandlerDeps {
  db: Database;
  clock: Clock;
  config: Config;
  queue: JobQueue;
}

export function createJobHandlers(deps: JobHandlerDeps): Record<string, JobHandler> {
  return {
    ...procurementJobHandlers(deps),
    ...plansJobHandlers(deps),
    /** Echoes its payload and says which process ran it (operations checks, multi-instance test). */
    'system.echo': async ({ job, reportProgress, signal }) => {
      const delayMs = Math.min(5000, Math.max(0, Number(job.payload.delayMs) || 0));
      if (delayMs > 0) await delay(delayMs, undefined, { signal });
      await reportProgress(1, 1);
      return { echo: job.payload, pid: process.pid };
    },
  };
}

/**
 * Recurring jobs queue their own next run; a worker starting queues the first one of each (at most
 * one waits in the queue at a time, however many workers start).
 */
export async function scheduleRecurringJobs(deps: JobHandlerDeps): Promise<void> {
  await schedulePlanReminders(deps);
}
