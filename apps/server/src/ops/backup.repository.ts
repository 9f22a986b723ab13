/**
 * The SQL of logical backup and restore: the catalogue (tables, columns, keys, foreign keys,
 * sequences) and reading/writing rows as text. Values travel as PostgreSQL's own text form
 * (`col::text`, then `$n::type` back), so every type round-trips exactly on both drivers; session
 * settings that affect text output are fixed in `fixTextOutput` first.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.ts';

export interface ColumnInfo {
  name: string;
  type: string;
  /** 'a' = GENERATED ALWAYS AS IDENTITY, 'd' = BY DEFAULT, '' = none. */
  identity: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Tables this one references (foreign keys), excluding itself. */
  dependsOn: string[];
}

export const MIGRATIONS_TABLE = 'schema_migrations';

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const TEXT_TYPES = /^(text|character varying|character|citext|name)\b/;

/** ORDER BY expression: text compared byte-wise, so the order is the same whatever the collation. */
function orderExpression(column: ColumnInfo): string {
  return TEXT_TYPES.test(column.type) ? `${quoteIdent(column.name)} collate "C"` : quoteIdent(column.name);
}

export function createBackupRepository() {
  return {
    async fixTextOutput(tx: Database): Promise<void> {
      await sql`set local timezone to 'UTC'`.execute(tx);
      await sql`set local datestyle to 'ISO, YMD'`.execute(tx);
      await sql`set local intervalstyle to 'postgres'`.execute(tx);
      await sql`set local extra_float_digits to 1`.execute(tx);
      await sql`set local bytea_output to 'hex'`.execute(tx);
    },

    /** Every table of the public schema except schema_migrations, parents before children. */
    async listTables(db: Database): Promise<TableInfo[]> {
      const columns = await sql<{ tableName: string; name: string; type: string; identity: string }>`
        select c.relname as table_name, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attidentity::text as identity
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
          and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`.execute(db);
      const keys = await sql<{ tableName: string; name: string }>`
        select c.relname as table_name, a.attname as name
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
        where n.nspname = 'public' and i.indisprimary
        order by c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
      const foreign = await sql<{ tableName: string; references: string }>`
        select distinct c.relname as table_name, r.relname as references
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_class r on r.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and k.contype = 'f'`.execute(db);

      const tables = new Map<string, TableInfo>();
      for (const c of columns.rows) {
        if (c.tableName === MIGRATIONS_TABLE) continue;
        const table = tables.get(c.tableName) ?? { name: c.tableName, columns: [], primaryKey: [], dependsOn: [] };
        table.columns.push({ name: c.name, type: c.type, identity: c.identity ?? '' });
        tables.set(c.tableName, table);
      }
      for (const k of keys.rows) tables.get(k.tableName)?.primaryKey.push(k.name);
      for (const f of foreign.rows) {
        if (f.tableName !== f.references) tables.get(f.tableName)?.dependsOn.push(f.references);
      }
      // Topological order (parents first); ties by name so the order is stable.
      const ordered: TableInfo[] = [];
      const state = new Map<string, 'visiting' | 'done'>();
      const visit = (name: string) => {
        const table = tables.get(name);
        if (!table || state.get(name) === 'done') return;
        if (state.get(name) === 'visiting') return; // a cycle: order within it is left as found
        state.set(name, 'visiting');
        for (const parent of [...table.dependsOn].sort()) visit(parent);
        state.set(name, 'done');
        ordered.push(table);
      };
      for (const name of [...tables.keys()].sort()) visit(name);
      return ordered;
    },

    async listMigrations(db: Database): Promise<Array<{ name: string; sha256: string }>> {
      const result = await sql<{ name: string; sha256: string }>`select name, sha256 from schema_migrations order by name`.execute(db);
      return result.rows;
    },

    /**
     * Up to `limit` rows after `after` (primary-key values as text) in primary-key order, each as
     * an array of text values. Tables without a primary key are read whole, ordered by every column.
     */
    async readRows(db: Database, table: TableInfo, after: Array<string | null> | undefined, limit: number): Promise<Array<Array<string | null>>> {
      const select = table.columns.map((c, i) => `${quoteIdent(c.name)}::text as c${i}`).join(', ');
      const keyColumns = table.primaryKey.map((name) => table.columns.find((c) => c.name === name)!);
      const order = (keyColumns.length > 0 ? keyColumns : table.columns).map(orderExpression).join(', ');
      let where: RawBuilder<unknown> = sql``;
      if (after && keyColumns.length > 0) {
        const left = sql.raw(`(${keyColumns.map(orderExpression).join(', ')})`);
        const right = sql.join(keyColumns.map((c, i) => sql`${after[i]}::${sql.raw(c.type)}${sql.raw(TEXT_TYPES.test(c.type) ? ' collate "C"' : '')}`));
        where = sql`where ${left} > (${right})`;
      }
      const limitClause = keyColumns.length > 0 ? sql`limit ${limit}` : sql``;
      const result = await sql<Record<string, string | null>>`select ${sql.raw(select)} from ${sql.raw(quoteIdent(table.name))} ${where} order by ${sql.raw(order)} ${limitClause}`.execute(db);
      return result.rows.map((row) => table.columns.map((_c, i) => row[`c${i}`] ?? null));
    },

    async countRows(db: Database, table: string): Promise<number> {
      const result = await sql<{ n: string }>`select count(*) as n from ${sql.raw(quoteIdent(table))}`.execute(db);
      return Number(result.rows[0]?.n ?? 0);
    },

    async truncateAll(tx: Database, tables: readonly string[]): Promise<void> {
      if (tables.length === 0) return;
      await sql`truncate table ${sql.raw(tables.map(quoteIdent).join(', '))} restart identity cascade`.execute(tx);
    },

    async insertRows(tx: Database, table: TableInfo, columns: ColumnInfo[], rows: Array<Array<string | null>>): Promise<void> {
      if (rows.length === 0) return;
      const overriding = columns.some((c) => c.identity === 'a') ? sql.raw(' overriding system value') : sql``;
      const values = sql.join(rows.map((row) => sql`(${sql.join(row.map((v, i) => sql`${v}::${sql.raw(columns[i]!.type)}`))})`));
      await sql`insert into ${sql.raw(quoteIdent(table.name))} (${sql.raw(columns.map((c) => quoteIdent(c.name)).join(', '))})${overriding} values ${values}`.execute(tx);
    },

    /** Moves every column-owned sequence past the largest value in its column. */
    async resetSequences(tx: Database, tables: readonly TableInfo[]): Promise<void> {
      for (const table of tables) {
        for (const column of table.columns) {
          const seq = await sql<{ seq: string | null }>`select pg_get_serial_sequence(${quoteIdent(table.name)}, ${column.name}) as seq`.execute(tx);
          const name = seq.rows[0]?.seq;
          if (!name) continue;
          await sql`select setval(${name}::regclass, coalesce((select max(${sql.raw(quoteIdent(column.name))}) from ${sql.raw(quoteIdent(table.name))}), 1), (select count(*) > 0 from ${sql.raw(quoteIdent(table.name))}))`.execute(tx);
        }
      }
    },
  };
}

export type BackupRepository = ReturnType<typeof createBackupRepository>;
