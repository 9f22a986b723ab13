/** `prongsai prepare`: corrects data-quality issues before `flags` (Cardinal-compatible). */
import type { Command } from 'commander';

interface PrepareOptions {
  settings?: string;
  output: string;
  errors?: string;
}

export function register(program: Command): void {
  program
    .command('prepare')
    .description('Correct quality issues in OCDS compiled releases (JSON Lines) / แก้ไขคุณภาพข้อมูลก่อนคำนวณสัญญาณเตือน')
    .argument('<file>', 'JSON Lines file of compiled releases, or "-" for standard input')
    .option('-s, --settings <file>', 'settings INI file ([defaults], [redactions], [corrections], [modifications], [codelists.*])')
    .option('-o, --output <file>', 'where to write corrected JSON Lines ("-" for standard output)', '-')
    .option('-e, --errors <file>', 'where to write quality issues as CSV: line,ocid,path,array indexes,incorrect value,error description ("-" for standard output)')
    .action(async (file: string, options: PrepareOptions) => {
      const { createWriteStream } = await import('node:fs');
      const { once } = await import('node:events').then((m) => m.default);
      const procurement = await import('@prongsai/core/procurement/index.ts');
      const { readBlocks } = await import('./procurement/blocks.ts');
      const settings = options.settings
        ? procurement.parseSettings(await (await import('node:fs/promises')).readFile(options.settings, 'utf8')).prepare
        : procurement.emptySettings().prepare;
      const open = (path: string) => (path === '-' ? process.stdout : createWriteStream(path));
      const output = open(options.output);
      const errors = options.errors === undefined ? undefined : open(options.errors);
      const write = async (stream: NodeJS.WritableStream, text: string) => {
        if (!stream.write(text)) await once(stream, 'drain');
      };
      let line = 0;
      let issues = 0;
      for await (const block of readBlocks(file)) {
        const out: string[] = [];
        const csv: string[] = [];
        let start = 0;
        while (start < block.bytes.length) {
          let nl = block.bytes.indexOf(10, start);
          if (nl < 0) nl = block.bytes.length;
          line++;
          const result = procurement.prepareLine(block.bytes.subarray(start, nl), settings, line);
          if (result.output !== undefined) out.push(`${result.output}\n`);
          issues += result.issues.length;
          for (const issue of result.issues) csv.push(`${procurement.issueToCsv(issue)}\n`);
          start = nl + 1;
        }
        await write(output, out.join(''));
        if (errors) await write(errors, csv.join(''));
      }
      for (const stream of new Set([output, errors])) {
        if (stream && stream !== process.stdout) {
          (stream as NodeJS.WritableStream).end();
          await once(stream, 'finish');
        }
      }
      if (!errors && issues > 0) process.stderr.write(`${issues} quality issue(s) found; write them with --errors FILE\n`);
    });
}
