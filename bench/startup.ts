/**
 * Startup benchmark: time from launching `prongsai serve --demo` (what `npm start` runs once the web
 * app is built) to GET /healthz answering, on a fresh data folder (creates the embedded database,
 * migrates, loads 8,000+ organisations and the demo logins) and again on the existing folder.
 *
 *   npx tsx bench/startup.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProngsai } from './servers.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-startup-'));
try {
  console.log(`Startup benchmark, Node ${process.version}, ${os.cpus().length} CPU(s)`);
  for (const label of ['fresh data folder', 'existing data folder', 'existing data folder (again)']) {
    const server = await startProngsai({ dataDir, demo: true });
    console.log(`  ${label.padEnd(30)} ${(server.startupMs / 1000).toFixed(2)} s to /healthz OK`);
    await server.stop();
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
