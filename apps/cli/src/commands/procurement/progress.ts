/** A one-line progress bar on standard error: bytes done, records/s, elapsed time. */

/** Progress reporter; `update` is cheap to call often (it redraws at most 10 times a second). */
export interface Progress {
  update(bytesDone: number, records: number): void;
  done(): void;
}

/** A progress bar when `enabled` (stderr is a TTY or --progress), otherwise a no-op. */
export function createProgress(enabled: boolean, totalBytes: number | undefined, label = 'records'): Progress {
  if (!enabled) return { update() {}, done() {} };
  const started = performance.now();
  let last = 0;
  let lastLine = '';
  const draw = (bytes: number, records: number, force: boolean) => {
    const now = performance.now();
    if (!force && now - last < 100) return;
    last = now;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? Math.round(records / seconds) : 0;
    const width = 30;
    let bar = '';
    if (totalBytes) {
      const fraction = Math.min(1, bytes / totalBytes);
      const filled = Math.round(fraction * width);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}% `;
    }
    lastLine = `${bar}${records.toLocaleString('en-US')} ${label}, ${rate.toLocaleString('en-US')} ${label}/s, ${seconds.toFixed(1)} s`;
    process.stderr.write(`\r${lastLine}\u001b[K`);
  };
  let state: [number, number] = [0, 0];
  return {
    update(bytes, records) {
      state = [bytes, records];
      draw(bytes, records, false);
    },
    done() {
      draw(state[0], state[1], true);
      process.stderr.write('\n');
      void lastLine;
    },
  };
}
