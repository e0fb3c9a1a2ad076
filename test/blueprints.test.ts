import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { buildAgentContext } from '../src/agents/agent/build-context.js';
import { renderModel } from '../src/agents/model/render-model.js';
import { heuristicStory } from '../src/agents/story/heuristic.js';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { tailor, tailorList } from '../src/blueprints/tailor.js';
import { defaultProfile, verifyBlueprint } from '../src/blueprints/verify-blueprint.js';
import { DataModelSchema } from '../src/domain/data-model.js';
import { DemoStorySchema } from '../src/domain/story.js';
import { bigqueryDialect, duckdbDialect } from '../src/warehouse/sql-dialect.js';

describe('blueprint library', () => {
  it('covers at least 8 industries', () => {
    assert.ok(BLUEPRINTS.length >= 8, `${BLUEPRINTS.length} blueprints: ${BLUEPRINTS.map((b) => b.id).join(', ')}`);
    assert.equal(new Set(BLUEPRINTS.map((b) => b.id)).size, BLUEPRINTS.length);
  });

  for (const bp of BLUEPRINTS) {
    it(`${bp.id}: data generates, loads into DuckDB, and every golden query answers`, async () => {
      const report = await verifyBlueprint(bp, { scale: 0.25, seed: 1234, asOf: '2026-11-25' });
      assert.deepEqual(report.problems, []);
      const failing = report.queries.filter((q) => !q.ok).map((q) => `${q.id}: ${q.problem}`);
      assert.deepEqual(failing, []);
      assert.ok(report.tables.length >= 6 && report.tables.length <= 12);
      assert.ok(report.tables.every((t) => t.rows > 0));
    });

    it(`${bp.id}: story, model and agent context are valid and tailored`, () => {
      const profile = { ...defaultProfile(bp, 'Acme & <Co>'), products: ['Alpha line', 'Beta line', 'Gamma line'] };
      const story = DemoStorySchema.parse(heuristicStory(profile, bp));
      assert.ok(story.goldenQuestions.length >= 10 && story.goldenQuestions.length <= 15);
      assert.equal(story.goldenQuestions[0]?.level, 'simple');
      assert.equal(story.goldenQuestions.at(-1)?.level, 'expert');
      assert.ok(!JSON.stringify(story).includes('{company}'), 'placeholders are filled');
      const model = DataModelSchema.parse(renderModel(bp, profile, tailor(bp, profile), duckdbDialect('2026-11-25'), '2026-11-25'));
      assert.equal(model.goldenSql.length, bp.questions.length);
      for (const t of model.tables) for (const fk of t.foreignKeys) assert.ok(model.tables.some((p) => p.name === fk.references.table));
      const tailoredColumn = model.tables.flatMap((t) => t.columns).find((c) => c.generator.kind === 'list' || c.generator.kind === 'category' ? c.generator.values.includes('Alpha line') : false);
      assert.ok(tailoredColumn, 'the company products replace a blueprint list');
      const ctx = buildAgentContext('job-x', profile, story, model);
      const yaml = parse(ctx.systemInstruction) as { tables: unknown[]; golden_queries: unknown[]; company: { name: string } };
      assert.equal(yaml.company.name, 'Acme & <Co>');
      assert.equal(yaml.tables.length, model.tables.length);
      assert.equal(yaml.golden_queries.length, story.goldenQuestions.length);
    });
  }

  it('declares a copy of a parent\'s key as a relationship, so the agent sees the join', () => {
    const bp = BLUEPRINTS.find((b) => b.id === 'saas');
    assert.ok(bp);
    const profile = defaultProfile(bp);
    const model = renderModel(bp, profile, tailor(bp, profile), duckdbDialect('2026-11-25'), '2026-11-25');
    const invoices = model.tables.find((t) => t.name === 'invoices');
    assert.deepEqual(invoices?.foreignKeys.find((f) => f.column === 'account_id')?.references, { table: 'accounts', column: 'account_id' });
  });

  it('renders the golden SQL for BigQuery with qualified tables and BigQuery date functions', () => {
    const bp = BLUEPRINTS[0];
    assert.ok(bp);
    const profile = defaultProfile(bp);
    const model = renderModel(bp, profile, tailor(bp, profile), bigqueryDialect('2026-11-25', 'demo-project', 'provision_x'), '2026-11-25');
    assert.equal(model.dialect, 'bigquery');
    for (const g of model.goldenSql) {
      assert.match(g.sql, /`demo-project\.provision_x\.[a-z_]+`/);
      assert.doesNotMatch(g.sql, /DATE_TRUNC\('|INTERVAL \d+ DAY AS DATE/, 'no DuckDB-only syntax');
    }
  });
});

describe('tailorList', () => {
  it('puts the company values first and keeps the length; an unfilled place keeps its blueprint value', () => {
    assert.deepEqual(tailorList(['A', 'B', 'C', 'D'], ['x', 'y', 'z']), ['x', 'y', 'z', 'D']);
    assert.deepEqual(tailorList(['A', 'B', 'C'], ['x', 'y', 'z', 'w']), ['x', 'y', 'z']);
  });
  it('keeps the blueprint values when research found fewer than three', () => {
    assert.deepEqual(tailorList(['A', 'B', 'C'], ['x', 'y']), ['A', 'B', 'C']);
  });
  it('puts a company value in the place of the blueprint value it names, so insights keep their meaning', () => {
    assert.deepEqual(tailorList(['Enterprise', 'Mid-Market', 'SMB', 'Startup'], ['Small businesses (SMB)', 'Mid-market companies', 'Enterprises']), ['Enterprises', 'Mid-market companies', 'Small businesses (SMB)', 'Startup']);
    assert.deepEqual(tailorList(['North America', 'Europe', 'UK & Ireland', 'Asia-Pacific', 'Latin America'], ['EMEA', 'APAC', 'North America']), ['North America', 'EMEA', 'UK & Ireland', 'APAC', 'Latin America']);
  });
  it('drops duplicates and blanks', () => {
    assert.deepEqual(tailorList(['A', 'B', 'C'], ['x', 'X ', '', 'y', 'z']), ['x', 'y', 'z']);
  });
});
