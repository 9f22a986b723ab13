/**
 * Foundation benchmark: the public organisation page data and organisation search at 50 concurrent
 * connections, next to a bare Fastify route on the same machine in the same run (the ratio is the
 * figure). Real servers in their own processes; autocannon drives them from this one.
 *
 *   npx tsx bench/foundation.ts            (PGlite; also PostgreSQL when DATABASE_URL is set)
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=50  (defaults)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startBareFastify, startProngsai, type Server } from './servers.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

/** Partial Thai names people type: district, province and type fragments, a code. */
const QUERIES = ['หนองหลวง', 'ขอนแก่น', 'ลานกระบือ', 'เทศบาลตำบล', 'อบต.บ้าน', 'กำแพง', 'นครศรี', 'ภูเก็ต', 'สันทราย', 'หนอง', 'บางพลี', 'เชียงใหม่', '6620708', 'ป.ป.ช.', 'ท่าศาลา', 'โคก'];

interface Figure {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(name: string, base: string, paths: string[]): Promise<Figure> {
  let n = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length]! }) }],
  });
  const errors = result.errors + result.non2xx + result.timeouts;
  return { name, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

function print(driver: string, bare: Figure, figures: Figure[]) {
  const row = (f: Figure) =>
    `  ${f.name.padEnd(34)} ${f.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   ` +
    `${f === bare ? '' : `${((f.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)}% of bare`}${f.errors ? `   ERRORS ${f.errors}` : ''}`;
  console.log(`\n${driver} — ${CONNECTIONS} connections, ${SECONDS} s each`);
  for (const f of [bare, ...figures]) console.log(row(f));
}

async function benchProngsai(driver: string, bare: Figure, options: { databaseUrl?: string }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-bench-'));
  let server: Server | undefined;
  try {
    server = await startProngsai({ dataDir, ...options });
    // Warm up (JIT, caches, PGlite buffers) before measuring.
    for (const q of QUERIES) await fetch(`${server.base}/api/v1/organizations?q=${encodeURIComponent(q)}`);
    const page = await measure('GET /api/v1/organizations/6620708', server.base, ['/api/v1/organizations/6620708']);
    const search = await measure('GET /api/v1/organizations?q=<Thai>', server.base, QUERIES.map((q) => `/api/v1/organizations?q=${encodeURIComponent(q)}`));
    print(driver, bare, [page, search]);
    return [page, search];
  } finally {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`Foundation benchmark on ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
const bareServer = await startBareFastify();
let bare: Figure;
try {
  bare = await measure('GET /bare (bare Fastify)', bareServer.base, ['/bare']);
} finally {
  await bareServer.stop();
}
await benchProngsai('PGlite (embedded)', bare, {});
if (process.env.DATABASE_URL) await benchProngsai('PostgreSQL (DATABASE_URL)', bare, { databaseUrl: process.env.DATABASE_URL });
else console.log('\n(PostgreSQL skipped: set DATABASE_URL, e.g. scripts/with-postgres.sh npx tsx bench/foundation.ts)');
