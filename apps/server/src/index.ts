/** @prongsai/server public surface for the CLI and tests. */
export { buildApp, type AppDeps } from './app.ts';
export { loadConfig, parseConfig, type Config } from './config.ts';
export { openDatabase, type Database, type DatabaseHandle } from './db/database.ts';
export { migrate } from './db/migrate.ts';
export { loadReferenceData } from './modules/organizations/reference-data.ts';
export { seedDemo } from './seed/demo.ts';
export { verifyAuditChain } from './audit/audit.ts';
