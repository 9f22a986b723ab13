/**
 * @prongsai/contracts — the one schema source for the wire. Zod schemas here validate requests on
 * the server, type the web client and CLI, and generate the OpenAPI document.
 */
export * from './errors.ts';
export * from './common.ts';
export * from './organizations.ts';
export * from './roles.ts';
export * from './auth.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './jobs.ts';
export * from './plans.ts';
export * from './procurement.ts';
