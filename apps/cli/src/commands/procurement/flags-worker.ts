/**
 * Worker thread for `flags`. Each task (a byte range of the input file, which the worker reads
 * itself, or a block of lines posted by the main thread for standard input) is folded into a fresh
 * state for its order-sensitive parts (per-process results, R024/R058 ratios, maps), which the main
 * thread merges in file order; the order-insensitive sums (R025, R038, R048) accumulate in one set
 * of aggregates per worker, sent once when the main thread asks with `finish`.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import * as procurement from '@prongsai/core/procurement/index.ts';
import { RangeReader } from './ranges.ts';

const { settings, maps, file } = workerData as { settings: procurement.Settings; maps: boolean; file?: string };
const config = procurement.compileFlagsConfig(settings, { maps });
const aggregates = procurement.pickAggregates(procurement.createFlagsState(config));
const fd = file === undefined ? undefined : openSync(file, 'r');
const reader = fd === undefined ? undefined : new RangeReader(fd);

/** A range of the file or a block to fold, or the request for this worker's aggregates. */
export type WorkerTask =
  | { kind: 'range'; id: number; start: number; end: number; currency: string | null }
  | { kind: 'block'; id: number; buffer: ArrayBuffer; length: number; currency: string | null }
  | { kind: 'finish' };

/** Replies: a folded range or block, or the aggregates. */
export type WorkerReply =
  | { kind: 'block'; id: number; state: procurement.FlagsState; counts: procurement.LineCounts; bytes: number }
  | { kind: 'aggregates'; aggregates: procurement.FlagsAggregates };

const empty = procurement.pickAggregates(procurement.createFlagsState(config));

function fold(id: number, bytes: Uint8Array, currency: string | null): WorkerReply {
  const state = Object.assign(procurement.createFlagsState(config, currency), aggregates);
  // One native UTF-8 check per block lets the scanner skip its per-byte UTF-8 validation.
  const counts = procurement.foldLines(config, state, bytes, 0, bytes.length, isUtf8(bytes));
  return { kind: 'block', id, state: { ...state, ...empty }, counts, bytes: bytes.length };
}

parentPort!.on('message', (task: WorkerTask) => {
  if (task.kind === 'finish') {
    if (fd !== undefined) closeSync(fd);
    parentPort!.postMessage({ kind: 'aggregates', aggregates } satisfies WorkerReply);
    return;
  }
  const bytes = task.kind === 'range' ? reader!.read(task.start, task.end) : new Uint8Array(task.buffer, 0, task.length);
  parentPort!.postMessage(fold(task.id, bytes, task.currency));
});
