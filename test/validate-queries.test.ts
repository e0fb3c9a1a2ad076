import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance, DuckDBPreparedStatement } from '@duckdb/node-api';
import { agentStage } from '../src/agents/agent/index.js';
import { dataStage } from '../src/agents/data/index.js';
import { modelStage } from '../src/agents/model/index.js';
import { provisionStage } from '../src/agents/provision/index.js';
import { storyStage } from '../src/agents/story/index.js';
import { validateStage } from '../src/agents/validate/index.js';
import { retail } from '../src/blueprints/retail.js';
import { defaultProfile } from '../src/blueprints/verify-blueprint.js';
import { CancelledError, RemoteServiceError, type ProvisionError } from '../src/core/errors.js';
import { sleep } from '../src/core/sleep.js';
import { combinedIntegrityQuery, integrityQueries } from '../src/data/integrity.js';
import type { AgentArtifact, ProvisionedDataset, ValidationReport } from '../src/domain/artifacts.js';
import type { DataModel } from '../src/domain/data-model.js';
import type { DemoStory } from '../src/domain/story.js';
import { ScriptedLlm } from '../src/llm/scripted-llm.js';
import type { StageContext } from '../src/pipeline/context.js';
import { DuckdbWarehouse } from '../src/warehouse/duckdb-warehouse.js';
import type { QueryOptions, QueryResult, Warehouse } from '../src/warehouse/warehouse.js';
import { stageContext } from './helpers/stage-context.js';
import { tempDir } from './helpers/tmp.js';
import { until } from './helpers/wait.js';

const dir = tempDir();
// One thread per query: rows that tie in a golden query's ORDER BY (q11's segments at 6%) come out
// in an order that depends on how DuckDB's threads split the work, so only then can two runs'
// reports be compared whole. Queries still run side by side, each on its own connection.
const warehouse = new DuckdbWarehouse(join(dir, 'warehouse'), { threads: 1 });
after(() => warehouse.close());

/** What a watched warehouse saw: queries in flight (and the most at once), started and finished. */
interface Watch {
  inFlight: number;
  peak: number;
  started: string[];
  finished: string[];
  aborted: number;
}

/**
 * The real DuckDB warehouse behind a watch, with a declared `queryConcurrency`. `answer` may take
 * a query over (a delay, a hang until the signal aborts, a failure); otherwise DuckDB answers.
 */
function watched(queryConcurrency: number | undefined, answer?: (sql: string, options: QueryOptions) => Promise<QueryResult> | undefined): Warehouse & { watch: Watch } {
  const watch: Watch = { inFlight: 0, peak: 0, started: [], finished: [], aborted: 0 };
  return {
    kind: 'duckdb',
    ...(queryConcurrency === undefined ? {} : { queryConcurrency }),
    watch,
    dialect: (dataset, asOf) => warehouse.dialect(dataset, asOf),
    ensureDataset: (name) => warehouse.ensureDataset(name),
    loadTable: (dataset, table, csv) => warehouse.loadTable(dataset, table, csv),
    countRows: (dataset, table) => warehouse.countRows(dataset, table),
    dryRun: (dataset, sql) => warehouse.dryRun(dataset, sql),
    query: async (dataset, sql, options = {}) => {
      watch.inFlight++;
      watch.peak = Math.max(watch.peak, watch.inFlight);
      watch.started.push(sql);
      const onAbort = (): void => void watch.aborted++;
      options.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await (answer?.(sql, options) ?? warehouse.query(dataset, sql, options));
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
        watch.inFlight--;
        watch.finished.push(sql);
      }
    },
    dropDataset: (name) => warehouse.dropDataset(name),
    close: () => Promise.resolve(),
  };
}

/** Durations aside, a report as JSON. */
function withoutDurations(report: ValidationReport): unknown {
  return JSON.parse(JSON.stringify(report, (key, value: unknown) => (key === 'durationMs' ? undefined : value)));
}

describe('validate runs its queries side by side and reports as if they ran one after another', () => {
  let story: DemoStory;
  let model: DataModel;
  let dataset: ProvisionedDataset;
  let agent: AgentArtifact;
  let reference: ValidationReport;

  /** A context over `wh` that records progress and warnings. */
  function context(jobId: string, wh: Warehouse, extra: Partial<StageContext> = {}): StageContext & { progressed: string[]; warned: string[] } {
    const progressed: string[] = [];
    const warned: string[] = [];
    return {
      ...stageContext({ dir, warehouse: wh, jobId, seed: 5, scale: 0.1 }),
      progress: (fraction, message) => void progressed.push(`${fraction} ${message ?? ''}`),
      warn: (message) => void warned.push(message),
      progressed,
      warned,
      ...extra,
    };
  }

  before(async () => {
    const ctx = stageContext({ dir, warehouse, jobId: 'validate-queries', seed: 5, scale: 0.1 });
    const profile = defaultProfile(retail, 'Trailhead Supply');
    story = await storyStage.run({ profile }, ctx);
    model = await modelStage.run({ profile, story }, ctx);
    const files = await dataStage.run({ model }, ctx);
    dataset = await provisionStage.run({ profile, model, files }, ctx);
    agent = await agentStage.run({ profile, story, model, dataset }, ctx);
    reference = await validateStage.run({ story, model, dataset, agent }, context('reference', watched(undefined)));
    assert.equal(reference.passed, reference.total);
  });

  it('runs golden queries up to the warehouse’s queryConcurrency, ends them out of order, and reports, warns, repairs and progresses in question order', async () => {
    const order = new Map(model.goldenSql.map((g, i) => [g.sql, i]));
    const [q03, q08] = ['q03', 'q08'].map((id) => model.goldenSql.find((g) => g.questionId === id));
    assert.ok(q03 && q08);
    const broken = 'SELECT no_such_column FROM orders';
    // Two queries go to repair (the model answers in the order it is asked), and one claim does not hold.
    const planted: DataModel = {
      ...model,
      goldenSql: model.goldenSql.map((g) => (g === q03 || g === q08 ? { ...g, sql: broken } : g.questionId === 'q05' ? { ...g, insights: [{ kind: 'top', key: 'segment', value: 'Bargain hunters', by: 'avg_order_value' }] } : g)),
    };
    // The earlier a question, the longer its query takes: one after another they end in question order, side by side they do not.
    const slowFirst = (sql: string, options: QueryOptions): Promise<QueryResult> | undefined => {
      const i = order.get(sql);
      return i === undefined ? undefined : sleep((model.goldenSql.length - i) * 8, undefined).then(() => warehouse.query(dataset.name, sql, options));
    };
    const runs: Array<{ report: ValidationReport; progressed: string[]; warned: string[]; watch: Watch; llm: ScriptedLlm }> = [];
    for (const [jobId, concurrency] of [['one-by-one', undefined], ['side-by-side', 4]] as const) {
      const wh = watched(concurrency, slowFirst);
      const llm: ScriptedLlm = new ScriptedLlm([q03, q08].map((g) => ({ stage: 'validate' as const, name: 'repaired_query', value: { sql: g.sql } })));
      const base = context(jobId, wh);
      const report = await validateStage.run({ story, model: planted, dataset, agent }, { ...base, job: { ...base.job, strategy: 'llm' }, llm });
      assert.equal(llm.unused.length, 0);
      runs.push({ report, progressed: base.progressed, warned: base.warned, watch: wh.watch, llm });
    }
    const [one, side] = runs;
    assert.ok(one && side);
    assert.equal(one.watch.peak, 1, 'without a declared concurrency, one query at a time, repairs too');
    assert.equal(side.watch.peak, 4, 'four at once');
    const ended = side.watch.finished.map((sql) => order.get(sql)).filter((i): i is number => i !== undefined);
    assert.notDeepEqual(ended, [...ended].sort((a, b) => a - b), 'side by side, later questions end first');

    assert.deepEqual(withoutDurations(side.report), withoutDurations(one.report));
    assert.deepEqual(side.report.results.map((r) => r.questionId), model.goldenSql.map((g) => g.questionId));
    assert.deepEqual(side.report.repaired, [
      { questionId: 'q03', sql: q03.sql, attempts: 1 },
      { questionId: 'q08', sql: q08.sql, attempts: 1 },
    ]);
    assert.deepEqual(side.llm.requests.map((r) => /^Question \((q\d+)\)/.exec(r.user)?.[1]), ['q03', 'q08'], 'the model is asked in question order');
    assert.equal(side.report.claims?.find((c) => c.questionId === 'q05')?.holds, false);
    assert.deepEqual(side.progressed, one.progressed);
    assert.deepEqual(side.warned, one.warned);
    assert.equal(side.warned.length, 1);
    assert.match(side.warned[0] ?? '', /^q05: the claim/);
    assert.deepEqual(side.progressed.map((p) => p.split(' ')[1]), model.goldenSql.map((g) => `${g.questionId}:`));
  });

  it('checks integrity in one query, with the report of one query per check', async () => {
    const wh = watched(4);
    const report = await validateStage.run({ story, model, dataset, agent }, context('integrity-once', wh));
    const checks = integrityQueries(model, (t) => t);
    assert.deepEqual(report.integrity, { checks: checks.length, problems: [] });
    assert.deepEqual(withoutDurations(report), withoutDurations(reference));
    const integrity = wh.watch.started.filter((sql) => !model.goldenSql.some((g) => g.sql === sql));
    assert.deepEqual(integrity, [combinedIntegrityQuery(checks)]);
  });

  it('falls back to one query per check when the combined one fails or answers another shape, and then a failing check’s own error ends the stage', async () => {
    const checks = integrityQueries(model, (t) => t);
    const combined = combinedIntegrityQuery(checks);
    const refused = (sql: string): Promise<QueryResult> | undefined => (sql === combined ? Promise.reject(new RemoteServiceError('warehouse_error', 'The query failed: too many subqueries')) : undefined);
    const oneColumn = (sql: string): Promise<QueryResult> | undefined => (sql === combined ? Promise.resolve({ columns: ['violations'], rows: [[0]] }) : undefined);
    for (const [jobId, answer] of [['integrity-refused', refused], ['integrity-shape', oneColumn]] as const) {
      const wh = watched(4, answer);
      const report = await validateStage.run({ story, model, dataset, agent }, context(jobId, wh));
      assert.deepEqual(withoutDurations(report), withoutDurations(reference), jobId);
      const integrity = wh.watch.started.filter((sql) => !model.goldenSql.some((g) => g.sql === sql));
      assert.deepEqual(integrity, [combined, ...checks.map((c) => c.sql)], `${jobId}: then each check, in order`);
    }

    const third = checks[2];
    assert.ok(third);
    const failing = (sql: string): Promise<QueryResult> | undefined => (sql === combined || sql === third.sql ? Promise.reject(new RemoteServiceError('warehouse_error', `The query failed: broken ${sql === combined ? 'combined' : 'third'}`)) : undefined);
    const wh = watched(4, failing);
    await assert.rejects(validateStage.run({ story, model, dataset, agent }, context('integrity-fails', wh)), (err: ProvisionError) => err.code === 'warehouse_error' && err.message === 'The query failed: broken third');
    const integrity = wh.watch.started.filter((sql) => !model.goldenSql.some((g) => g.sql === sql));
    assert.deepEqual(integrity, [combined, ...checks.slice(0, 3).map((c) => c.sql)], 'no check runs after the failing one');
  });

  it('a cancel interrupts the queries in flight, starts no more, and the stage ends only once they have', { timeout: 30_000 }, async () => {
    const stop = new AbortController();
    // Each query runs until the cancel; the last to start takes a moment to stop, as an interrupted query may.
    let hung = 0;
    const hang = (_sql: string, options: QueryOptions): Promise<QueryResult> => {
      const lingers = ++hung === 4 ? 300 : 0;
      return sleep(60_000, options.signal).catch(async (err: unknown) => {
        await sleep(lingers, undefined);
        throw err;
      }) as Promise<never>;
    };
    const wh = watched(4, hang);
    const started = performance.now();
    const running = validateStage.run({ story, model, dataset, agent }, context('cancelled', wh, { signal: stop.signal }));
    await until('four queries in flight', () => Promise.resolve(wh.watch.inFlight === 4 ? true : undefined), 10_000);
    stop.abort(new CancelledError('The job was cancelled.'));
    await assert.rejects(running, (err: ProvisionError) => err.code === 'cancelled');
    assert.ok(performance.now() - started < 10_000, 'promptly, not after the queries’ minute');
    assert.equal(wh.watch.aborted, 4, 'each query in flight saw the cancel');
    assert.equal(wh.watch.inFlight, 0, 'none runs on after the stage');
    assert.equal(wh.watch.started.length, 4, 'none starts after the cancel');
  });

  it('on DuckDB, a cancel interrupts each of the queries running at once on the read-only instance', { timeout: 30_000 }, async () => {
    const stop = new AbortController();
    const slow = (k: number): string => `SELECT COUNT(*) AS n FROM range(1000000000000) t(x) WHERE x % 7 = ${k}`;
    const started = performance.now();
    assert.equal(warehouse.queriesAtOnce(dataset.name), 2);
    const running = [1, 2].map((k) => warehouse.query(dataset.name, slow(k), { signal: stop.signal }));
    setTimeout(() => stop.abort(), 300);
    const settled = await Promise.allSettled(running);
    assert.deepEqual(settled.map((s) => (s.status === 'rejected' ? (s.reason as ProvisionError).code : 'ran to the end')), ['cancelled', 'cancelled']);
    assert.ok(performance.now() - started < 10_000, 'interrupted, not run to the end');
    // The connections are whole again: the next queries run.
    const counts = await Promise.all([1, 2].map(() => warehouse.query(dataset.name, 'SELECT COUNT(*) AS n FROM orders')));
    assert.ok(counts.every((c) => Number(c.rows[0]?.[0]) > 0));
  });

  it('on DuckDB, a small dataset runs two queries at once, and one whose file is over the limit one at a time', async (t) => {
    // A statement runs while its reader streams: count those in flight.
    const stream = Reflect.get(DuckDBPreparedStatement.prototype, 'streamAndReadUntil');
    let inFlight = 0;
    let peak = 0;
    t.mock.method(DuckDBPreparedStatement.prototype, 'streamAndReadUntil', async function (this: DuckDBPreparedStatement, ...args: Parameters<DuckDBPreparedStatement['streamAndReadUntil']>) {
      peak = Math.max(peak, ++inFlight);
      try {
        return await stream.apply(this, args);
      } finally {
        inFlight--;
      }
    });
    const busy = (k: number): string => `SELECT COUNT(*) AS n FROM range(30000000) t(x) WHERE x % 7 = ${k}`;
    const small = new DuckdbWarehouse(join(dir, 'warehouse'));
    const large = new DuckdbWarehouse(join(dir, 'warehouse'), { sideBySideMaxBytes: 1024 });
    try {
      for (const [wh, expected] of [[small, 2], [large, 1]] as const) {
        assert.equal(wh.queriesAtOnce(dataset.name), expected);
        peak = 0;
        await Promise.all([0, 1, 2, 3].map((k) => wh.query(dataset.name, busy(k))));
        assert.equal(peak, expected);
      }
    } finally {
      await small.close();
      await large.close();
    }
  });

  it('reports a broken key, a dangling foreign key and a child before its parent in the words of one check at a time', async () => {
    // The warehouse only reads through query(); the damage is done on a writable connection of the test's own.
    await warehouse.close();
    const instance = await DuckDBInstance.create(warehouse.filePath(dataset.name));
    const conn = await instance.connect();
    await conn.run('INSERT INTO returns SELECT * FROM returns LIMIT 1');
    await conn.run('UPDATE orders SET customer_id = -1 WHERE order_id = (SELECT MIN(order_id) FROM orders)');
    await conn.run("UPDATE returns SET return_date = DATE '2000-01-01' WHERE return_id = (SELECT MAX(return_id) FROM returns)");
    conn.closeSync();
    instance.closeSync();

    const expected: string[] = [];
    for (const check of integrityQueries(model, (t) => t)) {
      const violations = Number((await warehouse.query(dataset.name, check.sql)).rows[0]?.[0] ?? 0);
      if (violations > 0) expected.push(`${check.what}: ${violations} rows break it`);
    }
    assert.deepEqual(expected, [
      'orders.customer_id resolves to customers.customer_id: 1 rows break it',
      'returns.return_id is unique and never NULL: 1 rows break it',
      'returns.return_date is never before order_id.order_date: 1 rows break it',
    ]);
    await assert.rejects(
      validateStage.run({ story, model, dataset, agent }, context('damaged', watched(4))),
      (err: ProvisionError) => err.code === 'validation_failed' && err.message === `The loaded data breaks its integrity: ${expected.join('; ')}. The report is in validation-report.json.`,
    );
    const report = JSON.parse(readFileSync(join(dir, 'jobs', 'damaged', 'validation-report.json'), 'utf8')) as ValidationReport;
    assert.deepEqual(report.integrity, { checks: integrityQueries(model, (t) => t).length, problems: expected });
  });
});
