/**
 * Runs the red-flag engine over a JSON Lines file or standard input on worker threads.
 *
 * The main thread reads blocks of whole lines and hands them to a pool of workers; each worker
 * folds a block into its own state; the main thread merges the states in file order and computes
 * the fences at the end. The result is identical to a single-threaded run, including the "first
 * currency observed" rule: while the main currency is unknown (no `currency` setting), blocks are
 * folded one at a time until one of them observes a currency; after that the currency is fixed and
 * blocks run in parallel.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as procurement from '@prongsai/core/procurement/index.ts';
import { readBlocks } from './blocks.ts';
import { RANGE_SIZE, RangeReader } from './ranges.ts';
import type { WorkerReply, WorkerTask } from './flags-worker.ts';
import { createProgress } from './progress.ts';

/** Options for {@link runFlags}. */
export interface RunFlagsOptions {
  /** Worker threads (default: available cores). 0 or 1 with `inline` folds on the main thread. */
  threads?: number;
  /** Fold on the main thread (no workers). */
  inline?: boolean;
  /** Show a progress bar on stderr. */
  progress?: boolean;
  finalize?: procurement.FinalizeOptions;
}

/** Run statistics. */
export interface RunFlagsStats {
  lines: number;
  invalid: number;
  processes: number;
  bytes: number;
}

interface BlockResult {
  id: number;
  state: procurement.FlagsState;
  counts: procurement.LineCounts;
}

interface Esbuild {
  version: string;
  buildSync(options: Record<string, unknown>): {
    outputFiles: Array<{ text: string }>;
    metafile: { inputs: Record<string, unknown> };
  };
}
/** A bundle cached on disk with the size and mtime of every file it was built from. */
interface CachedBundle {
  esbuild: string;
  inputs: Array<[path: string, mtimeMs: number, size: number]>;
  text: string;
}
let workerSource: string | null | undefined;

function unchanged(bundle: CachedBundle, version: string): boolean {
  if (bundle.esbuild !== version) return false;
  for (const [path, mtimeMs, size] of bundle.inputs) {
    const info = statSync(path, { throwIfNoEntry: false });
    if (info?.mtimeMs !== mtimeMs || info.size !== size) return false;
  }
  return true;
}

/**
 * The worker and the engine bundled into one CommonJS script by esbuild (the one tsx itself uses),
 * so that a worker starts in tens of milliseconds instead of loading every module through tsx's
 * TypeScript loader (about 0.5 s of CPU per worker). The bundle is cached in
 * `node_modules/.cache/prongsai/` and rebuilt when any of its source files changes (a build takes
 * ~0.25 s). Null if esbuild cannot be loaded; the worker then starts through `flags-worker.mjs`.
 */
function bundledWorker(): string | null {
  if (workerSource !== undefined) return workerSource;
  try {
    const require = createRequire(import.meta.url);
    const esbuildPath = createRequire(require.resolve('tsx')).resolve('esbuild');
    const esbuild = require(esbuildPath) as Esbuild;
    const nodeModules = esbuildPath.slice(0, esbuildPath.lastIndexOf(`${sep}node_modules${sep}`) + 13);
    const cacheFile = join(nodeModules, '.cache', 'prongsai', 'flags-worker.json');
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as CachedBundle;
      if (unchanged(cached, esbuild.version)) return (workerSource = cached.text);
    } catch {
      // No usable cache: build.
    }
    const entry = fileURLToPath(new URL('./flags-worker.ts', import.meta.url));
    const root = parse(entry).root;
    const out = esbuild.buildSync({
      entryPoints: [entry],
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    workerSource = out.outputFiles[0]!.text;
    try {
      const inputs = Object.keys(out.metafile.inputs).map((input): [string, number, number] => {
        const path = resolve(root, input);
        const info = statSync(path);
        return [path, info.mtimeMs, info.size];
      });
      mkdirSync(dirname(cacheFile), { recursive: true });
      const temp = `${cacheFile}.${process.pid}`;
      writeFileSync(temp, JSON.stringify({ esbuild: esbuild.version, inputs, text: workerSource } satisfies CachedBundle));
      renameSync(temp, cacheFile);
    } catch {
      // The cache is only an optimisation.
    }
  } catch {
    workerSource = null;
  }
  return workerSource;
}

function startWorker(workerData: unknown): Worker {
  const source = bundledWorker();
  if (source !== null) return new Worker(source, { eval: true, workerData, execArgv: [] });
  return new Worker(new URL('./flags-worker.mjs', import.meta.url), { workerData });
}

/** Computes red flags over `input` (a path or "-"). */
export async function runFlags(
  input: string,
  settings: procurement.Settings,
  options: RunFlagsOptions = {},
): Promise<{ result: procurement.FlagsResult; stats: RunFlagsStats }> {
  const maps = options.finalize?.maps === true;
  const config = procurement.compileFlagsConfig(settings, { maps });
  const info = input === '-' ? undefined : await stat(input);
  // Regular files are read by byte ranges; standard input and pipes as a stream of blocks.
  const totalBytes = info?.isFile() ? info.size : undefined;
  const progress = createProgress(options.progress === true, totalBytes);
  const stats: RunFlagsStats = { lines: 0, invalid: 0, processes: 0, bytes: 0 };
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const usesCurrency = ['R024', 'R036', 'R058'].some((c) => config.enabled.has(c as procurement.IndicatorCode));
  let currency: string | null = config.settings.currency ?? (usesCurrency ? null : '');

  let merged: procurement.FlagsState | undefined;
  const done = new Map<number, BlockResult>();
  let nextToMerge = 0;
  const absorb = (r: BlockResult) => {
    done.set(r.id, r);
    for (let ready = done.get(nextToMerge); ready; ready = done.get(nextToMerge)) {
      done.delete(nextToMerge++);
      merged = merged ? procurement.mergeFlagsStates(merged, ready.state) : ready.state;
      stats.lines += ready.counts.lines;
      stats.invalid += ready.counts.invalid;
    }
  };

  // Byte ranges of the file (workers read them themselves); standard input goes through blocks.
  // While the main currency is unknown, ranges are folded one at a time: keep those small (1 MiB)
  // so that the other workers wait as little as possible.
  const ranges = function* (): Generator<{ start: number; end: number }> {
    for (let start = 0; start < totalBytes!; ) {
      const end = Math.min(totalBytes!, start + (currency === null ? RANGE_SIZE / 16 : RANGE_SIZE));
      yield { start, end };
      start = end;
    }
  };

  if (options.inline) {
    let id = 0;
    const aggregates = procurement.pickAggregates(procurement.createFlagsState(config));
    const empty = procurement.pickAggregates(procurement.createFlagsState(config));
    const fold = (bytes: Uint8Array) => {
      const state = Object.assign(procurement.createFlagsState(config, currency || null), aggregates);
      const counts = procurement.foldLines(config, state, bytes, 0, bytes.length, isUtf8(bytes));
      if (currency === null && state.currency !== null) currency = state.currency;
      stats.bytes += bytes.length;
      absorb({ id: id++, state: { ...state, ...empty }, counts });
      progress.update(stats.bytes, stats.lines);
    };
    if (totalBytes === undefined) {
      for await (const block of readBlocks(input)) fold(block.bytes);
    } else {
      const fd = openSync(input, 'r');
      try {
        const reader = new RangeReader(fd);
        for (const r of ranges()) fold(reader.read(r.start, r.end));
      } finally {
        closeSync(fd);
      }
    }
    if (merged) procurement.mergeAggregates(merged, aggregates);
  } else {
    const file = totalBytes === undefined ? undefined : input;
    const workers = Array.from({ length: threads }, () => startWorker({ settings, maps, file }));
    const idle: Worker[] = [...workers];
    const waiting: Array<() => void> = [];
    const replies = new Map<Worker, (r: WorkerReply) => void>();
    for (const w of workers) {
      w.on('message', (r: WorkerReply) => {
        const resolve = replies.get(w)!;
        replies.delete(w);
        idle.push(w);
        waiting.shift()?.();
        resolve(r);
      });
    }
    const failure = new Promise<never>((_, reject) => {
      for (const w of workers) w.on('error', reject);
    });
    failure.catch(() => {});
    const ask = (w: Worker, task: WorkerTask, transfer: ArrayBuffer[] = []) => {
      const reply = new Promise<WorkerReply>((resolve) => replies.set(w, resolve));
      w.postMessage(task, transfer);
      return Promise.race([reply, failure]);
    };
    const run = async (id: number, work: { start: number; end: number } | Buffer): Promise<BlockResult & { bytes: number }> => {
      while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
      const w = idle.pop()!;
      const c = currency || null;
      let reply: WorkerReply;
      if (Buffer.isBuffer(work)) {
        const buffer = work.buffer as ArrayBuffer;
        reply = await ask(w, { kind: 'block', id, buffer, length: work.length, currency: c }, [buffer]);
      } else {
        reply = await ask(w, { kind: 'range', id, start: work.start, end: work.end, currency: c });
      }
      if (reply.kind !== 'block') throw new Error('unexpected worker reply');
      return reply;
    };
    const tasks = async function* (): AsyncGenerator<{ start: number; end: number } | Buffer> {
      if (totalBytes !== undefined) yield* ranges();
      else for await (const block of readBlocks(input)) yield block.bytes;
    };
    try {
      const pending = new Set<Promise<void>>();
      let id = 0;
      for await (const work of tasks()) {
        const job = run(id++, work).then((r) => {
          stats.bytes += r.bytes;
          absorb(r);
          progress.update(stats.bytes, stats.lines);
        });
        if (currency === null) {
          // Main currency unknown: this block alone decides it (if it sees any amount).
          await job;
          const seen = merged?.currency ?? null;
          if (seen !== null) currency = seen;
          continue;
        }
        const tracked: Promise<void> = job.finally(() => pending.delete(tracked));
        pending.add(tracked);
        // Keep at most two blocks per worker in flight to bound memory.
        while (pending.size >= threads * 2) await Promise.race(pending);
      }
      await Promise.all(pending);
      merged ??= procurement.createFlagsState(config);
      for (const w of workers) {
        while (!idle.includes(w)) await new Promise<void>((resolve) => waiting.push(resolve));
        idle.splice(idle.indexOf(w), 1);
        const reply = await ask(w, { kind: 'finish' });
        if (reply.kind === 'aggregates') procurement.mergeAggregates(merged, reply.aggregates);
      }
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  progress.done();
  const state = merged ?? procurement.createFlagsState(config);
  stats.processes = state.processes;
  return { result: procurement.finalizeFlags(config, state, options.finalize), stats };
}
