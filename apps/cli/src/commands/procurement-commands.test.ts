/**
 * Runs the real `prongsai` binary (flags, coverage, prepare, init) on Cardinal fixtures and
 * compares its output with the expected output.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../..');
const BIN = join(ROOT, 'apps/cli/bin/prongsai.mjs');
const CARDINAL = join(ROOT, 'packages/core/test-fixtures/cardinal');
const prongsai = (args: string[], input?: string) =>
  execFileSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });

describe('prongsai procurement commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prongsai-flags-'));
  const settings = join(dir, 'settings.ini');
  writeFileSync(settings, 'no_price_comparison_procurement_methods = NPC\n[exclusions]\nprocurement_method_details = EXC\n[R024]\n');
  const fixture = join(CARDINAL, 'tests/fixtures/indicators/R024');
  const expected = JSON.parse(readFileSync(`${fixture}.expected`, 'utf8'));

  it('flags on worker threads matches the Cardinal fixture', { timeout: 60_000 }, () => {
    expect(JSON.parse(prongsai(['flags', '--threads', '2', '-s', settings, `${fixture}.jsonl`]))).toEqual(expected);
  });

  it('flags reads standard input on one thread and writes CSV', { timeout: 60_000 }, () => {
    const csv = prongsai(['flags', '--threads', '1', '--format', 'csv', '-s', settings, '-'], readFileSync(`${fixture}.jsonl`, 'utf8'));
    expect(csv.trim().split('\n').sort()).toEqual(
      ['group,id,indicator,value', 'OCID,F,R024,0.0', 'OCID,repeat tenderers,R024,0.0', 'Tenderer,L,R024,0.0', 'Tenderer,W,R024,0.0'].sort(),
    );
  });

  it('flags --meta --map adds Cardinal-style Meta and Maps', { timeout: 60_000 }, () => {
    const out = JSON.parse(prongsai(['flags', '--meta', '--map', '-s', join(CARDINAL, 'docs/examples/R/024.ini'), join(CARDINAL, 'docs/examples/R/024.jsonl')]));
    expect(out.Meta.R024).toEqual({ q1: 66.3333, q3: 99, lower_fence: 17.3333 });
    expect(out.Maps.ocid_tenderer_r024).toEqual({ F: ['W', 'L'] });
  });

  it('coverage matches the fixture, including invalid UTF-8', { timeout: 60_000 }, () => {
    for (const name of ['multiline', 'invalid_utf8', 'mixed_lines_object']) {
      const path = join(CARDINAL, 'tests/fixtures/coverage', name);
      expect(JSON.parse(prongsai(['coverage', `${path}.jsonl`]))).toEqual(JSON.parse(readFileSync(`${path}.expected`, 'utf8')));
    }
  });

  it('prepare writes the exact expected text and the issues CSV', { timeout: 60_000 }, () => {
    const path = join(CARDINAL, 'tests/fixtures/prepare/defaults');
    expect(prongsai(['prepare', '-s', `${path}.ini`, `${path}.jsonl`])).toBe(readFileSync(`${path}.output`, 'utf8'));
    const errors = join(dir, 'issues.csv');
    prongsai(['prepare', '-o', join(dir, 'prepared.jsonl'), '-e', errors, join(CARDINAL, 'docs/examples/prepare.jsonl')]);
    expect(readFileSync(errors, 'utf8')).toBe('1,ocds-213czf-1,/bids/details[]/status,0,,not set\n');
  });

  it('init writes settings that flags accepts', { timeout: 60_000 }, () => {
    const path = join(dir, 'init.ini');
    expect(prongsai(['init', path])).toContain('Settings written');
    const out = JSON.parse(prongsai(['flags', '-s', path, join(CARDINAL, 'docs/examples/R/058.jsonl')]));
    expect(out).toEqual({ OCID: { F: { R058: 99 } }, Tenderer: { W: { R058: 0 } } });
  });
});
