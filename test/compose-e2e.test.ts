import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { agentStage } from '../src/agents/agent/index.js';
import { dataStage } from '../src/agents/data/index.js';
import { modelStage } from '../src/agents/model/index.js';
import { provisionStage } from '../src/agents/provision/index.js';
import { storyStage } from '../src/agents/story/index.js';
import { validateStage } from '../src/agents/validate/index.js';
import type { StageContext } from '../src/pipeline/context.js';
import { DuckdbWarehouse } from '../src/warehouse/duckdb-warehouse.js';
import { companyProfile } from './helpers/company-profile.js';
import { stageContext } from './helpers/stage-context.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir();
const warehouse = new DuckdbWarehouse(join(dir, 'warehouse'));
after(() => warehouse.close());

function contextFor(jobId: string, seed: number): StageContext {
  return stageContext({ dir, warehouse, jobId, seed, scale: 0.2 });
}

/** Companies in industries no preset covers, each composed from different core modules. */
const COMPANIES = [
  { id: 'law_firm', name: 'Baxter & Reyes LLP', own: { products: ['Personal injury', 'Trucking accidents', 'Medical malpractice'], segments: ['Injured workers', 'Families', 'Motorists'], regions: ['Denver', 'Boulder', 'Colorado Springs'] }, table: 'matters' },
  { id: 'brewery', name: 'Cascade Brewing', own: { products: ['Hazy IPA', 'Pilsner', 'Oatmeal Stout', 'Sour Ale'], segments: ['Distributors', 'Bars and restaurants', 'Bottle shops'], regions: ['Portland', 'Bend', 'Eugene'] }, table: 'brews' },
  { id: 'food_bank', name: 'Harvest Table Food Bank', own: { products: ['Emergency food boxes', 'Senior meals', 'School backpacks'], segments: ['Families with children', 'Seniors', 'Students'], regions: ['Eastside pantry', 'Downtown pantry', 'Riverside pantry'] }, table: 'donations' },
  { id: 'fitness_wellness', name: 'Summit Fitness', own: { products: ['Unlimited membership', 'Off-peak membership', 'Class pack'], segments: ['Students', 'Professionals', 'Seniors'], regions: ['Downtown club', 'Northside club', 'Lakeside club'] }, table: 'subscriptions' },
  { id: 'game_studio', name: 'Pixel Forge Games', own: { products: ['Starfall', 'Dungeon Depths', 'Kart Rivals'], segments: ['Core gamers', 'Casual players', 'Collectors'], regions: ['Steam', 'PlayStation', 'Nintendo Switch'] }, table: 'play_sessions' },
  { id: 'utility', name: 'Prairie Power Co-op', own: { products: ['Residential electricity', 'Farm service', 'Commercial electricity'], segments: ['Households', 'Farms', 'Small businesses'], regions: ['Dodge County', 'Olmsted County', 'Mower County'] }, table: 'meter_readings' },
  { id: 'veterinary', name: 'Maple Paws Animal Hospital', own: { products: ['Wellness exams', 'Dental cleaning', 'Surgery'], segments: ['Dog owners', 'Cat owners', 'Exotic pets'], regions: ['Maple Grove', 'Plymouth', 'Wayzata'] }, table: 'treatments' },
  { id: 'media_publishing', name: 'The Northern Ledger', own: { products: ['Digital edition', 'Weekend print', 'Newsletter bundle'], segments: ['Students', 'Professionals', 'Retirees'], regions: ['Manchester', 'Liverpool', 'Leeds'] }, table: 'page_views' },
  { id: 'wholesale', name: 'Keystone Supply', own: { products: ['Fasteners', 'Safety gear', 'Power tools'], segments: ['Contractors', 'Manufacturers', 'Resellers'], regions: ['Allentown', 'Reading', 'Scranton'] }, table: 'deliveries' },
];

describe('composed demos through the heuristic pipeline on DuckDB', () => {
  for (const [i, c] of COMPANIES.entries()) {
    it(`${c.id}: story → model → data → provision → agent → validate, every golden query and insight passing`, async () => {
      const ctx = contextFor(`compose-${c.id.replace(/_/g, '-')}`, 7 + i);
      const profile = companyProfile(c.id, c.name, c.own);
      const story = await storyStage.run({ profile }, ctx);
      assert.ok(story.goldenQuestions.length >= 12);
      const model = await modelStage.run({ profile, story }, ctx);
      assert.equal(model.blueprint, `composed:${c.id}`);
      assert.ok(model.tables.some((t) => t.name === c.table), `a ${c.table} table`);
      assert.equal(model.semantic?.verifiedQueries.length, story.goldenQuestions.length);
      const files = await dataStage.run({ model }, ctx);
      const dataset = await provisionStage.run({ profile, model, files }, ctx);
      const agent = await agentStage.run({ profile, story, model, dataset }, ctx);
      const report = await validateStage.run({ story, model, dataset, agent }, ctx);
      const failing = report.results.filter((r) => !r.ok).map((r) => `${r.questionId}: ${r.problem}`);
      assert.deepEqual(failing, []);
      assert.equal(report.passed, story.goldenQuestions.length);
      const checked = report.results.flatMap((r) => r.insights ?? []);
      assert.ok(checked.length >= story.goldenQuestions.length, 'every golden question had its insight checked');
      assert.ok(checked.every((x) => x.holds));
      // The company's own values are in the loaded data, not only in the model.
      const offering = model.tables[1]!;
      const names = await warehouse.query(dataset.name, `SELECT ${offering.columns[1]!.name} FROM ${offering.name} ORDER BY 1`);
      assert.deepEqual(names.rows.map((r) => r[0]), [...c.own.products].sort());
    });
  }
});
