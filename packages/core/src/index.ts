/**
 * @prongsai/core — the pure domain and analytics of Prongsai. No I/O, no clock, no randomness,
 * no environment: everything it needs is passed in. This file is its whole public surface.
 */
export * from './fiscal-year.ts';
export * from './thai-date.ts';
export * from './money.ts';
export * from './thai-text.ts';
export * from './organizations.ts';
export * as procurement from './procurement/index.ts';
export * as plans from './plans/index.ts';
