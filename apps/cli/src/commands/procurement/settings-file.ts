/** Loads a settings INI file for the procurement commands (all 11 indicators when no file is given). */
import { readFile } from 'node:fs/promises';
import * as procurement from '@prongsai/core/procurement/index.ts';

/** Reads and validates settings; with no path, every indicator is enabled with its defaults. */
export async function loadSettings(path: string | undefined): Promise<procurement.Settings> {
  const text = path === undefined ? procurement.INDICATOR_CODES.map((code) => `[${code}]`).join('\n') : await readFile(path, 'utf8');
  try {
    return procurement.parseSettings(text);
  } catch (error) {
    throw new Error(`${path ?? 'default settings'}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Writes text to standard output, waiting for the pipe to drain. */
export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
