/** The only SQL about stored files (the records; the bytes are in the FileStore). */
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { StoredFilesTable } from '../db/tables.ts';

export type StoredFileRow = Selectable<StoredFilesTable>;

export function createStoredFilesRepository() {
  return {
    async insert(db: Database, row: Insertable<StoredFilesTable>): Promise<StoredFileRow> {
      return db.insertInto('storedFiles').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async findById(db: Database, id: string): Promise<StoredFileRow | undefined> {
      return db.selectFrom('storedFiles').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async delete(db: Database, id: string): Promise<StoredFileRow | undefined> {
      return db.deleteFrom('storedFiles').where('id', '=', id).returningAll().executeTakeFirst();
    },
    async countByStorageKey(db: Database, storageKey: string): Promise<number> {
      const row = await db.selectFrom('storedFiles').select((eb) => eb.fn.countAll<string>().as('n')).where('storageKey', '=', storageKey).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
