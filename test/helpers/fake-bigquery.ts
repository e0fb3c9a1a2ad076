import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkBigQuerySql } from './bigquery-sql.js';

export interface RecordedBigQueryRequest {
  method: string;
  /** Decoded path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, when the request sent JSON. */
  body?: unknown;
  /** Bytes received, for upload PUTs (whose bodies are data, not JSON). */
  bytes?: number;
  headers: Record<string, string>;
}

export interface FakeField {
  name: string;
  type: string;
  mode?: string;
  description?: string;
}

export interface FakeQueryResult {
  fields: FakeField[];
  /** Plain values; the fake encodes them as BigQuery does (strings, TIMESTAMP as epoch seconds). */
  rows: unknown[][];
}

export interface FakeDataset {
  datasetReference: { projectId: string; datasetId: string };
  location: string;
  description?: string;
  labels?: Record<string, string>;
  defaultTableExpirationMs?: string;
}

export interface FakeTable {
  tableReference: { projectId: string; datasetId: string; tableId: string };
  description?: string;
  schema?: { fields: FakeField[] };
  numRows: string;
  numBytes: string;
}

export interface FakeJob {
  jobReference: { projectId: string; jobId: string; location: string };
  configuration: Record<string, unknown>;
  status: { state: 'PENDING' | 'RUNNING' | 'DONE'; errorResult?: { reason: string; message: string }; errors?: Array<{ reason: string; message: string }> };
  statistics: { load?: { outputRows: string; inputFileBytes: string } };
  /** Polls left before the job reports DONE. */
  pollsLeft: number;
  /** Query jobs: the result, and whether it was cancelled. */
  result?: FakeQueryResult;
  cancelled?: boolean;
}

export interface FakeBigQueryOptions {
  /** jobs.get answers RUNNING this many times before DONE. Default 1. */
  loadPolls?: number;
  /** getQueryResults answers `jobComplete: false` this many times. Default 1. */
  queryPolls?: number;
  /** Rows per result page unless the client asks for fewer. Default 1000. */
  pageSize?: number;
}

export interface FakeBigQuery {
  url: string;
  requests: RecordedBigQueryRequest[];
  /** By dataset id. */
  datasets: Map<string, FakeDataset>;
  /** By `dataset.table`. */
  tables: Map<string, FakeTable>;
  /** By job id. */
  jobs: Map<string, FakeJob>;
  /** The next load job into `table` ends DONE with this errorResult. */
  failLoadFor(table: string, reason: string, message: string): void;
  /** Dry runs of SQL matching the predicate answer 400 invalidQuery with this message. */
  rejectDryRun(predicate: (sql: string) => boolean, message: string): void;
  /** Answers queries; throw to make the query fail with 400 invalidQuery. */
  onQuery(handler: (sql: string) => FakeQueryResult): void;
  /** The next upload starts its load job, but its answer is lost: the client gets a 503. */
  loseNextUploadAnswer(): void;
  /** The next `count` requests matching `match` answer `status` (default 503) without effect. */
  failNext(count: number, options?: { status?: number; match?: (req: RecordedBigQueryRequest) => boolean }): void;
  close(): Promise<void>;
}

function googleError(code: number, reason: string, message: string): unknown {
  const status = code === 404 ? 'NOT_FOUND' : code === 409 ? 'ALREADY_EXISTS' : code === 400 ? 'INVALID_ARGUMENT' : code === 503 ? 'UNAVAILABLE' : 'UNKNOWN';
  return { error: { code, message, errors: [{ message, domain: 'global', reason }], status } };
}

/** The parts of a multipart/related body, without their headers. */
function multipartParts(raw: Buffer, boundary: string): Buffer[] {
  const parts: Buffer[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const next = raw.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(at + delimiter.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    // Each part ends with the CRLF before the next delimiter.
    if (headerEnd >= 0) parts.push(part.subarray(headerEnd + 4, part.length - 2));
    at = next;
  }
  return parts;
}

/** Lines minus the header; quoted newlines are not special here. */
function csvRows(data: Buffer, skip: number): number {
  const text = data.toString('utf8');
  if (!text) return 0;
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return Math.max(0, lines - skip);
}

/**
 * BigQuery's wire format for a cell: strings; TIMESTAMP as int64 microseconds when the request
 * says formatOptions.useInt64Timestamp (the client always does), else as float seconds ("1.7040672E9").
 */
function encodeCell(v: unknown, type: string, int64Timestamp: boolean): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'TIMESTAMP') {
    const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(typeof v === 'string' ? v : '');
    if (int64Timestamp) return String(BigInt(ms) * 1000n);
    return (ms / 1000).toExponential().replace('e+', 'E').replace('e-', 'E-');
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/**
 * A loopback fake of the BigQuery v2 REST API, enough for the warehouse adapter: datasets,
 * tables, resumable-upload load jobs (counting CSV rows), jobs.get, jobs.query with polling and
 * paging, getQueryResults, cancel. Unknown things are 404, duplicates 409, as in BigQuery.
 */
export async function startFakeBigQuery(options: FakeBigQueryOptions = {}): Promise<FakeBigQuery> {
  const requests: RecordedBigQueryRequest[] = [];
  const datasets = new Map<string, FakeDataset>();
  const tables = new Map<string, FakeTable>();
  const jobs = new Map<string, FakeJob>();
  const loadFailures = new Map<string, { reason: string; message: string }>();
  const dryRunRejections: Array<{ predicate: (sql: string) => boolean; message: string }> = [];
  const faults: Array<{ count: number; status: number; match: (req: RecordedBigQueryRequest) => boolean }> = [];
  let queryHandler: (sql: string) => FakeQueryResult = () => ({ fields: [{ name: 'f0_', type: 'INTEGER', mode: 'NULLABLE' }], rows: [[0]] });
  let counter = 0;
  let loseUploadAnswer = false;

  const send = (res: ServerResponse, status: number, value?: unknown, headers: Record<string, string> = {}): void => {
    const body = value === undefined ? '' : JSON.stringify(value);
    res.writeHead(status, { ...(body ? { 'content-type': 'application/json; charset=UTF-8' } : {}), ...headers }).end(body);
  };

  /** Table references written as `project.dataset.table` in backticks. */
  const referencedTables = (sql: string): string[] => [...sql.matchAll(/`([^`.]+)\.([^`.]+)\.([^`.]+)`/g)].map((m) => `${m[2] ?? ''}.${m[3] ?? ''}`);

  const finishUpload = (job: FakeJob, data: Buffer): FakeJob => {
    jobs.set(job.jobReference.jobId, job);
    const load = job.configuration.load as {
      destinationTable: { projectId: string; datasetId: string; tableId: string };
      skipLeadingRows?: number;
      writeDisposition?: string;
      schema?: { fields: FakeField[] };
    };
    const dest = load.destinationTable;
    const key = `${dest.datasetId}.${dest.tableId}`;
    const failure = loadFailures.get(dest.tableId);
    const fail = (reason: string, message: string): FakeJob => {
      job.status.errorResult = { reason, message };
      job.status.errors = [{ reason, message }, { reason: 'invalid', message: 'Error while reading data, error message: CSV processing encountered too many errors' }];
      return job;
    };
    if (failure) {
      loadFailures.delete(dest.tableId);
      return fail(failure.reason, failure.message);
    }
    if (!datasets.has(dest.datasetId)) return fail('notFound', `Not found: Dataset ${dest.projectId}:${dest.datasetId}`);
    const rows = csvRows(data, load.skipLeadingRows ?? 0);
    let table = tables.get(key);
    if (!table) {
      table = { tableReference: { ...dest }, ...(load.schema ? { schema: load.schema } : {}), numRows: '0', numBytes: '0' };
      tables.set(key, table);
    }
    const before = Number(table.numRows);
    if (load.writeDisposition === 'WRITE_EMPTY' && before > 0) return fail('duplicate', `Already Exists: Table ${dest.projectId}:${key}`);
    table.numRows = String(load.writeDisposition === 'WRITE_TRUNCATE' ? rows : before + rows);
    table.numBytes = String(data.length);
    if (load.writeDisposition === 'WRITE_TRUNCATE' && load.schema) table.schema = load.schema;
    job.statistics.load = { outputRows: String(rows), inputFileBytes: String(data.length) };
    return job;
  };

  const queryPage = (job: FakeJob, query: Record<string, string>, maxResults: number | undefined): Record<string, unknown> => {
    const ref = job.jobReference;
    if (job.pollsLeft > 0) {
      job.pollsLeft--;
      return { kind: 'bigquery#getQueryResultsResponse', jobReference: ref, jobComplete: false };
    }
    const result = job.result ?? { fields: [], rows: [] };
    const start = Number(query.pageToken ?? 0);
    const size = Math.min(maxResults ?? Infinity, options.pageSize ?? 1000);
    const slice = result.rows.slice(start, start + size);
    const end = start + slice.length;
    return {
      kind: 'bigquery#getQueryResultsResponse',
      jobReference: ref,
      jobComplete: true,
      schema: { fields: result.fields.map((f) => ({ mode: 'NULLABLE', ...f })) },
      totalRows: String(result.rows.length),
      rows: slice.map((row) => ({ f: result.fields.map((f, i) => ({ v: encodeCell(row[i], f.type, query['formatOptions.useInt64Timestamp'] === 'true') })) })),
      ...(end < result.rows.length ? { pageToken: String(end) } : {}),
    };
  };

  const route = (req: IncomingMessage, res: ServerResponse, rec: RecordedBigQueryRequest, raw: Buffer): void => {
    const { method, path, query } = rec;
    const body = (rec.body ?? {}) as Record<string, unknown>;
    const notFound = (what: string): void => send(res, 404, googleError(404, 'notFound', `Not found: ${what}`));
    let m: RegExpExecArray | null;

    if (method === 'POST' && (m = /^\/upload\/bigquery\/v2\/projects\/([^/]+)\/jobs$/.exec(path)) && query.uploadType === 'multipart') {
      // multipart/related: the job resource as JSON, then the data (what the client's load sends).
      const boundary = /boundary=("?)([^";]+)\1/.exec(req.headers['content-type'] ?? '')?.[2];
      const parts = boundary ? multipartParts(raw, boundary) : [];
      const metadata = parts[0] ? (JSON.parse(parts[0].toString('utf8')) as Record<string, unknown>) : undefined;
      if (!metadata || !parts[1]) return send(res, 400, googleError(400, 'invalid', 'Expected a multipart/related upload: the job, then the data.'));
      rec.body = metadata;
      rec.bytes = parts[1].length;
      const ref = metadata.jobReference as { jobId?: string; location?: string } | undefined;
      const jobId = ref?.jobId ?? `job_${++counter}`;
      const location = ref?.location ?? 'US';
      if (jobs.has(jobId)) return send(res, 409, googleError(409, 'duplicate', `Already Exists: Job ${m[1] ?? ''}:${location}.${jobId}`));
      const job = finishUpload(
        {
          jobReference: { projectId: m[1] ?? '', jobId, location },
          configuration: (metadata.configuration ?? {}) as Record<string, unknown>,
          status: { state: 'RUNNING' },
          statistics: {},
          pollsLeft: options.loadPolls ?? 1,
        },
        parts[1],
      );
      if (loseUploadAnswer) {
        loseUploadAnswer = false;
        return send(res, 503, googleError(503, 'backendError', 'The answer was lost after the job started.'));
      }
      const { pollsLeft: _p, result: _r, cancelled: _c, ...resource } = job;
      return send(res, 200, resource);
    }

    if ((m = /^\/bigquery\/v2\/projects\/([^/]+)\/datasets$/.exec(path)) && method === 'POST') {
      const ref = body.datasetReference as { datasetId?: string } | undefined;
      const id = ref?.datasetId ?? '';
      if (datasets.has(id)) return send(res, 409, googleError(409, 'duplicate', `Already Exists: Dataset ${m[1] ?? ''}:${id}`));
      const dataset = { ...(body as unknown as FakeDataset), location: (body.location as string | undefined) ?? 'US' };
      datasets.set(id, dataset);
      return send(res, 200, { kind: 'bigquery#dataset', id: `${m[1] ?? ''}:${id}`, ...dataset });
    }
    if ((m = /^\/bigquery\/v2\/projects\/([^/]+)\/datasets\/([^/]+)$/.exec(path))) {
      const id = m[2] ?? '';
      const dataset = datasets.get(id);
      if (!dataset) return notFound(`Dataset ${m[1] ?? ''}:${id}`);
      if (method === 'GET') return send(res, 200, dataset);
      if (method === 'PATCH') {
        Object.assign(dataset, body);
        return send(res, 200, dataset);
      }
      if (method === 'DELETE') {
        const contents = [...tables.keys()].filter((k) => k.startsWith(`${id}.`));
        if (contents.length > 0 && query.deleteContents !== 'true') return send(res, 400, googleError(400, 'resourceInUse', `Dataset ${m[1] ?? ''}:${id} is still in use`));
        for (const k of contents) tables.delete(k);
        datasets.delete(id);
        return send(res, 204);
      }
    }
    if ((m = /^\/bigquery\/v2\/projects\/([^/]+)\/datasets\/([^/]+)\/tables$/.exec(path)) && method === 'POST') {
      const datasetId = m[2] ?? '';
      if (!datasets.has(datasetId)) return notFound(`Dataset ${m[1] ?? ''}:${datasetId}`);
      const ref = body.tableReference as { tableId?: string } | undefined;
      const key = `${datasetId}.${ref?.tableId ?? ''}`;
      if (tables.has(key)) return send(res, 409, googleError(409, 'duplicate', `Already Exists: Table ${m[1] ?? ''}:${key}`));
      const table = { ...(body as unknown as FakeTable), numRows: '0', numBytes: '0' };
      tables.set(key, table);
      return send(res, 200, { kind: 'bigquery#table', ...table });
    }
    if ((m = /^\/bigquery\/v2\/projects\/([^/]+)\/datasets\/([^/]+)\/tables\/([^/]+)$/.exec(path))) {
      const key = `${m[2] ?? ''}.${m[3] ?? ''}`;
      const table = tables.get(key);
      if (!table) return notFound(`Table ${m[1] ?? ''}:${key}`);
      if (method === 'GET') return send(res, 200, table);
      if (method === 'PATCH') {
        const schema = body.schema as { fields?: FakeField[] } | undefined;
        // BigQuery only adds columns or relaxes modes in place; a changed type is refused.
        for (const f of schema?.fields ?? []) {
          const old = table.schema?.fields.find((o) => o.name === f.name);
          if (old && old.type !== f.type) return send(res, 400, googleError(400, 'invalid', `Provided Schema does not match Table ${m[1] ?? ''}:${key}. Field ${f.name} has changed type from ${old.type} to ${f.type}`));
        }
        Object.assign(table, body);
        return send(res, 200, table);
      }
      if (method === 'DELETE') {
        tables.delete(key);
        return send(res, 204);
      }
    }
    if ((m = /^\/bigquery\/v2\/projects\/([^/]+)\/jobs\/([^/]+)$/.exec(path)) && method === 'GET') {
      const job = jobs.get(m[2] ?? '');
      // Jobs outside US and EU are invisible without their location, as in BigQuery.
      if (!job || (query.location ?? 'US') !== job.jobReference.location) return notFound(`Job ${m[1] ?? ''}:${query.location ?? 'US'}.${m[2] ?? ''}`);
      if (job.status.state !== 'DONE') {
        if (job.pollsLeft > 0) job.pollsLeft--;
        else job.status.state = 'DONE';
      }
      const { pollsLeft: _p, result: _r, cancelled: _c, ...resource } = job;
      return send(res, 200, resource);
    }
    if ((m = /^\/bigquery\/v2\/projects\/([^/]+)\/jobs\/([^/]+)\/cancel$/.exec(path)) && method === 'POST') {
      const job = jobs.get(m[2] ?? '');
      if (!job) return notFound(`Job ${m[1] ?? ''}:${m[2] ?? ''}`);
      job.cancelled = true;
      job.status = { state: 'DONE', errorResult: { reason: 'stopped', message: 'Job execution was cancelled: User requested cancellation' } };
      return send(res, 200, { kind: 'bigquery#jobCancelResponse', job });
    }
    if ((m = /^\/bigquery\/v2\/projects\/([^/]+)\/jobs$/.exec(path)) && method === 'POST') {
      // jobs.insert of query jobs, dry or not (loads come through the upload endpoint).
      const project = m[1] ?? '';
      const configuration = (body.configuration ?? {}) as { dryRun?: boolean; query?: { query?: string; useLegacySql?: boolean; maximumBytesBilled?: string } };
      const reference = (body.jobReference ?? {}) as { jobId?: string; location?: string };
      const location = reference.location ?? 'US';
      const sql = configuration.query?.query ?? '';
      if (!configuration.query) return send(res, 400, googleError(400, 'invalid', 'The fake runs only query jobs through jobs.insert.'));
      for (const t of referencedTables(sql)) {
        if (!tables.has(t)) return notFound(`Table ${project}:${t} was not found in location ${location}`);
      }
      // BigQuery refuses what it cannot parse before it runs anything.
      const parsed = checkBigQuerySql(sql);
      if (!parsed.ok) return send(res, 400, googleError(400, 'invalidQuery', parsed.message));
      if (configuration.dryRun === true) {
        const rejection = dryRunRejections.find((r) => r.predicate(sql));
        if (rejection) return send(res, 400, googleError(400, 'invalidQuery', rejection.message));
        const bytes = String(referencedTables(sql).reduce((n, t) => n + Number(tables.get(t)?.numBytes ?? 0), 0));
        return send(res, 200, {
          kind: 'bigquery#job',
          jobReference: { projectId: project, location },
          configuration: { ...configuration, jobType: 'QUERY' },
          status: { state: 'DONE' },
          statistics: { totalBytesProcessed: bytes, query: { totalBytesProcessed: bytes, statementType: parsed.statementType } },
        });
      }
      const jobId = reference.jobId ?? `job_${++counter}`;
      if (jobs.has(jobId)) return send(res, 409, googleError(409, 'duplicate', `Already Exists: Job ${project}:${location}.${jobId}`));
      const job: FakeJob = {
        jobReference: { projectId: project, jobId, location },
        configuration: { ...configuration, jobType: 'QUERY' },
        status: { state: 'RUNNING' },
        statistics: {},
        pollsLeft: options.queryPolls ?? 1,
      };
      jobs.set(jobId, job);
      try {
        job.result = queryHandler(sql);
      } catch (err) {
        // A query that fails as it starts: the job is DONE with its errors (HTTP 200).
        const error = { reason: 'invalidQuery', message: (err as Error).message };
        job.status = { state: 'DONE', errorResult: error, errors: [error] };
      }
      const { pollsLeft: _p, result: _r, cancelled: _c, ...resource } = job;
      return send(res, 200, { kind: 'bigquery#job', ...resource });
    }
    if ((m = /^\/bigquery\/v2\/projects\/([^/]+)\/queries\/([^/]+)$/.exec(path)) && method === 'GET') {
      const job = jobs.get(m[2] ?? '');
      if (!job?.result || (query.location ?? 'US') !== job.jobReference.location) return notFound(`Job ${m[1] ?? ''}:${query.location ?? 'US'}.${m[2] ?? ''}`);
      if (job.cancelled) return send(res, 400, googleError(400, 'stopped', 'Job execution was cancelled: User requested cancellation'));
      return send(res, 200, queryPage(job, query, query.maxResults === undefined ? undefined : Number(query.maxResults)));
    }
    send(res, 404, googleError(404, 'notFound', `No route: ${method} ${path}`));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const parsed = new URL(req.url ?? '/', 'http://fake');
      const isUpload = req.method === 'PUT' && parsed.pathname.startsWith('/upload/');
      const contentType = req.headers['content-type'] ?? '';
      let body: unknown;
      if (!isUpload && raw.length > 0 && contentType.includes('json')) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return send(res, 400, googleError(400, 'parseError', 'Parse Error'));
        }
      }
      const rec: RecordedBigQueryRequest = {
        method: req.method ?? '',
        path: decodeURIComponent(parsed.pathname),
        query: Object.fromEntries(parsed.searchParams),
        ...(body === undefined ? {} : { body }),
        ...(isUpload ? { bytes: raw.length } : {}),
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
      };
      requests.push(rec);
      const fault = faults.find((f) => f.count > 0 && f.match(rec));
      if (fault) {
        fault.count--;
        return send(res, fault.status, googleError(fault.status, fault.status === 429 ? 'rateLimitExceeded' : 'backendError', 'Injected failure: try again later.'));
      }
      route(req, res, rec, raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    datasets,
    tables,
    jobs,
    failLoadFor: (table, reason, message) => void loadFailures.set(table, { reason, message }),
    rejectDryRun: (predicate, message) => void dryRunRejections.push({ predicate, message }),
    onQuery: (handler) => {
      queryHandler = handler;
    },
    loseNextUploadAnswer: () => {
      loseUploadAnswer = true;
    },
    failNext: (count, opts = {}) => void faults.push({ count, status: opts.status ?? 503, match: opts.match ?? (() => true) }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
