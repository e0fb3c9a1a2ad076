import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { blueprintFor } from '../src/agents/blueprint-for.js';
import { CONFIDENT } from '../src/agents/research/classify-industry.js';
import { createResearchStage } from '../src/agents/research/index.js';
import { CompanyProfileSchema, type CompanyProfile } from '../src/domain/profile.js';
import { GuardedFetcher } from '../src/http/guarded-fetcher.js';
import { serveSite, type ServedSite } from '../src/samples/serve-site.js';
import { GENERAL_INDUSTRY, industryById } from '../src/taxonomy/industries.js';
import { demoText, has, ownTermsUsed, RETAIL_WORDS } from './helpers/demo-text.js';
import { INDUSTRY_SITES, UNKNOWN_SITES } from './helpers/industry-sites.js';
import { httpContext } from './helpers/research-context.js';

const SITES_DIR = fileURLToPath(new URL('./fixtures/sites/', import.meta.url));
const research = createResearchStage();

async function profileOf(site: ServedSite): Promise<{ profile: CompanyProfile; warnings: string[] }> {
  const warnings: string[] = [];
  const ctx = { ...httpContext(site.url, new GuardedFetcher({ allowPrivateNetwork: true })), warn: (m: string) => warnings.push(m) };
  const profile = CompanyProfileSchema.parse(await research.run({ url: site.url }, ctx));
  return { profile, warnings };
}

describe('research on sites of industries without a preset', () => {
  const served = new Map<string, ServedSite>();
  before(async () => {
    for (const slug of [...Object.keys(INDUSTRY_SITES), ...UNKNOWN_SITES]) served.set(slug, await serveSite(`${SITES_DIR}${slug}`));
  });
  after(async () => {
    for (const s of served.values()) await s.close();
  });

  it('covers at least 15 industries outside the nine presets', () => {
    const industries = new Set(Object.values(INDUSTRY_SITES).map((s) => s.industry));
    assert.ok(industries.size >= 15, [...industries].join(', '));
    for (const id of industries) assert.equal(industryById(id)?.preset, undefined, `${id} has no preset`);
  });

  for (const [slug, want] of Object.entries(INDUSTRY_SITES)) {
    it(`${slug}: ${want.name} is ${want.industry}, confidently, with its vocabulary`, async () => {
      const { profile, warnings } = await profileOf(served.get(slug) as ServedSite);
      const industry = industryById(want.industry);
      assert.equal(profile.name, want.name);
      assert.equal(profile.industry.id, want.industry, JSON.stringify({ candidates: profile.industry.candidates, evidence: profile.industry.evidence?.map((e) => e.claim) }));
      assert.equal(profile.industry.label, industry?.label, 'the taxonomy label');
      assert.ok(profile.industry.confidence >= CONFIDENT, `confidence ${profile.industry.confidence}`);
      assert.equal(profile.industry.basis, 'classified');
      assert.equal(profile.industry.sector, industry?.sector);
      assert.ok((profile.industry.evidence ?? []).length > 0 && profile.industry.evidence?.every((e) => e.url.startsWith(served.get(slug)?.url.replace(/\/$/, '') ?? '')), 'evidence names the page');
      assert.deepEqual(warnings, [], 'a confident answer needs no warning');
      // KPIs, entities and the business model come from the industry, not a template.
      assert.deepEqual(profile.kpis, industry?.kpis);
      assert.equal(profile.businessModel, industry?.businessModel);
      assert.ok(profile.keyEntities.includes(capitalised(industry?.vocabulary.transaction.singular ?? '')), profile.keyEntities.join(', '));
    });
  }

  for (const [slug, want] of Object.entries(INDUSTRY_SITES)) {
    it(`${slug}: the demo speaks ${want.name}'s own words and no other industry's`, async () => {
      const { profile } = await profileOf(served.get(slug) as ServedSite);
      const site = siteText(slug);
      for (const term of want.terms) assert.ok(site.includes(term.toLowerCase()), `"${term}" is on the site`);
      const demo = demoText(profile);
      const used = ownTermsUsed(demo, want.terms);
      assert.ok(used.length >= 3, `only ${used.length} of the site's terms in table names, category values or golden questions: ${used.join(', ')}`);
      for (const word of [...RETAIL_WORDS, ...want.foreign]) assert.ok(!has(demo.text, word), `another industry's word "${word}" appears`);
    });
  }

  it('a one-page "coming soon" site: low confidence, the general business and a warning', async () => {
    const { profile, warnings } = await profileOf(served.get('coming-soon') as ServedSite);
    assert.equal(profile.name, 'Northbeam');
    assert.ok(profile.industry.confidence < CONFIDENT, `confidence ${profile.industry.confidence}`);
    assert.equal(profile.industry.id, GENERAL_INDUSTRY.id);
    assert.equal(profile.industry.basis, 'general');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /Industry unknown/);
  });

  it('an industry without a preset is composed in its own words; a preset industry keeps its preset', () => {
    const profile = { ...minimalProfile(), name: 'Hartwell & Diaz', industry: { id: 'law_firm', label: 'Law firms & legal services', naics: '541110', confidence: 0.9 } };
    assert.equal(blueprintFor(profile).id, 'composed:law_firm');
    assert.equal(blueprintFor({ ...profile, industry: { ...profile.industry, id: 'healthcare', label: 'Healthcare providers' } }).id, 'healthcare');
  });
});

/** The words on a fixture site's pages, markup stripped, lowercase. */
function siteText(slug: string): string {
  const dir = `${SITES_DIR}${slug}`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/<[^>]*>/g, ' '))
    .join(' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function minimalProfile(): CompanyProfile {
  return {
    url: 'http://127.0.0.1/', name: 'x', summary: '', industry: { id: 'general_business', label: 'General business', naics: '999990', confidence: 0 }, businessModel: '',
    products: [], customerSegments: [], regions: [], currency: 'USD', kpis: [], keyEntities: [], evidence: [], pages: [],
  };
}
