import type { CompanyProfile } from '../../domain/profile.js';
import { AUDIENCE_MARKERS, QUALIFIER_NOUNS } from '../../taxonomy/context.js';
import { GENERAL_INDUSTRY, INDUSTRIES, industryById } from '../../taxonomy/industries.js';
import { sectorById } from '../../taxonomy/sectors.js';
import type { Industry } from '../../taxonomy/types.js';
import type { PageSignals } from './extract.js';
import { safeProse } from './untrusted.js';

type Evidence = CompanyProfile['evidence'][number];

/**
 * At or above this confidence the industry is stated as found; below it research says it is
 * unsure, falls back to the sector's general industry or the general business, and warns.
 * Calibrated on the fixture sites: every classification at or above it is right.
 */
export const CONFIDENT = 0.5;

/**
 * Where on a site a phrase appears, and what that is worth. A site says what it is in its
 * title, description, main heading and structured data ("headline"); its headings and
 * navigation say what it offers; its body text mentions everything, including its customers'
 * businesses and the accidents its clients had.
 */
type Zone = 'name' | 'headline' | 'outline' | 'body';

/** Multipliers by zone: keywords (weight 1..5) and identity phrases (fixed weight). */
const KEYWORD_ZONE: Record<Zone, number> = { name: 2, headline: 1.5, outline: 0.8, body: 0.6 };
const IDENTITY_ZONE: Record<Zone, number> = { name: 20, headline: 12, outline: 4, body: 2.5 };
const ZONES: readonly Zone[] = ['name', 'headline', 'outline', 'body'];
/**
 * A single word ("studio", "bank") says less about identity than a phrase ("game studio"),
 * except in the company's own name ("Cedar Valley Bank", "Relic Studios").
 */
const SINGLE_WORD_IDENTITY = 0.6;
/** schema.org types settle an industry better than any phrase; the organisation's own type most. */
const SCHEMA_TYPE = 14;
const ORG_SCHEMA_TYPE = 24;
/** Score at which evidence is worth half of full strength; sets the confidence scale. */
const HALF_STRENGTH = 16;

export interface IndustryScore {
  industry: Industry;
  score: number;
  evidence: Evidence[];
}

export interface Classification {
  industry: Industry;
  /** 0..1: how sure research is that `industry` is right. */
  confidence: number;
  /** How the industry was reached: found, only its sector, or neither. */
  basis: 'classified' | 'sector' | 'general';
  evidence: Evidence[];
  /** The best candidates, strongest first, with their scores (for the warning and the dashboard). */
  candidates: Array<{ id: string; label: string; score: number }>;
}

/** A piece of page text; `lower` is what patterns run on (case folding in a pattern is costly to compile). */
interface Part {
  url: string;
  text: string;
  lower: string;
}

interface SiteText {
  /** Text of each zone, with the page it came from, for quoting. */
  zones: Record<Zone, Part[]>;
  /** schema.org types on the pages; `org` marks the type of the organisation itself. */
  types: Array<{ type: string; url: string; org: boolean }>;
}

const ORG_TYPE = /Organization|Corporation|LocalBusiness|Store|Restaurant|Establishment|Service|Agency|Clinic|Hospital|Hotel|Brewery|Winery|Museum|Library|School|University|College|Bank|Church|Gym|Dentist|Attorney|Dealer|Contractor|Studio/i;

function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t.map(String) : [String(t)]).map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
}

/** Sentences that describe the company, counted as headline text, over all pages (home page first). */
const MAX_SELF_DESCRIPTIONS = 3;

/**
 * The sentences of `paragraphs` that begin with the company's name followed by a lowercase word
 * (its verb): "Marlow Candle Co. sells …". The name may end in a full stop of its own.
 */
function leadSentences(paragraphs: readonly string[], name: string): string[] {
  const lowerName = name.toLowerCase();
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    const lower = paragraph.toLowerCase();
    for (let i = lower.indexOf(lowerName); i >= 0; i = lower.indexOf(lowerName, i + 1)) {
      if (i > 0 && !/[.!?]\s+$/.test(paragraph.slice(Math.max(0, i - 3), i))) continue;
      const rest = paragraph.slice(i + name.length);
      if (!/^,?\s+\p{Ll}/u.test(rest)) continue;
      const end = rest.search(/[.!?](?:\s|$)/);
      out.push(paragraph.slice(i, i + name.length + (end >= 0 ? end + 1 : rest.length)));
    }
  }
  return out;
}

/** Everything the pages say, sorted into zones. The home page's headline comes first. */
function siteText(pages: readonly PageSignals[], name: string | undefined): SiteText {
  const zones: SiteText['zones'] = { name: [], headline: [], outline: [], body: [] };
  // A company that calls itself "… Brewing Co" or "… Bank" says what it is in its name.
  if (name && pages[0]) zones.name.push({ url: pages[0].url, text: name, lower: name.toLowerCase() });
  const types: SiteText['types'] = [];
  const seen = new Set<string>();
  const add = (zone: Zone, url: string, text: string | undefined): void => {
    const t = (text ?? '').trim();
    // Site-wide titles and menus repeat on every page; once is what they say.
    if (!t || seen.has(`${zone}:${t}`)) return;
    seen.add(`${zone}:${t}`);
    zones[zone].push({ url, text: t, lower: t.toLowerCase() });
  };
  let selfDescriptions = 0;
  for (const p of pages) {
    // A sentence whose subject is the company ("Lumen Tea Company sells …", "Hartwell Law is …")
    // is the site saying what it is, wherever it stands: it counts as much as its headline.
    for (const sentence of name ? leadSentences(p.paragraphs, name) : []) {
      if (selfDescriptions++ < MAX_SELF_DESCRIPTIONS) add('headline', p.url, sentence);
    }
    add('headline', p.url, [p.title, p.ogTitle, p.ogSiteName, p.applicationName, p.manifest?.name].filter(Boolean).join(' | '));
    add('headline', p.url, p.manifest?.description);
    add('headline', p.url, p.metaDescription);
    if (p.ogDescription !== p.metaDescription) add('headline', p.url, p.ogDescription);
    for (const h of p.headings) add(h.level === 1 ? 'headline' : 'outline', p.url, h.text);
    for (const o of p.jsonLd) {
      const own = typesOf(o);
      const isOrg = own.some((t) => ORG_TYPE.test(t));
      for (const type of own) types.push({ type, url: p.url, org: isOrg });
      if (isOrg) {
        for (const key of ['name', 'description', 'slogan', 'knowsAbout']) {
          const v = o[key];
          if (typeof v === 'string') add('headline', p.url, v);
        }
      }
      // Nested types (offers, departments) count as types, not as the organisation.
      for (const v of Object.values(o)) {
        for (const nested of Array.isArray(v) ? v : [v]) {
          if (nested && typeof nested === 'object' && '@type' in nested) for (const type of typesOf(nested as Record<string, unknown>)) types.push({ type, url: p.url, org: false });
        }
      }
    }
    add('outline', p.url, p.navLabels.join(' . '));
    add('body', p.url, p.text);
    add('body', p.url, p.embedded.text);
  }
  return { zones, types };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Both run on lowercased text, like the phrase patterns.
const QUALIFIER = new RegExp(`^(?:\\s*(?:,|and|&)\\s*[\\p{L}-]+){0,2}\\s+(?:${QUALIFIER_NOUNS.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'u');
const AUDIENCE = new RegExp(`(?<![\\p{L}])(?:${AUDIENCE_MARKERS.map(escape).join('|')})\\s+(?:[\\p{L}'’-]+,?\\s+(?:and\\s+|&\\s+|or\\s+)?){0,4}$`, 'u');

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const isWord = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);

/**
 * Where a phrase occurs as whole words in lowercased text (accented letters count as letters),
 * optionally with a plural ending. A plain scan: thousands of phrase patterns with Unicode
 * word boundaries take seconds to compile.
 */
function* occurrences(lower: string, phrase: string, plural: boolean): Generator<{ index: number; end: number }> {
  const gap = phrase.indexOf(GAP);
  if (gap >= 0) {
    yield* gapped(lower, phrase.slice(0, gap).trim(), phrase.slice(gap + GAP.length).trim());
    return;
  }
  const needle = phrase.toLowerCase();
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
    if (isWord(lower[i - 1])) continue;
    let end = i + needle.length;
    if (plural && isWord(lower[end])) {
      if (lower.startsWith('es', end) && !isWord(lower[end + 2])) end += 2;
      else if (lower[end] === 's' && !isWord(lower[end + 1])) end += 1;
    }
    if (isWord(lower[end])) continue;
    yield { index: i, end };
  }
}

/** In a taxonomy phrase, stands for a few words of the same clause: "sells … online". */
const GAP = '…';
/** The words a gap may span, and what ends a clause (a gap never crosses one). */
const GAP_WORDS = /^[^.;:!?()]{0,80}$/;

/** "sells loose-leaf green, black and oolong teas online": `first`, then `last` within the clause. */
function* gapped(lower: string, first: string, last: string): Generator<{ index: number; end: number }> {
  for (const start of occurrences(lower, first, false)) {
    const window = lower.slice(start.end, start.end + 100);
    for (const m of occurrences(window, last, false)) {
      if (m.index > 0 && GAP_WORDS.test(window.slice(0, m.index)) && window.slice(0, m.index).trim().split(/\s+/).length <= 8) {
        yield { index: start.index, end: start.end + m.end };
      }
      break;
    }
  }
}

interface Hit {
  count: number;
  url: string;
  index: number;
  text: string;
}

/**
 * Occurrences of a phrase in a zone that say what they seem to: not followed by a qualifier
 * ("trucking accidents"), and for identity phrases not introduced as an audience ("for festivals").
 */
function hits(phrase: string, parts: readonly Part[], identity: boolean, plural: boolean): Hit | undefined {
  let found: Hit | undefined;
  for (const part of parts) {
    for (const m of occurrences(part.lower, phrase, plural)) {
      const after = part.lower.slice(m.end, m.end + 60);
      if (QUALIFIER.test(after)) continue;
      if (identity && AUDIENCE.test(part.lower.slice(Math.max(0, m.index - 80), m.index))) continue;
      if (!found) found = { count: 0, url: part.url, index: m.index, text: part.text };
      found.count++;
      if (found.count >= 32) return found;
    }
  }
  return found;
}

/** The sentence around a match, for evidence. */
function quote(text: string, index: number): string {
  const start = Math.max(0, text.lastIndexOf('. ', index) + 1, index - 140);
  const stop = text.indexOf('. ', index);
  const end = Math.min(text.length, stop >= 0 ? stop + 1 : text.length, index + 160);
  return safeProse(text.slice(start, end), 200);
}

const ZONE_NAME: Record<Zone, string> = { name: 'company name', headline: 'title, description or main heading', outline: 'headings or navigation', body: 'page text' };

/** How strongly the site points to one industry, with the matches that make up the score. */
function scoreIndustry(industry: Industry, site: SiteText): IndustryScore {
  let score = 0;
  const found: Array<{ points: number; evidence: Evidence }> = [];
  const note = (points: number, claim: string, hit: Hit): void => {
    score += points;
    found.push({ points, evidence: { claim: `industry: ${industry.label} (${claim})`, url: hit.url, quote: quote(hit.text, hit.index) || claim } });
  };
  for (const phrase of industry.signals.identity ?? []) {
    for (const zone of ZONES) {
      const specificity = phrase.includes(' ') || zone === 'name' ? 1 : SINGLE_WORD_IDENTITY;
      // "Relic Studios" is a studio; "software companies" in the body are someone's partners.
      const hit = hits(phrase, site.zones[zone], true, zone === 'name' || zone === 'headline');
      // Saying it once in the right place is what counts; repeating it adds little.
      if (hit) note(IDENTITY_ZONE[zone] * specificity * (zone === 'body' ? Math.min(2, Math.log2(1 + hit.count)) : 1), `"${phrase}" in the ${ZONE_NAME[zone]}`, hit);
    }
  }
  for (const [phrase, weight] of industry.signals.keywords) {
    for (const zone of ZONES) {
      const hit = hits(phrase, site.zones[zone], false, false);
      if (!hit) continue;
      // Diminishing returns: a word on every page should not swamp the rest.
      const repeat = zone === 'body' ? Math.min(2.5, Math.log2(1 + hit.count)) : 1;
      note(weight * KEYWORD_ZONE[zone] * repeat, `"${phrase}" in the ${ZONE_NAME[zone]}`, hit);
    }
  }
  const types = new Set(industry.signals.schemaTypes ?? []);
  const counted = new Set<string>();
  for (const t of site.types) {
    if (!types.has(t.type) || counted.has(t.type)) continue;
    counted.add(t.type);
    const points = t.org ? ORG_SCHEMA_TYPE : SCHEMA_TYPE;
    score += points;
    found.push({ points, evidence: { claim: `industry: ${industry.label} (schema.org ${t.type})`, url: t.url, quote: `"@type": "${t.type}"` } });
  }
  found.sort((a, b) => b.points - a.points);
  const claims = new Set<string>();
  const evidence = found.map((f) => f.evidence).filter((e) => !claims.has(e.claim) && claims.add(e.claim));
  return { industry, score, evidence: evidence.slice(0, 4) };
}

/** Every industry's score over the pages, strongest first. */
export function scoreIndustries(pages: readonly PageSignals[], industries: readonly Industry[] = INDUSTRIES, name?: string): IndustryScore[] {
  const site = siteText(pages, name);
  return industries.map((i) => scoreIndustry(i, site)).sort((a, b) => b.score - a.score);
}

/**
 * Confidence from absolute evidence and separation: a strong score with no close rival is
 * sure; one weak keyword, or two industries neck and neck, is not.
 */
export function confidenceOf(best: number, rival: number): number {
  if (best <= 0) return 0;
  const strength = best / (best + HALF_STRENGTH);
  const separation = Math.max(0, (best - rival) / best);
  // A tie caps confidence at half the evidence's strength: never sure between two industries.
  return Math.round(strength * (0.5 + 0.5 * separation) * 100) / 100;
}

/**
 * The industry the pages point to, with a calibrated confidence and the evidence. Below
 * `CONFIDENT` the answer is the general industry of the sector when the sector is clear (a
 * brewery or a roaster is food production either way) and that industry is a composition of
 * modules rather than a curated preset, else the general business.
 */
export function classifyIndustry(pages: readonly PageSignals[], industries: readonly Industry[] = INDUSTRIES, name?: string): Classification {
  const scores = scoreIndustries(pages, industries, name);
  const [first, second] = scores;
  const candidates = scores.slice(0, 3).filter((s) => s.score > 0).map((s) => ({ id: s.industry.id, label: s.industry.label, score: Math.round(s.score) }));
  if (!first || first.score <= 0) return { industry: GENERAL_INDUSTRY, confidence: 0, basis: 'general', evidence: [], candidates };
  const confidence = confidenceOf(first.score, second?.score ?? 0);
  if (confidence >= CONFIDENT) return { industry: first.industry, confidence, basis: 'classified', evidence: first.evidence, candidates };
  // The sector is clear when its best industry stands apart from every other sector's.
  const rivalOutside = scores.find((s) => s.industry.sector !== first.industry.sector)?.score ?? 0;
  const sector = sectorById(first.industry.sector);
  const general = sector?.generalIndustry ? industryById(sector.generalIndustry) : undefined;
  // A preset tells one kind of business's curated story (a university, a hospital system, a
  // restaurant group): for a daycare that only looks like a school it is another industry's
  // vocabulary, so an uncertain answer in such a sector is the general business instead.
  if (general && !general.preset && confidenceOf(first.score, rivalOutside) >= CONFIDENT) {
    return { industry: general, confidence, basis: 'sector', evidence: first.evidence, candidates };
  }
  return { industry: GENERAL_INDUSTRY, confidence, basis: 'general', evidence: first.evidence, candidates };
}

/** What to tell the user when research is unsure of the industry; undefined when it is sure. */
export function industryWarning(c: CompanyProfile['industry']): string | undefined {
  if (c.confidence >= CONFIDENT && c.basis !== 'sector' && c.basis !== 'general') return undefined;
  const pct = `${Math.round(c.confidence * 100)}%`;
  const options = (c.candidates ?? []).map((x) => x.label).join(', ');
  const because = options ? `the pages point weakly or evenly to ${options}` : 'the pages name no industry';
  if (c.basis === 'sector') return `Industry uncertain (${pct} confident): ${because}; using the sector's general industry, ${c.label}.`;
  if (c.basis === 'classified' || c.basis === undefined) return `Industry uncertain (${pct} confident): ${c.label}, but ${because}.`;
  return `Industry unknown (${pct} confident): ${because}; the demo uses a general business model built from what the site says.`;
}
