/** `prongsai flags`: procurement red flags (Cardinal's 11 indicators) over OCDS compiled releases. */
import { type Command, InvalidArgumentError } from 'commander';

interface FlagsOptions {
  settings?: string;
  map?: boolean;
  meta?: boolean;
  format: 'json' | 'csv';
  threads?: number;
  progress?: boolean;
  count?: boolean;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

export function register(program: Command): void {
  program
    .command('flags')
    .description(
      'Compute procurement red flags (R003…R058, Cardinal-compatible) on OCDS compiled releases, one JSON object per line / คำนวณสัญญาณเตือนการจัดซื้อจัดจ้าง',
    )
    .argument('<file>', 'JSON Lines file of compiled releases, or "-" for standard input')
    .option('-s, --settings <file>', 'settings INI file (see `prongsai init`); default: all 11 indicators with default settings')
    .option('--map', 'include the "Maps" key (flagged processes → organisations)')
    .option('--meta', 'include the "Meta" key (quartiles and fences, 4 decimals)')
    .option('--format <format>', 'json (Cardinal-shaped) or csv (group,id,indicator,value)', (v) => {
      if (v !== 'json' && v !== 'csv') throw new InvalidArgumentError('expected json or csv');
      return v;
    }, 'json')
    .option('--threads <n>', 'worker threads (default: number of CPU cores)', positiveInt)
    .option('--progress', 'show a progress bar on standard error (default: when stderr is a terminal)')
    .option('-c, --count', 'print the number of results per group to standard error')
    .action(async (file: string, options: FlagsOptions) => {
      const procurement = await import('@prongsai/core/procurement/index.ts');
      const { loadSettings, writeStdout } = await import('./procurement/settings-file.ts');
      const { runFlags } = await import('./procurement/flags-runner.ts');
      const settings = await loadSettings(options.settings);
      const { result, stats } = await runFlags(file, settings, {
        threads: options.threads,
        inline: options.threads === 1,
        progress: options.progress === true || process.stderr.isTTY === true,
        finalize: { meta: options.meta === true, maps: options.map === true },
      });
      if (stats.invalid > 0) process.stderr.write(`warning: skipped ${stats.invalid} line(s) that are not valid JSON objects\n`);
      if (options.count) {
        for (const group of procurement.GROUPS) process.stderr.write(`${group}: ${result.groups[group].size}\n`);
      }
      if (options.format === 'csv') {
        const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
        const rows = procurement.flagsToRows(result).map(([g, id, code, v]) => `${g},${field(id)},${code},${procurement.formatF64(v)}\n`);
        await writeStdout(`group,id,indicator,value\n${rows.join('')}`);
      } else {
        await writeStdout(`${procurement.flagsToJson(result)}\n`);
      }
    });
}
