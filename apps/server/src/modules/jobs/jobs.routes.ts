/** HTTP for background jobs: status and progress (poll it for a progress bar). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema, JobSchema } from '@prongsai/contracts';
import type { JobsService } from './jobs.service.ts';

export function jobsRoutes(jobs: JobsService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/jobs/:id', {
      config: { access: 'signed_in' },
      schema: {
        tags: ['jobs'],
        summary: 'Status and progress of a background job / สถานะงานเบื้องหลัง',
        params: IdParamsSchema,
        response: { 200: JobSchema },
      },
    }, async (req, reply) => reply.header('cache-control', 'no-store').send(await jobs.get(req.actor, req.params.id)));
  };
}
