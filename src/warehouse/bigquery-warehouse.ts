import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { BigQuery, type Job, type JobMetadata, type QueryResultsOptions } from '@google-cloud/bigquery';
import { PassThroughClient, type AuthClient } from 'google-auth-library';
import { DataValidationError, RemoteServiceError } from '../core/errors.js';
import { isRetryableStatus, RETRY_POLICY, retryDelayMs } from '../core/retry-policy.js';
import type { ColumnType, Table } from '../domain/data-model.js';
import { CSV_NULL } from '../data/csv.js';
import { bigqueryDialect, type SqlDialect } from './sql-dialect.js';
import type { DatasetRef, QueryOptions, QueryResult, Warehouse } from './warehouse.js';

/** Tables loaded at once by the provision stage: BigQuery runs load jobs in parallel. */
export const DEFAULT_LOAD_CONCURRENCY = 4;
/** Queries run at once by the validate stage: each is a job of a second or so, and BigQuery runs them side by side. */
export const DEFAULT_QUERY_CONCURRENCY = 4;
const DEFAULT_MAXIMUM_BYTES_BILLED = String(10 * 1024 ** 3);
/** BigQuery's limits on descriptions (characters). */
const MAX_COLUMN_DESCRIPTION = 1024;
const MAX_TABLE_DESCRIPTION = 16384;
const PAGE_SIZE = 10_000;
const LOAD_JOB_TIMEOUT_MS = 30 * 60_000;

const BQ_TYPES: Record<ColumnType, string> = {
  INT64: 'INTEGER',
  FLOAT64: 'FLOAT',
  NUMERIC: 'NUMERIC',
  STRING: 'STRING',
  BOOL: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
};

export interface BigQueryWarehouseOptions {
  projectId: string;
  /** Where datasets and jobs live. Default `US`. */
  location?: string;
  /** `BIGQUERY_API_ENDPOINT` (the client's `apiEndpoint`): a loopback endpoint is a fake or emulator and gets no credentials. */
  endpoint?: string;
  /** Every query is capped at this many bytes billed. Default 10 GiB. */
  maximumBytesBilled?: number | bigint | string;
  /** Tables in the datasets we create expire after this long (milliseconds). */
  defaultTableExpirationMs?: number;
  /** Tables the provision stage may load at once. Default 4. */
  loadConcurrency?: number;
  /** Queries the validate stage may run at once. Default 4. */
  queryConcurrency?: number;
  /** First delay between polls of a running job; it grows to 10x. Default 1000. */
  pollIntervalMs?: number;
  /**
   * Attempts per request on 429/5xx answers and dropped connections (RETRY_POLICY, shared with
   * the CAPI adapter). `maxDelayMs` caps the client's backoff between them; tests make it tiny.
   */
  retry?: { attempts?: number; maxDelayMs?: number };
  /** Per-request time limit for everything but the upload itself. Default 60 s. */
  requestTimeoutMs?: number;
  /** Credentials; default Application Default Credentials (none at all for a loopback endpoint). */
  authClient?: AuthClient;
}

/** A column of a BigQuery table schema (tables.insert, load jobs, query results). */
export interface BigQueryField {
  name: string;
  type: string;
  mode: 'NULLABLE' | 'REQUIRED' | 'REPEATED';
  description?: string;
  fields?: BigQueryField[];
}

/** Table descriptions and column descriptions from the data model, in BigQuery's schema shape. */
export function bigQuerySchema(table: Table): { fields: BigQueryField[] } {
  return {
    fields: table.columns.map((c) => ({
      name: c.name,
      type: BQ_TYPES[c.type],
      mode: 'NULLABLE' as const,
      ...(c.description ? { description: c.description.slice(0, MAX_COLUMN_DESCRIPTION) } : {}),
    })),
  };
}

function labelPart(text: string): string {
  return (
    text
      // Accents go rather than the whole letter: "Café" → "cafe".
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '_')
      .slice(0, 63)
  );
}

/**
 * Labels BigQuery accepts: keys and values of lowercase letters, digits, `_` and `-`, at most
 * 63 characters, keys starting with a letter, at most 64 labels. Valid labels pass unchanged.
 */
export function bigQueryLabels(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawKey, rawValue] of Object.entries(labels)) {
    let key = labelPart(rawKey);
    if (!key) continue;
    if (!/^[a-z]/.test(key)) key = `l_${key}`.slice(0, 63);
    out[key] = labelPart(rawValue);
    if (Object.keys(out).length === 64) break;
  }
  return out;
}

function asText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** One cell of a query result (`f[i].v`) as a plain JSON-friendly value, by its schema field. */
export function bigQueryValue(v: unknown, field: BigQueryField): unknown {
  if (v === null || v === undefined) return null;
  if (field.mode === 'REPEATED') {
    const items = Array.isArray(v) ? (v as Array<{ v?: unknown }>) : [];
    return items.map((item) => bigQueryValue(item.v, { ...field, mode: 'NULLABLE' }));
  }
  switch (field.type) {
    case 'INTEGER':
    case 'INT64': {
      const n = Number(v);
      // Beyond 2^53 a number would silently change the value; the exact digits are kept instead.
      return Number.isSafeInteger(n) ? n : asText(v);
    }
    case 'FLOAT':
    case 'FLOAT64':
    case 'NUMERIC':
    case 'BIGNUMERIC':
      return Number(v);
    case 'BOOLEAN':
    case 'BOOL':
      return v === true || v === 'true';
    case 'TIMESTAMP': {
      // Microseconds since the epoch as an integer string (formatOptions.useInt64Timestamp, which
      // the client asks for), or, without that option, seconds as a float string ("1.7040672E9").
      const text = asText(v);
      const ms = /^-?\d+$/.test(text) ? Math.floor(Number(BigInt(text) / 1000n)) : Math.round(Number(text) * 1000);
      return Number.isFinite(ms) ? new Date(ms).toISOString() : asText(v);
    }
    case 'RECORD':
    case 'STRUCT': {
      const cells = (v as { f?: Array<{ v?: unknown }> }).f ?? [];
      const fields = field.fields ?? [];
      return Object.fromEntries(fields.map((f, i) => [f.name, bigQueryValue(cells[i]?.v, f)]));
    }
    default:
      return asText(v);
  }
}

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

interface ErrorProto {
  reason?: string;
  message?: string;
  location?: string;
}

/** A status the caller handles itself (409 = exists, 404 = gone), returned instead of thrown. */
class Refused {
  constructor(readonly status: number) {}
}

/** What the client throws: an ApiError (HTTP status in `code`, Google's `errors`) or a network error. */
type ClientError = Error & { code?: number | string; errors?: ErrorProto[] };

function statusOf(err: unknown): number | undefined {
  const code = (err as ClientError | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

function errorsOf(err: unknown): ErrorProto[] {
  const errors = (err as ClientError | null)?.errors;
  return Array.isArray(errors) ? errors : [];
}

/** A failure BigQuery answered: an HTTP error, or a job whose status carries errors (HTTP 200, no code). */
function answered(err: unknown): boolean {
  return statusOf(err) !== undefined || errorsOf(err).length > 0;
}

/** RETRY_POLICY's rule, for the client's own retries: 429, 5xx and 403 rateLimitExceeded. */
function retryableError(err: unknown): boolean {
  const status = statusOf(err);
  return status !== undefined && isRetryableStatus(status, errorsOf(err)[0]?.reason);
}

function describeErrors(errors: ErrorProto[] | undefined, max = 3): string {
  const list = (errors ?? []).slice(0, max).map((e) => `${e.reason ?? 'error'}: ${e.message ?? ''}${e.location ? ` (${e.location})` : ''}`);
  const more = (errors?.length ?? 0) > max ? ` (and ${(errors?.length ?? 0) - max} more)` : '';
  return list.length ? ` Errors: ${list.join('; ')}${more}.` : '';
}

interface QueryPage {
  jobComplete?: boolean;
  schema?: { fields?: BigQueryField[] };
  pageToken?: string;
}

/**
 * The cloud warehouse: BigQuery through Google's client (@google-cloud/bigquery). A dataset per
 * job with labels and expiry; one load job per table streamed from disk (WRITE_TRUNCATE, so a
 * rerun replaces); nothing runs before a dry run has said it is a single SELECT, and every query
 * is capped by maximum bytes billed.
 */
export class BigQueryWarehouse implements Warehouse {
  readonly kind = 'bigquery' as const;
  readonly projectId: string;
  readonly location: string;
  readonly loadConcurrency: number;
  readonly queryConcurrency: number;
  private readonly bq: BigQuery;
  private readonly maximumBytesBilled: string;
  private readonly pollIntervalMs: number;
  private readonly attempts: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: BigQueryWarehouseOptions) {
    this.projectId = options.projectId;
    this.location = options.location ?? 'US';
    this.loadConcurrency = options.loadConcurrency ?? DEFAULT_LOAD_CONCURRENCY;
    this.queryConcurrency = options.queryConcurrency ?? DEFAULT_QUERY_CONCURRENCY;
    this.maximumBytesBilled = options.maximumBytesBilled === undefined ? DEFAULT_MAXIMUM_BYTES_BILLED : String(options.maximumBytesBilled);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.attempts = Math.max(1, options.retry?.attempts ?? RETRY_POLICY.attempts);
    this.maxDelayMs = options.retry?.maxDelayMs ?? RETRY_POLICY.maxDelayMs;
    const endpoint = options.endpoint ? new URL(options.endpoint) : undefined;
    // A fake or an emulator never gets a Google token: PassThroughClient is google-auth-library's
    // client without credentials, meant for exactly that.
    const authClient = options.authClient ?? (endpoint && isLoopback(endpoint) ? new PassThroughClient() : undefined);
    this.bq = new BigQuery({
      projectId: this.projectId,
      location: this.location,
      ...(endpoint ? { apiEndpoint: endpoint.origin } : {}),
      ...(authClient ? { authClient } : {}),
      // The client retries (backoff 1 s, 2 s, 4 s … plus jitter, capped); which answers it retries is RETRY_POLICY's rule.
      retryOptions: {
        autoRetry: true,
        maxRetries: this.attempts - 1,
        maxRetryDelay: this.maxDelayMs / 1000,
        retryableErrorFn: retryableError,
      },
      // Read by the client's base class (@google-cloud/common's Service) for every request but
      // uploads; BigQueryOptions' type does not name it.
      timeout: options.requestTimeoutMs ?? 60_000,
    } as ConstructorParameters<typeof BigQuery>[0]);
  }

  dialect(dataset: string, asOf: string): SqlDialect {
    return bigqueryDialect(asOf, this.projectId, dataset);
  }

  private dataset(name: string): ReturnType<BigQuery['dataset']> {
    return this.bq.dataset(name, { location: this.location });
  }

  async ensureDataset(name: string, options: { description: string; labels: Record<string, string> }): Promise<DatasetRef> {
    const expiration = this.options.defaultTableExpirationMs;
    const settings = {
      description: options.description,
      labels: bigQueryLabels(options.labels),
      ...(expiration !== undefined ? { defaultTableExpirationMs: String(expiration) } : {}),
    };
    const dataset = this.dataset(name);
    const created = await this.call(`creating dataset ${name}`, () => dataset.create(settings), [409]);
    if (created instanceof Refused) {
      // It exists (a rerun, or our own retried insert): converge its settings instead.
      const patched = await this.call(`updating dataset ${name}`, () => dataset.setMetadata(settings));
      const location = (patched[0] as { location?: string }).location;
      if (location && location.toLowerCase() !== this.location.toLowerCase()) {
        throw new RemoteServiceError(
          'warehouse_error',
          `Dataset ${this.projectId}.${name} already exists in location ${location}, not ${this.location}; delete it or configure location ${location}.`,
        );
      }
    }
    return { name, location: `${this.projectId}.${name}` };
  }

  async loadTable(dataset: string, table: Table, csvPath: string): Promise<number> {
    const schema = bigQuerySchema(table);
    await this.ensureTable(dataset, table, schema);
    // Fails fast on a missing file: the client's upload would wait for it forever.
    await stat(csvPath);
    // Unique per call, reused by every retry within it: BigQuery answers 409 to a job id it
    // has seen, so a retried upload never loads twice, while a later rerun still loads afresh.
    const jobId = `provision_load_${dataset}_${table.name}_${randomUUID().replace(/-/g, '')}`;
    const load = {
      sourceFormat: 'CSV',
      skipLeadingRows: 1,
      allowQuotedNewlines: true,
      // Said, not assumed: our CSV writer (src/data/csv.ts, CSV_NULL) writes NULL as an empty
      // unquoted field and quotes every string, so an empty string is "" and stays a string.
      nullMarker: CSV_NULL,
      writeDisposition: 'WRITE_TRUNCATE',
      createDisposition: 'CREATE_IF_NEEDED',
      schema,
    };
    const what = `loading table ${table.name} into ${dataset}`;
    const target = this.dataset(dataset).table(table.name, { location: this.location });
    let job: Job | undefined;
    // The client streams the file from disk in one multipart upload and never retries it
    // (it cannot rewind a stream), so resending the file is ours to do.
    for (let attempt = 1; !job; attempt++) {
      try {
        [job] = await target.createLoadJob(csvPath, { ...load, jobId });
      } catch (err) {
        // An earlier attempt's upload did arrive and started the job.
        if (statusOf(err) === 409) job = this.bq.job(jobId, { location: this.location });
        else if (attempt >= this.attempts || (answered(err) && !retryableError(err))) throw this.failure(what, err, attempt);
        else await delay(Math.min(retryDelayMs(attempt), this.maxDelayMs));
      }
    }
    const done = await this.waitForJob(job, what);
    const error = done.status?.errorResult;
    if (error) {
      throw new RemoteServiceError(
        'warehouse_error',
        `Loading table ${table.name} into ${dataset} failed: ${error.reason ?? 'error'}: ${error.message ?? 'no message'}.${describeErrors(done.status?.errors ?? undefined)}`,
      );
    }
    const outputRows = done.statistics?.load?.outputRows;
    return outputRows === undefined || outputRows === null ? this.countRows(dataset, table.name) : Number(outputRows);
  }

  private async ensureTable(dataset: string, table: Table, schema: { fields: BigQueryField[] }): Promise<void> {
    const target = this.dataset(dataset).table(table.name, { location: this.location });
    const resource = { description: table.description.slice(0, MAX_TABLE_DESCRIPTION), schema };
    const creating = `creating table ${table.name} in ${dataset}`;
    if (!((await this.call(creating, () => target.create(resource), [409])) instanceof Refused)) return;
    if (!((await this.call(`updating table ${table.name} in ${dataset}`, () => target.setMetadata(resource), [400])) instanceof Refused)) return;
    // A changed column type cannot be patched; the load replaces every row anyway, so start over.
    await this.call(`replacing table ${table.name} in ${dataset}`, () => target.delete(), [404]);
    await this.call(creating, () => target.create(resource));
  }

  private async waitForJob(job: Job, what: string): Promise<JobMetadata> {
    const deadline = Date.now() + LOAD_JOB_TIMEOUT_MS;
    let metadata = job.metadata as JobMetadata | undefined;
    let wait = this.pollIntervalMs;
    while (metadata?.status?.state !== 'DONE') {
      if (Date.now() > deadline) throw new RemoteServiceError('warehouse_error', `BigQuery job ${job.id ?? ''} did not finish within ${LOAD_JOB_TIMEOUT_MS / 60_000} minutes while ${what}.`);
      await delay(wait);
      wait = Math.min(wait * 1.5, this.pollIntervalMs * 10);
      metadata = (await this.call(what, () => job.getMetadata()))[0] as JobMetadata;
    }
    return metadata;
  }

  async countRows(dataset: string, table: string): Promise<number> {
    const what = `reading table ${table} in ${dataset}`;
    const got = await this.call(what, () => this.dataset(dataset).table(table).getMetadata(), [404]);
    if (got instanceof Refused) {
      throw new RemoteServiceError('warehouse_error', `Table ${this.projectId}.${dataset}.${table} does not exist.`, { httpStatus: 404 });
    }
    return Number((got[0] as { numRows?: string }).numRows ?? 0);
  }

  private queryConfiguration(dataset: string, sql: string): Record<string, unknown> {
    return {
      query: sql,
      useLegacySql: false,
      defaultDataset: { projectId: this.projectId, datasetId: dataset },
      maximumBytesBilled: this.maximumBytesBilled,
    };
  }

  /** A query BigQuery refused (400/404, or a job that ended in errors): the query's fault, not the service's. */
  private rejected(err: unknown): RemoteServiceError | undefined {
    const status = statusOf(err);
    if (!(status === 400 || status === 404 || (status === undefined && errorsOf(err).length > 0))) return undefined;
    const message = errorsOf(err)[0]?.message ?? (err as Error).message;
    return new RemoteServiceError('warehouse_error', `BigQuery rejected the query: ${message}`, { httpStatus: status ?? 400 });
  }

  /**
   * A dry run as a job (jobs.insert with `dryRun`), because only the job's statistics say what
   * kind of statement the SQL is (jobs.query's answer does not). Anything but a single SELECT
   * is refused here, so nothing else ever runs (issue #16): not DML, DDL or a script.
   */
  async dryRun(dataset: string, sql: string): Promise<{ bytes?: number }> {
    let job: Job;
    try {
      [job] = await this.bq.createJob({ configuration: { dryRun: true, query: this.queryConfiguration(dataset, sql) }, location: this.location });
    } catch (err) {
      throw this.rejected(err) ?? this.failure('dry-running a query', err);
    }
    const stats = (job.metadata as JobMetadata).statistics;
    const statementType = stats?.query?.statementType;
    if (statementType !== 'SELECT') {
      throw new DataValidationError('validation_failed', `Refused to run the SQL: BigQuery's dry run says it is ${statementType ? `a ${statementType} statement` : 'of no known statement type'}; only a single SELECT may run.`);
    }
    this.remember(dataset, sql);
    const bytes = stats?.query?.totalBytesProcessed ?? stats?.totalBytesProcessed;
    return bytes === undefined || bytes === null ? {} : { bytes: Number(bytes) };
  }

  /** SQL whose dry run said SELECT, so that `query` after `dryRun` does not dry-run it twice. */
  private readonly selects = new Set<string>();

  private remember(dataset: string, sql: string): void {
    // Bounded: a long job asks a few hundred distinct queries at most.
    if (this.selects.size >= 1000) this.selects.clear();
    this.selects.add(`${dataset}\u0000${sql}`);
  }

  async query(dataset: string, sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const { signal, maxRows } = options;
    signal?.throwIfAborted();
    // Nothing runs before its dry run has said SELECT.
    if (!this.selects.has(`${dataset}\u0000${sql}`)) await this.dryRun(dataset, sql);
    signal?.throwIfAborted();
    const pageSize = Math.max(1, Math.min(PAGE_SIZE, maxRows ?? PAGE_SIZE));
    let job: Job;
    try {
      // No job id of ours: the client then takes a 409 on its own retried insert for the same job.
      [job] = await this.bq.createJob({ configuration: { query: this.queryConfiguration(dataset, sql) }, location: this.location });
    } catch (err) {
      throw this.rejected(err) ?? this.failure('running a query', err);
    }
    try {
      let fields: BigQueryField[] | undefined;
      const rows: unknown[][] = [];
      let pageToken: string | undefined;
      let wait = this.pollIntervalMs;
      for (;;) {
        signal?.throwIfAborted();
        let page: QueryPage;
        let raw: unknown[];
        try {
          // skipParsing: the raw `f`/`v` cells, converted by bigQueryValue into plain values.
          // Timestamps come as int64 microseconds (formatOptions.useInt64Timestamp), exact.
          const request: QueryResultsOptions = { autoPaginate: false, skipParsing: true, maxResults: pageSize, ...(pageToken ? { pageToken } : {}), 'formatOptions.useInt64Timestamp': true };
          const [rowsOfPage, , response] = await job.getQueryResults(request);
          raw = rowsOfPage as unknown[];
          page = (response ?? {}) as QueryPage;
        } catch (err) {
          throw this.rejected(err) ?? this.failure('reading query results', err);
        }
        if (page.jobComplete === false) {
          // getQueryResults waited server-side already; the pause keeps a slow job from being hammered.
          await delay(wait, undefined, signal ? { signal } : {});
          wait = Math.min(wait * 1.5, this.pollIntervalMs * 10);
          continue;
        }
        fields ??= page.schema?.fields ?? [];
        for (const row of raw as Array<{ f?: Array<{ v?: unknown }> }>) {
          if (maxRows !== undefined && rows.length >= maxRows) break;
          const cells = row.f ?? [];
          rows.push(fields.map((f, i) => bigQueryValue(cells[i]?.v, f)));
        }
        if (!page.pageToken || (maxRows !== undefined && rows.length >= maxRows)) break;
        pageToken = page.pageToken;
      }
      return { columns: (fields ?? []).map((f) => f.name), rows };
    } catch (err) {
      if (signal?.aborted) {
        // Stop paying for a query nobody waits for; the answer does not matter.
        void job.cancel().catch(() => undefined);
        signal.throwIfAborted();
      }
      throw err;
    }
  }

  async dropDataset(name: string): Promise<void> {
    await this.call(`deleting dataset ${name}`, () => this.dataset(name).delete({ force: true }), [404]);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private failure(what: string, err: unknown, attempts?: number): RemoteServiceError {
    if (err instanceof RemoteServiceError) return err;
    const status = statusOf(err);
    const errors = errorsOf(err);
    const after = attempts && attempts > 1 ? ` (after ${attempts} attempts)` : '';
    if (!answered(err)) {
      const base = this.options.endpoint ?? 'bigquery.googleapis.com';
      return new RemoteServiceError('warehouse_error', `Could not reach BigQuery at ${base} while ${what}: ${(err as Error).message}${after}`, { cause: err });
    }
    const reason = errors[0]?.reason;
    const message = errors[0]?.message ?? (err as Error).message;
    return new RemoteServiceError(
      'warehouse_error',
      `BigQuery failed while ${what} (HTTP ${status ?? 200}${reason ? `, ${reason}` : ''}): ${message || 'no message'}${errors.length > 1 ? `.${describeErrors(errors.slice(1))}` : ''}${after}`,
      { ...(status === undefined ? {} : { httpStatus: status }), cause: err },
    );
  }

  /**
   * One call of the client (which retries by RETRY_POLICY's rule), with its failure as
   * warehouse_error. A status in `accept` is the caller's to handle and is returned instead.
   */
  private call<T>(what: string, fn: () => Promise<T>): Promise<T>;
  private call<T>(what: string, fn: () => Promise<T>, accept: number[]): Promise<T | Refused>;
  private async call<T>(what: string, fn: () => Promise<T>, accept: number[] = []): Promise<T | Refused> {
    try {
      return await fn();
    } catch (err) {
      const status = statusOf(err);
      if (status !== undefined && accept.includes(status)) return new Refused(status);
      throw this.failure(what, err, retryableError(err) || !answered(err) ? this.attempts : undefined);
    }
  }
}
