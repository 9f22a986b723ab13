/**
 * Line-level drivers for the red-flag engine: fold a block of JSON Lines bytes into a state, and a
 * one-call single-threaded run. Parallel runs (worker threads over byte ranges) live in the CLI and
 * use the same {@link foldLines} + `mergeFlagsStates`.
 */
import {
  compileFlagsConfig,
  createFlagsState,
  finalizeFlags,
  type FinalizeOptions,
  type FlagsConfig,
  type FlagsResult,
  type FlagsState,
  foldProcess,
} from './indicators.ts';
import { lineEnd, scanLine } from './scan.ts';
import type { Settings } from './settings.ts';

/** Counts from folding lines. */
export interface LineCounts {
  /** Lines seen (including blank and invalid ones). */
  lines: number;
  /** Lines skipped because they are not valid JSON objects (blank lines excluded). */
  invalid: number;
}

/**
 * Folds every complete line of `buf[start, end)` into `state`. A final line without a newline is
 * folded too. `utf8Checked`: the caller has verified the bytes are valid UTF-8 (skips that check).
 * Returns line counts.
 */
export function foldLines(
  config: FlagsConfig,
  state: FlagsState,
  buf: Uint8Array,
  start = 0,
  end = buf.length,
  utf8Checked = false,
): LineCounts {
  const counts: LineCounts = { lines: 0, invalid: 0 };
  let i = start;
  while (i < end) {
    counts.lines++;
    const facts = scanLine(buf, i, end, utf8Checked);
    const nl = lineEnd;
    if (facts) foldProcess(config, state, facts);
    else if (!isBlank(buf, i, nl)) counts.invalid++;
    i = nl + 1;
  }
  return counts;
}

function isBlank(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Runs all enabled indicators over JSON Lines bytes on the current thread. */
export function computeFlags(buf: Uint8Array, settings: Settings, options: FinalizeOptions = {}): FlagsResult {
  const config = compileFlagsConfig(settings, { maps: options.maps === true });
  const state = createFlagsState(config);
  foldLines(config, state, buf);
  return finalizeFlags(config, state, options);
}
