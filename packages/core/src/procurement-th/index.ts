/**
 * Thai procurement indicators (TH01–TH07), OCDS compile/merge and the e-GP CSV mapping, and the
 * composite risk score. Pure: no I/O, no clock, no environment. A flag is a lead, not proof.
 */
export * from './definitions.ts';
export * from './explain.ts';
export * from './facts.ts';
export * from './indicators.ts';
export * from './names.ts';
export * from './thresholds.ts';
export * from './egp.ts';
export * from './ocds.ts';
export * from './risk-score.ts';
