import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { DuckDBInstance } from '@duckdb/node-api';
import { combinedIntegrityQuery, integrityQueries, type IntegrityQuery } from '../src/data/integrity.js';
import type { DataModel } from '../src/domain/data-model.js';
import { RunSummarySchema, type RunSummary } from '../src/pipeline/summary.js';
import { serveSample, type ServedSite } from '../src/samples/serve-site.js';
import { plainValue } from '../src/warehouse/duckdb-warehouse.js';
import { bigqueryDialect } from '../src/warehouse/sql-dialect.js';
import { runCli } from './helpers/cli.js';
import { startFakeBigQuery, type FakeBigQuery, type FakeQueryResult } from './helpers/fake-bigquery.js';
import { startFakeCapi, type FakeCapi } from './helpers/fake-capi.js';
import { tempDir } from './helpers/tmp.js';

const JOB = 'bq-e2e';
const PROJECT = 'demo-project';
const DATASET = 'provision_bq_e2e';

/** Results of the golden queries on the same job's DuckDB dataset: same job id, same seed, same rows. */
async function goldenResults(stateDir: string): Promise<Map<string, { columns: string[]; rows: unknown[][] }>> {
  const model = JSON.parse(readFileSync(join(stateDir, 'jobs', JOB, 'checkpoints', 'model.json'), 'utf8')) as { output: DataModel };
  const instance = await DuckDBInstance.create(join(stateDir, 'warehouse', `${DATASET}.duckdb`), { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  const out = new Map<string, { columns: string[]; rows: unknown[][] }>();
  try {
    for (const g of model.output.goldenSql) {
      const reader = await conn.runAndReadAll(g.sql);
      const types = reader.columnNames().map((_, i) => reader.columnTypeId(i));
      out.set(g.questionId, { columns: reader.columnNames(), rows: reader.getRowsJS().map((r) => r.map((v, i) => plainValue(v, types[i]))) });
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return out;
}

function fieldType(values: unknown[]): string {
  const v = values.find((x) => x !== null && x !== undefined);
  if (typeof v === 'number') return values.every((x) => x === null || Number.isInteger(x)) ? 'INTEGER' : 'FLOAT';
  if (typeof v === 'boolean') return 'BOOLEAN';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return 'DATE';
  return 'STRING';
}

const asBigQuery = (r: { columns: string[]; rows: unknown[][] }): FakeQueryResult => ({ fields: r.columns.map((name, i) => ({ name, type: fieldType(r.rows.map((row) => row[i])) })), rows: r.rows });

/** The model's integrity checks in BigQuery SQL, as validate renders them. */
const integrityChecks = (m: DataModel): IntegrityQuery[] => integrityQueries(m, (t) => bigqueryDialect(m.asOf, PROJECT, DATASET).table(t));

describe('a bigquery-warehouse run against loopback fakes of BigQuery and CAPI', () => {
  let site: ServedSite;
  let bq: FakeBigQuery;
  let capi: FakeCapi;
  let summary: RunSummary;
  const reference = tempDir();
  const stateDir = tempDir();
  let golden: Map<string, { columns: string[]; rows: unknown[][] }>;
  let model: DataModel;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    site = await serveSample('northwind-outfitters');
    bq = await startFakeBigQuery({ loadPolls: 0, queryPolls: 0 });
    capi = await startFakeCapi();
    env = { GOOGLE_CLOUD_PROJECT: PROJECT, BIGQUERY_API_ENDPOINT: bq.url, CAPI_API_ENDPOINT: capi.url, ANTHROPIC_API_KEY: '' };
    // The golden answers, from the same job on the embedded warehouse.
    const local = await runCli(['run', site.url, '--json', '--allow-private-network', '--state-dir', reference, '--job-id', JOB], { timeoutMs: 180_000 });
    assert.equal(local.code, 0, local.stderr);
    golden = await goldenResults(reference);
    // BigQuery answers each golden query (by its SQL in this run's model) with the golden rows, and integrity checks with 0.
    bq.onQuery((sql) => {
      const m = JSON.parse(readFileSync(join(stateDir, 'jobs', JOB, 'checkpoints', 'model.json'), 'utf8')) as { output: DataModel };
      const g = m.output.goldenSql.find((x) => x.sql === sql.trim());
      if (g) return asBigQuery(golden.get(g.questionId) ?? { columns: [], rows: [] });
      // The integrity checks: keys, foreign keys and time order hold by construction (checked for real on DuckDB).
      // All of them in one query: a column per check.
      const checks = integrityChecks(m.output);
      if (sql.trim() === combinedIntegrityQuery(checks)) return { fields: checks.map((_, i) => ({ name: `check_${i}`, type: 'INTEGER' })), rows: [checks.map(() => 0)] };
      if (/^SELECT\b/i.test(sql.trim()) && /COUNT\(/i.test(sql)) return { fields: [{ name: 'violations', type: 'INTEGER' }], rows: [[0]] };
      throw new Error(`unexpected query: ${sql.slice(0, 80)}`);
    });
    const run = await runCli(['run', site.url, '--json', '--allow-private-network', '--warehouse', 'bigquery', '--state-dir', stateDir, '--job-id', JOB], { env, timeoutMs: 180_000 });
    assert.equal(run.code, 0, run.stderr);
    summary = RunSummarySchema.parse(JSON.parse(run.stdout));
    model = (JSON.parse(readFileSync(join(stateDir, 'jobs', JOB, 'checkpoints', 'model.json'), 'utf8')) as { output: DataModel }).output;
  });
  after(async () => {
    await site.close();
    await bq.close();
    await capi.close();
  });

  it('completes with the dataset in BigQuery and every golden query passing', () => {
    assert.equal(summary.status, 'completed', JSON.stringify(summary.error));
    assert.equal(summary.warehouse, 'bigquery');
    assert.equal(summary.dataset?.location, `${PROJECT}.${DATASET}`);
    assert.deepEqual(summary.goldenQueries, { total: golden.size, passed: golden.size, failed: 0 });
    assert.equal(model.dialect, 'bigquery');
    assert.ok(model.goldenSql.every((g) => g.sql.includes(`\`${PROJECT}.${DATASET}.`)), 'golden SQL names BigQuery tables');
  });

  it('creates the dataset with location, description and labels, and each table with its descriptions', () => {
    const create = bq.requests.find((r) => r.method === 'POST' && r.path.endsWith('/datasets'));
    const body = create?.body as { location: string; description: string; labels: Record<string, string>; datasetReference: { datasetId: string } };
    assert.equal(body.datasetReference.datasetId, DATASET);
    assert.equal(body.location, 'US');
    assert.match(body.description, /Northwind Outfitters/);
    assert.deepEqual(body.labels, { 'provisioned-by': 'provision', 'job-id': JOB, company: 'northwind-outfitters' });
    const tables = bq.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/tables'));
    assert.deepEqual(tables.map((t) => (t.body as { tableReference: { tableId: string } }).tableReference.tableId).sort(), model.tables.map((t) => t.name).sort());
    const orders = tables.find((t) => (t.body as { tableReference: { tableId: string } }).tableReference.tableId === 'orders')?.body as { description: string; schema: { fields: Array<{ name: string; description: string }> } };
    assert.equal(orders.description, model.tables.find((t) => t.name === 'orders')?.description);
    assert.ok(orders.schema.fields.every((f) => f.description.length > 0));
  });

  it('loads each table with exactly one WRITE_TRUNCATE load job and verifies the row counts', () => {
    const loads = bq.requests.filter((r) => r.method === 'POST' && r.path.includes('/upload/') && r.query.uploadType === 'multipart');
    assert.equal(loads.length, model.tables.length);
    for (const l of loads) {
      const load = (l.body as { configuration: { load: { writeDisposition: string; sourceFormat: string; skipLeadingRows: number } } }).configuration.load;
      assert.deepEqual([load.writeDisposition, load.sourceFormat, load.skipLeadingRows], ['WRITE_TRUNCATE', 'CSV', 1]);
    }
    assert.deepEqual(summary.dataset?.tables.map((t) => [t.name, t.rows]).sort(), [...bq.tables.values()].map((t) => [t.tableReference.tableId, Number(t.numRows)]).sort());
  });

  it('dry-runs every golden query (a dry-run job that says SELECT) before running it, and caps every query with maximumBytesBilled', () => {
    // Both are jobs.insert: a dry-run job, then the query job.
    type QueryJob = { configuration: { dryRun?: boolean; query: { query: string; maximumBytesBilled?: string; useLegacySql?: boolean } } };
    const jobs = bq.requests.filter((r) => r.method === 'POST' && /^\/bigquery\/v2\/projects\/[^/]+\/jobs$/.test(r.path)).map((r) => (r.body as QueryJob).configuration);
    for (const g of model.goldenSql) {
      const dry = jobs.findIndex((c) => c.dryRun === true && c.query.query === g.sql);
      const real = jobs.findIndex((c) => c.dryRun !== true && c.query.query === g.sql);
      assert.ok(dry >= 0 && real > dry, `${g.questionId}: dry run first`);
    }
    const ran = jobs.filter((c) => c.dryRun !== true);
    assert.ok(ran.length > 0 && ran.every((c) => c.query.maximumBytesBilled === String(10 * 1024 ** 3) && c.query.useLegacySql === false));
    assert.ok(jobs.every((c) => c.query.maximumBytesBilled === String(10 * 1024 ** 3)));
  });

  it('checks the loaded data in one query job, dry-run first, and no check alone', () => {
    type QueryJob = { configuration: { dryRun?: boolean; query: { query: string } } };
    const jobs = bq.requests.filter((r) => r.method === 'POST' && /^\/bigquery\/v2\/projects\/[^/]+\/jobs$/.test(r.path)).map((r) => (r.body as QueryJob).configuration);
    const checks = integrityChecks(model);
    const combined = combinedIntegrityQuery(checks);
    assert.deepEqual(jobs.filter((c) => c.query.query === combined).map((c) => c.dryRun === true), [true, false]);
    assert.equal(jobs.filter((c) => checks.some((check) => check.sql === c.query.query)).length, 0);
  });

  it('creates the data agent with every table, the glossary and the golden queries', () => {
    const create = capi.requests.find((r) => r.method === 'POST' && r.path.endsWith('/dataAgents:createSync'));
    assert.equal(create?.query.dataAgentId, `provision-${JOB}`);
    const context = (create?.body as { dataAnalyticsAgent: { publishedContext: { systemInstruction: string; datasourceReferences: { bq: { tableReferences: Array<{ projectId: string; datasetId: string; tableId: string }> } }; exampleQueries: Array<{ naturalLanguageQuestion: string; sqlQuery: string }>; glossaryTerms: unknown[] } } }).dataAnalyticsAgent.publishedContext;
    assert.equal(context.datasourceReferences.bq.tableReferences.length, model.tables.length);
    assert.ok(context.datasourceReferences.bq.tableReferences.every((t) => t.projectId === PROJECT && t.datasetId === DATASET));
    // Every golden query, then the semantic layer's compiled examples, in BigQuery SQL.
    const published = context.exampleQueries.map((e) => e.sqlQuery);
    assert.deepEqual(published.slice(0, model.goldenSql.length).sort(), model.goldenSql.map((g) => g.sql).sort());
    const extra = published.slice(model.goldenSql.length);
    assert.ok(extra.length > 0);
    assert.ok(extra.every((sql) => sql.includes(`\`${PROJECT}.${DATASET}.`)), extra.join('\n'));
    // The semantic model's measures and named filters are glossary terms.
    const terms = (context.glossaryTerms as Array<{ displayName: string }>).map((g) => g.displayName);
    assert.ok(terms.includes('cancelled orders excluded'), terms.join(', '));
    assert.ok(terms.includes('gross margin') || terms.includes('Gross margin'), terms.join(', '));
    assert.equal((parse(context.systemInstruction) as { company: { name: string } }).company.name, 'Northwind Outfitters');
    assert.equal(summary.agent?.remote, `projects/${PROJECT}/locations/global/dataAgents/provision-${JOB}`);
  });

  it('asks the agent every golden question and reports its accuracy', async () => {
    // The fake agent answered nothing it was not scripted for: accuracy 0, each question asked once.
    const chats = capi.requests.filter((r) => r.path.endsWith(':chat'));
    assert.equal(chats.length, model.goldenSql.length);
    assert.equal(summary.agent?.accuracy, 0);

    // Script correct answers for all but one question, and run validate again: a rerun without its checkpoint.
    const questions = JSON.parse(readFileSync(join(stateDir, 'jobs', JOB, 'checkpoints', 'story.json'), 'utf8')) as { output: { goldenQuestions: Array<{ id: string; question: string }> } };
    const [skipped, ...answered] = questions.output.goldenQuestions;
    for (const q of answered) {
      const g = golden.get(q.id);
      if (!g) continue;
      capi.answer(q.question, [
        { systemMessage: { data: { generatedSql: 'SELECT …', result: { schema: { fields: g.columns.map((name) => ({ name })) }, data: g.rows.map((row) => Object.fromEntries(g.columns.map((c, i) => [c, row[i]]))) } } } },
        { systemMessage: { text: { parts: ['Here is what the data says.'], textType: 'FINAL_RESPONSE' } } },
      ]);
    }
    const validateCheckpoint = join(stateDir, 'jobs', JOB, 'checkpoints', 'validate.json');
    rmSync(validateCheckpoint);
    const rerun = await runCli(['run', site.url, '--json', '--allow-private-network', '--warehouse', 'bigquery', '--state-dir', stateDir, '--job-id', JOB], { env, timeoutMs: 180_000 });
    assert.equal(rerun.code, 0, rerun.stderr);
    const again = RunSummarySchema.parse(JSON.parse(rerun.stdout));
    assert.deepEqual(again.stages.map((s) => s.resumed === true), [true, true, true, true, true, true, false], 'a rerun resumes what stands: nothing is loaded or created twice');
    const expected = (answered.length) / questions.output.goldenQuestions.length;
    assert.ok(Math.abs((again.agent?.accuracy ?? 0) - expected) < 1e-9, `accuracy ${again.agent?.accuracy} (skipped ${skipped?.id})`);
    assert.equal(bq.requests.filter((r) => r.path.includes('/upload/') && r.method === 'POST').length, model.tables.length, 'no second load');
  });

  it('chats with the CAPI agent through the streamed chat API, one conversation across turns', async () => {
    capi.answer('how many orders did we take?', [
      { systemMessage: { data: { generatedSql: 'SELECT COUNT(*) AS orders FROM orders', result: { schema: { fields: [{ name: 'orders' }] }, data: [{ orders: 20000 }] } } } },
      { systemMessage: { text: { parts: ['You took 20,000 orders.'], textType: 'FINAL_RESPONSE' } } },
    ]);
    const chats = capi.requests.filter((r) => r.path.endsWith(':chat')).length;
    const ran = await runCli(['chat', JOB, '--json', '--state-dir', stateDir], { env, stdin: 'how many orders did we take?\nand last month?\nquit\n' });
    assert.equal(ran.code, 0, ran.stderr);
    const answers = ran.stdout.trim().split('\n').map((l) => JSON.parse(l) as { answer: { text: string; rows: unknown[][]; unanswered?: boolean } });
    assert.equal(answers.length, 2);
    assert.deepEqual(answers[0]?.answer.rows, [[20000]]);
    assert.match(answers[0]?.answer.text ?? '', /20,000 orders/);
    const turns = capi.requests.filter((r) => r.path.endsWith(':chat')).slice(chats) as Array<{ body: { conversationReference?: { conversation: string; dataAgentContext: { dataAgent: string } } } }>;
    assert.equal(turns.length, 2);
    assert.equal(turns[0]?.body.conversationReference?.conversation, turns[1]?.body.conversationReference?.conversation, 'one conversation');
    assert.equal(turns[0]?.body.conversationReference?.dataAgentContext.dataAgent, `projects/${PROJECT}/locations/global/dataAgents/provision-${JOB}`);
  });

  it('teardown deletes the data agent and the dataset', async () => {
    const down = await runCli(['teardown', JOB, '--json', '--state-dir', stateDir], { env });
    assert.equal(down.code, 0, down.stderr);
    assert.ok(capi.requests.some((r) => r.method === 'DELETE' && r.path.endsWith(`/dataAgents/provision-${JOB}:deleteSync`)));
    const drop = bq.requests.find((r) => r.method === 'DELETE' && r.path.endsWith(`/datasets/${DATASET}`));
    assert.equal(drop?.query.deleteContents, 'true');
  });

  it('fails with warehouse_error naming the table when a load fails', async () => {
    bq.failLoadFor('returns', 'invalid', 'Error while reading data, error message: CSV table encountered too many errors');
    const run = await runCli(['run', site.url, '--json', '--allow-private-network', '--warehouse', 'bigquery', '--state-dir', tempDir(), '--job-id', 'bq-fail'], { env, timeoutMs: 180_000 });
    const failed = RunSummarySchema.parse(JSON.parse(run.stdout));
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error?.code, 'warehouse_error');
    assert.equal(failed.error?.stage, 'provision');
    assert.match(failed.error?.message ?? '', /returns.*invalid.*too many errors/s);
  });
});
