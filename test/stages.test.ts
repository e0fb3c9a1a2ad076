import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { agentStage } from '../src/agents/agent/index.js';
import { dataStage } from '../src/agents/data/index.js';
import { modelStage } from '../src/agents/model/index.js';
import { provisionStage } from '../src/agents/provision/index.js';
import { storyStage } from '../src/agents/story/index.js';
import { validateStage } from '../src/agents/validate/index.js';
import { retail } from '../src/blueprints/retail.js';
import { defaultProfile } from '../src/blueprints/verify-blueprint.js';
import { ProvisionError } from '../src/core/errors.js';
import { LocalJobFiles } from '../src/files/local-job-files.js';
import { emptyUsage } from '../src/llm/llm.js';
import { silentLogger } from '../src/logging/logger.js';
import type { StageContext } from '../src/pipeline/context.js';
import { DuckdbWarehouse } from '../src/warehouse/duckdb-warehouse.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const warehouse = new DuckdbWarehouse(join(dir, 'warehouse'));
after(() => warehouse.close());
const progress: number[] = [];
const ctx: StageContext = {
  job: { jobId: 'stage-test', url: 'https://example.com/', attempt: 0, strategy: 'heuristic', warehouse: 'duckdb', scale: 0.2, allowPrivateNetwork: false, datasetName: 'provision_stage_test', seed: 99 },
  http: { fetchPage: () => Promise.reject(new Error('no network')) },
  warehouse,
  files: new LocalJobFiles(dir, 'stage-test'),
  clock: { now: () => new Date('2026-11-25T12:00:00Z') },
  logger: silentLogger,
  signal: new AbortController().signal,
  progress: (f) => progress.push(f),
  warn: () => undefined,
  trace: { usage: emptyUsage() },
};

describe('heuristic stages on DuckDB, one after another', () => {
  const profile = { ...defaultProfile(retail, 'Trailhead Supply'), customerSegments: ['Thru-hikers', 'Families', 'Guides', 'Weekenders'] };

  it('story → model → data → provision → agent → validate', async () => {
    const story = await storyStage.run({ profile }, ctx);
    assert.ok(story.goldenQuestions.some((q) => q.insight.includes('Thru-hikers')), 'insights name the company segments');
    const model = await modelStage.run({ profile, story }, ctx);
    assert.equal(model.asOf, '2026-11-25');
    assert.ok(model.goldenSql.some((g) => g.sql.includes("DATE '2026-11-25'")), 'relative windows end on the as-of day');
    const files = await dataStage.run({ model }, ctx);
    assert.ok(files.tables.every((t) => t.rows > 0 && t.file.endsWith('.csv')));
    assert.equal(await dataStage.stillValid?.(files, ctx), true);
    const dataset = await provisionStage.run({ profile, model, files }, ctx);
    assert.deepEqual(dataset.tables, files.tables.map((t) => ({ name: t.name, rows: t.rows })));
    assert.ok(progress.length >= model.tables.length, 'provision reports progress per table');
    const segments = await warehouse.query(dataset.name, 'SELECT DISTINCT segment FROM customers ORDER BY 1');
    assert.deepEqual(segments.rows.map((r) => r[0]), ['Families', 'Guides', 'Thru-hikers', 'Weekenders']);

    // Provisioning again replaces the tables: no duplicated rows.
    const again = await provisionStage.run({ profile, model, files }, ctx);
    assert.deepEqual(again.tables, dataset.tables);

    const agent = await agentStage.run({ profile, story, model, dataset }, ctx);
    assert.ok(await ctx.files.exists('agent/system-instruction.yaml'));
    // The golden questions first, then a few examples compiled from the semantic layer.
    assert.deepEqual(agent.context.exampleQueries.slice(0, story.goldenQuestions.length).map((e) => e.question), story.goldenQuestions.map((q) => q.question));
    assert.ok(agent.context.exampleQueries.length > story.goldenQuestions.length);
    assert.ok(agent.context.semantic?.measures.some((m) => m.name === 'revenue'));
    const report = await validateStage.run({ story, model, dataset, agent }, ctx);
    assert.equal(report.passed, report.total);
    assert.equal(report.score, 1);
    assert.ok(report.results.every((r) => r.preview.length > 0));

    // A golden query that fails makes the stage fail with validation_failed, and the report says which.
    const broken = { ...model, goldenSql: [...model.goldenSql, { questionId: 'q99', sql: 'SELECT nope FROM orders', expectedColumns: ['nope'] }, { questionId: 'q98', sql: "SELECT order_id FROM orders WHERE status = 'Lost'", expectedColumns: ['order_id'] }] };
    await assert.rejects(
      () => validateStage.run({ story, model: broken, dataset, agent }, ctx),
      (err: ProvisionError) => err.code === 'validation_failed' && /2 of \d+ golden queries failed/.test(err.message) && err.message.includes('q98 returned no rows'),
    );
  });
});
