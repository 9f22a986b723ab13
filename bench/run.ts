/**
 * `npm run bench`: runs every benchmark in bench/ one after another (or those named:
 * `npm run bench -- foundation startup`). Each prints its own figures; see docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const HELPERS = new Set(['run.ts', 'servers.ts']);
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !HELPERS.has(f) && !f.endsWith('.test.ts') && !f.endsWith('-generate.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort((a, b) => (a === 'foundation' ? -1 : b === 'foundation' ? 1 : a.localeCompare(b)));
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : available;
let failed = 0;
for (const name of chosen) {
  if (!available.includes(name)) {
    console.error(`unknown benchmark ${name}; available: ${available.join(', ')}`);
    failed++;
    continue;
  }
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, `${name}.ts`)], { stdio: 'inherit', cwd: path.join(dir, '..') });
  console.log(`=== ${name}: ${result.status === 0 ? 'done' : `FAILED (${result.status})`} in ${((performance.now() - started) / 1000).toFixed(0)} s ===`);
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
