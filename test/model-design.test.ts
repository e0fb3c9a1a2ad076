import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { blueprintFor } from '../src/agents/blueprint-for.js';
import { askForModel, applyPlan, type ModelPlan } from '../src/agents/model/llm.js';
import { storyStage } from '../src/agents/story/index.js';
import type { Blueprint } from '../src/blueprints/blueprint.js';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { defaultProfile } from '../src/blueprints/verify-blueprint.js';
import { compose } from '../src/compose/compose.js';
import type { CompanyProfile } from '../src/domain/profile.js';
import type { DemoStory } from '../src/domain/story.js';
import { ModelOutputError } from '../src/core/errors.js';
import { ScriptedLlm } from '../src/llm/scripted-llm.js';
import { INDUSTRIES } from '../src/taxonomy/industries.js';
import { DuckdbWarehouse } from '../src/warehouse/duckdb-warehouse.js';
import { duckdbDialect } from '../src/warehouse/sql-dialect.js';
import { renderModel } from '../src/agents/model/render-model.js';
import { tailor } from '../src/blueprints/tailor.js';
import { stageContext } from './helpers/stage-context.js';
import { tempDir } from './helpers/tmp.js';

const ASOF = '2026-11-25';
const dir = tempDir();
const warehouse = new DuckdbWarehouse(join(dir, 'warehouse'));
after(() => warehouse.close());

const context = (llm: ScriptedLlm) => stageContext({ dir, warehouse, jobId: 'design', seed: 5, scale: 0.3, strategy: 'llm', llm });

// A brewery: no preset, so its draft is composed from modules (taprooms, beers, drinkers, brews…).
function breweryProfile(): CompanyProfile {
  const industry = INDUSTRIES.find((i) => i.id === 'brewery');
  assert.ok(industry, 'the taxonomy has breweries');
  const probe = compose(industry, { ...defaultProfile(BLUEPRINTS[0] as Blueprint), products: [], customerSegments: [], regions: [] }).blueprint;
  return { ...defaultProfile(probe, 'Hopfield Brewing'), industry: { id: industry.id, label: industry.label, naics: industry.naics, confidence: 0.9 } };
}

describe('with Claude, the model stage: Claude designs from the composed draft, code verifies', () => {
  let profile: CompanyProfile;
  let story: DemoStory;
  let bp: Blueprint;
  let draftSql: Map<string, { sql: string; expectedColumns: string[]; insights?: unknown[] }>;
  before(async () => {
    profile = breweryProfile();
    bp = blueprintFor(profile);
    story = await storyStage.run({ profile }, stageContext({ dir, warehouse, jobId: 'design', seed: 5, scale: 0.3 }));
    const draft = renderModel(bp, profile, tailor(bp, profile), duckdbDialect(ASOF), ASOF);
    draftSql = new Map(draft.goldenSql.map((g) => [g.questionId, g]));
  });

  // The design every case starts from: drinkers are "patrons" at this brewery, and beers get their ABV.
  const design: NonNullable<ModelPlan['design']> = {
    renameTables: [{ from: 'drinkers', to: 'patrons' }],
    addColumns: [{ table: 'beers', column: { name: 'abv', type: 'FLOAT64', description: 'Alcohol by volume, percent.', synonyms: ['strength'], generator: { kind: 'number', dist: 'normal', mean: 5.6, sd: 1.1, min: 3.5, max: 11, decimals: 1 } } }],
  };
  // The queries the rename breaks, rewritten as Claude would.
  const rewritten = () =>
    story.goldenQuestions
      .map((q) => ({ q, ref: draftSql.get(q.id) }))
      .filter(({ ref }) => ref && /\bdrinkers\b/.test(ref.sql))
      // Consistently: the table, the result column named after it, and the checks that read that column.
      .map(({ q, ref }) => JSON.parse(JSON.stringify({ questionId: q.id, sql: ref?.sql, expectedColumns: ref?.expectedColumns, insights: ref?.insights }).replace(/\bdrinkers\b/g, 'patrons')) as ModelPlan['queries'][number]);

  it('applies renames, additions and rewritten queries; a rename that breaks reference SQL goes back for repair with the failing queries', async () => {
    const llm = new ScriptedLlm([
      { stage: 'model', value: { design, queries: [] } },
      { stage: 'model', value: { design, queries: rewritten() } },
    ]);
    const model = await askForModel(context(llm), profile, story, bp, duckdbDialect(ASOF), ASOF);
    assert.equal(llm.requests.length, 2);
    const repair = String(llm.requests[1]?.user);
    const reading = rewritten().filter((q) => /\b(from|join)\s+drinkers\b/i.test(draftSql.get(q.questionId)?.sql ?? ''));
    assert.ok(reading.length > 0, 'the rename touched reference SQL');
    for (const q of reading) assert.match(repair, new RegExp(`- ${q.questionId}: the query does not run`), `${q.questionId} is reported`);

    assert.ok(model.tables.some((t) => t.name === 'patrons') && !model.tables.some((t) => t.name === 'drinkers'));
    const orders = model.tables.find((t) => t.name === 'orders');
    assert.ok(orders?.foreignKeys.some((f) => f.references.table === 'patrons'), 'foreign keys follow the rename');
    assert.ok(model.tables.find((t) => t.name === 'beers')?.columns.some((c) => c.name === 'abv'));
    assert.equal(model.goldenSql.length, story.goldenQuestions.length);
    assert.ok(model.goldenSql.every((g) => !/\bdrinkers\b/.test(g.sql) && (g.insights?.length ?? 0) > 0));
  });

  it('an insight that does not hold on the full generated data is sent back with the measured figure, and after two repairs the stage gives up (the heuristic draft takes over)', async () => {
    const first = story.goldenQuestions.find((q) => (draftSql.get(q.id)?.insights?.length ?? 0) > 0 && (draftSql.get(q.id)?.insights as Array<{ kind: string }>)[0]?.kind === 'top');
    assert.ok(first, 'a question with a "top" insight');
    const ref = draftSql.get(first.id);
    const wrong = { kind: 'top' as const, key: (ref?.insights as Array<{ key: string }>)[0]?.key ?? '', value: 'Nobody at all' };
    const answer = { queries: [{ questionId: first.id, sql: ref?.sql ?? '', expectedColumns: ref?.expectedColumns ?? [], insights: [wrong] }] };
    const llm = new ScriptedLlm([0, 1, 2].map(() => ({ stage: 'model' as const, value: answer })));
    await assert.rejects(
      () => askForModel(context(llm), profile, story, bp, duckdbDialect(ASOF), ASOF),
      (err: unknown) => err instanceof ModelOutputError && err.code === 'llm_invalid_output' && /after 2 repairs/.test(err.message),
    );
    assert.equal(llm.requests.length, 3);
    assert.match(String(llm.requests[1]?.user), new RegExp(`${first.id}: on the generated data, insight does not hold: .*Nobody at all.*observed`));
  });

  it('edits that name nothing, drop a referenced table, or leave a question without an insight check are problems, not silent changes', () => {
    const draft = renderModel(bp, profile, tailor(bp, profile), duckdbDialect(ASOF), ASOF);
    const { problems } = applyPlan(draft, story, {
      design: { dropTables: ['taprooms', 'no_such_table'], renameColumns: [{ table: 'beers', from: 'colour', to: 'color' }] },
      queries: [],
    });
    assert.ok(problems.some((p) => /drop table taprooms: .* still references it/.test(p)), problems.join('\n'));
    assert.ok(problems.includes('drop table no_such_table: there is no table no_such_table'));
    assert.ok(problems.includes('rename column beers.colour: table beers has no column colour'));
    const q = story.goldenQuestions[0];
    assert.ok(q);
    const noInsight = applyPlan({ ...draft, goldenSql: draft.goldenSql.map((g) => ({ ...g, insights: [] })) }, story, { queries: [] });
    assert.ok(noInsight.problems.includes(`${q.id}: the query declares no insight check; every golden question needs one`));
  });
});
