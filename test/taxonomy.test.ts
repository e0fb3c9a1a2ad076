import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blueprintById } from '../src/blueprints/index.js';
import { GENERAL_INDUSTRY, INDUSTRIES, industryById } from '../src/taxonomy/industries.js';
import { SECTORS, sectorById, UNCLASSIFIED_SECTOR } from '../src/taxonomy/sectors.js';
import { CORE_MODULE_IDS, type Term } from '../src/taxonomy/types.js';

const NAICS_SECTORS = ['11', '21', '22', '23', '31-33', '42', '44-45', '48-49', '51', '52', '53', '54', '55', '56', '61', '62', '71', '72', '81', '92'];
const PRESETS = ['retail', 'saas', 'financial_services', 'healthcare', 'travel', 'logistics', 'education', 'hospitality', 'manufacturing'];

/** The 2-digit prefix of a NAICS code falls inside a sector code ("31-33" holds 311920). */
function inSector(naics: string, sector: string): boolean {
  const two = Number(naics.slice(0, 2));
  const [from, to = from] = sector.split('-').map(Number);
  return from !== undefined && two >= from && two <= (to ?? from);
}

function assertTerm(term: Term | undefined, where: string): void {
  assert.ok(term, `${where} is missing`);
  assert.ok(term.singular.trim().length > 0 && term.plural.trim().length > 0, `${where} is blank`);
  assert.notEqual(term.singular, term.plural, `${where}: singular and plural are the same word`);
}

describe('taxonomy', () => {
  it('covers every NAICS sector, each with a general industry and a fallback preset that exist', () => {
    assert.deepEqual(SECTORS.map((s) => s.code), NAICS_SECTORS);
    for (const s of [...SECTORS, UNCLASSIFIED_SECTOR]) {
      assert.ok(s.generalIndustry && industryById(s.generalIndustry), `${s.code}: general industry ${s.generalIndustry}`);
      assert.equal(industryById(s.generalIndustry)?.sector, s.code, `${s.code}: its general industry belongs to it`);
      assert.equal(sectorById(s.code), s);
    }
    for (const code of NAICS_SECTORS) assert.ok(INDUSTRIES.some((i) => i.sector === code), `sector ${code} has an industry`);
  });

  it('has at least 40 industries with unique ids and labels', () => {
    assert.ok(INDUSTRIES.length >= 40, `${INDUSTRIES.length} industries`);
    assert.equal(new Set(INDUSTRIES.map((i) => i.id)).size, INDUSTRIES.length);
    assert.equal(new Set(INDUSTRIES.map((i) => i.label)).size, INDUSTRIES.length);
    assert.ok(!INDUSTRIES.some((i) => i.id === GENERAL_INDUSTRY.id), 'the general business is not a classification target');
    assert.equal(industryById(GENERAL_INDUSTRY.id), GENERAL_INDUSTRY);
  });

  it('keeps the nine presets, each naming its own blueprint', () => {
    for (const id of PRESETS) {
      const industry = industryById(id);
      assert.equal(industry?.preset, id);
      assert.equal(industry?.label, blueprintById(id)?.label, `${id}: the label the summary has always shown`);
    }
    for (const i of INDUSTRIES) if (i.preset) assert.ok(blueprintById(i.preset), `${i.id}: preset ${i.preset}`);
  });

  for (const industry of [...INDUSTRIES, GENERAL_INDUSTRY]) {
    it(`${industry.id}: complete vocabulary, KPIs, modules, signals and defaults`, () => {
      assert.match(industry.id, /^[a-z][a-z0-9_]*$/);
      assert.match(industry.naics, /^\d{2,6}$/);
      assert.ok(sectorById(industry.sector), `sector ${industry.sector}`);
      if (industry !== GENERAL_INDUSTRY) assert.ok(inSector(industry.naics, industry.sector), `NAICS ${industry.naics} lies in sector ${industry.sector}`);
      assert.ok(industry.businessModel.length >= 20);
      const v = industry.vocabulary;
      for (const key of ['customer', 'offering', 'transaction', 'place', 'staff'] as const) assertTerm(v[key], `vocabulary.${key}`);
      for (const [key, term] of Object.entries(v.extra ?? {})) assertTerm(term, `vocabulary.extra.${key}`);
      assert.ok(industry.kpis.length >= 5 && industry.kpis.length <= 8, `${industry.kpis.length} KPIs`);
      assert.ok(industry.modules.length >= 1);
      for (const m of industry.modules) assert.ok((CORE_MODULE_IDS as readonly string[]).includes(m), `module ${m}`);
      assert.equal(new Set(industry.modules).size, industry.modules.length);
      assert.ok(industry.defaults.offerings.length >= 2 && industry.defaults.segments.length >= 2);
      if (industry === GENERAL_INDUSTRY) return;
      assert.ok(industry.signals.keywords.length >= 8, `${industry.signals.keywords.length} keywords`);
      for (const [phrase, weight] of industry.signals.keywords) {
        assert.equal(phrase, phrase.toLowerCase(), `"${phrase}" is lowercase`);
        assert.ok(weight >= 1 && weight <= 5, `"${phrase}" weighs ${weight}`);
      }
      assert.equal(new Set(industry.signals.keywords.map(([p]) => p)).size, industry.signals.keywords.length, 'no phrase twice');
      assert.ok((industry.signals.identity ?? []).length >= 1, 'says how such a business names itself');
    });
  }

  it('gives the modules the brief names to the industries it names', () => {
    const expected: Record<string, string[]> = {
      law_firm: ['projects'], brewery: ['production', 'orders'], food_bank: ['donations'], game_studio: ['players', 'orders'],
      fitness_wellness: ['subscriptions', 'appointments'], hotel: ['bookings'], insurance: ['policies'], utility: ['usage', 'subscriptions'],
      media_publishing: ['content', 'subscriptions'], real_estate: ['listings'], education: ['enrolments'], healthcare: ['encounters', 'appointments'], logistics: ['shipments'],
    };
    for (const [id, modules] of Object.entries(expected)) {
      const got = industryById(id)?.modules ?? [];
      assert.deepEqual(got.slice(0, modules.length), modules, id);
    }
  });
});
