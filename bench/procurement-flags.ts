/**
 * Benchmark: all 11 red-flag indicators vs a single-threaded parse-only pass on the same file.
 *
 *   npx tsx bench/procurement-flags.ts [N=1000000] [--threads 2] [--file PATH] [--runs 1]
 *
 * Generates bench/out/procurement-N.jsonl if missing (bench/procurement-generate.ts), then runs
 * each measurement in its own child process so that peak RSS (process.resourceUsage().maxRSS,
 * which covers the main thread and all worker threads) belongs to that measurement alone:
 *
 * - parse-only: read the file in 8 MiB blocks, decode each block, `JSON.parse` every line (1 thread);
 * - flags, 1 thread: the engine on the main thread (fast scanner, no workers);
 * - flags, N threads: the engine on worker threads (what `prongsai flags` does).
 *
 * Prints N, file size, times, the ratio flags/parse-only, releases/s and peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as procurement from '../packages/core/src/procurement/index.ts';
import { readBlocks } from '../apps/cli/src/commands/procurement/blocks.ts';
import { runFlags } from '../apps/cli/src/commands/procurement/flags-runner.ts';
import { writeReleases } from './procurement-generate.ts';

const ROOT = join(import.meta.dirname, '..');
const ALL = join(ROOT, 'packages/core/test-fixtures/cardinal/docs/examples/settings.ini');

interface Measure {
  seconds: number;
  /** User + system CPU seconds of the whole process (all threads). */
  cpuSeconds: number;
  maxRssMb: number;
  records: number;
  digest?: string;
}

async function measure(mode: string, file: string, threads: number): Promise<Measure> {
  const t0 = performance.now();
  let records = 0;
  let digest: string | undefined;
  if (mode === 'parse') {
    for await (const block of readBlocks(file)) {
      const text = block.bytes.toString('utf8');
      let i = 0;
      while (i < text.length) {
        let nl = text.indexOf('\n', i);
        if (nl < 0) nl = text.length;
        if (nl > i) {
          JSON.parse(text.slice(i, nl));
          records++;
        }
        i = nl + 1;
      }
    }
  } else {
    const settings = procurement.parseSettings(readFileSync(ALL, 'utf8'));
    const { result, stats } = await runFlags(file, settings, { threads, inline: mode === 'inline', finalize: { meta: true } });
    records = stats.lines;
    const { createHash } = await import('node:crypto');
    digest = createHash('sha256').update(procurement.flagsToJson(result)).digest('hex').slice(0, 16);
  }
  const seconds = (performance.now() - t0) / 1000;
  const usage = process.resourceUsage();
  return { seconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMb: usage.maxRSS / 1024, records, digest };
}

function child(mode: string, file: string, threads: number): Measure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', mode, file, String(threads)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measure;
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    process.stdout.write(`${JSON.stringify(await measure(args[1]!, args[2]!, Number(args[3])))}\n`);
    return;
  }
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const threads = Number(flag('--threads') ?? 2);
  const runs = Number(flag('--runs') ?? 1);
  const n = Number(args[0] ?? 1_000_000);
  const file = flag('--file') ?? join(ROOT, `bench/out/procurement-${n}.jsonl`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${n} releases into ${file}…\n`);
    writeReleases(n, file);
  }
  const size = statSync(file).size;
  const best = (mode: string, t: number) => {
    const all = Array.from({ length: runs }, () => child(mode, file, t));
    return all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  };
  const parse = best('parse', 1);
  const inline = best('inline', 1);
  const workers = best('workers', threads);
  if (inline.digest !== workers.digest) throw new Error(`results differ: 1 thread ${inline.digest}, ${threads} threads ${workers.digest}`);
  const fmt = (m: Measure) =>
    `${m.seconds.toFixed(2)} s (CPU ${m.cpuSeconds.toFixed(1)} s), ${Math.round(m.records / m.seconds).toLocaleString('en-US')} releases/s, peak RSS ${m.maxRssMb.toFixed(0)} MB`;
  const lines = [
    `N                         ${parse.records.toLocaleString('en-US')} releases`,
    `file size                 ${(size / 1e6).toFixed(1)} MB`,
    `parse-only (1 thread)     ${fmt(parse)}`,
    `all 11 flags, 1 thread    ${fmt(inline)}  ratio ${(inline.seconds / parse.seconds).toFixed(3)}`,
    `all 11 flags, ${threads} threads   ${fmt(workers)}  ratio ${(workers.seconds / parse.seconds).toFixed(3)}`,
    `results identical across thread counts (sha256 ${workers.digest})`,
    `load average at the end  ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
