import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { RemoteServiceError } from '../core/errors.js';
import type { ColumnType, Table } from '../domain/data-model.js';
import { openReadOnly, openScratch, readOnlyDryRun, readOnlyQuery, type ReadOnlyDb } from './duckdb-read-only.js';
import { duckdbDialect, type SqlDialect } from './sql-dialect.js';
import type { DatasetRef, QueryOptions, QueryResult, SqlCheck, Warehouse } from './warehouse.js';

const DUCK_TYPES: Record<ColumnType, string> = {
  INT64: 'BIGINT',
  FLOAT64: 'DOUBLE',
  NUMERIC: 'DECIMAL(18,2)',
  STRING: 'VARCHAR',
  BOOL: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
};

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

// Query results are converted on the read-only path; re-exported for callers of this module.
export { plainValue } from './duckdb-read-only.js';

/** The embedded warehouse: one DuckDB file per dataset under `<stateDir>/warehouse/`. */
export class DuckdbWarehouse implements Warehouse {
  readonly kind = 'duckdb' as const;
  private readonly open = new Map<string, { instance: DuckDBInstance; conn: DuckDBConnection }>();
  /** Read-only, sandboxed handles that every query runs on (see duckdb-read-only.ts). */
  private readonly readers = new Map<string, ReadOnlyDb>();

  /**
   * `memoryLimit` caps DuckDB's buffer memory while loading (e.g. `'128MB'`); it spills to disk
   * beyond it (default: DuckDB's own, 80% of RAM). `queryMemoryLimit` caps each read-only query
   * (default 1GB): a read-only handle does not spill to disk, so it needs its own, larger room. The two never
   * hold memory at once: the loading connection is closed before a reader opens.
   */
  constructor(
    private readonly dir: string,
    private readonly options: { memoryLimit?: string; queryMemoryLimit?: string; threads?: number; queryTimeoutMs?: number; maxRows?: number } = {},
  ) {}

  filePath(dataset: string): string {
    return join(this.dir, `${dataset}.duckdb`);
  }

  dialect(_dataset: string, asOf: string): SqlDialect {
    return duckdbDialect(asOf);
  }

  private async connect(dataset: string): Promise<DuckDBConnection> {
    const existing = this.open.get(dataset);
    if (existing) return existing.conn;
    // One process never holds the same file both ways: a reader sees what was committed before it opened.
    this.closeReader(dataset);
    mkdirSync(this.dir, { recursive: true });
    try {
      // Row order within a table carries no meaning here; not preserving it lets COPY stream
      // large files in bounded memory.
      const config: Record<string, string> = { threads: String(this.options.threads ?? 2), preserve_insertion_order: 'false' };
      if (this.options.memoryLimit) config.memory_limit = this.options.memoryLimit;
      const instance = await DuckDBInstance.create(this.filePath(dataset), config);
      const conn = await instance.connect();
      this.open.set(dataset, { instance, conn });
      return conn;
    } catch (err) {
      throw new RemoteServiceError('warehouse_error', `Could not open the DuckDB file ${this.filePath(dataset)}: ${(err as Error).message}. Is another process using it?`, { cause: err });
    }
  }

  async ensureDataset(name: string): Promise<DatasetRef> {
    await this.connect(name);
    return { name, location: this.filePath(name) };
  }

  async loadTable(dataset: string, table: Table, csvPath: string): Promise<number> {
    const conn = await this.connect(dataset);
    const cols = table.columns.map((c) => `${quoteIdent(c.name)} ${DUCK_TYPES[c.type]}`).join(', ');
    const name = quoteIdent(table.name);
    try {
      // One transaction: a rerun replaces the table whole, never appends to it.
      await conn.run('BEGIN TRANSACTION');
      await conn.run(`CREATE OR REPLACE TABLE ${name} (${cols})`);
      await conn.run(`COPY ${name} FROM ${quoteLiteral(csvPath)} (FORMAT csv, HEADER true, NULLSTR '', QUOTE '"', ESCAPE '"')`);
      await conn.run('COMMIT');
    } catch (err) {
      await conn.run('ROLLBACK').catch(() => undefined);
      throw new RemoteServiceError('warehouse_error', `Loading table ${table.name} into ${dataset} failed: ${(err as Error).message}`, { cause: err });
    }
    return this.countRows(dataset, table.name);
  }

  async countRows(dataset: string, table: string): Promise<number> {
    // Trusted SQL of our own (a quoted table name), on the loading connection: no switch to read-only between loads.
    const conn = await this.connect(dataset);
    try {
      const reader = await conn.runAndReadAll(`SELECT COUNT(*) AS n FROM ${quoteIdent(table)}`);
      return Number(reader.getRowsJS()[0]?.[0] ?? 0);
    } catch (err) {
      throw new RemoteServiceError('warehouse_error', `Counting the rows of ${table} in ${dataset} failed: ${(err as Error).message}`, { cause: err });
    }
  }

  /** The dataset's read-only handle; closes the loading connection first (it checkpoints on close). */
  private async reader(dataset: string): Promise<ReadOnlyDb> {
    const existing = this.readers.get(dataset);
    if (existing) return existing;
    const writer = this.open.get(dataset);
    if (writer) {
      writer.conn.closeSync();
      writer.instance.closeSync();
      this.open.delete(dataset);
    }
    const db = await openReadOnly(this.filePath(dataset), { memoryLimit: this.memoryCap(), threads: this.options.threads ?? 2 });
    this.readers.set(dataset, db);
    return db;
  }

  private memoryCap(): string {
    return this.options.queryMemoryLimit ?? '1GB';
  }

  private closeReader(dataset: string): void {
    this.readers.get(dataset)?.close();
    this.readers.delete(dataset);
  }

  /** Binds every table and column without executing, on the read-only path: only one SELECT passes. */
  async dryRun(dataset: string, sql: string): Promise<{ bytes?: number }> {
    const db = await this.reader(dataset);
    await readOnlyDryRun(db.conn, sql);
    return {};
  }

  /**
   * Checks SQL against a schema before any data exists: the tables are created empty in a
   * throwaway in-memory database, which is then sandboxed and locked, and each query runs there
   * on the read-only path (instantly, on no rows).
   */
  async checkQueries(tables: readonly Table[], sqls: readonly string[]): Promise<SqlCheck[]> {
    const ddl = tables.map((t) => `CREATE TABLE ${quoteIdent(t.name)} (${t.columns.map((c) => `${quoteIdent(c.name)} ${DUCK_TYPES[c.type]}`).join(', ')})`);
    const db = await openScratch(ddl, { memoryLimit: '256MB', threads: 1 });
    try {
      const checks: SqlCheck[] = [];
      for (const sql of sqls) {
        try {
          const result = await readOnlyQuery(db.conn, sql, { maxRows: 1, timeoutMs: this.options.queryTimeoutMs ?? 120_000 });
          checks.push({ columns: result.columns });
        } catch (err) {
          checks.push({ error: (err as Error).message.split('\n')[0] ?? String(err) });
        }
      }
      return checks;
    } finally {
      db.close();
    }
  }

  /**
   * Runs one SELECT on the read-only path: refused unless it is a single SELECT, no file or
   * network access, memory, rows (`maxRows`, default 100,000) and time capped.
   */
  async query(dataset: string, sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    options.signal?.throwIfAborted();
    const db = await this.reader(dataset);
    const result = await readOnlyQuery(db.conn, sql, {
      maxRows: options.maxRows ?? this.options.maxRows ?? 100_000,
      timeoutMs: this.options.queryTimeoutMs ?? 120_000,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { columns: result.columns, rows: result.rows };
  }

  async dropDataset(name: string): Promise<void> {
    await this.closeOne(name);
    rmSync(this.filePath(name), { force: true });
    rmSync(`${this.filePath(name)}.wal`, { force: true });
  }

  private closeOne(name: string): Promise<void> {
    this.closeReader(name);
    const entry = this.open.get(name);
    if (entry) {
      entry.conn.closeSync();
      entry.instance.closeSync();
      this.open.delete(name);
    }
    return Promise.resolve();
  }

  async close(): Promise<void> {
    for (const name of new Set([...this.open.keys(), ...this.readers.keys()])) await this.closeOne(name);
  }
}
