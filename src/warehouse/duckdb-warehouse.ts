import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance, DuckDBTypeId } from '@duckdb/node-api';
import { RemoteServiceError } from '../core/errors.js';
import type { ColumnType, Table } from '../domain/data-model.js';
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

/** Converts DuckDB's JS values to plain JSON-friendly ones; DATE becomes `YYYY-MM-DD`. */
export function plainValue(v: unknown, typeId?: DuckDBTypeId): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return typeId === DuckDBTypeId.DATE ? v.toISOString().slice(0, 10) : v.toISOString();
  // DuckDB value classes (intervals, UUIDs, blobs) print themselves readably.
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return (v as { toString(): string }).toString();
  return v;
}

/** The embedded warehouse: one DuckDB file per dataset under `<stateDir>/warehouse/`. */
export class DuckdbWarehouse implements Warehouse {
  readonly kind = 'duckdb' as const;
  private readonly open = new Map<string, { instance: DuckDBInstance; conn: DuckDBConnection }>();

  /**
   * `memoryLimit` caps DuckDB's buffer memory (e.g. `'256MB'`); it spills to disk beyond it.
   * Default: DuckDB's own (80% of RAM).
   */
  constructor(
    private readonly dir: string,
    private readonly options: { memoryLimit?: string; threads?: number } = {},
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
    const result = await this.query(dataset, `SELECT COUNT(*) AS n FROM ${quoteIdent(table)}`);
    return Number(result.rows[0]?.[0] ?? 0);
  }

  async dryRun(dataset: string, sql: string): Promise<{ bytes?: number }> {
    const conn = await this.connect(dataset);
    try {
      // Preparing binds every table and column without executing.
      await conn.prepare(sql);
      return {};
    } catch (err) {
      throw new RemoteServiceError('warehouse_error', `The query does not compile: ${(err as Error).message}`, { cause: err });
    }
  }

  /**
   * Checks SQL against a schema before any data exists: the tables are created empty in a
   * throwaway in-memory database, and each query is bound and run there (instantly, on no rows).
   */
  async checkQueries(tables: readonly Table[], sqls: readonly string[]): Promise<SqlCheck[]> {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const conn = await instance.connect();
    try {
      for (const t of tables) await conn.run(`CREATE TABLE ${quoteIdent(t.name)} (${t.columns.map((c) => `${quoteIdent(c.name)} ${DUCK_TYPES[c.type]}`).join(', ')})`);
      const checks: SqlCheck[] = [];
      for (const sql of sqls) {
        try {
          const reader = await conn.runAndReadAll(sql);
          checks.push({ columns: reader.columnNames() });
        } catch (err) {
          checks.push({ error: (err as Error).message.split('\n')[0] ?? String(err) });
        }
      }
      return checks;
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  }

  async query(dataset: string, sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const conn = await this.connect(dataset);
    options.signal?.throwIfAborted();
    const onAbort = (): void => conn.interrupt();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const reader = await conn.runAndReadAll(sql);
      const rows = reader.getRowsJS();
      const limited = options.maxRows === undefined ? rows : rows.slice(0, options.maxRows);
      const types = reader.columnNames().map((_, i) => reader.columnTypeId(i));
      return { columns: reader.columnNames(), rows: limited.map((r) => r.map((v, i) => plainValue(v, types[i]))) };
    } catch (err) {
      options.signal?.throwIfAborted();
      throw new RemoteServiceError('warehouse_error', `The query failed: ${(err as Error).message}`, { cause: err });
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  async dropDataset(name: string): Promise<void> {
    await this.closeOne(name);
    rmSync(this.filePath(name), { force: true });
    rmSync(`${this.filePath(name)}.wal`, { force: true });
  }

  private closeOne(name: string): Promise<void> {
    const entry = this.open.get(name);
    if (entry) {
      entry.conn.closeSync();
      entry.instance.closeSync();
      this.open.delete(name);
    }
    return Promise.resolve();
  }

  async close(): Promise<void> {
    for (const name of [...this.open.keys()]) await this.closeOne(name);
  }
}
