import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Blueprint } from '../src/blueprints/blueprint.js';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { preset } from '../src/blueprints/preset.js';
import { duckdbDialect } from '../src/warehouse/sql-dialect.js';

// What each curated preset shows, captured from the hand-written blueprints before they became
// presets of the modules: table and column names, golden questions and their SQL, the story.
// Chat test sets and the demo depend on them, so the move to modules must not change them.
// Generators may differ (check-blueprint proves the insights still hold).
// Regenerate only on purpose: PRESET_SHAPES_WRITE=1 node --import tsx --test test/preset-shapes.test.ts
const FIXTURE = fileURLToPath(new URL('fixtures/preset-shapes.json', import.meta.url));

function shape(bp: Blueprint): unknown {
  const d = duckdbDialect('2026-11-25');
  return {
    id: bp.id,
    label: bp.label,
    naics: bp.naics,
    businessModel: bp.businessModel,
    defaults: bp.defaults,
    persona: bp.persona,
    tables: bp.tables.map((t) => ({
      name: t.name,
      primaryKey: t.primaryKey,
      columns: t.columns.map((c) => `${c.name} ${c.type}${c.fromProfile ? ` <- ${c.fromProfile}` : ''}${c.generator.kind === 'foreignKey' ? ` -> ${c.generator.table}.${c.generator.column}` : ''}`),
    })),
    questions: bp.questions.map((q) => ({ id: q.id, level: q.level, question: q.question, insight: q.insight, expectedColumns: q.expectedColumns, insights: q.insights, sql: q.sql(d) })),
    glossary: bp.glossary,
    scenes: bp.scenes,
  };
}

describe('curated presets keep what their demo shows', () => {
  const shapes = BLUEPRINTS.map(shape);
  if (process.env.PRESET_SHAPES_WRITE === '1') writeFileSync(FIXTURE, `${JSON.stringify(shapes, null, 1)}\n`);
  const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Array<{ id: string }>;
  for (const bp of BLUEPRINTS) {
    it(`${bp.id}: tables, columns, golden questions and SQL, story as curated`, () => {
      assert.deepEqual(JSON.parse(JSON.stringify(shape(bp))), expected.find((e) => e.id === bp.id));
    });
  }
});

describe('a preset of the modules', () => {
  const retail = BLUEPRINTS.find((b) => b.id === 'retail');
  const table = (name: string) => retail?.tables.find((t) => t.name === name);
  const column = (t: string, c: string) => table(t)?.columns.find((x) => x.name === c);

  it('renames a module column in the generators of its table, never a parent\'s column of that name', () => {
    assert.deepEqual(column('marketing_campaigns', 'campaign_name')?.generator, { kind: 'template', template: '{campaign_channel} campaign #{campaign_id}' });
    const budget = column('marketing_campaigns', 'budget')?.generator;
    assert.ok(budget?.kind === 'number' && budget.effects?.[0]?.when.ref === 'campaign_channel');
    assert.deepEqual(column('orders', 'customer_segment')?.generator, { kind: 'copy', ref: 'customer_id.segment' });
  });

  it('names keys after the roles other modules filled, and after the preset\'s renames', () => {
    assert.equal(table('order_items')?.primaryKey, 'order_item_id');
    assert.deepEqual(column('customers', 'region_id')?.generator, { kind: 'foreignKey', table: 'regions', column: 'region_id', distribution: 'zipf', skew: 0.7 });
    const product = column('order_items', 'product_id')?.generator;
    assert.ok(product?.kind === 'foreignKey' && product.table === 'products');
  });

  it('asks a module\'s golden question under the preset\'s id and wording, and names what is missing', () => {
    const spec = (questions: Parameters<typeof preset>[0]['questions']): Parameters<typeof preset>[0] => ({
      id: 'retail', label: 'r', naics: '1', businessModel: 'b', persona: { name: 'n', role: 'r', goals: [] }, glossary: [], scenes: [],
      defaults: { products: ['A', 'B', 'C'], customerSegments: ['S1', 'S2', 'S3'], regions: ['R1', 'R2', 'R3'], kpis: [], keyEntities: [] },
      tables: [{ module: 'locations' }, { module: 'offerings' }, { module: 'customers' }, { module: 'orders' }, { module: 'orders', part: 1 }],
      questions,
    });
    const [q] = preset(spec([{ module: 'orders', from: 'by_offering', id: 'q07', question: 'What sells best at {company}?' }])).questions;
    assert.equal(q?.id, 'q07');
    assert.equal(q?.question, 'What sells best at {company}?');
    assert.deepEqual(q?.insights, [{ kind: 'top', key: 'product_name', value: 'A' }]);
    assert.match(q?.sql(duckdbDialect('2026-01-01')) ?? '', /GROUP BY f\.product_name/);
    assert.throws(() => preset(spec([{ module: 'orders', from: 'nope', id: 'q01' }])), /module orders has no question nope \(it has recent, by_offering/);
    assert.throws(() => preset(spec([{ module: 'subscriptions', from: 'mrr', id: 'q01' }])), /asks module subscriptions, which builds none of its tables/);
  });

  it('hands a module\'s question the preset\'s names for the module\'s tables', () => {
    // The orders module calls its lines table order_lines; retail shows it as order_items.
    const trend = retail?.questions.find((q) => q.id === 'q04');
    assert.match(trend?.sql(duckdbDialect('2026-01-01')) ?? '', /FROM order_items l JOIN orders o ON o\.order_id = l\.order_id/);
  });
});
