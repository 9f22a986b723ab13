/** Starting real servers for the benchmarks: `prongsai serve` and a bare Fastify route. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.join(import.meta.dirname, '..');
export const CLI = path.join(ROOT, 'apps/cli/bin/prongsai.mjs');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Server {
  base: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function spawnServer(args: string[], env: Record<string, string | undefined>, port: number): Server {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Milliseconds until GET /healthz answers 200 (polling every 20 ms). */
export async function waitHealthy(server: Server, timeoutMs = 180_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (server.child.exitCode !== null) throw new Error(`server exited:\n${server.output()}`);
    try {
      if ((await fetch(`${server.base}/healthz`)).ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

/** `prongsai serve` (PGlite in dataDir, or the PostgreSQL of databaseUrl). */
export async function startProngsai(options: { dataDir: string; databaseUrl?: string; demo?: boolean }): Promise<Server & { startupMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const server = spawnServer([CLI, 'serve', ...(options.demo ? ['--demo'] : [])], { DATA_DIR: options.dataDir, DATABASE_URL: options.databaseUrl ?? '' }, port);
  await waitHealthy(server);
  return { ...server, startupMs: performance.now() - started };
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
  const server = spawnServer(['--input-type=module', '-e', BARE], {}, port);
  await waitHealthy(server);
  return server;
}
