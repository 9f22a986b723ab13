/**
 * Where the bytes of stored files live (evidence, uploads, generated documents), behind one small
 * interface so a deployment can swap the local disk for object storage. The `stored_files` table
 * holds what the application knows about each file (name, type, size, owner) and its storage key.
 *
 * The local-disk store keeps files under DATA_DIR/files, content-addressed by SHA-256: the key is
 * `sha256/<hex>`, the same bytes are stored once, and a key can never point outside the folder.
 * Several server instances share it only if DATA_DIR/files is on shared storage (see
 * docs/operations.md); otherwise use an object-storage implementation of FileStore.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { createStoredFilesRepository, type StoredFileRow } from './file-store.repository.ts';

export interface PutResult {
  /** Where the bytes are: pass it to get/delete, store it in stored_files.storage_key. */
  key: string;
  sha256: string;
  sizeBytes: number;
}

export interface FileStore {
  /** Stores the bytes and returns their key (content-addressed: equal bytes, equal key). */
  put(data: Readable | Buffer | Uint8Array): Promise<PutResult>;
  /** The bytes of `key`; NOT_FOUND when absent. */
  get(key: string): Promise<Readable>;
  /** Removes the bytes (no error when already gone). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const KEY = /^sha256\/([0-9a-f]{64})$/;

export function createLocalFileStore(root: string): FileStore {
  const tmpDir = path.join(root, 'tmp');

  function fileOf(key: string): string {
    const hex = KEY.exec(key)?.[1];
    if (!hex) throw new AppError('NOT_FOUND', { file: key });
    return path.join(root, 'sha256', hex.slice(0, 2), hex.slice(2, 4), hex);
  }

  return {
    async put(data) {
      await fs.promises.mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${process.pid}-${crypto.randomBytes(8).toString('hex')}`);
      const hash = crypto.createHash('sha256');
      let sizeBytes = 0;
      const source = Buffer.isBuffer(data) || data instanceof Uint8Array ? Readable.from([Buffer.from(data)]) : data;
      try {
        await pipeline(
          source,
          async function* (chunks: AsyncIterable<Buffer>) {
            for await (const chunk of chunks) {
              hash.update(chunk);
              sizeBytes += chunk.length;
              yield chunk;
            }
          },
          fs.createWriteStream(tmp, { flags: 'wx' }),
        );
        const sha256 = hash.digest('hex');
        const key = `sha256/${sha256}`;
        const target = fileOf(key);
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        // rename is atomic: a reader sees the whole file or none; equal bytes simply replace it.
        await fs.promises.rename(tmp, target);
        return { key, sha256, sizeBytes };
      } finally {
        await fs.promises.rm(tmp, { force: true });
      }
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const handle = await fs.promises.open(file, 'r');
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', { file: key });
        throw error;
      }
    },
    async delete(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
    async exists(key) {
      return fs.promises.access(fileOf(key)).then(() => true, () => false);
    },
  };
}

/** The store of this deployment: DATA_DIR/files. */
export function createFileStoreForDataDir(dataDir: string): FileStore {
  return createLocalFileStore(path.join(dataDir, 'files'));
}

export interface SaveFileInput {
  fileName: string;
  contentType: string;
  data: Readable | Buffer | Uint8Array;
  organizationId?: string | null;
  uploadedBy?: string | null;
}

/**
 * Stores the bytes, then records them in `stored_files` inside `tx` (the caller's transaction,
 * which also writes the audit entry). If the transaction rolls back, the bytes stay unreferenced
 * and are harmless (equal bytes reuse them).
 */
export async function saveFile(tx: Database, store: FileStore, input: SaveFileInput): Promise<StoredFileRow> {
  const put = await store.put(input.data);
  return createStoredFilesRepository().insert(tx, {
    fileName: input.fileName,
    contentType: input.contentType,
    sizeBytes: put.sizeBytes,
    sha256: put.sha256,
    storageKey: put.key,
    organizationId: input.organizationId ?? null,
    uploadedBy: input.uploadedBy ?? null,
  });
}

/** The record and the bytes of a stored file; NOT_FOUND when either is missing. */
export async function openFile(db: Database, store: FileStore, id: string): Promise<{ file: StoredFileRow; stream: Readable }> {
  const file = await createStoredFilesRepository().findById(db, id);
  if (!file) throw new AppError('NOT_FOUND', { file: id });
  return { file, stream: await store.get(file.storageKey) };
}

/** Deletes the record; the bytes go too unless another record shares them. */
export async function deleteFile(tx: Database, store: FileStore, id: string): Promise<boolean> {
  const repo = createStoredFilesRepository();
  const file = await repo.delete(tx, id);
  if (!file) return false;
  if ((await repo.countByStorageKey(tx, file.storageKey)) === 0) await store.delete(file.storageKey);
  return true;
}
