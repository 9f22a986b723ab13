/**
 * Procurement red flags (Cardinal-exact): settings, the 11 indicators, `prepare` and `coverage`.
 * See docs/redflags.md. Pure: no I/O, no clock, no environment.
 */
export * from './coverage.ts';
export * from './engine.ts';
export * from './indicators.ts';
export * from './ini.ts';
export * from './json.ts';
export * from './prepare.ts';
export * from './quantile.ts';
export * from './record.ts';
export * from './scan.ts';
export * from './settings.ts';
