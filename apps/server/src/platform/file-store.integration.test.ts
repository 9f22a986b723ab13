/** The local-disk file store and the stored_files records, on a real database and a temp folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-app.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createFileStoreForDataDir, deleteFile, openFile, saveFile, type FileStore } from './file-store.ts';

let database: DatabaseHandle;
let drop: () => Promise<void>;
let dir: string;
let store: FileStore;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-files-'));
  store = createFileStoreForDataDir(dir);
});
afterAll(async () => {
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('local file store', () => {
  it('stores bytes content-addressed and gives them back', async () => {
    const body = 'ประกาศผลการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. 2569\n';
    const a = await store.put(Buffer.from(body));
    const b = await store.put(Readable.from([Buffer.from(body.slice(0, 10)), Buffer.from(body.slice(10))]));
    expect(a.key).toMatch(/^sha256\/[0-9a-f]{64}$/);
    expect(b).toEqual(a);
    expect(a.sizeBytes).toBe(Buffer.byteLength(body));
    expect(await text(await store.get(a.key))).toBe(body);
    expect(fs.readdirSync(path.join(dir, 'files', 'tmp'))).toEqual([]);
    await store.delete(a.key);
    expect(await store.exists(a.key)).toBe(false);
    await expect(store.get(a.key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses keys that are not its own (no path traversal)', async () => {
    for (const key of ['../../etc/passwd', 'sha256/../../x', `sha256/${'A'.repeat(64)}`]) {
      await expect(store.get(key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('records files in stored_files and keeps shared bytes until the last record goes', async () => {
    const db = database.db;
    const org = await db.selectFrom('organizations').select('id').where('code', '=', '6620708').executeTakeFirstOrThrow();
    const data = Buffer.from('%PDF-1.7 evidence');
    const first = await db.transaction().execute((tx) => saveFile(tx, store, { fileName: 'หลักฐาน.pdf', contentType: 'application/pdf', data, organizationId: org.id }));
    const second = await saveFile(db, store, { fileName: 'copy.pdf', contentType: 'application/pdf', data });
    expect(first).toMatchObject({ fileName: 'หลักฐาน.pdf', sizeBytes: String(data.length), storageKey: second.storageKey });

    const opened = await openFile(db, store, first.id);
    expect(await text(opened.stream)).toBe(data.toString());

    expect(await deleteFile(db, store, first.id)).toBe(true);
    expect(await store.exists(second.storageKey)).toBe(true);
    expect(await deleteFile(db, store, second.id)).toBe(true);
    expect(await store.exists(second.storageKey)).toBe(false);
    await expect(openFile(db, store, second.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
