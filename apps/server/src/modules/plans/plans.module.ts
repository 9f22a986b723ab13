/**
 * Wires the plans module into the app: service, documents, routes, and the start-up load of the
 * shipped frameworks (data/frameworks, idempotent) when the app becomes ready.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';
import { systemClock } from '../../platform/clock.ts';
import { createFileStoreForDataDir, type FileStore } from '../../platform/file-store.ts';
import { loadPlanFrameworks } from './framework-data.ts';
import { createPlanDocuments } from './plans-documents.ts';
import { plansRoutes } from './plans.routes.ts';
import { createPlansService } from './plans.service.ts';

export async function registerPlans(app: FastifyInstance, deps: AppDeps & { fileStore?: FileStore }) {
  const clock = deps.clock ?? systemClock;
  const db = deps.database.db;
  const service = createPlansService({
    db,
    clock,
    ...(deps.mailer ? { mailer: deps.mailer } : {}),
    fileStore: deps.fileStore ?? createFileStoreForDataDir(deps.config.dataDir),
    publicUrl: deps.config.PUBLIC_URL,
  });
  app.addHook('onReady', async () => {
    await loadPlanFrameworks(db, (line) => app.log.info(line));
  });
  await app.register(plansRoutes(service, createPlanDocuments(clock)));
  return service;
}
