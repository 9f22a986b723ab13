/**
 * Replays every Cardinal fixture (copied to packages/core/test-fixtures/cardinal, see its README)
 * and the documented examples, and compares exactly: parsed JSON for indicators and coverage, text
 * for prepare.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageToJson, coverLines } from './coverage.ts';
import { computeFlags } from './engine.ts';
import { flagsToJson } from './indicators.ts';
import { issueToCsv, prepareLine } from './prepare.ts';
import { parseSettings } from './settings.ts';

const ROOT = join(import.meta.dirname, '../../test-fixtures/cardinal');
const FIXTURES = join(ROOT, 'tests/fixtures');
const EXAMPLES = join(ROOT, 'docs/examples');
const names = (dir: string, ext: string) =>
  readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length)).sort();

/** The two global settings Cardinal's test harness (build.rs) adds to every indicator case. */
const GLOBALS = 'no_price_comparison_procurement_methods = NPC\n[exclusions]\nprocurement_method_details = EXC\n';

/** Settings from a fixture name, as Cardinal's harness derives them (`+` stands for `|`). */
function settingsFromFixtureName(name: string): string {
  const [code, field, ...rest] = name.split('-');
  if (field === undefined || rest.length === 0) return `${GLOBALS}[${code}]\n`;
  if (rest.length === 1) return `${GLOBALS}[${code}]\n${field} = ${rest[0]!.replaceAll('+', '|')}\n`;
  let ini = `${GLOBALS}[${code}.${field}]\n`;
  for (let i = 0; i < rest.length; i += 2) ini += `${rest[i]} = ${rest[i + 1]!.replaceAll('+', '|')}\n`;
  return ini;
}

function prepareText(input: Uint8Array, ini: string) {
  const settings = parseSettings(ini).prepare;
  const out: string[] = [];
  const issues: string[] = [];
  let start = 0;
  let line = 0;
  while (start < input.length) {
    let nl = input.indexOf(10, start);
    if (nl < 0) nl = input.length;
    line++;
    const result = prepareLine(input.subarray(start, nl), settings, line);
    if (result.output !== undefined) out.push(`${result.output}\n`);
    issues.push(...result.issues.map(issueToCsv));
    start = nl + 1;
  }
  return { output: out.join(''), issues };
}

describe('Cardinal indicator fixtures (tests/fixtures/indicators)', () => {
  const dir = join(FIXTURES, 'indicators');
  const cases = names(dir, '.jsonl');
  it('has all 15 cases', () => expect(cases).toHaveLength(15));
  it.each(cases)('%s', (name) => {
    const settings = parseSettings(settingsFromFixtureName(name));
    const actual = JSON.parse(flagsToJson(computeFlags(readFileSync(join(dir, `${name}.jsonl`)), settings)));
    expect(actual).toEqual(JSON.parse(readFileSync(join(dir, `${name}.expected`), 'utf8')));
  });
});

describe('Cardinal prepare fixtures (tests/fixtures/prepare)', () => {
  const dir = join(FIXTURES, 'prepare');
  const cases = names(dir, '.jsonl');
  it('has all 9 cases', () => expect(cases).toHaveLength(9));
  it.each(cases)('%s', (name) => {
    const { output } = prepareText(readFileSync(join(dir, `${name}.jsonl`)), readFileSync(join(dir, `${name}.ini`), 'utf8'));
    expect(output).toBe(readFileSync(join(dir, `${name}.output`), 'utf8'));
  });
});

describe('Cardinal coverage fixtures (tests/fixtures/coverage)', () => {
  const dir = join(FIXTURES, 'coverage');
  const cases = names(dir, '.jsonl');
  it('has all 35 cases', () => expect(cases).toHaveLength(35));
  it.each(cases)('%s', (name) => {
    const counts = new Map<string, number>();
    coverLines(counts, readFileSync(join(dir, `${name}.jsonl`)));
    expect(JSON.parse(coverageToJson(counts))).toEqual(JSON.parse(readFileSync(join(dir, `${name}.expected`), 'utf8')));
  });
});

describe('documented examples (docs/examples/expected-outputs-from-docs.tsv)', () => {
  const rows = readFileSync(join(EXAMPLES, 'expected-outputs-from-docs.tsv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split('\t') as [string, string]);
  it('has 16 documented commands', () => expect(rows).toHaveLength(16));
  const file = (arg: string) => join(EXAMPLES, arg.replace(/^docs\/examples\//, ''));
  it.each(rows)('%s', (command, expected) => {
    const args = command.split(' ').slice(1);
    const input = readFileSync(file(args.at(-1)!));
    if (args[0] === 'coverage') {
      const counts = new Map<string, number>();
      coverLines(counts, input);
      expect(JSON.parse(coverageToJson(counts))).toEqual(JSON.parse(expected));
    } else if (args[0] === 'indicators') {
      const settings = parseSettings(readFileSync(file(args[args.indexOf('--settings') + 1]!), 'utf8'));
      const text = flagsToJson(computeFlags(input, settings));
      expect(JSON.parse(text)).toEqual(JSON.parse(expected));
      // Floats are written like Rust's serde_json (1.0, 0.16666666666666666).
      for (const number of expected.match(/-?\d+\.\d+/g) ?? []) expect(text).toContain(number);
    } else {
      expect(prepareText(input, '').issues.join('\n')).toBe(expected);
    }
  });
});
