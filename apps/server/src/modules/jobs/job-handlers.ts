/**
 * Every kind of background job and the function that runs it. A module that needs long work
 * (an import, an analysis) adds ONE line here: `'<module>.<verb>': create…Handler(deps)`, and
 * enqueues jobs of that kind with `createJobQueue(db, clock).enqueue(tx, { kind, payload, … })`
 * in the transaction of the write that asks for it.
 *
 * Handlers run at least once: after a crash another worker takes the job over from its last
 * checkpoint (`ctx.checkpoint`), so make each step safe to repeat.
 */
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { JobHandler, JobQueue } from '../../platform/jobs.ts';

export interface JobHandlerDeps {
  db: Database;
  clock: Clock;
  config: Config;
  queue: JobQueue;
}

export function createJobHandlers(_deps: JobHandlerDeps): Record<string, JobHandler> {
  return {
    /** Echoes its payload and says which process ran it (operations checks, multi-instance test). */
    'system.echo': async ({ job, reportProgress }) => {
      await reportProgress(1, 1);
      return { echo: job.payload, pid: process.pid };
    },
  };
}
