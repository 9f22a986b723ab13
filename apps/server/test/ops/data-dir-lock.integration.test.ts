/**
 * The embedded database refuses a second process on the same data folder (PGlite has no locking
 * and silently corrupts otherwise): a real second `prongsai` process exits with the Thai/English
 * message; once the first closes, or when its lock is stale, the folder opens again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { startCli } from './processes.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-lock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const pglite = { DATA_DIR: dir, DATABASE_URL: '' };

it('a second process on the same DATA_DIR is refused with a clear message', async () => {
  const first = await openDatabase({ dataDir: dir });
  try {
    const second = startCli(['migrate'], pglite);
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`ถูกใช้งานโดยโปรแกรมอื่นอยู่ (PID ${process.pid})`);
    expect(second.output()).toContain(`is in use by another process (PID ${process.pid})`);
  } finally {
    await first.close();
  }
  expect(fs.existsSync(path.join(dir, 'prongsai.lock'))).toBe(false);

  // Free again: the next process opens it.
  const third = startCli(['migrate'], pglite);
  expect(await third.exited, third.output()).toBe(0);

  // A lock left by a process that died (no such PID) is taken over.
  fs.writeFileSync(path.join(dir, 'prongsai.lock'), '999999999\n');
  const fourth = startCli(['migrate'], pglite);
  expect(await fourth.exited, fourth.output()).toBe(0);
}, 120_000);
