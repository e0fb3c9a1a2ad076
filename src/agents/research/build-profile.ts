import type { Blueprint } from '../../blueprints/blueprint.js';
import type { CompanyProfile } from '../../domain/profile.js';
import { CA_PROVINCES, COUNTRIES, COUNTRY_CODES, COUNTRY_MACRO, HREFLANG_REGIONS, MACRO_REGIONS, REGION_ALIASES, SUBNATIONAL_CODES, US_STATES } from './gazetteer.js';
import type { PageSignals } from './extract.js';

type Evidence = CompanyProfile['evidence'][number];

const LEGAL_SUFFIX = /[,\s]+(inc\.?|llc|ltd\.?|limited|gmbh|s\.?a\.?|plc|corp\.?|corporation|co\.?|ag|b\.?v\.?|pty ltd)$/i;
const TITLE_SEPARATORS = /\s+[|–—:·•-]\s+|\s+[|]\s*/;
const GENERIC_HEADING = /^(why|how|what|who|where|when|our|about|contact|faq|questions|testimonials|reviews|help|newsletter|sign ?up|get started|join|learn|more|story|mission|values|careers|team|press|news|blog|support|shipping|returns|policy|privacy|terms|features|pricing|plans|compare|home|welcome|overview|resources|company|shop|products?|services?|solutions?|customers?|partners?|locations?|stores?|menu|log ?in|buy online)\b/i;

/** Headings on product pages that name page furniture, not an offering. */
const NOT_A_PRODUCT = /\b(featured|locations?|in-store|near you|hours|directions|gift cards?|sale|bestsellers?)\b/i;

function stripLegal(name: string): string {
  return name.replace(LEGAL_SUFFIX, '').trim();
}

function quoteAround(text: string, index: number, length: number): string {
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, index - 70)) + 1);
  const end = Math.min(text.length, text.indexOf(' ', index + length + 70) > 0 ? text.indexOf(' ', index + length + 70) : text.length);
  return text.slice(start, end).trim();
}

function hostName(url: string): string {
  try {
    const label = new URL(url).hostname.replace(/^www\./, '').split('.')[0] ?? '';
    return label.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()) || 'The company';
  } catch {
    return 'The company';
  }
}

function jsonLdOrg(pages: PageSignals[]): Record<string, unknown> | undefined {
  for (const p of pages) {
    for (const o of p.jsonLd) {
      const t = o['@type'];
      const types = Array.isArray(t) ? t.map(String) : [String(t)];
      if (types.some((x) => /Organization|Corporation|LocalBusiness|Store|Restaurant|Airline|Hotel|Hospital|EducationalOrganization|Bank|FinancialService/i.test(x))) return o;
    }
  }
  return undefined;
}

/** Company name by agreement of JSON-LD, og:site_name, the title and the © notice. */
export function voteName(pages: PageSignals[], url: string): { name: string; evidence: Evidence[] } {
  const home = pages[0];
  const votes = new Map<string, { display: string; score: number; sources: Evidence[] }>();
  const add = (raw: string | undefined, weight: number, source: string, pageUrl: string): void => {
    const display = stripLegal((raw ?? '').trim());
    if (display.length < 2 || display.length > 60) return;
    const key = display.toLowerCase();
    const v = votes.get(key) ?? { display, score: 0, sources: [] };
    v.score += weight;
    v.sources.push({ claim: `name (${source})`, url: pageUrl, quote: raw ?? display });
    votes.set(key, v);
  };
  const org = jsonLdOrg(pages);
  if (org && typeof org.name === 'string') add(org.name, 3, 'JSON-LD', home?.url ?? url);
  for (const p of pages.slice(0, 3)) {
    add(p.ogSiteName, 3, 'og:site_name', p.url);
    if (p.title) add(p.title.split(TITLE_SEPARATORS)[0], 2, 'title', p.url);
    add(p.copyrightName, 2, '© notice', p.url);
  }
  const best = [...votes.values()].sort((a, b) => b.score - a.score)[0];
  if (best) return { name: best.display, evidence: best.sources.slice(0, 3) };
  return { name: hostName(url), evidence: [] };
}

/** Industry by weighted keyword scoring over every blueprint, with the matches that decided it. */
export function classifyIndustry(pages: PageSignals[], blueprints: readonly Blueprint[]): { blueprint: Blueprint; confidence: number; evidence: Evidence[] } {
  const scores = blueprints.map((bp) => {
    let score = 0;
    const evidence: Evidence[] = [];
    for (const [phrase, weight] of bp.keywords) {
      const re = new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi');
      let pagesHit = 0;
      for (const p of pages) {
        const hay = `${p.title} ${p.metaDescription ?? ''} ${p.text}`;
        const matches = hay.match(re);
        if (!matches) continue;
        pagesHit++;
        // Diminishing returns: a phrase repeated on every page should not swamp the rest.
        score += weight * Math.min(3, Math.log2(1 + matches.length));
        if (evidence.length < 4 && pagesHit === 1) {
          const idx = p.text.search(re);
          if (idx >= 0) evidence.push({ claim: `industry: ${bp.label} ("${phrase}")`, url: p.url, quote: quoteAround(p.text, idx, phrase.length) });
        }
      }
    }
    return { bp, score, evidence };
  });
  scores.sort((a, b) => b.score - a.score);
  const [first, second] = scores;
  if (!first) throw new Error('no blueprints');
  const confidence = first.score === 0 ? 0 : first.score / (first.score + (second?.score ?? 0));
  return { blueprint: first.bp, confidence: Math.round(confidence * 100) / 100, evidence: first.evidence };
}

/** Products and services from the headings of product-like pages, then of any page. */
export function findProducts(pages: PageSignals[], companyName: string): { products: string[]; evidence: Evidence[] } {
  const productPage = /(product|shop|catalog|collection|solution|service|menu|plan|platform|feature|offering|program|course|destination|rooms)/i;
  const namePrefix = new RegExp(`^${companyName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+`, 'i');
  const found: string[] = [];
  const evidence: Evidence[] = [];
  const consider = (p: PageSignals, level: number): void => {
    for (const h of p.headings) {
      if (h.level !== level) continue;
      let text = (h.text.split(/\s[—–|:-]\s/)[0] ?? '').trim();
      text = text.replace(namePrefix, '').replace(/[.!?]+$/, '').trim();
      if (text.length < 3 || text.length > 40 || text.split(' ').length > 5 || text.includes('?') || GENERIC_HEADING.test(text)) continue;
      if (/\d{2,}|\$|€|£/.test(text) || NOT_A_PRODUCT.test(text)) continue;
      if (found.some((f) => f.toLowerCase() === text.toLowerCase())) continue;
      found.push(text);
      evidence.push({ claim: `product: ${text}`, url: p.url, quote: h.text });
    }
  };
  const productPages = pages.filter((p) => productPage.test(new URL(p.url).pathname));
  for (const p of productPages) consider(p, 2);
  if (found.length < 3) for (const p of productPages) consider(p, 3);
  if (found.length < 3) for (const p of pages) consider(p, 2);
  if (found.length < 3) {
    for (const p of pages) {
      for (const o of p.jsonLd) {
        if (String(o['@type']).includes('Product') && typeof o.name === 'string' && !found.includes(o.name)) {
          found.push(o.name);
          evidence.push({ claim: `product: ${o.name}`, url: p.url, quote: o.name });
        }
      }
    }
  }
  return { products: found.slice(0, 10), evidence: evidence.slice(0, 10) };
}

export function findSegments(pages: PageSignals[]): { segments: string[]; evidence: Evidence[] } {
  const seen = new Set<string>();
  const segments: string[] = [];
  const evidence: Evidence[] = [];
  for (const p of pages) {
    for (const s of p.segmentCandidates) {
      const key = s.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      segments.push(s);
      evidence.push({ claim: `customer segment: ${s}`, url: p.url, quote: s });
    }
  }
  return { segments: segments.slice(0, 8), evidence: evidence.slice(0, 8) };
}

export interface Headquarters {
  country?: string;
  region?: string;
}

/** Where the company is based, from a JSON-LD postal address. */
export function findHeadquarters(org: Record<string, unknown> | undefined): Headquarters {
  const raw = org?.address;
  const address = (Array.isArray(raw) ? raw[0] : raw) as Record<string, unknown> | undefined;
  if (!address || typeof address !== 'object') return {};
  const countryRaw = typeof address.addressCountry === 'string' ? address.addressCountry : typeof (address.addressCountry as { name?: unknown } | undefined)?.name === 'string' ? String((address.addressCountry as { name: string }).name) : undefined;
  const regionRaw = typeof address.addressRegion === 'string' ? address.addressRegion : undefined;
  const country = countryRaw ? (COUNTRY_CODES[countryRaw.toUpperCase()] ?? countryRaw) : undefined;
  const region = regionRaw ? (SUBNATIONAL_CODES[regionRaw.toUpperCase()] ?? regionRaw) : undefined;
  return { ...(country ? { country } : {}), ...(region ? { region } : {}) };
}

const TIERS: ReadonlyArray<readonly string[]> = [MACRO_REGIONS, COUNTRIES, [...US_STATES, ...CA_PROVINCES]];

/**
 * Regions by mentions of macro-regions, countries, states and provinces, plus hreflang.
 * One level is chosen (the broadest with at least three regions), so the list never mixes a
 * country with its own states, and the home market (from the address) comes first.
 */
export function findRegions(pages: PageSignals[], hq: Headquarters = {}): { regions: string[]; evidence: Evidence[] } {
  const counts = new Map<string, { n: number; url: string; quote: string; tier: number }>();
  const bump = (name: string, n: number, url: string, quote: string, tier: number): void => {
    const display = REGION_ALIASES[name] ?? name;
    const c = counts.get(display) ?? { n: 0, url, quote, tier };
    c.n += n;
    counts.set(display, c);
  };
  TIERS.forEach((names, tier) => {
    for (const p of pages) {
      for (const name of names) {
        const re = new RegExp(`\\b${name}\\b`, 'g');
        const m = p.text.match(re);
        if (m) bump(name, m.length, p.url, quoteAround(p.text, p.text.search(re), name.length), tier);
      }
    }
  });
  for (const p of pages) {
    for (const tag of p.hreflangs) {
      const region = HREFLANG_REGIONS[tag.split('-')[1] ?? ''];
      if (region) bump(region, 2, p.url, `hreflang="${tag}"`, 1);
    }
  }
  // "Washington" and "Georgia" are also a city and a country; they need two mentions.
  const found = [...counts.entries()].filter(([name, c]) => c.n >= (name === 'Washington' || name === 'Georgia' ? 2 : 1));
  const home = new Set([hq.country, hq.region, ...(hq.country ? (COUNTRY_MACRO[hq.country] ?? []) : [])].filter((x): x is string => !!x));
  const level = [0, 1, 2].find((t) => found.filter(([, c]) => c.tier === t).length >= 3);
  const ranked = found
    .filter(([, c]) => level === undefined || c.tier === level)
    .sort((a, b) => Number(home.has(b[0])) - Number(home.has(a[0])) || b[1].n - a[1].n);
  return {
    regions: ranked.slice(0, 8).map(([name]) => name),
    evidence: ranked.slice(0, 4).map(([name, c]) => ({ claim: `region: ${name}${home.has(name) ? ' (home market)' : ''}`, url: c.url, quote: c.quote })),
  };
}

const CURRENCY_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['CAD', /\b(?:CA\$|C\$|CAD)\s?\d/g],
  ['AUD', /\b(?:A\$|AU\$|AUD)\s?\d/g],
  ['USD', /(?:US\$|(?<![A-Z])\$|\bUSD\s?)\d/g],
  ['EUR', /€\s?\d|\d\s?€|\bEUR\s?\d/g],
  ['GBP', /£\s?\d|\bGBP\s?\d/g],
  ['JPY', /¥\s?\d|\bJPY\s?\d/g],
  ['INR', /₹\s?\d|\bINR\s?\d/g],
];

export function findCurrency(pages: PageSignals[]): { currency: string; evidence: Evidence[] } {
  const totals = new Map<string, number>();
  for (const p of pages) for (const [code, re] of CURRENCY_PATTERNS) totals.set(code, (totals.get(code) ?? 0) + (p.text.match(re)?.length ?? 0));
  // "CA$12" also matches the plain "$" pattern; count it once, as CAD.
  totals.set('USD', Math.max(0, (totals.get('USD') ?? 0) - (totals.get('CAD') ?? 0) - (totals.get('AUD') ?? 0)));
  const best = [...totals.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best || best[1] === 0) return { currency: 'USD', evidence: [] };
  return { currency: best[0], evidence: [{ claim: `currency: ${best[0]}`, url: pages[0]?.url ?? '', quote: `${best[1]} prices in ${best[0]}` }] };
}

export function findSummary(pages: PageSignals[], org: Record<string, unknown> | undefined): { summary: string; evidence: Evidence[] } {
  const home = pages[0];
  const candidates = [home?.metaDescription, home?.ogDescription, typeof org?.description === 'string' ? org.description : undefined, home?.paragraphs[0], ...pages.map((p) => p.metaDescription)];
  const summary = candidates.find((c): c is string => typeof c === 'string' && c.length >= 30) ?? '';
  return { summary, evidence: summary && home ? [{ claim: 'summary', url: home.url, quote: summary }] : [] };
}

/** Turns what the pages say into a company profile. Pure. */
export function buildProfile(url: string, pages: PageSignals[], blueprints: readonly Blueprint[]): CompanyProfile {
  const { name, evidence: nameEvidence } = voteName(pages, url);
  const industry = classifyIndustry(pages, blueprints);
  const bp = industry.blueprint;
  const org = jsonLdOrg(pages);
  const summary = findSummary(pages, org);
  const products = findProducts(pages, name);
  const segments = findSegments(pages);
  const regions = findRegions(pages, findHeadquarters(org));
  const currency = findCurrency(pages);
  return {
    url,
    name,
    summary: summary.summary || `${name} operates in ${bp.label.toLowerCase()}.`,
    industry: { id: bp.id, label: bp.label, naics: bp.naics, confidence: industry.confidence },
    businessModel: bp.businessModel,
    // Only what the site says; the story and model fall back to the blueprint where this is thin.
    products: products.products,
    customerSegments: segments.segments,
    regions: regions.regions,
    currency: currency.currency,
    kpis: bp.defaults.kpis,
    keyEntities: bp.defaults.keyEntities,
    evidence: [...nameEvidence, ...summary.evidence, ...industry.evidence, ...products.evidence, ...segments.evidence, ...regions.evidence, ...currency.evidence],
    pages: pages.map((p) => ({ url: p.url, title: p.title })),
  };
}
