/**
 * Reads a JSON Lines file (or standard input for "-") as blocks of whole lines. Every block is a
 * fresh Buffer that owns its ArrayBuffer, so it can be transferred to a worker thread.
 */
import { open } from 'node:fs/promises';

/** Default block size: 8 MiB (about 2,000–4,000 compiled releases). */
export const BLOCK_SIZE = 8 * 1024 * 1024;

/** A block of whole lines and the byte offset of its first byte in the input. */
export interface Block {
  bytes: Buffer;
  offset: number;
}

function ownBuffer(size: number): Buffer {
  return Buffer.allocUnsafeSlow(size);
}

/** Yields blocks ending at a newline (the last block may not). */
export async function* readBlocks(input: string, blockSize = BLOCK_SIZE): AsyncGenerator<Block> {
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0;
  const emit = function* (data: Buffer, final: boolean): Generator<Block> {
    const last = final ? data.length - 1 : data.lastIndexOf(10);
    if (last < 0) {
      carry = data;
      return;
    }
    const bytes = ownBuffer(last + 1);
    data.copy(bytes, 0, 0, last + 1);
    carry = Buffer.from(data.subarray(last + 1));
    yield { bytes, offset };
    offset += last + 1;
  };
  if (input === '-') {
    let pending: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= blockSize) {
        yield* emit(Buffer.concat([carry, ...pending]), false);
        pending = [];
        size = 0;
      }
    }
    const rest = Buffer.concat([carry, ...pending]);
    if (rest.length > 0) yield* emit(rest, true);
    return;
  }
  const file = await open(input, 'r');
  try {
    for (;;) {
      const buf = ownBuffer(carry.length + blockSize);
      carry.copy(buf, 0);
      const { bytesRead } = await file.read(buf, carry.length, blockSize, null);
      const data = buf.subarray(0, carry.length + bytesRead);
      if (bytesRead === 0) {
        if (data.length > 0) yield* emit(data, true);
        return;
      }
      yield* emit(data, false);
    }
  } finally {
    await file.close();
  }
}
