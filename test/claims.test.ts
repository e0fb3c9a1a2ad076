import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { agentStage } from '../src/agents/agent/index.js';
import { dataStage } from '../src/agents/data/index.js';
import { modelStage } from '../src/agents/model/index.js';
import { provisionStage } from '../src/agents/provision/index.js';
import { storyStage } from '../src/agents/story/index.js';
import { columnLabel, formatFigure } from '../src/agents/validate/present-claims.js';
import { validateStage } from '../src/agents/validate/index.js';
import { retail } from '../src/blueprints/retail.js';
import { defaultProfile } from '../src/blueprints/verify-blueprint.js';
import type { AgentArtifact, ProvisionedDataset, ValidationReport } from '../src/domain/artifacts.js';
import type { DataModel } from '../src/domain/data-model.js';
import type { DemoStory } from '../src/domain/story.js';
import { ScriptedLlm } from '../src/llm/scripted-llm.js';
import type { StageContext } from '../src/pipeline/context.js';
import { buildRunSummary } from '../src/pipeline/summary.js';
import { DuckdbWarehouse } from '../src/warehouse/duckdb-warehouse.js';
import { stageContext } from './helpers/stage-context.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const warehouse = new DuckdbWarehouse(join(dir, 'warehouse'));
after(() => warehouse.close());

function context(strategy: 'heuristic' | 'llm', llm?: ScriptedLlm): StageContext {
  return stageContext({ dir, warehouse, jobId: 'claims', seed: 11, scale: 0.3, strategy, ...(llm ? { llm } : {}) });
}

describe('claims are checked on the loaded data and the story quotes the measured figures', () => {
  let story: DemoStory;
  let model: DataModel;
  let dataset: ProvisionedDataset;
  let agent: AgentArtifact;
  let report: ValidationReport;

  before(async () => {
    const ctx = context('heuristic');
    const profile = defaultProfile(retail, 'Northwind Outfitters');
    story = await storyStage.run({ profile }, ctx);
    model = await modelStage.run({ profile, story }, ctx);
    const files = await dataStage.run({ model }, ctx);
    dataset = await provisionStage.run({ profile, model, files }, ctx);
    agent = await agentStage.run({ profile, story, model, dataset }, ctx);
    report = await validateStage.run({ story, model, dataset, agent }, ctx);
  });

  it('checks every golden question that declares an insight, and all planted claims hold', () => {
    assert.equal(report.claims?.length, model.goldenSql.filter((g) => g.insights?.length).length);
    assert.equal(report.claims?.length, report.total, 'every retail question declares an insight');
    assert.deepEqual(report.claims?.filter((c) => !c.holds).map((c) => `${c.questionId}: ${c.measured}`), []);
    assert.equal(report.passed, report.total);
  });

  it('q09 answers per channel, and the claim that Display returns the least per dollar is measured', () => {
    const q09 = report.claims?.find((c) => c.questionId === 'q09');
    assert.ok(q09?.holds);
    assert.match(q09?.measured ?? '', /^Display has the lowest ROAS: [\d.]+x, of 5; next: /);
  });

  it('the numbers in the presented story are the golden results', async () => {
    const presented = report.story;
    assert.ok(presented);
    for (const claim of report.claims ?? []) {
      const golden = model.goldenSql.find((g) => g.questionId === claim.questionId);
      assert.ok(golden);
      const result = await warehouse.query(dataset.name, golden.sql);
      let text = claim.measured;
      for (const v of claim.values) {
        // The figure is a cell of the golden result: in its column, on the row it names.
        const col = result.columns.indexOf(v.column);
        assert.ok(col >= 0, `${claim.questionId}: ${v.column} is a result column`);
        const row = result.rows.find((r) => v.row === undefined || r.some((cell) => String(cell) === v.row));
        assert.ok(row, `${claim.questionId}: a row ${v.row}`);
        assert.equal(Number(row[col]), v.value, `${claim.questionId}: ${v.row ?? ''} ${v.column}`);
        // And the sentence quotes it, formatted.
        const shown = formatFigure(v.column, v.value, model.currency ?? 'USD');
        assert.ok(claim.measured.includes(shown), `${claim.questionId}: "${claim.measured}" quotes ${shown}`);
        // Struck out as a whole figure only: "2x" is not struck out of "5.22x".
        const escaped = shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        text = text.replace(new RegExp(`(?<![\\d.])${escaped}(?![\\d])`, 'g'), ' ').split(v.row ?? '\u0000').join(' ');
      }
      // Nothing else in it is a number, but the multiples and counts that compare them.
      const rest = text.replace(/\b\d+(\.\d+)?x\b/g, '').replace(/\bof \d+\b/g, '').replace(columnLabel(claim.values[0]?.column ?? ''), '');
      assert.doesNotMatch(rest, /\d/, `${claim.questionId}: "${claim.measured}" has no figure that is not in the result`);

      // The presented story quotes it where the question is told.
      const told: DemoStory['goldenQuestions'][number] | undefined = presented.goldenQuestions.find((x) => x.id === claim.questionId);
      assert.equal(told?.insight, claim.presented);
      const scene = presented.scenes.find((s) => s.questionIds.includes(claim.questionId));
      if (scene) assert.ok(scene.narrative.includes(claim.presented), `scene ${scene.title} quotes ${claim.questionId}`);
    }
    const headline = (report.claims ?? []).filter((c) => c.holds).slice(0, 1)[0];
    assert.ok(headline && presented.executiveSummary.includes(headline.measured), 'the executive summary quotes a measured figure');
  });

  it('a false claim is reported failed with the measured figure, reworded and flagged, and the job does not call it passed', async () => {
    // The model claims the wrong segment leads on average order value.
    const wrong = 'Bargain hunters';
    const planted: DataModel = {
      ...model,
      goldenSql: model.goldenSql.map((g) => (g.questionId === 'q05' ? { ...g, insights: [{ kind: 'top', key: 'segment', value: wrong, by: 'avg_order_value' }] } : g)),
    };
    const llm = new ScriptedLlm([]);
    const ctx = context('llm', llm);
    const falseReport = await validateStage.run({ story, model: planted, dataset, agent }, ctx);
    assert.equal(llm.requests.length, 0, 'a claim that does not hold never goes to repair');

    const claim = falseReport.claims?.find((c) => c.questionId === 'q05');
    assert.equal(claim?.holds, false);
    assert.equal(claim?.flagged, true);
    assert.match(claim?.measured ?? '', /^VIP members has the highest average order value: \$[\d,.]+, of 4; next: /);
    assert.match(claim?.presented ?? '', /^Reworded from the data/);
    assert.equal(falseReport.story?.goldenQuestions.find((q) => q.id === 'q05')?.insight, claim?.presented);
    const result = falseReport.results.find((r) => r.questionId === 'q05');
    assert.equal(result?.ok, false);
    assert.match(result?.problem ?? '', /claim does not hold/);
    assert.equal(falseReport.passed, falseReport.total - 1);
    assert.equal(falseReport.failed, 1);

    const summary = buildRunSummary(
      { jobId: 'claims', url: 'https://example.com/', attempt: 0, strategy: 'llm', warehouse: 'duckdb', scale: 0.3, allowPrivateNetwork: false },
      { status: 'completed', durationMs: 1, stages: [], outputs: { validate: falseReport } } as unknown as Parameters<typeof buildRunSummary>[1],
    );
    assert.deepEqual(summary.goldenQueries, { total: falseReport.total, passed: falseReport.total - 1, failed: 1 });
    assert.equal(summary.claims?.failed, 1);
    assert.deepEqual(summary.claims?.flagged, ['q05']);
    assert.match(summary.claims?.line ?? '', /of \d+ claims hold on the data; reworded from the measured figures: q05/);
  });

  it('a query that fails still goes to repair, once per error, and the repaired query is judged again', async () => {
    const good = model.goldenSql.find((g) => g.questionId === 'q05');
    assert.ok(good);
    const broken: DataModel = { ...model, goldenSql: model.goldenSql.map((g) => (g.questionId === 'q05' ? { ...g, sql: g.sql.replace('AS avg_order_value', 'AS aov') } : g)) };
    const llm = new ScriptedLlm([{ stage: 'validate', name: 'repaired_query', value: { sql: good.sql } }]);
    const repairedReport = await validateStage.run({ story, model: broken, dataset, agent }, context('llm', llm));
    assert.equal(llm.requests.length, 1);
    assert.match(llm.requests[0]?.user ?? '', /does not compile/);
    assert.deepEqual(repairedReport.repaired?.map((r) => r.questionId), ['q05']);
    assert.equal(repairedReport.claims?.find((c) => c.questionId === 'q05')?.holds, true);
    // The agent (and `provision chat`) answers with the repaired SQL, in its examples and its YAML.
    const files = context('llm').files;
    const written = JSON.parse(String(await files.read('agent/agent-context.json'))) as { systemInstruction: string; exampleQueries: Array<{ question: string; sql: string }> };
    const question = story.goldenQuestions.find((q) => q.id === 'q05')?.question;
    assert.equal(written.exampleQueries.find((e) => e.question === question)?.sql, good.sql);
    const yamlQueries = (parse(written.systemInstruction) as { golden_queries: Array<{ natural_language_query: string; sql_query: string }> }).golden_queries;
    assert.equal(yamlQueries.find((g) => g.natural_language_query === question)?.sql_query, good.sql);
    assert.equal(String(await files.read('agent/system-instruction.yaml')), written.systemInstruction);
  });
});
