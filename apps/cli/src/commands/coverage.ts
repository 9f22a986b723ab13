/** `prongsai coverage`: counts non-empty nodes per JSON path (Cardinal-compatible). */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('coverage')
    .description('Count the non-empty values at each JSON path of a JSON Lines file / นับความครบถ้วนของข้อมูลแต่ละฟิลด์')
    .argument('<file>', 'JSON Lines file, or "-" for standard input')
    .action(async (file: string) => {
      const procurement = await import('@prongsai/core/procurement/index.ts');
      const { readBlocks } = await import('./procurement/blocks.ts');
      const { writeStdout } = await import('./procurement/settings-file.ts');
      const counts: Map<string, number> = new Map();
      let invalid = 0;
      for await (const block of readBlocks(file)) invalid += procurement.coverLines(counts, block.bytes);
      if (invalid > 0) process.stderr.write(`warning: skipped ${invalid} line(s) that are not valid JSON\n`);
      await writeStdout(`${procurement.coverageToJson(counts)}\n`);
    });
}
