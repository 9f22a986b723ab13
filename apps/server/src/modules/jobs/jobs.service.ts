/**
 * Following a background job: status and progress for progress bars. Only the person who started
 * the job, or someone with `job.read` over its organisation, may see it (policy: canReadJob).
 * Jobs others may not see answer NOT_FOUND, so ids cannot be probed.
 */
import type { JobView } from '@prongsai/contracts';
import type { Actor } from '../../auth/actor.ts';
import { canReadJob, NATIONAL_SCOPE } from '../../auth/policy.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Job, JobQueue } from '../../platform/jobs.ts';
import { createOrganizationsRepository } from '../organizations/organizations.repository.ts';

export function toJobView(job: Job): JobView {
  const percent = job.progressTotal ? Math.min(100, Math.round((job.progressDone / job.progressTotal) * 1000) / 10) : job.status === 'done' ? 100 : null;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progressDone: job.progressDone,
    progressTotal: job.progressTotal,
    percent,
    attempts: job.attempts,
    result: job.status === 'done' ? job.result : null,
    lastError: job.lastError?.split('\n', 1)[0] ?? null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export function createJobsService(db: Database, queue: JobQueue) {
  const organizations = createOrganizationsRepository();

  return {
    async get(actor: Actor, id: string): Promise<JobView> {
      if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      const job = await queue.get(id);
      if (!job) throw new AppError('NOT_FOUND', { job: id });
      const scope = job.organizationId ? ((await organizations.findScope(db, job.organizationId)) ?? NATIONAL_SCOPE) : NATIONAL_SCOPE;
      if (!canReadJob(actor, { createdBy: job.createdBy, scope })) throw new AppError('NOT_FOUND', { job: id });
      return toJobView(job);
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
