import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from './duckdb-api.js';
import { CancelledError, RemoteServiceError } from '../core/errors.js';
import { TaskQueue } from '../core/task-queue.js';
import type { ColumnType, Table } from '../domain/data-model.js';
import { openReadOnly, openScratch, readOnlyQuery, type ReadOnlyDb } from './duckdb-read-only.js';
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

/**
 * Queries at once by default (see `queryConcurrency`): as many as the instance has threads. On
 * the demo's datasets two beat one and four (validate in-process, medians: scale 10, 9 MB file,
 * 669 ms one at a time, 545 ms two at once, 598 ms four; scale 30, 24 MB, 1421 / 1253 / 1546 ms).
 */
export const DEFAULT_QUERY_CONCURRENCY = 2;

/**
 * A dataset file larger than this runs its queries one at a time: each keeps DuckDB's threads
 * busy on its own, and queries side by side only contend for the query memory they share (the
 * demo at scale 100, a 68 MB file: validate 4.66 s one at a time, 5.00 s two at once).
 */
export const SIDE_BY_SIDE_MAX_BYTES = 48 * 1024 ** 2;

/** The CSV reader's buffer per load (see `copy`); lines are far shorter than its 2 MB line limit. */
const CSV_BUFFER_BYTES = 4 * 1024 * 1024;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

// Query results are converted on the read-only path; re-exported for callers of this module.
export { plainValue } from './duckdb-read-only.js';

/** The reading side of one dataset's file: its read-only handle, and the queue its queries wait in. */
interface Reader {
  db: ReadOnlyDb;
  queries: TaskQueue;
}

/** The loading side of one dataset's file: one instance, a connection for counts, and the loads in flight. */
interface Writer {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  loads: Set<Promise<unknown>>;
}

/** The embedded warehouse: one DuckDB file per dataset under `<stateDir>/warehouse/`. */
export class DuckdbWarehouse implements Warehouse {
  readonly kind = 'duckdb' as const;
  /**
   * Tables loaded at once, each on its own connection of the one instance (its own transaction).
   * DuckDB parses one CSV on every thread already; a second load keeps the cores busy through
   * the parts of a load that run on one thread (a small file, the commit).
   */
  readonly loadConcurrency: number;
  /**
   * Queries run at once, each on its own connection of the dataset's read-only instance: on a
   * small dataset a query leaves DuckDB's threads idle part of the time (its start, a scan of a
   * few row groups, its result's conversion), and another fills it. A dataset file over
   * SIDE_BY_SIDE_MAX_BYTES runs its queries one at a time whatever this says.
   */
  readonly queryConcurrency: number;
  /** Opening or open, per dataset: concurrent first loads share one instance. */
  private readonly open = new Map<string, Promise<Writer>>();
  /** Read-only, sandboxed handles that every query runs on (see duckdb-read-only.ts); opening or open, so concurrent first queries share one. */
  private readonly readers = new Map<string, Promise<Reader>>();

  /**
   * `memoryLimit` caps DuckDB's buffer memory while loading (e.g. `'128MB'`), shared by the loads
   * in flight; it spills to disk beyond it (default: DuckDB's own, 80% of RAM). `queryMemoryLimit`
   * caps each read-only query (default 1GB): a read-only handle does not spill to disk, so it needs
   * its own, larger room. The two never hold memory at once: the loading instance is closed
   * (after its loads in flight) before a reader opens. `loadConcurrency` defaults to 2,
   * `queryConcurrency` to DEFAULT_QUERY_CONCURRENCY (the queries in flight share `queryMemoryLimit`),
   * `sideBySideMaxBytes` to SIDE_BY_SIDE_MAX_BYTES.
   */
  constructor(
    private readonly dir: string,
    private readonly options: {
      memoryLimit?: string;
      queryMemoryLimit?: string;
      threads?: number;
      queryTimeoutMs?: number;
      maxRows?: number;
      loadConcurrency?: number;
      queryConcurrency?: number;
      sideBySideMaxBytes?: number;
    } = {},
  ) {
    this.loadConcurrency = options.loadConcurrency ?? 2;
    this.queryConcurrency = options.queryConcurrency ?? DEFAULT_QUERY_CONCURRENCY;
  }

  filePath(dataset: string): string {
    return join(this.dir, `${dataset}.duckdb`);
  }

  dialect(_dataset: string, asOf: string): SqlDialect {
    return duckdbDialect(asOf);
  }

  private writer(dataset: string): Promise<Writer> {
    const existing = this.open.get(dataset);
    if (existing) return existing;
    // One process never holds the same file both ways: a reader sees what was committed before it opened.
    const opening = this.closeReader(dataset).then(() => this.openWriter(dataset));
    this.open.set(dataset, opening);
    // A failed open is not kept: the next call tries again.
    opening.catch(() => {
      if (this.open.get(dataset) === opening) this.open.delete(dataset);
    });
    return opening;
  }

  private async openWriter(dataset: string): Promise<Writer> {
    mkdirSync(this.dir, { recursive: true });
    try {
      // Row order within a table carries no meaning here; not preserving it lets COPY stream
      // large files in bounded memory.
      const config: Record<string, string> = { threads: String(this.options.threads ?? 2), preserve_insertion_order: 'false' };
      if (this.options.memoryLimit) config.memory_limit = this.options.memoryLimit;
      const instance = await DuckDBInstance.create(this.filePath(dataset), config);
      const conn = await instance.connect();
      return { instance, conn, loads: new Set() };
    } catch (err) {
      throw new RemoteServiceError('warehouse_error', `Could not open the DuckDB file ${this.filePath(dataset)}: ${(err as Error).message}. Is another process using it?`, { cause: err });
    }
  }

  async ensureDataset(name: string): Promise<DatasetRef> {
    await this.writer(name);
    return { name, location: this.filePath(name) };
  }

  async loadTable(dataset: string, table: Table, csvPath: string, options: { signal?: AbortSignal } = {}): Promise<number> {
    const writer = await this.writer(dataset);
    const load = this.copy(writer, dataset, table, csvPath, options.signal);
    writer.loads.add(load);
    try {
      return await load;
    } finally {
      writer.loads.delete(load);
    }
  }

  private async copy(writer: Writer, dataset: string, table: Table, csvPath: string, signal: AbortSignal | undefined): Promise<number> {
    const cols = table.columns.map((c) => `${quoteIdent(c.name)} ${DUCK_TYPES[c.type]}`).join(', ');
    const name = quoteIdent(table.name);
    // Its own connection, so its own transaction: loads of different tables run at once, and a
    // failed one rolls back only its own table.
    const conn = await writer.instance.connect();
    // A cancelled job does not wait for a large COPY to finish: it is interrupted and rolled back.
    const onAbort = (): void => conn.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    // Between statements, an abort is seen here; during one, the interrupt stops it.
    const step = (sql: string) => {
      signal?.throwIfAborted();
      return conn.runAndReadAll(sql);
    };
    try {
      // One transaction: a rerun replaces the table whole, never appends to it.
      await step('BEGIN TRANSACTION');
      await step(`CREATE OR REPLACE TABLE ${name} (${cols})`);
      // The table gives every column's type and our writer (src/data/csv.ts) fixes the dialect, so
      // nothing is sniffed: AUTO_DETECT false saves reading a sample of every file first.
      // The reader's buffers are 4 MB, not DuckDB's 32 MB: two loads at once under the job's 128MB
      // limit failed to allocate 32 MB buffers (5.6M rows), and smaller ones cost less CPU per row.
      // ALLOW_QUOTED_NULLS false: a quoted "" is an empty string, as the writer means it; NULL is an
      // empty unquoted field (DuckDB's default read both as NULL).
      const copied = await step(
        `COPY ${name} FROM ${quoteLiteral(csvPath)} (FORMAT csv, AUTO_DETECT false, HEADER true, DELIM ',', NULLSTR '', ALLOW_QUOTED_NULLS false, QUOTE '"', ESCAPE '"', BUFFER_SIZE ${CSV_BUFFER_BYTES})`,
      );
      await step('COMMIT');
      // COPY answers the rows it inserted; into a table created empty in the same transaction,
      // that is what the table now holds (as BigQuery's load statistics are, no second scan).
      const rows = copied.getRowsJS()[0]?.[0];
      return typeof rows === 'bigint' || typeof rows === 'number' ? Number(rows) : await this.countRows(dataset, table.name);
    } catch (err) {
      await conn.run('ROLLBACK').catch(() => undefined);
      if (signal?.aborted) throw new CancelledError(`Loading table ${table.name} into ${dataset} was cancelled.`, { cause: err });
      throw new RemoteServiceError('warehouse_error', `Loading table ${table.name} into ${dataset} failed: ${(err as Error).message}`, { cause: err });
    } finally {
      signal?.removeEventListener('abort', onAbort);
      conn.closeSync();
    }
  }

  async countRows(dataset: string, table: string): Promise<number> {
    // Trusted SQL of our own (a quoted table name), on the loading connection: no switch to read-only between loads.
    const { conn } = await this.writer(dataset);
    try {
      const reader = await conn.runAndReadAll(`SELECT COUNT(*) AS n FROM ${quoteIdent(table)}`);
      return Number(reader.getRowsJS()[0]?.[0] ?? 0);
    } catch (err) {
      throw new RemoteServiceError('warehouse_error', `Counting the rows of ${table} in ${dataset} failed: ${(err as Error).message}`, { cause: err });
    }
  }

  /** The dataset's read-only handle; closes the loading instance first (it checkpoints on close). */
  private reader(dataset: string): Promise<Reader> {
    const existing = this.readers.get(dataset);
    if (existing) return existing;
    const opening = this.closeWriter(dataset).then(async (): Promise<Reader> => {
      const db = await openReadOnly(this.filePath(dataset), { memoryLimit: this.memoryCap(), threads: this.options.threads ?? 2 });
      return { db, queries: new TaskQueue(this.queriesAtOnce(dataset)) };
    });
    this.readers.set(dataset, opening);
    // A failed open is not kept: the next query tries again.
    opening.catch(() => {
      if (this.readers.get(dataset) === opening) this.readers.delete(dataset);
    });
    return opening;
  }

  /** Closes the loading instance once its loads in flight have settled: none is cut off mid-COPY. */
  private async closeWriter(dataset: string): Promise<void> {
    const opening = this.open.get(dataset);
    if (!opening) return;
    this.open.delete(dataset);
    const writer = await opening.catch(() => undefined);
    if (!writer) return;
    await Promise.allSettled([...writer.loads]);
    writer.conn.closeSync();
    writer.instance.closeSync();
  }

  private memoryCap(): string {
    return this.options.queryMemoryLimit ?? '1GB';
  }

  /** How many queries of `dataset` run at once (see `queryConcurrency`). */
  queriesAtOnce(dataset: string): number {
    const bytes = statSync(this.filePath(dataset), { throwIfNoEntry: false })?.size ?? 0;
    return bytes > (this.options.sideBySideMaxBytes ?? SIDE_BY_SIDE_MAX_BYTES) ? 1 : this.queryConcurrency;
  }

  private async closeReader(dataset: string): Promise<void> {
    const opening = this.readers.get(dataset);
    if (!opening) return;
    this.readers.delete(dataset);
    (await opening.catch(() => undefined))?.db.close();
  }

  /** Binds every table and column without executing, on the read-only path: only one SELECT passes. */
  async dryRun(dataset: string, sql: string): Promise<{ bytes?: number }> {
    const { db, queries } = await this.reader(dataset);
    await queries.add(() => db.dryRun(sql));
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
    const { db, queries } = await this.reader(dataset);
    const result = await queries.add(() =>
      db.query(sql, {
        maxRows: options.maxRows ?? this.options.maxRows ?? 100_000,
        timeoutMs: this.options.queryTimeoutMs ?? 120_000,
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    );
    return { columns: result.columns, rows: result.rows };
  }

  async dropDataset(name: string): Promise<void> {
    await this.closeOne(name);
    rmSync(this.filePath(name), { force: true });
    rmSync(`${this.filePath(name)}.wal`, { force: true });
  }

  private async closeOne(name: string): Promise<void> {
    await this.closeReader(name);
    await this.closeWriter(name);
  }

  async close(): Promise<void> {
    for (const name of new Set([...this.open.keys(), ...this.readers.keys()])) await this.closeOne(name);
  }
}
