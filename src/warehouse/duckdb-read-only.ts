import { DuckDBInstance, DuckDBTypeId, StatementType, type DuckDBConnection, type DuckDBPreparedStatement } from './duckdb-api.js';
import { CancelledError, ProvisionError, RemoteServiceError, UserInputError } from '../core/errors.js';
import { assertReadOnlySql } from '../dataagent/read-only-sql.js';

/**
 * The one hardened query path over DuckDB. Validation, repair, the model stage's schema check
 * and the chat agent all run SQL that a model may have written, so every such query:
 * 1. passes the single-SELECT guard (`assertReadOnlySql`) before DuckDB sees it;
 * 2. is parsed by DuckDB, which must agree it is one SELECT before anything executes;
 * 3. runs on a connection that cannot write, reach files or the network, load extensions, or
 *    lift its own limits (read-only file, external access off, configuration locked);
 * 4. is capped in rows, memory and time.
 */

/** Limits of one read. */
export interface ReadLimits {
  /** Rows kept; one more is read to tell whether there were more. */
  maxRows: number;
  /** A query still running after this long is interrupted. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** A row-capped, read-only result. */
export interface ReadResult {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
}

/** An open hardened database: its first connection and any more it opens, closed with the instance. */
export interface ReadOnlyDb {
  /** The connection opened with the instance, for a caller that runs one query at a time. */
  readonly conn: DuckDBConnection;
  /**
   * Runs `fn` on a connection of its own (an idle one of this instance, or a new one; never
   * `conn`) and keeps it for the next call. A DuckDB connection runs one query at a time, so
   * queries that should run at once each take one. The sandbox and the lock are the instance's,
   * so every connection has them.
   */
  withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T>;
  /**
   * `readOnlyDryRun` on a connection of its own, which keeps the statement it prepared for a
   * `query` of the same SQL: a dry run followed by its query prepares the SQL once.
   */
  dryRun(sql: string): Promise<{ columns: string[] }>;
  /**
   * `readOnlyQuery` on a connection of its own: the one that dry-ran this SQL if it is free,
   * whose statement then runs without being prepared again. The guard checks the SQL first
   * either way, and the kept statement passed DuckDB's checks when it was prepared.
   */
  query(sql: string, limits: ReadLimits): Promise<ReadResult>;
  close(): void;
}

/** Dry-run statements kept per connection for the queries that follow them (a few: each is taken by its query). */
const KEPT_PER_CONNECTION = 4;

export interface ReadOnlyOptions {
  /** DuckDB's buffer memory cap (there is no "bytes billed" locally). */
  memoryLimit: string;
  threads?: number;
}

/** SQL that the read-only path refuses to run: whoever wrote it, it never reaches the engine. */
export class RefusedSqlError extends UserInputError {
  constructor(reason: string) {
    super('validation_failed', `Refused to run the SQL: ${reason}`);
  }
}

/** Settings that keep SQL inside the dataset; applied at open (files) or before locking (scratch). */
const SANDBOX = {
  enable_external_access: 'false',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
} as const;

async function connect(instance: DuckDBInstance): Promise<DuckDBConnection> {
  try {
    return await instance.connect();
  } catch (err) {
    throw new RemoteServiceError('warehouse_error', `Could not open another connection to the dataset: ${(err as Error).message}`, { cause: err });
  }
}

function opened(instance: DuckDBInstance, conn: DuckDBConnection): ReadOnlyDb {
  const idle: DuckDBConnection[] = [];
  /** By connection: statements its dry runs prepared, by their checked SQL, oldest first. */
  const kept = new Map<DuckDBConnection, Map<string, DuckDBPreparedStatement>>();
  let closed = false;
  /** An idle connection (the one keeping `checked`'s statement, if any is idle), or a new one. */
  const borrow = async (checked?: string): Promise<DuckDBConnection> => {
    if (closed) throw new RemoteServiceError('warehouse_error', 'The dataset was closed.');
    const keeping = checked === undefined ? -1 : idle.findIndex((c) => kept.get(c)?.has(checked));
    return (keeping >= 0 ? idle.splice(keeping, 1)[0] : idle.pop()) ?? (await connect(instance));
  };
  const giveBack = (c: DuckDBConnection): void => {
    // One closed meanwhile keeps nothing open after it.
    if (closed) c.closeSync();
    else idle.push(c);
  };
  const keep = (c: DuckDBConnection, checked: string, statement: DuckDBPreparedStatement): void => {
    const statements = kept.get(c) ?? new Map<string, DuckDBPreparedStatement>();
    statements.delete(checked);
    statements.set(checked, statement);
    for (const oldest of statements.keys()) {
      if (statements.size <= KEPT_PER_CONNECTION) break;
      statements.delete(oldest);
    }
    kept.set(c, statements);
  };
  const withConnection = async <T>(fn: (c: DuckDBConnection) => Promise<T>, checked?: string): Promise<T> => {
    const borrowed = await borrow(checked);
    try {
      return await fn(borrowed);
    } finally {
      giveBack(borrowed);
    }
  };
  return {
    conn,
    withConnection: (fn) => withConnection(fn),
    dryRun: (sql) =>
      withConnection(async (c) => {
        const { checked, prepared, columns } = await dryRunSelect(c, sql);
        keep(c, checked, prepared);
        return { columns };
      }),
    query: (sql, limits) =>
      withConnection(
        (c) =>
          runSelect(c, sql, limits, (checked) => {
            const statement = kept.get(c)?.get(checked);
            kept.get(c)?.delete(checked);
            return statement;
          }),
        checkedOrUndefined(sql),
      ),
    close: () => {
      closed = true;
      kept.clear();
      for (const c of idle.splice(0)) c.closeSync();
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** The guard's normalized SQL, only to find a kept statement: the query itself runs the guard and reports its refusal. */
function checkedOrUndefined(sql: string): string | undefined {
  try {
    return assertReadOnlySql(sql);
  } catch {
    return undefined;
  }
}

/**
 * Opens a dataset file for reading only, sandboxed and with its configuration locked. Throws a
 * `warehouse_error` when the file cannot be opened (typically: a process still writes it).
 */
export async function openReadOnly(file: string, options: ReadOnlyOptions): Promise<ReadOnlyDb> {
  let instance: DuckDBInstance | undefined;
  try {
    instance = await DuckDBInstance.create(file, {
      access_mode: 'READ_ONLY',
      ...SANDBOX,
      memory_limit: options.memoryLimit,
      threads: String(options.threads ?? 2),
      lock_configuration: 'true',
    });
    return opened(instance, await instance.connect());
  } catch (err) {
    instance?.closeSync();
    throw new RemoteServiceError('warehouse_error', `Could not open the dataset ${file} read-only: ${(err as Error).message}. Is a job still writing it?`, { cause: err });
  }
}

/**
 * An in-memory database holding `ddl` (empty tables), then sandboxed and locked: an in-memory
 * database cannot be opened READ_ONLY, so the schema is created first and the doors are shut
 * after it. Writes to it are still refused by the statement checks of `readOnlyQuery`.
 */
export async function openScratch(ddl: readonly string[], options: ReadOnlyOptions): Promise<ReadOnlyDb> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(options.threads ?? 1), memory_limit: options.memoryLimit, autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const conn = await instance.connect();
  try {
    for (const statement of ddl) await conn.run(statement);
    // External access can be switched off at run time (never back on); the lock then freezes it.
    await conn.run('SET enable_external_access = false');
    await conn.run('SET lock_configuration = true');
    return opened(instance, conn);
  } catch (err) {
    conn.closeSync();
    instance.closeSync();
    throw new RemoteServiceError('warehouse_error', `Could not prepare a scratch schema: ${(err as Error).message}`, { cause: err });
  }
}

/** DuckDB's JS values as plain JSON ones; DATE becomes `YYYY-MM-DD`, lists and structs recurse. */
export function plainValue(v: unknown, typeId?: DuckDBTypeId): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return typeId === DuckDBTypeId.DATE ? v.toISOString().slice(0, 10) : v.toISOString();
  if (Array.isArray(v)) return v.map((x) => plainValue(x));
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainValue(x)]));
  }
  // DuckDB value classes (intervals, UUIDs, blobs) print themselves readably.
  if (v !== null && typeof v === 'object') return (v as { toString(): string }).toString();
  return v;
}

/**
 * Checks SQL that passed the guard (`checked`, as `assertReadOnlySql` returned it) with DuckDB's
 * own parser and returns the prepared statement; runs nothing. Throws `RefusedSqlError` for
 * anything but one SELECT, `warehouse_error` when it does not compile.
 */
async function prepareChecked(conn: DuckDBConnection, checked: string): Promise<DuckDBPreparedStatement> {
  let extracted;
  try {
    extracted = await conn.extractStatements(checked);
  } catch (err) {
    throw new RemoteServiceError('warehouse_error', `The query does not parse: ${(err as Error).message}`, { cause: err });
  }
  if (extracted.count !== 1) throw new RefusedSqlError('it holds more than one statement.');
  let prepared;
  try {
    prepared = await extracted.prepare(0);
  } catch (err) {
    throw new RemoteServiceError('warehouse_error', `The query does not compile: ${(err as Error).message}`, { cause: err });
  }
  if (prepared.statementType !== StatementType.SELECT) throw new RefusedSqlError(`DuckDB reads it as a ${StatementType[prepared.statementType]} statement, not a SELECT.`);
  return prepared;
}

/** The guard, then DuckDB's checks; the statement is prepared, not run. */
async function dryRunSelect(conn: DuckDBConnection, sql: string): Promise<{ checked: string; prepared: DuckDBPreparedStatement; columns: string[] }> {
  const checked = assertReadOnlySql(sql);
  const prepared = await prepareChecked(conn, checked);
  const columns: string[] = [];
  for (let i = 0; i < prepared.columnCount; i++) columns.push(prepared.columnName(i));
  return { checked, prepared, columns };
}

/** Binds `sql` (every table and column) without running it; refuses anything but one SELECT. */
export async function readOnlyDryRun(conn: DuckDBConnection, sql: string): Promise<{ columns: string[] }> {
  const { columns } = await dryRunSelect(conn, sql);
  return { columns };
}

/**
 * Runs one query after the guard and DuckDB's parser agree it is a single SELECT. Reads at most
 * `maxRows + 1` rows (streaming, so a huge result is never materialized) and interrupts it
 * after `timeoutMs`.
 */
export function readOnlyQuery(conn: DuckDBConnection, sql: string, limits: ReadLimits): Promise<ReadResult> {
  return runSelect(conn, sql, limits);
}

/**
 * `readOnlyQuery`, with the statement a dry run of the same SQL prepared on this connection if
 * `kept` has it: the guard runs on the SQL all the same, and a statement is only ever kept after
 * DuckDB's checks passed on that same checked SQL.
 */
async function runSelect(conn: DuckDBConnection, sql: string, limits: ReadLimits, kept?: (checked: string) => DuckDBPreparedStatement | undefined): Promise<ReadResult> {
  if (limits.signal?.aborted) throw new CancelledError('The query was cancelled.');
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    conn.interrupt();
  }, limits.timeoutMs);
  const onAbort = (): void => conn.interrupt();
  limits.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const checked = assertReadOnlySql(sql);
    const prepared = kept?.(checked) ?? (await prepareChecked(conn, checked));
    const reader = await prepared.streamAndReadUntil(limits.maxRows + 1);
    const columns = reader.columnNames();
    const types = columns.map((_, i) => reader.columnTypeId(i));
    const rows = reader.getRowsJS().slice(0, limits.maxRows).map((r) => r.map((v, i) => plainValue(v, types[i])));
    return { columns, rows, truncated: reader.currentRowCount > limits.maxRows };
  } catch (err) {
    if (limits.signal?.aborted) throw new CancelledError('The query was cancelled.', { cause: err });
    if (err instanceof ProvisionError) throw err;
    if (timedOut) throw new RemoteServiceError('warehouse_error', `The query ran longer than ${Math.round(limits.timeoutMs / 1000)} s and was stopped.`, { cause: err });
    throw new RemoteServiceError('warehouse_error', `The query failed: ${(err as Error).message}`, { cause: err });
  } finally {
    clearTimeout(timer);
    limits.signal?.removeEventListener('abort', onAbort);
  }
}
