import type { Table, WarehouseKind } from '../domain/data-model.js';
import type { SqlDialect } from './sql-dialect.js';

export interface DatasetRef {
  name: string;
  /** A DuckDB file path, or `project.dataset`. */
  location: string;
}

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}

/** A query checked against a schema: the columns it returns, or why it cannot run. */
export interface SqlCheck {
  columns?: string[];
  error?: string;
}

export interface QueryOptions {
  /** Stop reading after this many rows. */
  maxRows?: number;
  signal?: AbortSignal;
}

/**
 * A warehouse the pipeline provisions into. DuckDB file per dataset locally; BigQuery in
 * the cloud. Every method is idempotent for the same dataset name: a rerun replaces.
 */
export interface Warehouse {
  readonly kind: WarehouseKind;
  /** Tables the provision stage may load at once (default 1). */
  readonly loadConcurrency?: number;
  /** Queries the validate stage may run at once (default 1); `query` and `dryRun` must allow that many in flight. */
  readonly queryConcurrency?: number;
  /** The SQL dialect for golden queries against `dataset`, with "today" = `asOf`. */
  dialect(dataset: string, asOf: string): SqlDialect;
  ensureDataset(name: string, options: { description: string; labels: Record<string, string> }): Promise<DatasetRef>;
  /**
   * Replaces `table` with the rows of the CSV file and returns how many rows it now has. A load
   * the signal aborts stops where the warehouse can stop it, and leaves the table as it was.
   */
  loadTable(dataset: string, table: Table, csvPath: string, options?: { signal?: AbortSignal }): Promise<number>;
  countRows(dataset: string, table: string): Promise<number>;
  /** Checks that the SQL is valid without running it; returns the bytes it would scan where known. */
  dryRun(dataset: string, sql: string): Promise<{ bytes?: number }>;
  query(dataset: string, sql: string, options?: QueryOptions): Promise<QueryResult>;
  dropDataset(name: string): Promise<void>;
  /**
   * Checks queries against a schema that has no data yet (the model stage, before anything is
   * provisioned). Warehouses that can only check against real tables leave it out; their
   * queries are dry-run in `validate`.
   */
  checkQueries?(tables: readonly Table[], sqls: readonly string[]): Promise<SqlCheck[]>;
  close(): Promise<void>;
}
