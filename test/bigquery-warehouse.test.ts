import assert from 'node:assert/strict';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DataValidationError, RemoteServiceError } from '../src/core/errors.js';
import { CSV_NULL, toCsv } from '../src/data/csv.js';
import type { Table } from '../src/domain/data-model.js';
import { BigQueryWarehouse, bigQueryLabels, bigQuerySchema, bigQueryValue, DEFAULT_LOAD_CONCURRENCY, DEFAULT_QUERY_CONCURRENCY, type BigQueryWarehouseOptions } from '../src/warehouse/bigquery-warehouse.js';
import { startFakeBigQuery, type FakeBigQuery, type RecordedBigQueryRequest } from './helpers/fake-bigquery.js';
import { tempDir } from './helpers/tmp.js';
import { until } from './helpers/wait.js';

const PROJECT = 'demo-project';
const dir = tempDir('bigquery-warehouse-');

const orders: Table = {
  name: 'orders',
  description: 'One row per customer order.',
  grain: 'one row per order',
  rowCount: 3,
  scales: true,
  primaryKey: 'order_id',
  foreignKeys: [],
  synonyms: ['purchases'],
  columns: [
    { name: 'order_id', type: 'INT64', description: 'Order number.', synonyms: [], generator: { kind: 'sequence' } },
    { name: 'amount', type: 'NUMERIC', description: 'Order total in USD.', synonyms: ['revenue'], generator: { kind: 'number', dist: 'uniform', min: 1, max: 9 } },
    { name: 'weight', type: 'FLOAT64', description: 'Shipping weight in kg.', synonyms: [], generator: { kind: 'number', dist: 'uniform', min: 1, max: 9 } },
    { name: 'channel', type: 'STRING', description: 'Where the order was placed.', synonyms: [], generator: { kind: 'category', values: ['web', 'store'] } },
    { name: 'is_gift', type: 'BOOL', description: 'Sent as a gift.', synonyms: [], generator: { kind: 'boolean', p: 0.1 } },
    { name: 'order_date', type: 'DATE', description: 'Day of the order.', synonyms: [], generator: { kind: 'date' } },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the order was placed.', synonyms: [], generator: { kind: 'timestamp' } },
  ],
};

const ordersCsv = [
  'order_id,amount,weight,channel,is_gift,order_date,created_at',
  '1,19.99,1.5,"web",false,2026-01-02,2026-01-02 10:11:12',
  '2,,2.25,"store, downtown",true,2026-01-03,2026-01-03 08:00:00',
  '3,5.00,,"",false,,2026-01-04 23:59:59',
].join('\n') + '\n';

function writeCsv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const ordersFile = writeCsv('orders.csv', ordersCsv);

let fake: FakeBigQuery;
let wh: BigQueryWarehouse;

function newWarehouse(url: string, extra: Partial<BigQueryWarehouseOptions> = {}): BigQueryWarehouse {
  return new BigQueryWarehouse({ projectId: PROJECT, endpoint: url, pollIntervalMs: 2, retry: { attempts: 4, maxDelayMs: 1 }, ...extra });
}

/** jobs.insert of a query that runs (not a dry run). */
function isQueryJob(r: RecordedBigQueryRequest): boolean {
  return r.method === 'POST' && r.path === `/bigquery/v2/projects/${PROJECT}/jobs` && (r.body as { configuration?: { dryRun?: boolean } } | undefined)?.configuration?.dryRun !== true;
}

function sent(filter: (r: RecordedBigQueryRequest) => boolean): RecordedBigQueryRequest[] {
  return fake.requests.filter(filter);
}

async function rejection(promise: Promise<unknown>): Promise<RemoteServiceError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof RemoteServiceError, `expected a RemoteServiceError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the call to fail');
}

before(async () => {
  fake = await startFakeBigQuery({ pageSize: 2 });
});
after(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  wh = newWarehouse(fake.url, { defaultTableExpirationMs: 7 * 86_400_000 });
});

describe('BigQuery labels and schema', () => {
  it('sanitizes labels to what BigQuery accepts and keeps valid ones as they are', () => {
    const labels = bigQueryLabels({
      'provisioned-by': 'provision',
      'job-id': 'acme-7f3k2',
      Company: 'Café Ünïcode & Sons, Ltd.',
      '9lives': 'x'.repeat(80),
      '***': 'dropped? no: sanitized',
    });
    assert.deepEqual(labels, {
      'provisioned-by': 'provision',
      'job-id': 'acme-7f3k2',
      company: 'cafe_unicode_sons_ltd_',
      l_9lives: 'x'.repeat(63),
      l__: 'dropped_no_sanitized',
    });
    for (const [k, v] of Object.entries(labels)) {
      assert.match(k, /^[a-z][a-z0-9_-]{0,62}$/);
      assert.match(v, /^[a-z0-9_-]{0,63}$/);
    }
  });

  it('maps column types and carries column descriptions', () => {
    assert.deepEqual(
      bigQuerySchema(orders).fields.map((f) => [f.name, f.type, f.mode, f.description]),
      [
        ['order_id', 'INTEGER', 'NULLABLE', 'Order number.'],
        ['amount', 'NUMERIC', 'NULLABLE', 'Order total in USD.'],
        ['weight', 'FLOAT', 'NULLABLE', 'Shipping weight in kg.'],
        ['channel', 'STRING', 'NULLABLE', 'Where the order was placed.'],
        ['is_gift', 'BOOLEAN', 'NULLABLE', 'Sent as a gift.'],
        ['order_date', 'DATE', 'NULLABLE', 'Day of the order.'],
        ['created_at', 'TIMESTAMP', 'NULLABLE', 'When the order was placed.'],
      ],
    );
  });

  it('keeps integers beyond 2^53 exact as strings', () => {
    assert.equal(bigQueryValue('9007199254740993', { name: 'n', type: 'INTEGER', mode: 'NULLABLE' }), '9007199254740993');
    assert.equal(bigQueryValue('-42', { name: 'n', type: 'INT64', mode: 'NULLABLE' }), -42);
  });

  it('exports the load concurrency for the provision stage', () => {
    assert.equal(DEFAULT_LOAD_CONCURRENCY, 4);
    assert.equal(newWarehouse(fake.url).loadConcurrency, 4);
    assert.equal(newWarehouse(fake.url, { loadConcurrency: 2 }).loadConcurrency, 2);
  });
});

describe('a dataset per job', () => {
  it('is created in its location with description, sanitized labels and table expiry', async () => {
    const ref = await wh.ensureDataset('provision_acme', { description: 'demo for Acme', labels: { 'job-id': 'acme', Company: 'Acme Inc.' } });
    assert.deepEqual(ref, { name: 'provision_acme', location: `${PROJECT}.provision_acme` });
    const [insert] = sent((r) => r.method === 'POST' && r.path === `/bigquery/v2/projects/${PROJECT}/datasets`);
    const body = insert?.body as Record<string, unknown>;
    assert.deepEqual(body.datasetReference, { datasetId: 'provision_acme' });
    assert.deepEqual(
      { location: body.location, description: body.description, labels: body.labels, defaultTableExpirationMs: body.defaultTableExpirationMs },
      { location: 'US', description: 'demo for Acme', labels: { 'job-id': 'acme', company: 'acme_inc_' }, defaultTableExpirationMs: String(7 * 86_400_000) },
    );
    // The official client, pointed at the fake by its apiEndpoint, with a client that holds no credentials.
    assert.match(insert?.headers['user-agent'] ?? '', /gcloud-node-bigquery/);
    assert.equal(fake.datasets.get('provision_acme')?.location, 'US');
    // Loopback needs no Google credentials.
    assert.equal(insert?.headers.authorization, undefined);
  });

  it('converges on a rerun: the 409 becomes a PATCH of description, labels and expiry', async () => {
    await wh.ensureDataset('provision_rerun', { description: 'first', labels: { run: 'one' } });
    const again = newWarehouse(fake.url, { defaultTableExpirationMs: 86_400_000 });
    const ref = await again.ensureDataset('provision_rerun', { description: 'second', labels: { run: 'two' } });
    assert.equal(ref.location, `${PROJECT}.provision_rerun`);
    const [patch] = sent((r) => r.method === 'PATCH');
    assert.equal(patch?.path, `/bigquery/v2/projects/${PROJECT}/datasets/provision_rerun`);
    assert.deepEqual(patch?.body, { description: 'second', labels: { run: 'two' }, defaultTableExpirationMs: '86400000' });
    const stored = fake.datasets.get('provision_rerun');
    assert.equal(stored?.description, 'second');
    assert.deepEqual(stored?.labels, { run: 'two' });
  });

  it('refuses to reuse a dataset that lives in another location', async () => {
    await newWarehouse(fake.url, { location: 'EU' }).ensureDataset('provision_eu', { description: 'd', labels: {} });
    const err = await rejection(wh.ensureDataset('provision_eu', { description: 'd', labels: {} }));
    assert.equal(err.code, 'warehouse_error');
    assert.match(err.message, /location EU, not US/);
  });

  it('is dropped with its contents, and dropping it again is fine', async () => {
    await wh.ensureDataset('provision_drop', { description: 'd', labels: {} });
    await wh.loadTable('provision_drop', orders, ordersFile);
    await wh.dropDataset('provision_drop');
    const [del] = sent((r) => r.method === 'DELETE');
    assert.equal(del?.path, `/bigquery/v2/projects/${PROJECT}/datasets/provision_drop`);
    assert.equal(del?.query.deleteContents, 'true');
    assert.equal(fake.datasets.has('provision_drop'), false);
    assert.equal(fake.tables.has('provision_drop.orders'), false);
    await wh.dropDataset('provision_drop');
    const err = await rejection(wh.countRows('provision_drop', 'orders'));
    assert.match(err.message, /does not exist/);
  });
});

describe('loading a table', () => {
  before(async () => {
    await newWarehouse(fake.url).ensureDataset('provision_load', { description: 'd', labels: {} });
  });

  it('creates the table with its description and column descriptions, then loads it with one streamed upload', async () => {
    const rows = await wh.loadTable('provision_load', orders, ordersFile);
    assert.equal(rows, 3);

    const [create] = sent((r) => r.method === 'POST' && r.path.endsWith('/datasets/provision_load/tables'));
    const table = create?.body as Record<string, unknown>;
    assert.deepEqual(table.tableReference, { projectId: PROJECT, datasetId: 'provision_load', tableId: 'orders' });
    assert.equal(table.description, 'One row per customer order.');
    assert.deepEqual(table.schema, bigQuerySchema(orders));

    const uploads = sent((r) => r.path === `/upload/bigquery/v2/projects/${PROJECT}/jobs`);
    assert.deepEqual(uploads.map((r) => [r.method, r.query.uploadType]), [['POST', 'multipart']]);
    const [upload] = uploads;
    assert.equal(upload?.bytes, statSync(ordersFile).size, 'the whole file in one upload');
    const job = upload?.body as { jobReference: { jobId: string; location: string }; configuration: { load: Record<string, unknown> } };
    assert.equal(job.jobReference.location, 'US');
    assert.match(job.jobReference.jobId, /^provision_load_provision_load_orders_[0-9a-f]{32}$/);
    const { location: _location, ...load } = job.configuration.load;
    assert.deepEqual(load, {
      destinationTable: { projectId: PROJECT, datasetId: 'provision_load', tableId: 'orders' },
      sourceFormat: 'CSV',
      skipLeadingRows: 1,
      allowQuotedNewlines: true,
      nullMarker: '',
      writeDisposition: 'WRITE_TRUNCATE',
      createDisposition: 'CREATE_IF_NEEDED',
      schema: bigQuerySchema(orders),
    });
    // The job was polled until DONE, with its location.
    const polls = sent((r) => r.method === 'GET' && r.path === `/bigquery/v2/projects/${PROJECT}/jobs/${job.jobReference.jobId}`);
    assert.ok(polls.length >= 1);
    assert.ok(polls.every((p) => p.query.location === 'US'));
    assert.equal(fake.jobs.get(job.jobReference.jobId)?.statistics.load?.outputRows, '3');
    assert.equal(await wh.countRows('provision_load', 'orders'), 3);
  });

  it('replaces on a second load: the same count, never double', async () => {
    await wh.loadTable('provision_load', orders, ordersFile);
    fake.requests.length = 0;
    assert.equal(await wh.loadTable('provision_load', orders, ordersFile), 3);
    assert.equal(await wh.countRows('provision_load', 'orders'), 3);
    // The existing table got its description and schema patched, not a second create.
    const patch = sent((r) => r.method === 'PATCH' && r.path.endsWith('/tables/orders'));
    assert.equal(patch.length, 1);
    assert.deepEqual(patch[0]?.body, { description: 'One row per customer order.', schema: bigQuerySchema(orders) });
    assert.equal(sent((r) => r.method === 'POST' && r.path.endsWith('/tables')).length, 1, 'the create answered 409');
  });

  it('recreates a table whose column types changed, since BigQuery cannot patch that', async () => {
    const small: Table = { ...orders, name: 'retyped', columns: orders.columns.slice(0, 1) };
    await wh.loadTable('provision_load', small, writeCsv('retyped-1.csv', 'order_id\n1\n2\n'));
    const retyped: Table = { ...small, columns: [{ ...orders.columns[3]!, name: 'order_id' }] };
    assert.equal(await wh.loadTable('provision_load', retyped, writeCsv('retyped-2.csv', 'order_id\n"A-1"\n')), 1);
    assert.equal(fake.tables.get('provision_load.retyped')?.schema?.fields[0]?.type, 'STRING');
    assert.equal(sent((r) => r.method === 'DELETE' && r.path.endsWith('/tables/retyped')).length, 1);
  });

  it('reports a failed load as warehouse_error naming the table, the reason and the first errors', async () => {
    fake.failLoadFor('orders', 'invalid', 'Could not parse "abc" as INT64 for field order_id (position 0) starting at location 64');
    const err = await rejection(wh.loadTable('provision_load', orders, ordersFile));
    assert.equal(err.code, 'warehouse_error');
    assert.match(err.message, /orders/);
    assert.match(err.message, /invalid: Could not parse "abc" as INT64/);
    assert.match(err.message, /CSV processing encountered too many errors/);
  });

  it('resends an upload that failed, since the client never retries a streamed upload', async () => {
    const isUpload = (r: RecordedBigQueryRequest): boolean => r.method === 'POST' && r.path.startsWith('/upload/');
    fake.failNext(1, { match: isUpload });
    assert.equal(await wh.loadTable('provision_load', { ...orders, name: 'resent' }, ordersFile), 3);
    const uploads = sent(isUpload);
    assert.equal(uploads.length, 2, 'the refused upload, then the whole file again');
    assert.equal(uploads[1]?.bytes, statSync(ordersFile).size);
    assert.equal(fake.tables.get('provision_load.resent')?.numRows, '3', 'loaded once');
  });

  it('takes the 409 of a resent upload for the job its lost first attempt started, and loads once', async () => {
    const isUpload = (r: RecordedBigQueryRequest): boolean => r.method === 'POST' && r.path.startsWith('/upload/');
    fake.loseNextUploadAnswer();
    assert.equal(await wh.loadTable('provision_load', { ...orders, name: 'lost_answer' }, ordersFile), 3);
    const ids = sent(isUpload).map((r) => (r.body as { jobReference: { jobId: string } }).jobReference.jobId);
    assert.equal(ids.length, 2);
    assert.equal(ids[0], ids[1], 'the same job id, so BigQuery answers 409 instead of loading twice');
    assert.equal([...fake.jobs.keys()].filter((id) => id === ids[0]).length, 1);
  });

  it('retries a 503 and then succeeds', async () => {
    fake.failNext(1, { match: (r) => r.method === 'POST' && r.path.endsWith('/tables') });
    assert.equal(await wh.loadTable('provision_load', { ...orders, name: 'orders_retry' }, ordersFile), 3);
    assert.equal(sent((r) => r.method === 'POST' && r.path.endsWith('/tables')).length, 2);
  });

  it('gives up after a few attempts on a service that keeps failing', async () => {
    fake.failNext(4, { match: (r) => r.method === 'GET' && r.path.endsWith('/tables/orders') });
    const err = await rejection(wh.countRows('provision_load', 'orders'));
    assert.equal(err.httpStatus, 503);
    assert.equal(err.retryable, true);
    assert.equal(sent((r) => r.path.endsWith('/tables/orders')).length, 4);
  });

  it('says a missing table does not exist', async () => {
    const err = await rejection(wh.countRows('provision_load', 'nope'));
    assert.equal(err.code, 'warehouse_error');
    assert.match(err.message, /demo-project\.provision_load\.nope does not exist/);
  });
});

describe('dry runs and queries', () => {
  before(async () => {
    const setup = newWarehouse(fake.url);
    await setup.ensureDataset('provision_query', { description: 'd', labels: {} });
    await setup.loadTable('provision_query', orders, ordersFile);
  });

  it('dry-runs with dryRun, standard SQL and the default dataset, and returns the bytes', async () => {
    const sql = `SELECT SUM(amount) FROM ${wh.dialect('provision_query', '2026-01-31').table('orders')}`;
    assert.equal(sql, 'SELECT SUM(amount) FROM `demo-project.provision_query.orders`');
    const jobsBefore = fake.jobs.size;
    const { bytes } = await wh.dryRun('provision_query', sql);
    assert.equal(bytes, statSync(ordersFile).size);
    // A dry-run job (jobs.insert): only its statistics carry the statement type.
    const [req] = sent((r) => r.method === 'POST' && r.path === `/bigquery/v2/projects/${PROJECT}/jobs`);
    const { configuration } = req?.body as { configuration: { dryRun: boolean; query: Record<string, unknown> } };
    assert.equal(configuration.dryRun, true);
    assert.equal(configuration.query.useLegacySql, false);
    assert.equal(configuration.query.query, sql);
    assert.equal(configuration.query.maximumBytesBilled, String(10 * 1024 ** 3));
    assert.deepEqual(configuration.query.defaultDataset, { projectId: PROJECT, datasetId: 'provision_query' });
    assert.equal(fake.jobs.size, jobsBefore, 'a dry run runs no job');
  });

  it('runs nothing but a SELECT: the dry run must say SELECT before the query runs', async () => {
    const table = wh.dialect('provision_query', '2026-01-31').table('orders');
    fake.requests.length = 0;
    for (const sql of [`DELETE FROM ${table} WHERE TRUE`, `DROP TABLE ${table}`, `SELECT 1; DELETE FROM ${table} WHERE TRUE`]) {
      await assert.rejects(wh.query('provision_query', sql), (err: unknown) => err instanceof DataValidationError && err.code === 'validation_failed' && !err.retryable && /only a single SELECT may run/.test(err.message), sql);
    }
    assert.equal(sent(isQueryJob).length, 0, 'no query ran');
    // SQL the fake (node-sql-parser's BigQuery grammar) cannot parse is refused like BigQuery refuses it.
    const bad = await rejection(wh.query('provision_query', `SELEC amount FROM ${table}`));
    assert.equal(bad.code, 'warehouse_error');
    assert.match(bad.message, /^BigQuery rejected the query: Syntax error/);
  });

  it('dry-runs a query once: query after dryRun does not dry-run it again', async () => {
    const sql = `SELECT COUNT(*) AS n FROM ${wh.dialect('provision_query', '2026-01-31').table('orders')}`;
    fake.requests.length = 0;
    await wh.dryRun('provision_query', sql);
    await wh.query('provision_query', sql);
    const inserts = sent((r) => r.method === 'POST' && r.path.endsWith('/jobs')).map((r) => (r.body as { configuration: { dryRun?: boolean } }).configuration.dryRun === true);
    assert.deepEqual(inserts, [true, false], 'one dry run, one query job');
  });

  it('reports a rejected dry run as warehouse_error with BigQuery’s message', async () => {
    fake.rejectDryRun((sql) => sql.includes('revenu'), 'Unrecognized name: revenu at [1:8]');
    const err = await rejection(wh.dryRun('provision_query', 'SELECT revenu FROM orders'));
    assert.equal(err.code, 'warehouse_error');
    assert.equal(err.message, 'BigQuery rejected the query: Unrecognized name: revenu at [1:8]');
    assert.equal(err.retryable, false, 'running a query BigQuery rejects again will not help');
    const missing = await rejection(wh.dryRun('provision_query', 'SELECT 1 FROM `demo-project.provision_query.gone`'));
    assert.match(missing.message, /^BigQuery rejected the query: Not found: Table demo-project:provision_query.gone/);
  });

  it('runs a query capped by maximum bytes billed, polls until complete, and converts every type', async () => {
    fake.onQuery(() => ({
      fields: [
        { name: 'n', type: 'INTEGER' },
        { name: 'x', type: 'FLOAT' },
        { name: 'amount', type: 'NUMERIC' },
        { name: 'gift', type: 'BOOLEAN' },
        { name: 'day', type: 'DATE' },
        { name: 'at', type: 'TIMESTAMP' },
        { name: 'channel', type: 'STRING' },
      ],
      rows: [
        [42, 1.5, '19.99', true, '2026-01-02', '2026-01-02T10:11:12.000Z', 'web'],
        [null, null, null, false, null, null, null],
      ],
    }));
    const result = await wh.query('provision_query', 'SELECT 1');
    assert.deepEqual(result.columns, ['n', 'x', 'amount', 'gift', 'day', 'at', 'channel']);
    assert.deepEqual(result.rows, [
      [42, 1.5, 19.99, true, '2026-01-02', '2026-01-02T10:11:12.000Z', 'web'],
      [null, null, null, false, null, null, null],
    ]);
    const [req] = sent(isQueryJob);
    const { jobReference, configuration } = req?.body as { jobReference: { jobId: string; location: string }; configuration: { query: Record<string, unknown> } };
    assert.equal(configuration.query.maximumBytesBilled, String(10 * 1024 ** 3));
    assert.equal(configuration.query.useLegacySql, false);
    assert.equal(jobReference.location, 'US');
    // A job id per query: a retried insert meets its own job (409) instead of running the query twice.
    assert.match(jobReference.jobId, /^[0-9a-f-]{36}$/);
    const polls = sent((r) => r.method === 'GET' && r.path.includes('/queries/'));
    assert.ok(polls.length >= 1, 'jobComplete false was polled');
    assert.equal(polls[0]?.query.location, 'US');
    assert.equal(polls[0]?.query['formatOptions.useInt64Timestamp'], 'true', 'timestamps as exact int64 microseconds');
  });

  it('uses the configured maximum bytes billed', async () => {
    fake.onQuery(() => ({ fields: [{ name: 'f0_', type: 'INTEGER' }], rows: [[1]] }));
    await newWarehouse(fake.url, { maximumBytesBilled: 1_000_000 }).query('provision_query', 'SELECT 1');
    const [req] = sent(isQueryJob);
    assert.equal((req?.body as { configuration: { query: Record<string, unknown> } }).configuration.query.maximumBytesBilled, '1000000');
  });

  it('reads every page, and stops at maxRows', async () => {
    fake.onQuery(() => ({ fields: [{ name: 'i', type: 'INTEGER' }], rows: Array.from({ length: 7 }, (_, i) => [i]) }));
    const all = await wh.query('provision_query', 'SELECT i');
    assert.deepEqual(all.rows, [[0], [1], [2], [3], [4], [5], [6]], 'pages of 2 joined in order');
    fake.requests.length = 0;
    const some = await wh.query('provision_query', 'SELECT i', { maxRows: 3 });
    assert.deepEqual(some.rows, [[0], [1], [2]]);
    const pages = sent((r) => r.method === 'GET' && r.path.includes('/queries/') && r.query.pageToken !== undefined);
    assert.equal(pages.length, 1, 'no page is read past maxRows');
  });

  it('surfaces a failing query as warehouse_error', async () => {
    fake.onQuery(() => {
      throw new Error('Division by zero: 1 / 0');
    });
    const err = await rejection(wh.query('provision_query', 'SELECT 1/0'));
    assert.equal(err.message, 'BigQuery rejected the query: Division by zero: 1 / 0');
  });

  it('runs queries side by side, each job answering its own SQL (four at once in validate, by default)', async () => {
    assert.equal(wh.queryConcurrency, DEFAULT_QUERY_CONCURRENCY);
    assert.equal(DEFAULT_QUERY_CONCURRENCY, 4);
    const polled = await startFakeBigQuery({ queryPolls: 3 });
    try {
      polled.onQuery((sql) => ({ fields: [{ name: 'n', type: 'INTEGER' }], rows: [[Number(/SELECT (\d+)/.exec(sql)?.[1])]] }));
      const side = newWarehouse(polled.url);
      const results = await Promise.all([1, 2, 3, 4].map((n) => side.query('any', `SELECT ${n} AS n`)));
      assert.deepEqual(results.map((r) => r.rows), [[[1]], [[2]], [[3]], [[4]]]);
      // They overlapped: every query job was inserted before the first one's last poll.
      const inserts = polled.requests.flatMap((r, i) => (r.method === 'POST' && r.path.endsWith('/jobs') && (r.body as { configuration: { dryRun?: boolean } }).configuration.dryRun !== true ? [i] : []));
      assert.equal(inserts.length, 4);
      const first = (polled.requests[inserts[0] ?? -1]?.body as { jobReference: { jobId: string } }).jobReference.jobId;
      const lastPoll = polled.requests.findLastIndex((r) => r.method === 'GET' && r.path.endsWith(`/queries/${first}`));
      assert.ok(inserts.every((i) => i < lastPoll), `inserts at ${inserts.join(', ')}, the first job's last poll at ${lastPoll}`);
    } finally {
      await polled.close();
    }
  });

  it('stops polling and cancels the job when the signal aborts', async () => {
    const slow = await startFakeBigQuery({ queryPolls: 1_000_000 });
    try {
      const controller = new AbortController();
      const running = newWarehouse(slow.url).query('any', 'SELECT 1', { signal: controller.signal });
      // Abort while it polls (after its dry run and once BigQuery has named the job), whatever the machine's speed.
      void (async () => {
        while (!slow.requests.some((r) => r.method === 'GET' && r.path.includes('/queries/'))) await new Promise((r) => setTimeout(r, 5));
        controller.abort();
      })();
      await assert.rejects(running, { name: 'AbortError' });
      // The cancel request is sent without waiting for it; on a busy machine it lands a little later.
      await until('the query job to be cancelled', () => Promise.resolve([...slow.jobs.values()][0]?.cancelled === true ? true : undefined), 5_000);
    } finally {
      await slow.close();
    }
  });
});

describe("the CSV writer's NULL and the load's nullMarker", () => {
  it('write NULL as an empty unquoted field, which is the nullMarker every load names, and an empty string as ""', () => {
    const csv = toCsv({ name: 't', columns: ['s', 'n', 'd'], types: ['STRING', 'INT64', 'DATE'], data: [['', null], [null, 3], [null, null]], rows: 2 });
    assert.equal(csv, 's,n,d\n"",,\n,3,\n');
    assert.equal(CSV_NULL, '');
  });
});
