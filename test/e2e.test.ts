import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DataModel } from '../src/domain/data-model.js';
import { RunSummarySchema, type RunSummary } from '../src/pipeline/summary.js';
import { serveSample, type ServedSite } from '../src/samples/serve-site.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

async function queryDuckdb(file: string, sqls: string[]): Promise<unknown[][][]> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const out: unknown[][][] = [];
    for (const sql of sqls) out.push((await conn.runAndReadAll(sql)).getRowsJS());
    return out;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe('provision run, end to end on a sample site', () => {
  let site: ServedSite;
  const stateDir = tempDir();
  let summary: RunSummary;
  let code: number | null;

  before(async () => {
    site = await serveSample('northwind-outfitters');
    const run = await runCli(['run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'e2e-northwind']);
    code = run.code;
    assert.equal(run.code, 0, run.stderr);
    summary = RunSummarySchema.parse(JSON.parse(run.stdout));
  });
  after(() => site.close());

  it('completes all seven stages and prints exactly one JSON document', () => {
    assert.equal(code, 0);
    assert.equal(summary.status, 'completed');
    assert.deepEqual(summary.stages.map((s) => s.status), Array(7).fill('completed'));
    assert.equal(summary.profile?.name, 'Northwind Outfitters');
    assert.ok((summary.dataset?.tables.length ?? 0) >= 5);
    assert.ok((summary.goldenQueries?.total ?? 0) >= 10);
    assert.equal(summary.goldenQueries?.failed, 0);
  });

  it('leaves a DuckDB file whose tables are full, keyed and joined, and whose golden queries answer', async () => {
    const model = (JSON.parse(readFileSync(join(stateDir, 'jobs', 'e2e-northwind', 'checkpoints', 'model.json'), 'utf8')) as { output: DataModel }).output;
    const file = summary.dataset?.location ?? '';
    const checks: string[] = [];
    for (const t of model.tables) {
      checks.push(`SELECT COUNT(*) FROM ${t.name}`);
      checks.push(`SELECT COUNT(*) - COUNT(DISTINCT ${t.primaryKey}) FROM ${t.name}`);
      for (const fk of t.foreignKeys) {
        checks.push(`SELECT COUNT(*) FROM ${t.name} c LEFT JOIN ${fk.references.table} p ON c.${fk.column} = p.${fk.references.column} WHERE c.${fk.column} IS NOT NULL AND p.${fk.references.column} IS NULL`);
      }
    }
    const results = await queryDuckdb(file, [...checks, ...model.goldenSql.map((g) => g.sql)]);
    checks.forEach((sql, i) => {
      const n = Number(results[i]?.[0]?.[0]);
      if (sql.includes('DISTINCT') || sql.includes('LEFT JOIN')) assert.equal(n, 0, sql);
      else assert.ok(n > 0, `${sql} is empty`);
    });
    model.goldenSql.forEach((g, i) => assert.ok((results[checks.length + i]?.length ?? 0) > 0, `${g.questionId} returns rows`));
    const expectedRows = Object.fromEntries(summary.dataset?.tables.map((t) => [t.name, t.rows]) ?? []);
    for (const t of model.tables) assert.equal(Number(results[checks.indexOf(`SELECT COUNT(*) FROM ${t.name}`)]?.[0]?.[0]), expectedRows[t.name]);
  });

  it('resumes every stage when the same job id runs again, and keeps the same dataset', async () => {
    const again = await runCli(['run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'e2e-northwind']);
    assert.equal(again.code, 0, again.stderr);
    const s = RunSummarySchema.parse(JSON.parse(again.stdout));
    assert.ok(s.stages.every((st) => st.status === 'completed' && st.resumed === true));
    assert.equal(s.dataset?.name, summary.dataset?.name);
    assert.deepEqual(s.dataset?.tables, summary.dataset?.tables);
  });

  it('shows the job in provision status', async () => {
    const list = await runCli(['status', '--json', '--state-dir', stateDir]);
    assert.equal(list.code, 0);
    const jobs = (JSON.parse(list.stdout) as { jobs: Array<{ jobId: string; status: string }> }).jobs;
    assert.ok(jobs.some((j) => j.jobId === 'e2e-northwind' && j.status === 'completed'));
    const one = await runCli(['status', 'e2e-northwind', '--state-dir', stateDir]);
    assert.equal(one.code, 0);
    assert.match(one.stdout, /✓ validate/);
  });

  it('teardown deletes the dataset and data files; a rerun provisions again', async () => {
    const down = await runCli(['teardown', 'e2e-northwind', '--json', '--state-dir', stateDir]);
    assert.equal(down.code, 0, down.stderr);
    const out = JSON.parse(down.stdout) as { removed: string[] };
    assert.equal(out.removed.length, 3, 'the local data agent, the DuckDB file and the data files');
    assert.ok(!existsSync(summary.dataset?.location ?? ''));
    const again = await runCli(['run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'e2e-northwind']);
    assert.equal(again.code, 0, again.stderr);
    const s = RunSummarySchema.parse(JSON.parse(again.stdout));
    // Everything after a recomputed stage recomputes: validate checks the data loaded now, not the data torn down.
    assert.deepEqual(s.stages.map((st) => st.resumed === true), [true, true, true, false, false, false, false], 'data, provision, the agent and validate run again');
    assert.deepEqual(s.dataset?.tables, summary.dataset?.tables, 'the same rows, from the same seed');
    assert.equal((await runCli(['teardown', 'no-such-job', '--state-dir', stateDir])).code, 2);
  });

  it('writes structured JSON logs with severity, message, jobId and stage', () => {
    const lines = readFileSync(join(stateDir, 'jobs', 'e2e-northwind', 'logs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(lines.length > 10);
    assert.ok(lines.every((l) => typeof l.severity === 'string' && typeof l.message === 'string' && l.jobId === 'e2e-northwind'));
    assert.ok(lines.some((l) => l.stage === 'validate'));
  });
});

describe('provision run failures and usage', () => {
  it('exits 2 with the error in the JSON summary when the site answers 404', async () => {
    const site = await serveSample('ledgerly');
    try {
      const run = await runCli(['run', `${site.url}no-such-page`, '--json', '--allow-private-network', '--state-dir', tempDir()]);
      assert.equal(run.code, 2);
      const s = RunSummarySchema.parse(JSON.parse(run.stdout));
      assert.equal(s.status, 'failed');
      assert.equal(s.error?.code, 'http_error');
      assert.equal(s.error?.stage, 'research');
      assert.deepEqual(s.stages.map((x) => x.status), ['failed', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending']);
    } finally {
      await site.close();
    }
  });

  it('refuses to reuse a job id for another URL, in the summary shape', async () => {
    const stateDir = tempDir();
    const first = await runCli(['run', 'http://127.0.0.1:9/a', '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'taken-id']);
    assert.equal(first.code, 1, first.stderr);
    const second = await runCli(['run', 'http://127.0.0.1:9/b', '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'taken-id']);
    assert.equal(second.code, 2);
    const s = RunSummarySchema.parse(JSON.parse(second.stdout));
    assert.equal(s.error?.code, 'invalid_url');
    assert.match(s.error?.message ?? '', /was created for http:\/\/127\.0\.0\.1:9\/a/);
  });

  it('exits 1 (retryable) when the site cannot be reached', async () => {
    const run = await runCli(['run', 'http://127.0.0.1:9/', '--json', '--allow-private-network', '--state-dir', tempDir()]);
    assert.equal(run.code, 1);
    assert.equal((JSON.parse(run.stdout) as RunSummary).error?.code, 'connection_failed');
  });

  it('refuses loopback without --allow-private-network', async () => {
    const run = await runCli(['run', 'http://127.0.0.1:9/', '--json', '--state-dir', tempDir()]);
    assert.equal(run.code, 2);
    assert.equal((JSON.parse(run.stdout) as RunSummary).error?.code, 'blocked_address');
  });

  it('explains bad input with exit status 2 and nothing on stdout', async () => {
    for (const args of [['run'], ['run', 'https://example.com', '--scale', 'lots'], ['run', 'https://example.com', '--until', 'deploy'], ['frobnicate'], ['run', '--nope']]) {
      const run = await runCli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /provision: /);
    }
    const badUrl = await runCli(['run', 'ftp://example.com/', '--json']);
    assert.equal(badUrl.code, 2);
    assert.equal((JSON.parse(badUrl.stdout) as { error: { code: string } }).error.code, 'invalid_url');
  });

  it('prints help', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    for (const cmd of ['demo', 'run', 'status']) assert.match(help.stdout, new RegExp(`\\b${cmd}\\b`));
    const runHelp = await runCli(['run', '--help']);
    assert.match(runHelp.stdout, /--allow-private-network/);
  });
});

describe('provision demo', () => {
  it('provisions the bundled sample end to end with --json', async () => {
    const run = await runCli(['demo', '--json', '--state-dir', tempDir()]);
    assert.equal(run.code, 0, run.stderr);
    const s = RunSummarySchema.parse(JSON.parse(run.stdout));
    assert.equal(s.status, 'completed');
    assert.ok((s.dataset?.tables.length ?? 0) >= 5);
    assert.ok((s.goldenQueries?.passed ?? 0) >= 10);
    assert.match(s.jobId, /^demo-northwind-/);
  });
});
