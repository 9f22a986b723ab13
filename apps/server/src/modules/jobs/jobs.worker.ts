/**
 * Starts a job worker in this process: inside `prongsai serve` (unless JOB_WORKER=false) and as
 * `prongsai worker`. Several workers, in any number of processes on one PostgreSQL, share the
 * queue safely (see platform/jobs.ts).
 */
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import { createJobQueue, defaultWorkerId, runWorker, type JobQueue } from '../../platform/jobs.ts';
import { createJobHandlers, scheduleRecurringJobs } from './job-handlers.ts';

export interface StartedWorker {
  queue: JobQueue;
  workerId: string;
  /** Resolves when the worker has stopped (stop() was called, or it failed). */
  done: Promise<void>;
  /** Stops claiming, hands a running job back to the queue, and waits. */
  stop(): Promise<void>;
}

export function startJobWorker(options: {
  db: Database;
  config: Config;
  clock?: Clock;
  workerId?: string;
  pollMs?: number;
  log?: (line: string, fields?: Record<string, unknown>) => void;
}): StartedWorker {
  const clock = options.clock ?? systemClock;
  const queue = createJobQueue(options.db, clock);
  const handlers = createJobHandlers({ db: options.db, clock, config: options.config, queue });
  const workerId = options.workerId ?? defaultWorkerId();
  const controller = new AbortController();
  scheduleRecurringJobs({ db: options.db, clock, config: options.config, queue }).catch((error: unknown) => options.log?.('recurring jobs not scheduled', { error: String(error) }));
  const done = runWorker({ queue, handlers, workerId, pollMs: options.pollMs ?? 1000, signal: controller.signal, ...(options.log ? { log: options.log } : {}) });
  return {
    queue,
    workerId,
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
