import type { CompanyProfile } from '../../domain/profile.js';
import { INDUSTRIES } from '../../taxonomy/industries.js';
import type { Industry } from '../../taxonomy/types.js';
import { classifyIndustry } from './classify-industry.js';
import { CA_PROVINCES, COUNTRIES, COUNTRY_CODES, COUNTRY_CURRENCY, COUNTRY_MACRO, DIALLING_CODES, HREFLANG_REGIONS, LANG_REGIONS, MACRO_REGIONS, REGION_ALIASES, SUBNATIONAL_CODES, US_STATES } from './gazetteer.js';
import type { PageSignals } from './extract.js';
import { localPlaces } from './local-places.js';
import { offeringsFromList } from './offering-lists.js';
import { safeLabel, safeProse } from './untrusted.js';

type Evidence = CompanyProfile['evidence'][number];

const LEGAL_SUFFIX = /[,\s]+(inc\.?|llc|ltd\.?|limited|gmbh|s\.?a\.?|plc|corp\.?|corporation|co\.?|ag|b\.?v\.?|pty ltd)$/i;
const TITLE_SEPARATORS = /\s+[|–—:·•-]\s+|\s+[|]\s*/;
const GENERIC_HEADING = /^(why|how|what|who|where|when|our|about|contact|faq|questions|testimonials|reviews|help|newsletter|sign ?up|get started|join|learn|more|story|mission|values|careers|team|press|news|blog|support|shipping|returns|policy|privacy|terms|features|pricing|plans|compare|home|welcome|overview|resources|company|shop|products?|services?|solutions?|customers?|partners?|locations?|stores?|menu|log ?in|buy online|industries|markets|sectors|eat and drink|get care|perfect for|made for|built for|trusted|in numbers|at a glance|fare deals|deals|offers)\b|\b(in numbers|at a glance|we serve)$/i;

/** Headings on product pages that name page furniture, not an offering. */
const NOT_A_PRODUCT = /\b(includ\w*|featured|locations?|in-store|near you|hours|directions|gift cards?|sale|bestsellers?)\b/i;

function stripLegal(name: string): string {
  const stripped = name.replace(LEGAL_SUFFIX, '').trim();
  // "Crème & Co" and "Smith and Co." are names, not "Crème &" with a legal form.
  return /(&|\band)$/i.test(stripped) ? name.trim() : stripped;
}

const PATTERNS = new Map<string, RegExp>();
/**
 * A whole-word pattern that treats accented letters as letters ("apr" is not in "après"),
 * compiled once per phrase and flags: region finding asks for the same few hundred place names
 * on every page. Callers use match, replace and search, and test only on a non-global pattern,
 * so a shared pattern's lastIndex never matters.
 */
function wordPattern(phrase: string, flags = 'giu'): RegExp {
  const key = `${flags}/${phrase}`;
  let re = PATTERNS.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}_])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, flags);
    PATTERNS.set(key, re);
  }
  return re;
}

/** The sentence around a match (at most ~120 characters either side), for evidence. */
function quoteAround(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 120);
  const before = text.slice(from, index);
  const boundary = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '));
  const start = boundary >= 0 ? from + boundary + 2 : Math.max(0, text.lastIndexOf(' ', Math.max(0, index - 70)) + 1);
  const after = text.slice(index + length, index + length + 120);
  const stop = /[.!?](\s|$)/.exec(after);
  const space = text.indexOf(' ', index + length + 70);
  const end = stop ? index + length + stop.index + 1 : space > 0 ? space : text.length;
  return text.slice(start, end).trim();
}

function hostName(url: string): string {
  try {
    const host = new URL(url).hostname;
    // An address names no company.
    if (/^[\d.]+$|^\[/.test(host)) return 'The company';
    const label = host.replace(/^www\./, '').split('.')[0] ?? '';
    return label.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()) || 'The company';
  } catch {
    return 'The company';
  }
}

const ORG_TYPES = /Organization|Corporation|LocalBusiness|Store|Restaurant|FoodEstablishment|Airline|Hotel|LodgingBusiness|Hospital|MedicalClinic|Physician|EducationalOrganization|CollegeOrUniversity|School|Bank|FinancialService|MovingCompany|AutomotiveBusiness/i;

function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  return Array.isArray(t) ? t.map(String) : [String(t)];
}

function jsonLdOrg(pages: PageSignals[]): Record<string, unknown> | undefined {
  for (const p of pages) {
    for (const o of p.jsonLd) {
      if (typesOf(o).some((x) => ORG_TYPES.test(x))) return o;
    }
  }
  return undefined;
}

/** Every object in the JSON-LD of the pages, nested ones included (offers, addresses, items). */
function* jsonLdObjects(pages: PageSignals[]): Generator<{ page: PageSignals; obj: Record<string, unknown> }> {
  const walk = function* (value: unknown, page: PageSignals, depth: number): Generator<{ page: PageSignals; obj: Record<string, unknown> }> {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value.slice(0, 200)) yield* walk(v, page, depth + 1);
      return;
    }
    const obj = value as Record<string, unknown>;
    yield { page, obj };
    for (const [key, v] of Object.entries(obj)) if (key !== '@context') yield* walk(v, page, depth + 1);
  };
  for (const page of pages) for (const o of page.jsonLd) yield* walk(o, page, 0);
}

/** Title parts that name the page or the site's furniture, never the company. */
const NOT_A_NAME = /^(home|homepage|home page|welcome|official (web)?site|index|untitled|loading|react app|vite app|app|not[ _]available|n\/a|null|undefined|none|error|404|page not found|about|about us|contact|contact us|pricing|products?|services?|shop|shop all|store|blog|news|careers|menu|locations?|faq|login|log in|sign in|sign up|register|my account|account|cart|checkout|search|search results|events?|events? calendar|calendar|exhibits?|exhibitions?|gallery|partners|resources|support|help|team|our team|all products|new arrivals|sale|logo)$/i;

/** Marks that decorate a name but are not part of it. */
const DECORATION = /[®™℠©]/g;

/**
 * A name as a person would write it: without ®/™, a "Logo"/"Wordmark" tail from alt text
 * ("Carlingford Music Centre Logo"), or "Home" around it ("Biola University home").
 */
export function cleanName(raw: string): string {
  let name = raw.replace(DECORATION, ' ').replace(/\s+/g, ' ').trim();
  const cut = /\s*\b(logo|logotype|wordmark)\b.*$/i.exec(name);
  if (cut && cut.index >= 2) name = name.slice(0, cut.index);
  // "Whitfield & Sons Funeral Home" and "Maple Grove Nursing Home" end in a trade's own "Home".
  const tradeHome = /\b(funeral|nursing|care|retirement|rest|group|children's|children’s|foster|mobile|modular|manufactured)\s+home$/i.test(name);
  name = name.replace(/^(logo|home(page| page)?)\b\s*[|:–—-]?\s*/i, '');
  if (!tradeHome) name = name.replace(/\s*[|:–—-]?\s*\b(home(page| page)?|logo)$/i, '');
  return name.trim();
}

/** "Dayton, Ohio" or "Richmond, BC": where a business is, as titles often end, never its name. */
function isTownAndRegion(text: string): boolean {
  const m = /^[\p{Lu}][\p{L}.' -]{1,40},\s*([\p{L} ]{2,30})$/u.exec(text);
  const region = m?.[1]?.trim() ?? '';
  return !!m && (PLACES.has(region.toLowerCase()) || (/^[A-Z]{2}$/.test(region) && SUBNATIONAL_CODES[region] !== undefined));
}

/** Compared without case, legal suffixes, spaces or punctuation: "Acme, Inc." = "acme". */
function nameKey(name: string): string {
  return stripLegal(name).toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The organisation behind a "© Board of Regents on behalf of The University" notice. */
function copyrightHolder(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  return /\bon behalf of\s+(.+)$/i.exec(raw)?.[1] ?? raw;
}

const COPYRIGHT = /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*([A-Z][\w&.,' -]{1,60}?)(?:\.|\s*All rights|\s*\||$)/i;

/**
 * Company name by agreement of JSON-LD (the organisation, or the publisher of a microsite),
 * og:site_name, application-name, og:title, titles, the header brand and logo, the © notice,
 * embedded state and the host name.
 */
export function voteName(pages: PageSignals[], url: string): { name: string; evidence: Evidence[] } {
  const home = pages[0];
  const votes = new Map<string, { display: string; displayWeight: number; score: number; sources: Evidence[] }>();
  const add = (raw: string | undefined, weight: number, source: string, pageUrl: string): void => {
    const label = safeLabel(raw ? cleanName(raw) : undefined, 80, 10);
    if (!label) return;
    const display = stripLegal(label).replace(/^[\s"'“”‘’]+|[\s"'“”‘’.,;:!]+$/g, '');
    const key = nameKey(display);
    if (display.length < 2 || display.length > 60 || display.split(' ').length > 6 || key.length < 2 || NOT_A_NAME.test(display) || isTownAndRegion(display)) return;
    const v = votes.get(key) ?? { display, displayWeight: 0, score: 0, sources: [] };
    v.score += weight;
    // The best-attested spelling is shown ("Northwind Outfitters", not the host's "northwind-outfitters").
    if (weight > v.displayWeight) {
      v.display = display;
      v.displayWeight = weight;
    }
    if (v.sources.length < 3) v.sources.push({ claim: `name (${source})`, url: pageUrl, quote: safeProse(raw, 120) || display });
    votes.set(key, v);
  };
  const homeUrl = home?.url ?? url;
  const org = jsonLdOrg(pages);
  if (org) {
    if (typeof org.name === 'string') add(org.name, 4, 'JSON-LD', homeUrl);
    if (typeof org.legalName === 'string') add(org.legalName, 1, 'JSON-LD legal name', homeUrl);
    if (typeof org.alternateName === 'string') add(org.alternateName, 1, 'JSON-LD alternate name', homeUrl);
  }
  // A microsite's pages name their publisher or parent: the organisation, not the event.
  for (const { page, obj } of jsonLdObjects(pages)) {
    for (const key of ['publisher', 'parentOrganization', 'sourceOrganization']) {
      const ref = obj[key] as { name?: unknown } | undefined;
      if (ref && typeof ref === 'object' && typeof ref.name === 'string') add(ref.name, 2, `JSON-LD ${key}`, page.url);
    }
  }
  // The name the site installs under, as it wrote it for browsers (the home page's manifest).
  if (home?.manifest) {
    add(home.manifest.name, 3, 'web manifest', homeUrl);
    add(home.manifest.shortName, 1.5, 'web manifest short name', homeUrl);
  }
  pages.slice(0, 4).forEach((p, i) => {
    add(p.ogSiteName, i === 0 ? 3 : 1, 'og:site_name', p.url);
    add(p.applicationName, i === 0 ? 3 : 1, 'application-name', p.url);
    const parts = p.title.split(TITLE_SEPARATORS).map((x) => x.trim()).filter(Boolean);
    // On the home page the name usually leads ("Name — slogan"); elsewhere it trails ("Page | Name").
    parts.forEach((part, j) => {
      const slogan = part.split(' ').length > 4;
      const positional = parts.length === 1 ? (i === 0 ? 2 : 1) : (i === 0 ? j === 0 : j === parts.length - 1) ? 2 : 1;
      add(part, slogan ? 0.5 : positional, 'title', p.url);
    });
    if (!p.title && p.ogTitle) for (const part of p.ogTitle.split(TITLE_SEPARATORS)) add(part, i === 0 ? 2 : 0.5, 'og:title', p.url);
    add(p.brand, i === 0 ? 2 : 0.5, 'header brand', p.url);
    if (p.logoAlt && cleanName(p.logoAlt) !== p.logoAlt) add(p.logoAlt, i === 0 ? 1.5 : 0.5, 'logo', p.url);
    add(copyrightHolder(p.copyrightName), i === 0 ? 2 : 0.5, '© notice', p.url);
    if (!p.copyrightName) add(copyrightHolder(COPYRIGHT.exec(p.embedded.text)?.[1]), i === 0 ? 1.5 : 0.5, '© notice in embedded data', p.url);
    for (const name of p.embedded.names) add(name, i === 0 ? 1.5 : 0.5, 'embedded data', p.url);
  });
  const host = hostName(url);
  const hostKey = nameKey(host);
  // The host name only confirms a candidate ("northwind-outfitters" ~ "Northwind Outfitters").
  for (const [key, v] of votes) if (hostKey.length >= 3 && (key === hostKey || key.startsWith(hostKey) || hostKey.startsWith(key))) v.score += 1.5;
  const best = [...votes.values()].sort((a, b) => b.score - a.score || a.display.length - b.display.length)[0];
  if (best) return { name: best.display, evidence: best.sources };
  return { name: host, evidence: [{ claim: 'name (host name; the site names no company)', url, quote: new URL(url).hostname }] };
}

export { classifyIndustry, CONFIDENT, industryWarning } from './classify-industry.js';

/** Products and services from the headings of product-like pages, then of any page. */
export function findProducts(pages: PageSignals[], companyName: string): { products: string[]; evidence: Evidence[] } {
  const productPage = /(product|shop|catalog|collection|solution|service|menu|plan|platform|feature|offering|program|course|study|degree|fare|rooms|suites|capabilit|loan|account|banking|personal|business)/i;
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
      const label = safeLabel(text, 40, 5);
      if (!label || PLACES.has(label.toLowerCase()) || found.some((f) => f.toLowerCase() === label.toLowerCase())) continue;
      found.push(label);
      evidence.push({ claim: `product: ${label}`, url: p.url, quote: safeProse(h.text, 120) });
    }
  };
  const productPages = pages.filter((p) => productPage.test(new URL(p.url).pathname));
  // A list under an offering heading ("Our services" and six items) says what the company
  // sells more plainly than any heading; product-like pages first, at most eight, so the
  // headings of a product page still have room.
  for (const p of [...productPages, ...pages.filter((x) => !productPages.includes(x))]) {
    for (const list of p.headedLists) {
      for (const { label, quote } of offeringsFromList(list) ?? []) {
        if (found.length >= 8) break;
        if (PLACES.has(label.toLowerCase()) || label.toLowerCase() === companyName.toLowerCase() || found.some((f) => f.toLowerCase() === label.toLowerCase())) continue;
        found.push(label);
        evidence.push({ claim: `product: ${label}`, url: p.url, quote: safeProse(`${list.heading}: ${quote}`, 160) });
      }
    }
  }
  for (const p of productPages) consider(p, 2);
  if (found.length < 3) for (const p of productPages) consider(p, 3);
  if (found.length < 3) for (const p of pages) consider(p, 2);
  if (found.length < 3) {
    for (const { page, obj } of jsonLdObjects(pages)) {
      if (found.length >= 10) break;
      if (!typesOf(obj).some((t) => /^(Product|ProductGroup|Service|Course|MenuSection|SoftwareApplication|FinancialProduct|LoanOrCredit|DepositAccount|Offer)$/.test(t))) continue;
      const label = safeLabel(typeof obj.name === 'string' ? obj.name : undefined, 40, 5);
      if (!label || label.toLowerCase() === companyName.toLowerCase() || found.some((f) => f.toLowerCase() === label.toLowerCase())) continue;
      found.push(label);
      evidence.push({ claim: `product: ${label}`, url: page.url, quote: `schema.org ${typesOf(obj)[0] ?? ''} "${label}"` });
    }
  }
  return { products: found.slice(0, 10), evidence: evidence.slice(0, 10) };
}

export function findSegments(pages: PageSignals[]): { segments: string[]; evidence: Evidence[] } {
  const seen = new Set<string>();
  const segments: string[] = [];
  const evidence: Evidence[] = [];
  for (const p of pages) {
    for (const raw of p.segmentCandidates) {
      const s = safeLabel(raw, 50, 6);
      if (!s) continue;
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
  /** How it was found, for the evidence. */
  source?: { url: string; quote: string };
}

const US_ADDRESS = /,\s*([A-Z]{2})\s+(\d{5})(?:-\d{4})?\b/;
const CA_ADDRESS = /,\s*(AB|BC|MB|NB|NL|NS|ON|PE|QC|SK)\s+([A-Z]\d[A-Z]\s?\d[A-Z]\d)\b/;
const UK_POSTCODE = /\b(London|Manchester|Birmingham|Leeds|Glasgow|Edinburgh|Bristol|Cardiff|Belfast|Liverpool)\b,?\s+[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/;

/** The sentence with an address, or the address alone when the sentence is not safe to quote. */
function addressQuote(text: string, index: number, match: string): string {
  return safeProse(quoteAround(text, index, match.length), 200) || safeProse(match.replace(/^,\s*/, ''), 80);
}

/**
 * Where the company is based: a JSON-LD postal address first, then an address written on the
 * pages (US ZIP, Canadian and UK postcodes), then telephone country codes, then `<html lang>`.
 */
export function findHeadquarters(org: Record<string, unknown> | undefined, pages: PageSignals[] = []): Headquarters {
  const raw = org?.address;
  const address = (Array.isArray(raw) ? raw[0] : raw) as Record<string, unknown> | undefined;
  if (address && typeof address === 'object') {
    const countryRaw = typeof address.addressCountry === 'string' ? address.addressCountry : typeof (address.addressCountry as { name?: unknown } | undefined)?.name === 'string' ? String((address.addressCountry as { name: string }).name) : undefined;
    const regionRaw = typeof address.addressRegion === 'string' ? address.addressRegion : undefined;
    const country = safeLabel(countryRaw ? (COUNTRY_CODES[countryRaw.toUpperCase()] ?? countryRaw) : undefined, 40, 4);
    const region = safeLabel(regionRaw ? (SUBNATIONAL_CODES[regionRaw.toUpperCase()] ?? regionRaw) : undefined, 40, 4);
    if (country || region) {
      return { ...(country ? { country } : {}), ...(region ? { region } : {}), source: { url: pages[0]?.url ?? '', quote: safeProse(JSON.stringify(address), 160) } };
    }
  }
  for (const p of pages) {
    const ca = CA_ADDRESS.exec(p.text);
    if (ca) return { country: 'Canada', region: SUBNATIONAL_CODES[ca[1] ?? ''], source: { url: p.url, quote: addressQuote(p.text, ca.index, ca[0]) } };
    const us = US_ADDRESS.exec(p.text);
    const state = us ? SUBNATIONAL_CODES[us[1] ?? ''] : undefined;
    if (us && state && !CA_PROVINCES.includes(state)) return { country: 'United States', region: state, source: { url: p.url, quote: addressQuote(p.text, us.index, us[0]) } };
    const uk = UK_POSTCODE.exec(p.text);
    if (uk) return { country: 'United Kingdom', source: { url: p.url, quote: addressQuote(p.text, uk.index, uk[0]) } };
  }
  const byCode = new Map<string, { n: number; url: string; quote: string }>();
  for (const p of pages) {
    for (const phone of p.phones) {
      const m = /^\+\s?(\d{1,3})/.exec(phone.replace(/^00/, '+'));
      const digits = m?.[1] ?? '';
      // Dialling codes are 1 to 3 digits; try the longest that is known.
      const country = DIALLING_CODES[digits.slice(0, 3)] ?? DIALLING_CODES[digits.slice(0, 2)] ?? DIALLING_CODES[digits.slice(0, 1)];
      if (!country) continue;
      const c = byCode.get(country) ?? { n: 0, url: p.url, quote: `telephone ${phone}` };
      c.n++;
      byCode.set(country, c);
    }
  }
  const phoneBest = [...byCode.entries()].sort((a, b) => b[1].n - a[1].n)[0];
  if (phoneBest) return { country: phoneBest[0], source: { url: phoneBest[1].url, quote: phoneBest[1].quote } };
  const lang = pages[0]?.lang?.split('-')[1];
  const fromLang = lang ? LANG_REGIONS[lang] : undefined;
  if (fromLang && pages[0]) return { country: fromLang, source: { url: pages[0].url, quote: `<html lang="${pages[0].lang ?? ''}">` } };
  return {};
}

const TIERS: ReadonlyArray<readonly string[]> = [MACRO_REGIONS, COUNTRIES, [...US_STATES, ...CA_PROVINCES]];

/**
 * For each place name, the longer place names that contain it ("New Mexico" for "Mexico"): a name
 * inside a longer one is not a mention of its own, so those are blanked out before counting.
 */
const LONGER_PLACES = new Map(
  TIERS.flat().map((name) => [
    name,
    // The substring test first: a pattern test on every pair (~90,000) cost 130 ms of start-up.
    TIERS.flat().filter((other) => other.length > name.length && other.toLowerCase().includes(name.toLowerCase()) && wordPattern(name, 'iu').test(other)),
  ]),
);

/** Region names, so a "Destinations" page's headings are not taken for products. */
const PLACES = new Set(TIERS.flat().map((x) => x.toLowerCase()));

/**
 * Regions by mentions of macro-regions, countries, states and provinces, plus hreflang.
 * One level is chosen (the broadest with at least three regions), so the list never mixes a
 * country with its own states, and the home market (from the address) comes first.
 */
export function findRegions(pages: PageSignals[], hq: Headquarters = {}, companyName = ''): { regions: string[]; evidence: Evidence[] } {
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
        const text = (LONGER_PLACES.get(name) ?? []).reduce((t, other) => t.replace(wordPattern(other, 'gu'), (m) => ' '.repeat(m.length)), p.text);
        const re = wordPattern(name, 'gu');
        const m = text.match(re);
        if (m) bump(name, m.length, p.url, quoteAround(p.text, text.search(re), name.length), tier);
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
  if (level === undefined) {
    // A local business names its own towns or neighbourhoods ("chapels in Dayton, Kettering and
    // Beavercreek"); two or more of them say more than its home state. A site naming three
    // states, countries or macro-regions is a broader business and keeps those.
    const local = new Map<string, { name: string; url: string; quote: string }>();
    for (const p of pages) {
      for (const place of localPlaces(p.text, companyName)) {
        const name = safeLabel(place.name, 40, 5);
        if (name && !local.has(name.toLowerCase())) local.set(name.toLowerCase(), { name, url: p.url, quote: quoteAround(p.text, place.index, place.phrase.length) });
      }
    }
    const names = [...local.values()];
    if (names.length >= 2) {
      // The state or country the site also names (its home market) follows its own places.
      const broader = found
        .filter(([name]) => !local.has(name.toLowerCase()))
        .sort((a, b) => Number(home.has(b[0])) - Number(home.has(a[0])) || b[1].n - a[1].n)
        .map(([name]) => name);
      const homeName = hq.region ?? hq.country;
      if (broader.length === 0 && homeName && !local.has(homeName.toLowerCase())) broader.push(homeName);
      return {
        regions: [...names.map((c) => c.name), ...broader].slice(0, 8),
        evidence: names.slice(0, 4).map((c) => ({ claim: `region: ${c.name} (one of the company's own places)`, url: c.url, quote: safeProse(c.quote, 200) })),
      };
    }
  }
  const ranked = found
    .filter(([, c]) => level === undefined || c.tier === level)
    .sort((a, b) => Number(home.has(b[0])) - Number(home.has(a[0])) || b[1].n - a[1].n);
  if (ranked.length === 0 && (hq.country || hq.region)) {
    // The site names no markets; its own address is the one region we know.
    const name = (hq.region ?? hq.country) as string;
    return { regions: [name], evidence: hq.source ? [{ claim: `region: ${name} (home market)`, url: hq.source.url, quote: hq.source.quote }] : [] };
  }
  return {
    regions: ranked.slice(0, 8).map(([name]) => name),
    evidence: ranked.slice(0, 4).map(([name, c]) => ({ claim: `region: ${name}${home.has(name) ? ' (home market)' : ''}`, url: c.url, quote: safeProse(c.quote, 200) })),
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

/**
 * Currency from prices on the pages (symbols and ISO codes) and schema.org `priceCurrency`;
 * a bare `$` means the home market's dollar; with no prices, the home market's currency.
 */
export function findCurrency(pages: PageSignals[], hq: Headquarters = {}): { currency: string; evidence: Evidence[] } {
  const totals = new Map<string, number>();
  const firstSeen = new Map<string, string>();
  for (const p of pages) {
    for (const [code, re] of CURRENCY_PATTERNS) {
      const n = p.text.match(re)?.length ?? 0;
      if (n === 0) continue;
      totals.set(code, (totals.get(code) ?? 0) + n);
      if (!firstSeen.has(code)) firstSeen.set(code, p.url);
    }
  }
  // "CA$12" also matches the plain "$" pattern; count it once, as CAD.
  totals.set('USD', Math.max(0, (totals.get('USD') ?? 0) - (totals.get('CAD') ?? 0) - (totals.get('AUD') ?? 0)));
  const homeCurrency = hq.country ? COUNTRY_CURRENCY[hq.country] : undefined;
  if (homeCurrency && ['CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN'].includes(homeCurrency) && (totals.get('USD') ?? 0) > 0) {
    // A Canadian or Australian site writes its own dollars as "$".
    totals.set(homeCurrency, (totals.get(homeCurrency) ?? 0) + (totals.get('USD') ?? 0));
    totals.set('USD', 0);
  }
  for (const { page, obj } of jsonLdObjects(pages)) {
    const code = typeof obj.priceCurrency === 'string' ? obj.priceCurrency.trim().toUpperCase() : '';
    if (/^[A-Z]{3}$/.test(code)) {
      totals.set(code, (totals.get(code) ?? 0) + 3);
      if (!firstSeen.has(code)) firstSeen.set(code, page.url);
    }
  }
  const best = [...totals.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best && best[1] > 0) return { currency: best[0], evidence: [{ claim: `currency: ${best[0]}`, url: firstSeen.get(best[0]) ?? pages[0]?.url ?? '', quote: `${best[1]} prices in ${best[0]}` }] };
  if (homeCurrency) return { currency: homeCurrency, evidence: hq.source ? [{ claim: `currency: ${homeCurrency} (home market ${hq.country ?? ''})`, url: hq.source.url, quote: hq.source.quote }] : [] };
  return { currency: 'USD', evidence: [] };
}

export function findSummary(pages: PageSignals[], org: Record<string, unknown> | undefined): { summary: string; evidence: Evidence[] } {
  const home = pages[0];
  const candidates: Array<[string | undefined, string | undefined]> = [
    [home?.metaDescription, home?.url],
    [home?.ogDescription, home?.url],
    [typeof org?.description === 'string' ? org.description : undefined, home?.url],
    [home?.manifest?.description, home?.url],
    [home?.paragraphs[0], home?.url],
    ...pages.slice(1).flatMap((p): Array<[string | undefined, string]> => [[p.metaDescription, p.url], [p.paragraphs[0], p.url]]),
  ];
  for (const [raw, url] of candidates) {
    const summary = safeProse(raw, 300);
    if (summary.length >= 30 && url) return { summary, evidence: [{ claim: 'summary', url, quote: summary }] };
  }
  return { summary: '', evidence: [] };
}

/**
 * Whether the pages hold anything to build a profile from: some text, a description,
 * structured data, a brand in the head (og:title, application-name, the web manifest) or embedded state with
 * text. A JavaScript shell with only a title has nothing.
 */
export function hasUsableContent(pages: PageSignals[]): boolean {
  const words = pages.reduce((n, p) => n + (p.text ? p.text.split(' ').length : 0), 0);
  if (words >= 20) return true;
  return pages.some(
    (p) =>
      !!(p.metaDescription || p.ogDescription || p.ogSiteName || p.ogTitle || p.applicationName || p.manifest?.name || p.manifest?.description) ||
      p.embedded.text.split(' ').length >= 20 ||
      p.jsonLd.some((o) => typeof o.name === 'string' || typeof o.description === 'string'),
  );
}

/** What a business of the industry keeps records of, in its own words ("Matter", "Attorney"). */
function keyEntitiesOf(industry: Industry): string[] {
  const v = industry.vocabulary;
  const words = [v.customer, v.offering, v.transaction, v.place, v.staff, ...Object.values(v.extra ?? {})].map((t) => t.singular);
  const seen = new Set<string>();
  return words
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .filter((w) => !seen.has(w.toLowerCase()) && seen.add(w.toLowerCase()))
    .slice(0, 10);
}

/** Turns what the pages say into a company profile. Pure. */
export function buildProfile(url: string, pages: PageSignals[], industries: readonly Industry[] = INDUSTRIES): CompanyProfile {
  const { name, evidence: nameEvidence } = voteName(pages, url);
  const classified = classifyIndustry(pages, industries, name);
  const industry = classified.industry;
  const org = jsonLdOrg(pages);
  const summary = findSummary(pages, org);
  const products = findProducts(pages, name);
  const segments = findSegments(pages);
  const hq = findHeadquarters(org, pages);
  const regions = findRegions(pages, hq, name);
  // A place the company names as its own ("the Canyon Course") is where it sells, not what it sells.
  const placeKey = (x: string): string => x.toLowerCase().replace(/^the\s+/, '');
  const placeKeys = new Set(regions.regions.map(placeKey));
  const notPlaces = (x: string): boolean => !placeKeys.has(placeKey(x));
  products.products = products.products.filter(notPlaces);
  products.evidence = products.evidence.filter((e) => notPlaces(e.claim.replace(/^product: /, '')));
  const currency = findCurrency(pages, hq);
  return {
    url,
    name,
    summary: summary.summary || `${name} operates in ${industry.label.toLowerCase()}.`,
    industry: {
      id: industry.id,
      label: industry.label,
      naics: industry.naics,
      confidence: classified.confidence,
      sector: industry.sector,
      basis: classified.basis,
      evidence: classified.evidence,
      candidates: classified.candidates,
    },
    businessModel: industry.businessModel,
    // Only what the site says; the story and model fall back to the industry's defaults where this is thin.
    products: products.products,
    customerSegments: segments.segments,
    regions: regions.regions,
    currency: currency.currency,
    kpis: [...industry.kpis],
    keyEntities: keyEntitiesOf(industry),
    evidence: [...nameEvidence, ...summary.evidence, ...classified.evidence, ...products.evidence, ...segments.evidence, ...regions.evidence, ...currency.evidence],
    // Titles are page text too: only the parts that are plain words survive.
    pages: pages.map((p) => ({ url: p.url, title: p.title.split(TITLE_SEPARATORS).map((part) => safeProse(part, 120)).filter(Boolean).join(' | ') })),
  };
}
