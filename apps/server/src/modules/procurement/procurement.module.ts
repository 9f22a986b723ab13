/**
 * Wires procurement surveillance into the app (service + routes) and into the job worker
 * (`procurement.import`, `procurement.analyse`). The thresholds table is filled from
 * data/thresholds on first use (idempotent).
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import { createFileStoreForDataDir, type FileStore } from '../../platform/file-store.ts';
import { createJobQueue, type JobHandler } from '../../platform/jobs.ts';
import { createAnalysisRunner } from './procurement-analysis.ts';
import { createImportHandler } from './procurement-import.ts';
import { procurementRoutes } from './procurement.routes.ts';
import { createProcurementService } from './procurement.service.ts';
import { createProcurementRepository } from './procurement.repository.ts';

export async function registerProcurement(app: FastifyInstance, deps: AppDeps & { fileStore?: FileStore }) {
  const clock = deps.clock ?? systemClock;
  const db = deps.database.db;
  const service = createProcurementService({ db, clock, config: deps.config, queue: createJobQueue(db, clock), store: deps.fileStore ?? createFileStoreForDataDir(deps.config.dataDir) });
  await app.register(procurementRoutes(service));
  return service;
}

/** The job handlers of this module, for modules/jobs/job-handlers.ts. */
export function procurementJobHandlers(deps: { db: Database; clock: Clock; config: Config; store?: FileStore }): Record<string, JobHandler> {
  const store = deps.store ?? createFileStoreForDataDir(deps.config.dataDir);
  const repo = createProcurementRepository();
  const importHandler = createImportHandler({ ...deps, store });
  const analysis = createAnalysisRunner(deps);
  return {
    'procurement.import': async (ctx) => {
      try {
        const result = await importHandler(ctx);
        // Flags are dataset-relative: analyse everything again after each import.
        const a = await repo.insertAnalysis(deps.db, { jobId: null, createdBy: ctx.job.createdBy });
        const jobId = await createJobQueue(deps.db, deps.clock).enqueue(deps.db, { kind: 'procurement.analyse', payload: { analysisId: a.id }, createdBy: ctx.job.createdBy });
        await repo.updateAnalysis(deps.db, a.id, { jobId });
        return { ...(result as object), analysisId: a.id };
      } catch (error) {
        if (ctx.job.attempts >= 5) await repo.updateImport(deps.db, String(ctx.job.payload.importId), { status: 'failed' });
        throw error;
      }
    },
    'procurement.analyse': async (ctx) => {
      const analysisId = String(ctx.job.payload.analysisId);
      try {
        return await analysis.run(analysisId, ctx.reportProgress, ctx.checkpoint);
      } catch (error) {
        await repo.updateAnalysis(deps.db, analysisId, { status: 'failed' });
        throw error;
      }
    },
  };
}
