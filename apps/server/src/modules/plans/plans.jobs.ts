/**
 * The recurring `plans.reminders` job: sends the submission-deadline reminders that are due
 * (service#sendDueReminders: each organisation once per threshold, 14/7/3/1 days before) and queues
 * its own next run an hour later. At most one run waits in the queue at a time, however many
 * workers start; the first one is queued when a worker starts (modules/jobs/job-handlers.ts).
 */
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { createFileStoreForDataDir } from '../../platform/file-store.ts';
import type { JobHandler, JobQueue } from '../../platform/jobs.ts';
import { createPlansRepository } from './plans.repository.ts';
import { createPlansService } from './plans.service.ts';

export const PLAN_REMINDERS_JOB = 'plans.reminders';
export const PLAN_REMINDERS_EVERY_MS = 60 * 60_000;

interface Deps {
  db: Database;
  clock: Clock;
  queue: JobQueue;
}

/** Queues a `plans.reminders` run at `runAt` (default now) unless one is already waiting. True when queued. */
export async function schedulePlanReminders(deps: Deps, runAt: Date = deps.clock.now()): Promise<boolean> {
  const repo = createPlansRepository();
  return deps.db.transaction().execute(async (tx) => {
    if (await repo.hasQueuedJob(tx, PLAN_REMINDERS_JOB)) return false;
    await deps.queue.enqueue(tx as unknown as Database, { kind: PLAN_REMINDERS_JOB, runAt });
    return true;
  });
}

/** The job handlers of this module, for modules/jobs/job-handlers.ts. */
export function plansJobHandlers(deps: Deps & { config: Config }): Record<string, JobHandler> {
  const service = createPlansService({ db: deps.db, clock: deps.clock, fileStore: createFileStoreForDataDir(deps.config.dataDir), publicUrl: deps.config.PUBLIC_URL });
  return {
    [PLAN_REMINDERS_JOB]: async () => {
      // A failed run is not retried by the queue (that would queue a second run beside the next
      // one): the next hourly run is the retry, and the error is kept in this run's result.
      let sent = 0;
      let error: string | null = null;
      try {
        sent = await service.sendDueReminders();
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const nextRunAt = new Date(deps.clock.now().getTime() + PLAN_REMINDERS_EVERY_MS);
      await schedulePlanReminders(deps, nextRunAt);
      return { sent, error, nextRunAt: nextRunAt.toISOString() };
    },
  };
}
