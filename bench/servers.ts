/** Starting real servers for the benchmarks: `prongsai serve` and a bare Fastify route. */
import { freePort, startCli, startNode, stop, waitForHealth, type Started } from '../apps/server/test/ops/processes.ts';

export interface Server {
  base: string;
  started: Started;
  /** Milliseconds from launch to GET /healthz answering 200. */
  startupMs: number;
  stop(): Promise<void>;
}

async function ready(started: Started, port: number, launchedAt: number): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, started, 180_000);
  } catch (error) {
    await stop(started);
    throw error;
  }
  return { base, started, startupMs: performance.now() - launchedAt, stop: () => stop(started) };
}

/** `prongsai serve` (PGlite in dataDir, or the PostgreSQL of databaseUrl). */
export async function startProngsai(options: { dataDir: string; databaseUrl?: string; demo?: boolean }): Promise<Server> {
  const port = await freePort();
  const launchedAt = performance.now();
  const started = startCli(['serve', ...(options.demo ? ['--demo'] : [])], { DATA_DIR: options.dataDir, DATABASE_URL: options.databaseUrl ?? '', PORT: String(port) });
  return ready(started, port, launchedAt);
}

const BARE = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ hello: 'world' }));
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

/** A bare Fastify app with one JSON route (GET /bare), also in its own process. */
export async function startBareFastify(): Promise<Server> {
  const port = await freePort();
  return ready(startNode(['--input-type=module', '-e', BARE], { PORT: String(port) }), port, performance.now());
}
