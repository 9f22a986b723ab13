/** Plans: frameworks, checks, workflow, progress, rubrics, version comparison, item tables. */
export * from './framework.ts';
export * from './checks.ts';
export * from './workflow.ts';
export * from './progress.ts';
export * from './rubric.ts';
export * from './compare.ts';
export * from './items-table.ts';
