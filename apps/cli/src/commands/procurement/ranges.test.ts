import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RangeReader } from './ranges.ts';

const dir = mkdtempSync(join(tmpdir(), 'ranges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads the whole file as consecutive ranges of `size` bytes and joins what they return. */
function tile(text: string, size: number): string[] {
  const path = join(dir, 'f.jsonl');
  writeFileSync(path, text);
  const fd = openSync(path, 'r');
  const total = Buffer.byteLength(text);
  const parts: string[] = [];
  try {
    const reader = new RangeReader(fd);
    for (let start = 0; start < total; start += size) {
      parts.push(Buffer.from(reader.read(start, Math.min(total, start + size))).toString('utf8'));
    }
  } finally {
    closeSync(fd);
  }
  return parts;
}

describe('RangeReader', () => {
  const cases = ['', '\n', 'a\n', 'abc', 'a\nbb\nccc\n', 'a\nbb\nccc', '\n\nxx\n\n', 'ไทย\n{"a":1}\n\n12345678901234567890\nz'];
  it('tiles every line exactly once, whatever the range size', () => {
    for (const text of cases) {
      for (let size = 1; size <= Buffer.byteLength(text) + 1; size++) {
        const parts = tile(text, size);
        expect(parts.join(''), `${JSON.stringify(text)} by ${size}`).toBe(text);
        for (const p of parts) if (p !== '' && p !== text) expect(p.endsWith('\n') || text.endsWith(p)).toBe(true);
      }
    }
  });
  it('extends a long last line past the range end', () => {
    const long = `${'x'.repeat(700_000)}\nshort\n`;
    const parts = tile(long, 1000);
    expect(parts[0]).toBe(`${'x'.repeat(700_000)}\n`);
    expect(parts.filter((p) => p !== '')).toEqual([parts[0], 'short\n']);
  });
});
