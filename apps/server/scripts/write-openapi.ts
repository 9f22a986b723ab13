/**
 * Writes openapi.json (the OpenAPI 3.1 document generated from the Zod schemas of every route).
 * `--check` exits 1 when the committed file is stale, which CI runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../openapi.json');
const database = await openDatabase({});
await migrate(database.db); // some modules read their configuration tables while registering
const app = await buildApp({ config: parseConfig({ LOG_LEVEL: 'silent' }), database, logger: false });
await app.ready();
const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await database.close();

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    process.stderr.write('openapi.json is stale: run `npm run openapi` and commit the result.\n');
    process.exit(1);
  }
  process.stdout.write('openapi.json is up to date\n');
} else {
  fs.writeFileSync(target, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
