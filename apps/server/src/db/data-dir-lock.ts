/**
 * An exclusive lock on the embedded database folder. PGlite has no locking of its own: two
 * processes on one folder both "commit" and silently corrupt the data (see docs/platform notes).
 * So the server refuses to open a folder another live process holds.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on `dir` or throws a clear error naming the process that holds it. */
export function lockDataDir(dir: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'prongsai.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseLockedError(dir, holder);
      }
      fs.unlinkSync(file); // stale lock from a process that died
    }
  }
  throw new DatabaseLockedError(dir, -1);
}

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `ฐานข้อมูลในโฟลเดอร์ ${dir} ถูกใช้งานโดยโปรแกรมอื่นอยู่ (PID ${pid}) — ปิดโปรแกรมนั้นก่อน หรือใช้ DATABASE_URL กับ PostgreSQL\n` +
        `The embedded database in ${dir} is in use by another process (PID ${pid}). Stop it first, ` +
        'or run several processes against a PostgreSQL server with DATABASE_URL.',
    );
    this.name = 'DatabaseLockedError';
  }
}

