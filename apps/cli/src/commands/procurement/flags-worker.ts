/**
 * Worker thread for `flags`. Each block of lines is folded into a fresh state for its
 * order-sensitive parts (per-process results, R024/R058 ratios, maps), which the main thread merges
 * in file order; the order-insensitive sums (R025, R038, R048) accumulate in one set of aggregates
 * per worker, sent once when the main thread asks with `finish`.
 */
import { isUtf8 } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import * as procurement from '@prongsai/core/procurement/index.ts';

const { settings, maps } = workerData as { settings: procurement.Settings; maps: boolean };
const config = procurement.compileFlagsConfig(settings, { maps });
const aggregates = procurement.pickAggregates(procurement.createFlagsState(config));

/** A block to fold, or the request for this worker's aggregates. */
export type WorkerTask =
  | { kind: 'block'; id: number; buffer: ArrayBuffer; length: number; currency: string | null }
  | { kind: 'finish' };

/** Replies: a folded block, or the aggregates. */
export type WorkerReply =
  | { kind: 'block'; id: number; state: procurement.FlagsState; counts: procurement.LineCounts }
  | { kind: 'aggregates'; aggregates: procurement.FlagsAggregates };

parentPort!.on('message', (task: WorkerTask) => {
  if (task.kind === 'finish') {
    parentPort!.postMessage({ kind: 'aggregates', aggregates } satisfies WorkerReply);
    return;
  }
  const bytes = new Uint8Array(task.buffer, 0, task.length);
  const state = Object.assign(procurement.createFlagsState(config, task.currency), aggregates);
  // One native UTF-8 check per block lets the scanner skip its per-byte UTF-8 validation.
  const counts = procurement.foldLines(config, state, bytes, 0, bytes.length, isUtf8(bytes));
  const ordered = { ...state, ...procurement.pickAggregates(procurement.createFlagsState(config)) };
  parentPort!.postMessage({ kind: 'block', id: task.id, state: ordered, counts } satisfies WorkerReply);
});
