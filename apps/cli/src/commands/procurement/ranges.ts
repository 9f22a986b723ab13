/**
 * Reads the lines of one byte range of a file, for worker threads that read the file themselves
 * (no copies or transfers through the main thread).
 *
 * A range [start, end) owns every line that *starts* in it (a line starts at 0 or after a
 * newline). The lines of consecutive ranges therefore tile the file exactly once, whatever the
 * range boundaries, and the last line of a range is read past `end` up to its newline.
 */
import { readSync } from 'node:fs';

/** Default range size: 16 MiB (about 4,000–8,000 compiled releases). */
export const RANGE_SIZE = 16 * 1024 * 1024;

const EXTEND = 256 * 1024;

/** A reusable reader of line-aligned ranges of one open file. */
export class RangeReader {
  private buf: Buffer = Buffer.allocUnsafeSlow(RANGE_SIZE + EXTEND + 1);

  constructor(private readonly fd: number) {}

  private ensure(size: number): void {
    if (size <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(size, this.buf.length * 2));
    this.buf.copy(bigger);
    this.buf = bigger;
  }

  private readAt(into: number, length: number, position: number): number {
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, this.buf, into + done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  }

  /**
   * Returns the bytes of the lines that start in [start, end) as a view of the internal buffer
   * (valid until the next call), or an empty view if no line starts there.
   */
  read(start: number, end: number): Uint8Array {
    // Read from start - 1 so that we can tell whether `start` begins a line.
    const from = start > 0 ? start - 1 : 0;
    this.ensure(end - from + EXTEND);
    let size = this.readAt(0, end - from, from);
    let first = 0;
    if (start > 0) {
      const nl = this.buf.indexOf(10);
      if (nl < 0 || nl >= size) return this.buf.subarray(0, 0);
      first = nl + 1;
    }
    if (first >= size) return this.buf.subarray(0, 0);
    // Extend the last line up to its newline (or the end of the file).
    if (this.buf[size - 1] !== 10) {
      for (;;) {
        this.ensure(size + EXTEND);
        const n = this.readAt(size, EXTEND, from + size);
        const nl = this.buf.indexOf(10, size);
        if (nl >= 0 && nl < size + n) {
          size = nl + 1;
          break;
        }
        size += n;
        if (n < EXTEND) break;
      }
    }
    return this.buf.subarray(first, size);
  }
}
