/**
 * Background jobs kept in PostgreSQL (the `jobs` table), so any server instance may enqueue and any
 * worker may run them — in the `serve` process or in separate `prongsai worker` processes.
 *
 * - `enqueue(tx, …)` inside the transaction of the write that needs the job (it is queued only if
 *   that write commits).
 * - `claim` takes one due job with `FOR UPDATE SKIP LOCKED`: two workers never run a job twice.
 * - A running job holds a lease renewed by heartbeats (`progress`, and the worker's timer). When a
 *   worker dies, the lease runs out and another worker claims the job again; the handler gets the
 *   last checkpoint it reported and resumes from there.
 * - A failed attempt is retried with exponential backoff up to `maxAttempts`, then marked failed.
 *
 * Handlers must be safe to run again from their last checkpoint (at-least-once delivery).
 */
import type { Database } from '../db/database.ts';
import type { Clock } from './clock.ts';
import { createJobsRepository, type JobRow } from './jobs.repository.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  runAt: Date;
  lockedBy: string | null;
  lockedAt: Date | null;
  /** Attempts started so far (the running one included). */
  attempts: number;
  progressDone: number;
  progressTotal: number | null;
  checkpoint: unknown;
  result: unknown;
  lastError: string | null;
  createdBy: string | null;
  organizationId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface EnqueueInput {
  kind: string;
  payload?: Record<string, unknown>;
  createdBy?: string | null;
  organizationId?: string | null;
  /** Not before this time (default: now). */
  runAt?: Date;
}

export interface JobQueueOptions {
  /** A running job whose last heartbeat is older than this is taken over by another worker. */
  leaseMs?: number;
  /** Attempts (including lease take-overs) before a job is marked failed. */
  maxAttempts?: number;
  /** Delay before retry number `attempt` (1-based). Default: 5 s · 4^(attempt-1), at most 1 h. */
  backoffMs?: (attempt: number) => number;
}

export const DEFAULT_LEASE_MS = 2 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 5;

function defaultBackoff(attempt: number): number {
  return Math.min(5_000 * 4 ** (attempt - 1), 60 * 60_000);
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: (row.payload ?? {}) as Record<string, unknown>,
    status: row.status,
    runAt: new Date(row.runAt),
    lockedBy: row.lockedBy,
    lockedAt: row.lockedAt ? new Date(row.lockedAt) : null,
    attempts: row.attempts,
    progressDone: Number(row.progressDone),
    progressTotal: row.progressTotal === null ? null : Number(row.progressTotal),
    checkpoint: row.checkpoint ?? null,
    result: row.result ?? null,
    lastError: row.lastError,
    createdBy: row.createdBy,
    organizationId: row.organizationId,
    createdAt: new Date(row.createdAt),
    finishedAt: row.finishedAt ? new Date(row.finishedAt) : null,
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).slice(0, 4000);
  return String(error).slice(0, 4000);
}

export function createJobQueue(db: Database, clock: Clock, options: JobQueueOptions = {}) {
  const repo = createJobsRepository();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoffMs = options.backoffMs ?? defaultBackoff;

  const queue = {
    leaseMs,
    maxAttempts,

    /** Queues a job; pass the transaction of the write that needs it. Returns the job id. */
    async enqueue(tx: Database, input: EnqueueInput): Promise<string> {
      return repo.insert(tx, {
        kind: input.kind,
        payload: input.payload ?? {},
        runAt: input.runAt ?? clock.now(),
        createdBy: input.createdBy ?? null,
        organizationId: input.organizationId ?? null,
      });
    },

    /**
     * The next due job of one of `kinds`, now held by `workerId`, or undefined. A job taken over
     * from a dead worker after its last allowed attempt is marked failed and skipped.
     */
    async claim(workerId: string, kinds: readonly string[]): Promise<Job | undefined> {
      for (;;) {
        const now = clock.now();
        const row = await repo.claim(db, workerId, kinds, now, new Date(now.getTime() - leaseMs));
        if (!row) return undefined;
        if (row.attempts > maxAttempts) {
          await repo.fail(db, row.id, row.lastError ?? 'lease expired too many times (worker died?)', now, null, workerId);
          continue;
        }
        return toJob(row);
      }
    },

    /**
     * Heartbeat plus progress (and a checkpoint to resume from). Returns false when the job is no
     * longer running under `workerId` (cancelled, or taken over after a lost lease): stop work.
     */
    async progress(id: string, done: number, total?: number | null, checkpoint?: unknown, workerId?: string): Promise<boolean> {
      return repo.touch(db, id, clock.now(), workerId, { done, total, checkpoint });
    },

    /** Renews the lease only. */
    async heartbeat(id: string, workerId?: string): Promise<boolean> {
      return repo.touch(db, id, clock.now(), workerId);
    },

    async complete(id: string, result?: unknown, workerId?: string): Promise<boolean> {
      return repo.complete(db, id, result ?? null, clock.now(), workerId);
    },

    /** Records a failed attempt: back to the queue after a backoff, or failed after maxAttempts. */
    async fail(id: string, error: unknown, workerId?: string): Promise<'retry' | 'failed' | 'gone'> {
      const row = await repo.findById(db, id);
      if (!row || row.status !== 'running') return 'gone';
      const now = clock.now();
      const retryAt = row.attempts < maxAttempts ? new Date(now.getTime() + backoffMs(row.attempts)) : null;
      const changed = await repo.fail(db, id, errorText(error), now, retryAt, workerId);
      if (!changed) return 'gone';
      return retryAt ? 'retry' : 'failed';
    },

    /** Hands a running job back to the queue at once, checkpoint kept (graceful worker stop). */
    async release(id: string, workerId: string): Promise<boolean> {
      return repo.release(db, id, clock.now(), workerId);
    },

    async get(id: string): Promise<Job | undefined> {
      const row = await repo.findById(db, id);
      return row ? toJob(row) : undefined;
    },

    /** Cancels a queued or running job (a running handler sees it at its next progress report). */
    async cancel(id: string): Promise<boolean> {
      return repo.cancel(db, id, clock.now());
    },
  };
  return queue;
}

export type JobQueue = ReturnType<typeof createJobQueue>;

export interface JobContext {
  job: Job;
  /** The checkpoint the last attempt reported, or null on a first run. */
  checkpoint: unknown;
  /** Heartbeat + progress for progress bars; the checkpoint is what a resumed attempt receives. */
  reportProgress(done: number, total?: number | null, checkpoint?: unknown): Promise<void>;
  /** Aborted when the job is cancelled, its lease is lost, or the worker is stopping. */
  signal: AbortSignal;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export interface RunWorkerOptions {
  queue: JobQueue;
  handlers: Record<string, JobHandler>;
  workerId: string;
  /** Wait between polls when no job is due (default 1000 ms). */
  pollMs?: number;
  /** Stop claiming when aborted; the running job's handler sees the abort too. */
  signal?: AbortSignal;
  /** Heartbeat period while a handler runs (default: a third of the lease). */
  heartbeatMs?: number;
  log?: (line: string, fields?: Record<string, unknown>) => void;
}

/** Thrown into a handler's signal when its job was cancelled or taken over. */
export class JobLostError extends Error {
  constructor(id: string) {
    super(`job ${id} is no longer held by this worker (cancelled or lease lost)`);
    this.name = 'JobLostError';
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Runs one claimed job to its end (done, retry, failed, or lost). */
export async function runJob(options: Omit<RunWorkerOptions, 'pollMs'>, job: Job): Promise<'done' | 'retry' | 'failed' | 'gone'> {
  const { queue, handlers, workerId } = options;
  const handler = handlers[job.kind];
  if (!handler) return queue.fail(job.id, new Error(`no handler for job kind ${job.kind}`), workerId);
  const controller = new AbortController();
  const onStop = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onStop, { once: true });
  const lost = () => controller.abort(new JobLostError(job.id));
  const heartbeat = setInterval(() => {
    queue.heartbeat(job.id, workerId).then((held) => held || lost(), () => undefined);
  }, options.heartbeatMs ?? Math.max(1000, Math.floor(queue.leaseMs / 3)));
  try {
    const result = await handler({
      job,
      checkpoint: job.checkpoint,
      signal: controller.signal,
      async reportProgress(done, total, checkpoint) {
        const held = await queue.progress(job.id, done, total, checkpoint, workerId);
        if (!held) {
          lost();
          throw new JobLostError(job.id);
        }
      },
    });
    if (controller.signal.aborted && controller.signal.reason instanceof JobLostError) return 'gone';
    return (await queue.complete(job.id, result, workerId)) ? 'done' : 'gone';
  } catch (error) {
    if (controller.signal.reason instanceof JobLostError) return 'gone';
    if (options.signal?.aborted) {
      // The worker is stopping: hand the job back untouched so another worker resumes it now.
      return (await queue.release(job.id, workerId)) ? 'retry' : 'gone';
    }
    options.log?.('job failed', { jobId: job.id, kind: job.kind, error: errorText(error) });
    return queue.fail(job.id, error, workerId);
  } finally {
    clearInterval(heartbeat);
    options.signal?.removeEventListener('abort', onStop);
  }
}

/**
 * Claims and runs jobs one at a time until `signal` is aborted. Resolves when stopped (after the
 * job in hand has ended). Database errors while polling are logged and retried after `pollMs`.
 */
export async function runWorker(options: RunWorkerOptions): Promise<void> {
  const { queue, handlers, workerId, signal } = options;
  const pollMs = options.pollMs ?? 1000;
  const kinds = Object.keys(handlers);
  while (!signal?.aborted) {
    let job: Job | undefined;
    try {
      job = await queue.claim(workerId, kinds);
    } catch (error) {
      if (signal?.aborted) break;
      options.log?.('job claim failed', { workerId, error: errorText(error) });
      await sleep(pollMs, signal);
      continue;
    }
    if (!job) {
      await sleep(pollMs, signal);
      continue;
    }
    const outcome = await runJob(options, job);
    options.log?.('job ended', { jobId: job.id, kind: job.kind, outcome, workerId });
  }
}

/** A worker id that names the host and process, for `locked_by`. */
export function defaultWorkerId(suffix = ''): string {
  return `${process.env.HOSTNAME ?? 'host'}:${process.pid}${suffix ? `:${suffix}` : ''}`;
}
