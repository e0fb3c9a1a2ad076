import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { GoogleAuth } from 'google-auth-library';
import { DataValidationError, RemoteServiceError } from '../core/errors.js';
import { isRetryableStatus, RETRY_POLICY, retryDelayMs } from '../core/retry-policy.js';
import type { ColumnType, Table } from '../domain/data-model.js';
import { CSV_NULL } from '../data/csv.js';
import { bigqueryDialect, type SqlDialect } from './sql-dialect.js';
import type { DatasetRef, QueryOptions, QueryResult, Warehouse } from './warehouse.js';

export const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery';
export const DEFAULT_BIGQUERY_ENDPOINT = 'https://bigquery.googleapis.com';
/** Tables loaded at once by the provision stage: BigQuery runs load jobs in parallel. */
export const DEFAULT_LOAD_CONCURRENCY = 4;
const DEFAULT_MAXIMUM_BYTES_BILLED = String(10 * 1024 ** 3);
/** BigQuery's limits on descriptions (characters). */
const MAX_COLUMN_DESCRIPTION = 1024;
const MAX_TABLE_DESCRIPTION = 16384;
/** How long jobs.query / getQueryResults may hold the request open server-side. */
const SERVER_WAIT_MS = 10_000;
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
  /** `BIGQUERY_API_ENDPOINT`: a loopback endpoint is a fake or emulator and gets no credentials. */
  endpoint?: string;
  /** Every query is capped at this many bytes billed. Default 10 GiB. */
  maximumBytesBilled?: number | bigint | string;
  /** Tables in the datasets we create expire after this long (milliseconds). */
  defaultTableExpirationMs?: number;
  /** Tables the provision stage may load at once. Default 4. */
  loadConcurrency?: number;
  /** First delay between polls of a running job; it grows to 10x. Default 1000. */
  pollIntervalMs?: number;
  /** Retries of 429/5xx answers and dropped connections. Default: RETRY_POLICY (src/core/retry-policy.ts), shared with the CAPI adapter. */
  retry?: { attempts?: number; baseDelayMs?: number };
  /** Per-request time limit for everything but the upload itself. Default 60 s. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** A column of a BigQuery table schema (tables.insert, load jobs). */
export interface BigQueryField {
  name: string;
  type: string;
  mode: 'NULLABLE' | 'REQUIRED' | 'REPEATED';
  description?: string;
  fields?: BigQueryField[];
}

interface ErrorProto {
  reason?: string;
  message?: string;
  location?: string;
}

interface JobResource {
  jobReference?: { projectId?: string; jobId?: string; location?: string };
  status?: { state?: string; errorResult?: ErrorProto; errors?: ErrorProto[] };
  statistics?: { load?: { outputRows?: string } };
}

interface QueryResponse {
  jobComplete?: boolean;
  jobReference?: { projectId?: string; jobId?: string; location?: string };
  schema?: { fields?: BigQueryField[] };
  rows?: Array<{ f?: Array<{ v?: unknown }> }>;
  pageToken?: string;
  totalBytesProcessed?: string;
}

interface ApiResponse {
  status: number;
  headers: Headers;
  json: unknown;
}

interface CallOptions {
  /** What was attempted, for error messages: "creating dataset x". */
  what: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Non-2xx statuses the caller handles itself (409 = exists, 404 = gone). */
  accept?: number[];
  signal?: AbortSignal | undefined;
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
      // Seconds since the epoch as a float string, e.g. "1.7040672E9".
      const ms = Math.round(Number(v) * 1000);
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

function googleError(json: unknown): { message?: string; reason?: string; errors: ErrorProto[] } {
  const error = (json as { error?: { message?: string; errors?: ErrorProto[] } } | null)?.error;
  const errors = Array.isArray(error?.errors) ? error.errors : [];
  return { message: error?.message, reason: errors[0]?.reason, errors };
}

function describeErrors(errors: ErrorProto[] | undefined, max = 3): string {
  const list = (errors ?? []).slice(0, max).map((e) => `${e.reason ?? 'error'}: ${e.message ?? ''}${e.location ? ` (${e.location})` : ''}`);
  const more = (errors?.length ?? 0) > max ? ` (and ${(errors?.length ?? 0) - max} more)` : '';
  return list.length ? ` Errors: ${list.join('; ')}${more}.` : '';
}

function withLocation(job: JobResource, location: string): Record<string, string> {
  return { location: job.jobReference?.location ?? location };
}

/**
 * The cloud warehouse: BigQuery over its v2 REST API. A dataset per job with labels and
 * expiry; one load job per table from a resumable upload (WRITE_TRUNCATE, so a rerun
 * replaces); every query dry-runnable and capped by maximum bytes billed.
 */
export class BigQueryWarehouse implements Warehouse {
  readonly kind = 'bigquery' as const;
  readonly projectId: string;
  readonly location: string;
  readonly loadConcurrency: number;
  private readonly endpoint: string;
  private readonly loopback: boolean;
  private readonly maximumBytesBilled: string;
  private readonly pollIntervalMs: number;
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly requestTimeoutMs: number;
  private readonly fetchFn: typeof fetch;
  private auth: GoogleAuth | undefined;

  constructor(private readonly options: BigQueryWarehouseOptions) {
    this.projectId = options.projectId;
    this.location = options.location ?? 'US';
    this.loadConcurrency = options.loadConcurrency ?? DEFAULT_LOAD_CONCURRENCY;
    const endpoint = new URL(options.endpoint ?? DEFAULT_BIGQUERY_ENDPOINT);
    this.endpoint = endpoint.origin;
    this.loopback = isLoopback(endpoint);
    this.maximumBytesBilled = options.maximumBytesBilled === undefined ? DEFAULT_MAXIMUM_BYTES_BILLED : String(options.maximumBytesBilled);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.attempts = options.retry?.attempts ?? RETRY_POLICY.attempts;
    this.baseDelayMs = options.retry?.baseDelayMs ?? RETRY_POLICY.baseDelayMs;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  dialect(dataset: string, asOf: string): SqlDialect {
    return bigqueryDialect(asOf, this.projectId, dataset);
  }

  private get projectPath(): string {
    return `/bigquery/v2/projects/${encodeURIComponent(this.projectId)}`;
  }

  private datasetPath(dataset: string): string {
    return `${this.projectPath}/datasets/${encodeURIComponent(dataset)}`;
  }

  async ensureDataset(name: string, options: { description: string; labels: Record<string, string> }): Promise<DatasetRef> {
    const expiration = this.options.defaultTableExpirationMs;
    const settings = {
      description: options.description,
      labels: bigQueryLabels(options.labels),
      ...(expiration !== undefined ? { defaultTableExpirationMs: String(expiration) } : {}),
    };
    const created = await this.call('POST', `${this.projectPath}/datasets`, {
      what: `creating dataset ${name}`,
      body: { datasetReference: { projectId: this.projectId, datasetId: name }, location: this.location, ...settings },
      accept: [409],
    });
    if (created.status === 409) {
      // It exists (a rerun, or our own retried insert): converge its settings instead.
      const patched = await this.call('PATCH', this.datasetPath(name), { what: `updating dataset ${name}`, body: settings });
      const location = (patched.json as { location?: string }).location;
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
    const size = (await stat(csvPath)).size;
    // Unique per call, reused by every retry within it: BigQuery answers 409 to a job id it
    // has seen, so a retried insert never loads twice, while a later rerun still loads afresh.
    const jobId = `provision_load_${dataset}_${table.name}_${randomUUID().replace(/-/g, '')}`;
    const job = {
      jobReference: { projectId: this.projectId, jobId, location: this.location },
      configuration: {
        load: {
          destinationTable: { projectId: this.projectId, datasetId: dataset, tableId: table.name },
          sourceFormat: 'CSV',
          skipLeadingRows: 1,
          allowQuotedNewlines: true,
          // Said, not assumed: our CSV writer (src/data/csv.ts, CSV_NULL) writes NULL as an empty
          // unquoted field and quotes every string, so an empty string is "" and stays a string.
          nullMarker: CSV_NULL,
          writeDisposition: 'WRITE_TRUNCATE',
          createDisposition: 'CREATE_IF_NEEDED',
          schema,
        },
      },
    };
    const what = `loading table ${table.name} into ${dataset}`;
    const started = await this.uploadLoadJob(job, jobId, csvPath, size, what);
    const done = await this.waitForJob(started, jobId, what);
    const error = done.status?.errorResult;
    if (error) {
      throw new RemoteServiceError(
        'warehouse_error',
        `Loading table ${table.name} into ${dataset} failed: ${error.reason ?? 'error'}: ${error.message ?? 'no message'}.${describeErrors(done.status?.errors)}`,
      );
    }
    const outputRows = done.statistics?.load?.outputRows;
    return outputRows === undefined ? this.countRows(dataset, table.name) : Number(outputRows);
  }

  private async ensureTable(dataset: string, table: Table, schema: { fields: BigQueryField[] }): Promise<void> {
    const tablesPath = `${this.datasetPath(dataset)}/tables`;
    const tablePath = `${tablesPath}/${encodeURIComponent(table.name)}`;
    const resource = {
      tableReference: { projectId: this.projectId, datasetId: dataset, tableId: table.name },
      description: table.description.slice(0, MAX_TABLE_DESCRIPTION),
      schema,
    };
    const created = await this.call('POST', tablesPath, { what: `creating table ${table.name} in ${dataset}`, body: resource, accept: [409] });
    if (created.status !== 409) return;
    const patched = await this.call('PATCH', tablePath, {
      what: `updating table ${table.name} in ${dataset}`,
      body: { description: resource.description, schema },
      accept: [400],
    });
    if (patched.status !== 400) return;
    // A changed column type cannot be patched; the load replaces every row anyway, so start over.
    await this.call('DELETE', tablePath, { what: `replacing table ${table.name} in ${dataset}`, accept: [404] });
    await this.call('POST', tablesPath, { what: `creating table ${table.name} in ${dataset}`, body: resource });
  }

  /**
   * Starts the load job with a resumable upload of the file, streamed from disk. An interrupted
   * upload asks the session how many bytes arrived and sends only the rest; resending blindly
   * could corrupt the file. Returns the job as the upload's answer or jobs.get reports it.
   */
  private async uploadLoadJob(job: unknown, jobId: string, csvPath: string, size: number, what: string): Promise<JobResource> {
    for (let session = 0; session < this.attempts; session++) {
      const init = await this.call('POST', `/upload${this.projectPath}/jobs`, {
        what,
        query: { uploadType: 'resumable' },
        body: job,
        headers: { 'x-upload-content-type': 'application/octet-stream', 'x-upload-content-length': String(size) },
        accept: [409],
      });
      if (init.status === 409) return this.getJob(jobId, what);
      const location = init.headers.get('location');
      if (!location) throw new RemoteServiceError('warehouse_error', `BigQuery started no upload session while ${what} (no Location header).`);
      const outcome = await this.sendFile(new URL(location, this.endpoint), csvPath, size, what);
      if (outcome === 'exists') return this.getJob(jobId, what);
      if (outcome !== 'restart') return outcome;
    }
    throw new RemoteServiceError('warehouse_error', `BigQuery kept expiring the upload session while ${what}.`);
  }

  private async sendFile(session: URL, csvPath: string, size: number, what: string): Promise<JobResource | 'exists' | 'restart'> {
    // undefined: we do not know what the server holds and must ask before sending anything.
    let offset: number | undefined = 0;
    for (let attempt = 1; ; attempt++) {
      let res: Response | undefined;
      try {
        // The session URI comes from the server's Location header: send credentials only to Google.
        const trusted = session.origin === this.endpoint || session.hostname.endsWith('.googleapis.com');
        const headers: Record<string, string> = { ...(trusted ? await this.authHeaders() : {}), 'content-type': 'application/octet-stream' };
        if (offset === undefined || offset >= size) {
          res = await this.fetchFn(session, { method: 'PUT', headers: { ...headers, 'content-length': '0', 'content-range': `bytes */${size}` }, redirect: 'manual' });
        } else {
          if (offset > 0) headers['content-range'] = `bytes ${offset}-${size - 1}/${size}`;
          headers['content-length'] = String(size - offset);
          // Streamed from disk: the file may be larger than memory. Node's fetch needs `duplex`
          // for a stream body; the global RequestInit type predates it.
          const init: RequestInit & { duplex: 'half' } = {
            method: 'PUT',
            headers,
            body: Readable.toWeb(createReadStream(csvPath, { start: offset })) as ReadableStream<Uint8Array>,
            duplex: 'half',
            redirect: 'manual',
          };
          res = await this.fetchFn(session, init);
        }
      } catch (err) {
        if (err instanceof RemoteServiceError) throw err;
        res = undefined;
      }
      if (res?.ok) return (await res.json()) as JobResource;
      if (res?.status === 308) {
        // "Resume Incomplete": Range says which bytes arrived; none when it is absent.
        const range = /bytes=0-(\d+)/.exec(res.headers.get('range') ?? '');
        offset = range?.[1] === undefined ? 0 : Number(range[1]) + 1;
        await res.body?.cancel();
        continue;
      }
      if (res?.status === 409) return 'exists';
      if (res?.status === 404 || res?.status === 410) return 'restart';
      if (res && !this.retryableStatus(res.status, undefined)) {
        const json: unknown = await res.json().catch(() => null);
        throw this.httpError(what, res.status, json);
      }
      await res?.body?.cancel();
      if (attempt >= this.attempts) throw new RemoteServiceError('warehouse_error', `The upload kept failing while ${what}${res ? ` (HTTP ${res.status})` : ''}.`, res ? { httpStatus: res.status } : {});
      offset = undefined;
      await delay(this.backoff(attempt));
    }
  }

  private getJob(jobId: string, what: string): Promise<JobResource> {
    return this.call('GET', `${this.projectPath}/jobs/${encodeURIComponent(jobId)}`, { what, query: { location: this.location } }).then((r) => r.json as JobResource);
  }

  private async waitForJob(job: JobResource, jobId: string, what: string): Promise<JobResource> {
    const deadline = Date.now() + LOAD_JOB_TIMEOUT_MS;
    let current = job;
    let wait = this.pollIntervalMs;
    while (current.status?.state !== 'DONE') {
      if (Date.now() > deadline) throw new RemoteServiceError('warehouse_error', `BigQuery job ${jobId} did not finish within ${LOAD_JOB_TIMEOUT_MS / 60_000} minutes while ${what}.`);
      await delay(wait);
      wait = Math.min(wait * 1.5, this.pollIntervalMs * 10);
      current = await this.call('GET', `${this.projectPath}/jobs/${encodeURIComponent(jobId)}`, { what, query: withLocation(current, this.location) }).then((r) => r.json as JobResource);
    }
    return current;
  }

  async countRows(dataset: string, table: string): Promise<number> {
    const res = await this.call('GET', `${this.datasetPath(dataset)}/tables/${encodeURIComponent(table)}`, { what: `reading table ${table} in ${dataset}`, accept: [404] });
    if (res.status === 404) {
      throw new RemoteServiceError('warehouse_error', `Table ${this.projectId}.${dataset}.${table} does not exist.`, { httpStatus: 404 });
    }
    return Number((res.json as { numRows?: string }).numRows ?? 0);
  }

  private queryRequest(dataset: string, sql: string): Record<string, unknown> {
    return {
      query: sql,
      useLegacySql: false,
      defaultDataset: { projectId: this.projectId, datasetId: dataset },
      location: this.location,
      maximumBytesBilled: this.maximumBytesBilled,
    };
  }

  private rejected(res: ApiResponse): RemoteServiceError {
    const { message } = googleError(res.json);
    return new RemoteServiceError('warehouse_error', `BigQuery rejected the query: ${message ?? `HTTP ${res.status}`}`, { httpStatus: res.status });
  }

  /**
   * A dry run as a job (jobs.insert with `dryRun`), because only the job's statistics say what
   * kind of statement the SQL is (jobs.query's answer does not). Anything but a single SELECT
   * is refused here, so nothing else ever runs (issue #16): not DML, DDL or a script.
   */
  async dryRun(dataset: string, sql: string): Promise<{ bytes?: number }> {
    const { projectId, location } = this;
    const { query, useLegacySql, defaultDataset, maximumBytesBilled } = this.queryRequest(dataset, sql);
    const res = await this.call('POST', `${this.projectPath}/jobs`, {
      what: 'dry-running a query',
      body: { jobReference: { projectId, location }, configuration: { dryRun: true, query: { query, useLegacySql, defaultDataset, maximumBytesBilled } } },
      // A missing table or column is 404/400: the query's fault, not the service's.
      accept: [400, 404],
    });
    if (res.status !== 200) throw this.rejected(res);
    const stats = (res.json as { statistics?: { totalBytesProcessed?: string; query?: { statementType?: string; totalBytesProcessed?: string } } }).statistics;
    const statementType = stats?.query?.statementType;
    if (statementType !== 'SELECT') {
      throw new DataValidationError('validation_failed', `Refused to run the SQL: BigQuery's dry run says it is ${statementType ? `a ${statementType} statement` : 'of no known statement type'}; only a single SELECT may run.`);
    }
    this.remember(dataset, sql);
    const bytes = stats?.query?.totalBytesProcessed ?? stats?.totalBytesProcessed;
    return bytes === undefined ? {} : { bytes: Number(bytes) };
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
    const first = await this.call('POST', `${this.projectPath}/queries`, {
      what: 'running a query',
      // requestId makes a retried jobs.query return the same job instead of running it twice.
      body: { ...this.queryRequest(dataset, sql), timeoutMs: SERVER_WAIT_MS, maxResults: pageSize, requestId: randomUUID() },
      accept: [400, 404],
      signal,
    });
    if (first.status !== 200) throw this.rejected(first);
    let page = first.json as QueryResponse;
    const ref = page.jobReference;
    try {
      let fields: BigQueryField[] | undefined;
      const rows: unknown[][] = [];
      let wait = this.pollIntervalMs;
      for (;;) {
        if (page.jobComplete) {
          fields ??= page.schema?.fields ?? [];
          for (const row of page.rows ?? []) {
            if (maxRows !== undefined && rows.length >= maxRows) break;
            const cells = row.f ?? [];
            rows.push(fields.map((f, i) => bigQueryValue(cells[i]?.v, f)));
          }
          if (!page.pageToken || (maxRows !== undefined && rows.length >= maxRows)) break;
          page = await this.queryResults(ref, { pageToken: page.pageToken, maxResults: String(pageSize) }, signal);
        } else {
          await delay(wait, undefined, { signal });
          wait = Math.min(wait * 1.5, this.pollIntervalMs * 10);
          page = await this.queryResults(ref, { maxResults: String(pageSize), timeoutMs: String(SERVER_WAIT_MS) }, signal);
        }
      }
      return { columns: (fields ?? []).map((f) => f.name), rows };
    } catch (err) {
      if (signal?.aborted) {
        // Stop paying for a query nobody waits for; the answer does not matter.
        if (ref?.jobId) void this.cancelJob(ref.jobId, ref.location).catch(() => undefined);
        signal.throwIfAborted();
      }
      throw err;
    }
  }

  private async queryResults(ref: QueryResponse['jobReference'], params: Record<string, string>, signal: AbortSignal | undefined): Promise<QueryResponse> {
    if (!ref?.jobId) throw new RemoteServiceError('warehouse_error', 'BigQuery did not say which job runs the query, so its results cannot be read.');
    const res = await this.call('GET', `${this.projectPath}/queries/${encodeURIComponent(ref.jobId)}`, {
      what: 'reading query results',
      query: { ...params, location: ref.location ?? this.location },
      accept: [400],
      signal,
    });
    if (res.status !== 200) throw this.rejected(res);
    return res.json as QueryResponse;
  }

  private async cancelJob(jobId: string, location: string | undefined): Promise<void> {
    await this.call('POST', `${this.projectPath}/jobs/${encodeURIComponent(jobId)}/cancel`, { what: 'cancelling a query', query: { location: location ?? this.location }, accept: [404] });
  }

  async dropDataset(name: string): Promise<void> {
    await this.call('DELETE', this.datasetPath(name), { what: `deleting dataset ${name}`, query: { deleteContents: 'true' }, accept: [404] });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private async authHeaders(): Promise<Record<string, string>> {
    if (this.loopback) return {};
    try {
      this.auth ??= new GoogleAuth({ scopes: [BIGQUERY_SCOPE] });
      return Object.fromEntries((await this.auth.getRequestHeaders()).entries());
    } catch (err) {
      throw new RemoteServiceError('warehouse_error', `Could not get Google credentials for BigQuery: ${(err as Error).message}`, { cause: err });
    }
  }

  private retryableStatus(status: number, reason: string | undefined): boolean {
    return isRetryableStatus(status, reason);
  }

  private backoff(attempt: number): number {
    return retryDelayMs(attempt, this.baseDelayMs);
  }

  private httpError(what: string, status: number, json: unknown): RemoteServiceError {
    const { message, reason, errors } = googleError(json);
    return new RemoteServiceError('warehouse_error', `BigQuery failed while ${what} (HTTP ${status}${reason ? `, ${reason}` : ''}): ${message ?? 'no message'}${errors.length > 1 ? `.${describeErrors(errors.slice(1))}` : ''}`, { httpStatus: status });
  }

  /**
   * One JSON call with retries of 429/5xx and dropped connections. Every call retried here is
   * safe to repeat: reads, deletes, patches, inserts that answer 409 when repeated, and
   * jobs.query with a requestId.
   */
  private async call(method: string, path: string, options: CallOptions): Promise<ApiResponse> {
    const url = new URL(path, this.endpoint);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    for (let attempt = 1; ; attempt++) {
      options.signal?.throwIfAborted();
      let failure: string;
      let httpStatus: number | undefined;
      try {
        const timeout = AbortSignal.timeout(this.requestTimeoutMs);
        const res = await this.fetchFn(url, {
          method,
          headers: {
            ...(await this.authHeaders()),
            ...(options.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
            ...options.headers,
          },
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
          signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
        });
        const text = await res.text();
        let json: unknown = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = { error: { message: text.slice(0, 300) } };
        }
        if (res.ok || options.accept?.includes(res.status)) return { status: res.status, headers: res.headers, json };
        if (!this.retryableStatus(res.status, googleError(json).reason)) throw this.httpError(options.what, res.status, json);
        failure = this.httpError(options.what, res.status, json).message;
        httpStatus = res.status;
      } catch (err) {
        if (err instanceof RemoteServiceError) throw err;
        options.signal?.throwIfAborted();
        failure = `Could not reach BigQuery at ${this.endpoint} while ${options.what}: ${(err as Error).message}`;
      }
      if (attempt >= this.attempts) throw new RemoteServiceError('warehouse_error', `${failure} (after ${attempt} attempts)`, httpStatus === undefined ? {} : { httpStatus });
      await delay(this.backoff(attempt), undefined, options.signal ? { signal: options.signal } : {});
    }
  }
}
