import { XMLParser } from 'fast-xml-parser';
import type { LinkArea } from './extract.js';
import type { RobotsRules } from './robots.js';

/** A page the crawler could read, and where it heard of it. */
export interface Candidate {
  url: string;
  text: string;
  source: LinkArea | 'sitemap';
}

const sitemapParser = new XMLParser({
  // Sitemaps carry their data in elements; namespaced ones (`<sm:loc>`) read like plain ones.
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  // Only the five XML entities: a DOCTYPE's own entities are never expanded (billion laughs).
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

function locsOf(entries: unknown, maxUrls: number): string[] {
  if (!Array.isArray(entries)) return [];
  const out: string[] = [];
  for (const entry of entries) {
    const loc = typeof entry === 'object' && entry !== null ? (entry as { loc?: unknown }).loc : undefined;
    const text = typeof loc === 'string' ? loc.trim() : typeof loc === 'number' ? String(loc) : '';
    if (text) out.push(text);
    if (out.length >= maxUrls) break;
  }
  return out;
}

/**
 * What a sitemap lists (sitemaps.org, read with a real XML parser): pages for a `<urlset>`,
 * more sitemaps for a `<sitemapindex>`. Anything that is not a sitemap lists nothing.
 */
export function parseSitemap(xml: string, maxUrls = 500): { pages: string[]; sitemaps: string[] } {
  let doc: Record<string, unknown>;
  try {
    doc = sitemapParser.parse(xml) as Record<string, unknown>;
  } catch {
    // Broken XML is common enough on real sites; the home page's links still count.
    return { pages: [], sitemaps: [] };
  }
  const urlset = doc.urlset as { url?: unknown } | undefined;
  const index = doc.sitemapindex as { sitemap?: unknown } | undefined;
  return { pages: locsOf(urlset?.url, maxUrls), sitemaps: locsOf(index?.sitemap, maxUrls) };
}

/**
 * The page's `<link rel="canonical">`, resolved and normalised, when it names an http(s) page:
 * one page served under several addresses (trailing slash, tracking parameters, `index.html`)
 * is read once.
 */
export function canonicalUrl(html: string, pageUrl: string): string | undefined {
  const head = html.slice(0, 64 * 1024);
  for (const tag of head.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = new Map([...tag[0].matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => [(m[1] ?? '').toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '']));
    if (!(attrs.get('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) continue;
    try {
      const u = new URL((attrs.get('href') ?? '').replace(/&amp;/g, '&').trim(), pageUrl);
      return u.protocol === 'http:' || u.protocol === 'https:' ? normalise(u) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Kinds of page that say the most about a company, with how much. */
const TOPICS: ReadonlyArray<readonly [topic: string, weight: number, pattern: RegExp]> = [
  ['about', 10, /\b(about|about-us|who-we-are|our-story|company|story|mission)\b/],
  ['products', 9, /\b(products?|shop|store|catalog(ue)?|collections?|menu|menus|rooms|suites|fleet|dining|restaurants?|capabilities|personal|business|banking)\b/],
  ['solutions', 8, /\b(solutions?|services?|capabilities|what-we-do|offerings?|platform|features?|specialt(y|ies)|departments|weddings|events|catering|private-dining)\b/],
  ['pricing', 7, /\b(pricing|plans?|rates|fees|tuition(-fees)?|offers)\b/],
  ['customers', 6, /\b(customers?|clients?|case-studies|industries|who-we-serve|markets|sectors|patients|students|guests|shippers)\b/],
  ['programs', 6, /\b(programs?|programmes?|courses?|degrees?|study|academics|admissions|fares|loyalty|rewards|accounts|banking|loans|cards|mortgages?|destinations|routes|flights|doctors|providers)\b/],
  ['locations', 5, /\b(locations?|stores|branches|offices|contact|find-us|network|campus(es)?|hubs|facilities|plants)\b/],
  ['investors', 3, /\b(investors?|investor-relations|press|newsroom)\b/],
  ['careers', 2, /\b(careers?|jobs|join-us|work-with-us)\b/],
];

/** Pages that say nothing about the business, or that a polite crawler should not touch. */
const NOISE = /\b(login|log-in|signin|sign-in|signup|sign-up|register|account|cart|checkout|basket|wishlist|search|privacy|terms|cookies?|legal|gdpr|accessibility|sitemap|feed|rss|wp-admin|wp-json|cdn-cgi|tag|tags|author|page\/\d+)\b/;
const NOT_A_PAGE = /\.(pdf|jpe?g|png|gif|webp|svg|ico|zip|gz|xml|txt|json|csv|mp4|mp3|webm|css|js|woff2?|docx?|xlsx?|pptx?)$/i;

function sameSite(a: URL, b: URL): boolean {
  const bare = (h: string): string => h.toLowerCase().replace(/^www\./, '');
  return bare(a.hostname) === bare(b.hostname) && a.port === b.port;
}

function normalise(u: URL): string {
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (/^(utm_|gclid|fbclid|ref$|source$)/i.test(key)) u.searchParams.delete(key);
  return u.href;
}

/** The topic and informativeness of one candidate; 0 when it is not worth reading. */
export function scoreCandidate(url: URL, text: string, source: Candidate['source']): { topic: string; score: number } {
  const path = decodeURIComponent(url.pathname).toLowerCase().replace(/\.(html?|php|aspx?)$/, '').replace(/[_\s]+/g, '-');
  const label = text.toLowerCase();
  if (NOISE.test(path) || NOT_A_PAGE.test(url.pathname) || url.search.length > 40) return { topic: 'noise', score: 0 };
  // Non-default language versions repeat the home language's content.
  if (/^\/[a-z]{2}(-[a-z]{2})?\//.test(path) && !/^\/(en)(-[a-z]{2})?\//.test(path)) return { topic: 'translation', score: 0 };
  let best = { topic: 'other', score: 0 };
  for (const [topic, weight, pattern] of TOPICS) {
    const inPath = pattern.test(path);
    const inText = pattern.test(label.replace(/\s+/g, '-'));
    const score = inPath ? weight + (inText ? 2 : 0) : inText ? weight - 2 : 0;
    if (score > best.score) best = { topic, score };
  }
  if (best.score === 0) return best;
  const depth = path.split('/').filter(Boolean).length;
  // Section pages beat deep article pages; the site's own navigation beats a sitemap entry.
  const bonus = (source === 'nav' ? 3 : source === 'footer' ? 1 : source === 'sitemap' ? 1 : 0) - Math.max(0, depth - 1) * 2 - (url.search ? 2 : 0);
  return { topic: best.topic, score: Math.max(0.5, best.score + bonus) };
}

/**
 * Up to `max` same-site pages worth reading, most informative first, spread over topics (the
 * best page of each topic before a second page of any), robots.txt rules honoured.
 */
export function choosePages(home: string, candidates: readonly Candidate[], max: number, robots: RobotsRules): string[] {
  const homeUrl = new URL(home);
  const seen = new Set<string>([normalise(new URL(home))]);
  const scored: Array<{ url: string; topic: string; score: number; order: number }> = [];
  candidates.forEach((c, order) => {
    let u: URL;
    try {
      u = new URL(c.url);
    } catch {
      return;
    }
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !sameSite(u, homeUrl)) return;
    // Read the site on the scheme the home page was served on, so one host is one origin.
    u.protocol = homeUrl.protocol;
    u.hostname = homeUrl.hostname;
    const href = normalise(u);
    if (seen.has(href) || u.pathname === homeUrl.pathname) return;
    seen.add(href);
    if (!robots.allows(u.pathname + u.search)) return;
    const { topic, score } = scoreCandidate(u, c.text, c.source);
    if (score > 0) scored.push({ url: href, topic, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen: string[] = [];
  const perTopic = new Map<string, number>();
  for (let round = 1; chosen.length < max && round <= max; round++) {
    for (const s of scored) {
      if (chosen.length >= max) break;
      if (chosen.includes(s.url) || (perTopic.get(s.topic) ?? 0) >= round) continue;
      perTopic.set(s.topic, (perTopic.get(s.topic) ?? 0) + 1);
      chosen.push(s.url);
    }
  }
  return chosen;
}
