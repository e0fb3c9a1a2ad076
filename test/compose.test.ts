import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blueprintFor } from '../src/agents/blueprint-for.js';
import { renderModel } from '../src/agents/model/render-model.js';
import { heuristicStory } from '../src/agents/story/heuristic.js';
import { tailor } from '../src/blueprints/tailor.js';
import { compose, skippedWarning } from '../src/compose/compose.js';
import { DataModelSchema } from '../src/domain/data-model.js';
import { companyProfile } from './helpers/company-profile.js';
import { demoText, has, RETAIL_WORDS } from './helpers/demo-text.js';
import { SemanticModelSchema } from '../src/domain/semantic-model.js';
import { DemoStorySchema, QUESTION_LEVELS } from '../src/domain/story.js';
import { GENERAL_INDUSTRY, INDUSTRIES, industryById } from '../src/taxonomy/industries.js';
import type { CoreModuleId } from '../src/taxonomy/types.js';
import { duckdbDialect } from '../src/warehouse/sql-dialect.js';

const ASOF = '2026-11-25';

const CASES: Array<{ industry: string; name: string; own: { products: string[]; segments: string[]; regions: string[] }; expect: string[]; foreign: string[] }> = [
  { industry: 'law_firm', name: 'Baxter & Reyes LLP', own: { products: ['Personal injury', 'Trucking accidents', 'Medical malpractice', 'Workers compensation'], segments: ['Injured workers', 'Families', 'Motorists'], regions: ['Denver', 'Boulder', 'Colorado Springs'] }, expect: ['matters', 'attorneys', 'practice area'], foreign: ['patient', 'shipment', 'average order value'] },
  { industry: 'brewery', name: 'Cascade Brewing', own: { products: ['Hazy IPA', 'Pilsner', 'Oatmeal Stout', 'Sour Ale'], segments: ['Distributors', 'Bars and restaurants', 'Bottle shops'], regions: ['Portland', 'Bend', 'Eugene'] }, expect: ['brews', 'taprooms', 'beers'], foreign: ['patient', 'matter', 'billable'] },
  { industry: 'food_bank', name: 'Harvest Table Food Bank', own: { products: ['Emergency food boxes', 'Senior meals', 'School backpacks'], segments: ['Families with children', 'Seniors', 'Students'], regions: ['Eastside pantry', 'Downtown pantry', 'Riverside pantry'] }, expect: ['donors', 'pantries', 'programmes'], foreign: ['revenue', 'discount', 'order value', 'patient'] },
  { industry: 'game_studio', name: 'Pixel Forge Games', own: { products: ['Starfall', 'Dungeon Depths', 'Kart Rivals'], segments: ['Core gamers', 'Casual players', 'Collectors'], regions: ['Steam', 'PlayStation', 'Nintendo Switch'] }, expect: ['players', 'games', 'platforms'], foreign: ['patient', 'matter', 'pantry'] },
  { industry: 'marketing_agency', name: 'Brightline PR', own: { products: ['Media relations', 'Crisis communications', 'Influencer programmes', 'Content strategy'], segments: ['Tech startups', 'Consumer brands', 'Nonprofits'], regions: ['London', 'New York', 'Singapore'] }, expect: ['account managers', 'clients', 'marketing_campaigns'], foreign: ['patient', 'batches', 'footfall'] },
  { industry: 'construction', name: 'Ironbridge Builders', own: { products: ['Commercial fit-out', 'New homes', 'Renovations', 'Civil works'], segments: ['Developers', 'Homeowners', 'Councils'], regions: ['Leeds', 'York', 'Harrogate'] }, expect: ['job sites', 'crew members', 'projects'], foreign: ['patient', 'beer', 'subscriber'] },
  { industry: 'real_estate', name: 'Harbourview Realty', own: { products: ['Waterfront condos', 'Family homes', 'Rentals'], segments: ['First-time buyers', 'Investors', 'Downsizers'], regions: ['Harbour district', 'Old town', 'Hillside'] }, expect: ['properties', 'neighbourhoods', 'agents'], foreign: ['patient', 'batch', 'matter'] },
  { industry: 'media_publishing', name: 'The Northern Ledger', own: { products: ['Digital edition', 'Weekend print', 'Newsletter bundle'], segments: ['Students', 'Professionals', 'Retirees'], regions: ['Manchester', 'Liverpool', 'Leeds'] }, expect: ['readers', 'publications', 'editors'], foreign: ['patient', 'brew', 'matter'] },
  { industry: 'fitness_wellness', name: 'Summit Fitness', own: { products: ['Unlimited membership', 'Off-peak membership', 'Class pack'], segments: ['Students', 'Professionals', 'Seniors'], regions: ['Downtown club', 'Northside club', 'Lakeside club'] }, expect: ['members', 'clubs', 'coaches'], foreign: ['patient', 'brew', 'matter'] },
  { industry: 'insurance', name: 'Keystone Mutual', own: { products: ['Home insurance', 'Auto insurance', 'Life insurance'], segments: ['Homeowners', 'Young drivers', 'Families'], regions: ['Ohio', 'Indiana', 'Michigan'] }, expect: ['policyholders', 'agents', 'claims'], foreign: ['patient', 'brew', 'matter'] },
  { industry: 'solar_energy', name: 'SunCrest Solar', own: { products: ['Rooftop solar', 'Battery storage', 'EV chargers'], segments: ['Homeowners', 'Small businesses', 'Farms'], regions: ['Phoenix', 'Tucson', 'Flagstaff'] }, expect: ['installations', 'installers', 'homeowners'], foreign: ['patient', 'brew', 'matter'] },
  { industry: 'telecom', name: 'Velocity Fiber', own: { products: ['Fiber 500', 'Fiber Gig', 'Mobile Unlimited'], segments: ['Households', 'Small businesses', 'Students'], regions: ['Austin', 'Round Rock', 'San Marcos'] }, expect: ['subscribers', 'bills', 'coverage areas'], foreign: ['patient', 'brew', 'matter'] },
  { industry: 'farm', name: 'Green Acres Farm', own: { products: ['Heirloom tomatoes', 'Sweet corn', 'Pumpkins', 'Strawberries'], segments: ['Farmers markets', 'Restaurants', 'CSA members'], regions: ['North field', 'River field', 'Orchard'] }, expect: ['harvests', 'crops', 'fields'], foreign: ['patient', 'matter', 'subscriber'] },
  { industry: 'industrial_manufacturing', name: 'Etchwell Chemicals', own: { products: ['Ferric chloride', 'Etch resist', 'Photoresist film'], segments: ['PCB makers', 'Signmakers', 'Aerospace'], regions: ['Sheffield plant', 'Rotherham plant', 'Doncaster plant'] }, expect: ['batches', 'plants', 'operators'], foreign: ['patient', 'matter', 'footwear'] },
  { industry: 'coffeehouse', name: 'Daily Grind Café', own: { products: ['Flat white', 'Cold brew', 'Chai latte', 'Pastries'], segments: ['Commuters', 'Students', 'Remote workers'], regions: ['High Street', 'Station', 'Campus'] }, expect: ['guests', 'baristas', 'drinks'], foreign: ['patient', 'matter', 'batch'] },
  { industry: 'software_devtools', name: 'Stackwise', own: { products: ['CLI Pro', 'Cloud IDE', 'Test Runner'], segments: ['Indie developers', 'Startups', 'Enterprises'], regions: ['North America', 'Europe', 'Asia Pacific'] }, expect: ['users', 'licences', 'engineers'], foreign: ['patient', 'matter', 'brew'] },
  { industry: 'nonprofit', name: 'Open Doors Foundation', own: { products: ['Youth mentoring', 'Adult literacy', 'Housing support'], segments: ['Monthly givers', 'Event attendees', 'Volunteers'], regions: ['Chicago', 'Milwaukee', 'Detroit'] }, expect: ['donations', 'supporters', 'appeals'], foreign: ['revenue per', 'discount', 'patient', 'SKU'] },
  { industry: 'association_standards', name: 'Internet Numbers Council', own: { products: ['IP address registry', 'AS numbers', 'Routing policy'], segments: ['Internet service providers', 'Universities', 'Enterprises'], regions: ['Americas', 'Europe', 'Asia'] }, expect: ['members', 'chapters', 'standards'], foreign: ['patient', 'brew', 'footwear'] },
  { industry: 'veterinary', name: 'Maple Paws Animal Hospital', own: { products: ['Wellness exams', 'Dental cleaning', 'Surgery'], segments: ['Dog owners', 'Cat owners', 'Exotic pets'], regions: ['Maple Grove', 'Plymouth', 'Wayzata'] }, expect: ['pets', 'treatments', 'veterinarians', 'claims'], foreign: ['brew', 'matter', 'subscriber', 'shipment'] },
  { industry: 'utility', name: 'Prairie Power Co-op', own: { products: ['Residential electricity', 'Farm service', 'Commercial electricity'], segments: ['Households', 'Farms', 'Small businesses'], regions: ['Dodge County', 'Olmsted County', 'Mower County'] }, expect: ['meters', 'meter readings', 'bills', 'service agreements'], foreign: ['patient', 'brew', 'matter', 'invoice'] },
  { industry: 'waste_management', name: 'Greenway Hauling', own: { products: ['Curbside trash', 'Recycling', 'Roll-off dumpsters'], segments: ['Households', 'Restaurants', 'Builders'], regions: ['North route', 'South route', 'Industrial park'] }, expect: ['pickups', 'trucks', 'drivers', 'service contracts'], foreign: ['patient', 'brew', 'matter', 'reader'] },
  { industry: 'oil_gas', name: 'Red Mesa Energy', own: { products: ['Crude oil', 'Natural gas', 'NGLs'], segments: ['Refiners', 'Utilities', 'Traders'], regions: ['Permian', 'Eagle Ford', 'Bakken'] }, expect: ['wells', 'cargoes', 'tankers', 'offtakers'], foreign: ['patient', 'matter', 'subscriber', 'reader'] },
  { industry: 'wholesale', name: 'Keystone Supply', own: { products: ['Fasteners', 'Safety gear', 'Power tools'], segments: ['Contractors', 'Manufacturers', 'Resellers'], regions: ['Allentown', 'Reading', 'Scranton'] }, expect: ['deliveries', 'trucks', 'warehouses', 'sales reps'], foreign: ['patient', 'matter', 'subscriber', 'brew'] },
];

describe('composed demos speak the company and its industry', () => {
  it('covers at least 15 industries outside the nine presets', () => {
    const outside = CASES.filter((c) => industryById(c.industry)?.preset === undefined);
    assert.ok(outside.length >= 15, `${outside.length} cases`);
  });

  for (const c of CASES) {
    it(`${c.industry}: ${c.name} gets its own words and none of another industry's`, () => {
      const profile = companyProfile(c.industry, c.name, c.own);
      const bp = blueprintFor(profile);
      assert.equal(bp.id, `composed:${c.industry}`);
      const { text, questions } = demoText(profile);
      const own = [...c.own.products, ...c.own.segments, ...c.own.regions].filter((w) => text.includes(w));
      assert.ok(own.length >= 3, `only ${own.length} of the company's terms: ${own.join(', ')}`);
      assert.ok(c.own.products.some((p) => questions.includes(p)) || c.own.segments.some((s) => questions.includes(s)), 'the golden questions name the company\'s offerings or segments');
      for (const word of c.expect) assert.ok(has(text, word), `the industry word "${word}" appears`);
      for (const word of [...RETAIL_WORDS, ...c.foreign]) assert.ok(!has(text, word), `another industry's word "${word}" appears`);
    });
  }

  it('renders a valid model, semantic layer and story, simple to expert, for every industry without a preset', () => {
    for (const industry of [...INDUSTRIES, GENERAL_INDUSTRY].filter((i) => i.preset === undefined)) {
      const profile = companyProfile(industry.id, 'Example Co', { products: [], segments: [], regions: [] });
      const { blueprint } = compose(industry, profile);
      const model = DataModelSchema.parse(renderModel(blueprint, profile, tailor(blueprint, profile), duckdbDialect(ASOF), ASOF));
      assert.ok(model.tables.length >= 6 && model.tables.length <= 12, `${industry.id}: ${model.tables.length} tables`);
      const semantic = SemanticModelSchema.parse(model.semantic);
      assert.equal(semantic.verifiedQueries.length, model.goldenSql.length);
      assert.ok(semantic.measures.length >= 4 && semantic.joins.length >= 4, `${industry.id}: a real semantic layer`);
      for (const m of semantic.measures) assert.ok(model.tables.some((t) => t.name === m.table), `${industry.id}: measure ${m.name} on a known table`);
      for (const j of semantic.joins) assert.ok(model.tables.some((t) => t.name === j.to && t.primaryKey === j.toColumn), `${industry.id}: join to a primary key`);
      const story = DemoStorySchema.parse(heuristicStory(profile, blueprint));
      assert.ok(story.goldenQuestions.length >= 12 && story.goldenQuestions.length <= 15, `${industry.id}: ${story.goldenQuestions.length} questions`);
      const levels = story.goldenQuestions.map((q) => QUESTION_LEVELS.indexOf(q.level));
      assert.deepEqual(levels, [...levels].sort((a, b) => a - b), `${industry.id}: simple to expert`);
      assert.equal(story.goldenQuestions[0]?.level, 'simple');
      assert.equal(story.goldenQuestions.at(-1)?.level, 'expert');
      // Every golden question carries a check of its planted insight.
      for (const g of model.goldenSql) assert.ok((g.insights?.length ?? 0) > 0, `${industry.id} ${g.questionId} has an insight check`);
      for (const s of story.scenes) for (const id of s.questionIds) assert.ok(story.goldenQuestions.some((q) => q.id === id));
      assert.ok(!JSON.stringify(story).includes('{company}'));
    }
  });

  it('keeps the curated preset where one exists, and composes the general business for an unknown industry', () => {
    const retail = companyProfile('retail', 'Trailhead', { products: [], segments: [], regions: [] });
    assert.equal(blueprintFor(retail).id, 'retail');
    const unknown = { ...retail, industry: { id: 'no_such_industry', label: '?', naics: '99', confidence: 0.2 } };
    assert.equal(blueprintFor(unknown).id, 'composed:general_business');
  });

  it('composes every industry from the modules it names: none skipped, none replaced by a fallback', () => {
    for (const industry of [...INDUSTRIES, GENERAL_INDUSTRY].filter((i) => i.preset === undefined)) {
      const composition = compose(industry, companyProfile(industry.id, 'Example Co', { products: [], segments: [], regions: [] }));
      assert.deepEqual(composition.skipped, [], industry.id);
      assert.deepEqual(composition.modules, industry.modules.slice(0, 2), industry.id);
      assert.deepEqual(composition.dropped, industry.modules.slice(2), industry.id);
      if (industry.modules.length <= 2) assert.equal(skippedWarning(composition), undefined, industry.id);
    }
  });

  it("a module's measures name its own filters, dates and ratio parts, even when a second module's are numbered apart", () => {
    let checked = 0;
    for (const industry of [...INDUSTRIES, GENERAL_INDUSTRY].filter((i) => i.preset === undefined)) {
      const semantic = compose(industry, companyProfile(industry.id, 'Example Co', { products: [], segments: [], regions: [] })).blueprint.semantic!;
      // The tables a table's rows reach through many-to-one joins, itself included.
      const reach = (table: string): Set<string> => {
        const out = new Set([table]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const j of semantic.joins) if (out.has(j.from) && !out.has(j.to)) grew = out.add(j.to).size > 0;
        }
        return out;
      };
      const tableOf = <T extends { name: string; table: string }>(list: readonly T[], name: string): string | undefined => list.find((x) => x.name === name)?.table;
      for (const m of semantic.measures) {
        const reached = reach(m.table);
        const refs = [
          ...(m.filters ?? []).map((f) => ['filter', f, tableOf(semantic.filters, f)] as const),
          ...(m.timeDimension ? [['date', m.timeDimension, tableOf(semantic.timeDimensions, m.timeDimension)] as const] : []),
          ...[m.numerator, m.denominator].filter((x): x is string => x !== undefined).map((r) => ['ratio part', r, tableOf(semantic.measures, r)] as const),
        ];
        for (const [what, name, table] of refs) {
          assert.ok(table !== undefined && reached.has(table), `${industry.id}: measure ${m.name} on ${m.table} names ${what} ${name}, on ${table ?? 'no table'}, which its rows do not reach`);
          checked++;
        }
      }
    }
    assert.ok(checked > 500, `${checked} references checked`);
  });

  it('an industry naming more business models than a demo holds is told which were left out', () => {
    const roaster = industryById('coffee_roaster')!;
    assert.ok(roaster.modules.length > 2, 'coffee_roaster names three modules');
    const composition = compose(roaster, companyProfile('coffee_roaster', 'Ridgeline Roasters', { products: [], segments: [], regions: [] }));
    assert.deepEqual(composition.dropped, roaster.modules.slice(2));
    assert.match(skippedWarning(composition) ?? '', new RegExp(`leaves out ${roaster.modules[2]} \\(a demo holds at most 2 business models\\); it is composed from ${roaster.modules[0]} and ${roaster.modules[1]}`));
  });

  it('a module the industry names but nobody built is left out, and the user is told', () => {
    const lawFirm = industryById('law_firm')!;
    // An id outside CORE_MODULE_IDS stands for a module not built yet.
    const modules: CoreModuleId[] = ['projects', 'telepathy' as CoreModuleId];
    const industry = { ...lawFirm, modules };
    const composition = compose(industry, companyProfile('law_firm', 'Baxter & Reyes LLP', CASES[0]!.own));
    assert.deepEqual(composition.skipped, ['telepathy']);
    assert.deepEqual(composition.modules, ['projects']);
    assert.match(skippedWarning(composition) ?? '', /leaves out telepathy .*composed from projects/);
    // blueprintFor hands the warning to the stage, which publishes it; a complete composition says nothing.
    const heard: string[] = [];
    blueprintFor(companyProfile('law_firm', 'Baxter & Reyes LLP', CASES[0]!.own), (m) => heard.push(m));
    assert.deepEqual(heard, []);
  });

  it('is pure: the same company composes the same demo', () => {
    const profile = companyProfile('law_firm', 'Baxter & Reyes LLP', CASES[0]!.own);
    assert.deepEqual(JSON.parse(JSON.stringify(compose(industryById('law_firm')!, profile))), JSON.parse(JSON.stringify(compose(industryById('law_firm')!, profile))));
  });
});
