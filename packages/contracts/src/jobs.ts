/** Background jobs: status and progress, for progress bars of long work (imports, analyses). */
import { z } from 'zod';

export const JobStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe('e.g. procurement.import'),
    status: JobStatusSchema,
    progressDone: z.number().int(),
    progressTotal: z.number().int().nullable(),
    /** 0–100 when the total is known. */
    percent: z.number().min(0).max(100).nullable(),
    attempts: z.number().int(),
    result: z.unknown(),
    /** The last error (first line only), in English as the worker wrote it. */
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Job' });
export type JobView = z.infer<typeof JobSchema>;
