#!/usr/bin/env node
// `npm start`: builds the web app when its sources are newer than the build, then serves the app
// with demo data on the embedded database (or on DATABASE_URL when set).
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const web = path.join(root, 'apps/web');
const dist = path.join(web, 'dist/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(path.join(web, 'src')), newest(path.join(root, 'packages/contracts/src')));
if (!fs.existsSync(dist) || fs.statSync(dist).mtimeMs < sources) {
  console.log('Building the web app…');
  execSync('npm run build -w apps/web --silent', { cwd: root, stdio: 'inherit' });
}
const result = spawnSync(process.execPath, [path.join(root, 'apps/cli/bin/prongsai.mjs'), 'serve', '--demo', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  // One line per request is for production logs; the demo terminal shows only warnings.
  env: { LOG_LEVEL: 'warn', ...process.env },
});
process.exit(result.status ?? 1);
