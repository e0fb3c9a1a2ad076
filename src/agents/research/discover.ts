import type { LinkArea } from './extract.js';
import { isAllowed, type RobotsRules } from './robots.js';

/** A page the crawler could read, and where it heard of it. */
export interface Candidate {
  url: string;
  text: string;
  source: LinkArea | 'sitemap';
}

/** What a sitemap lists: pages, or (for a sitemap index) more sitemaps. */
export function parseSitemap(xml: string, maxUrls = 500): { pages: string[]; sitemaps: string[] } {
  const locs = (block: string): string[] =>
    [...xml.matchAll(new RegExp(`<${block}\\b[^>]*>[\\s\\S]*?<loc>\\s*(?:<!\\[CDATA\\[)?([^<\\]]+?)(?:\\]\\]>)?\\s*</loc>`, 'gi'))]
      .map((m) => (m[1] ?? '').replace(/&amp;/g, '&').trim())
      .filter(Boolean)
      .slice(0, maxUrls);
  return { pages: locs('url'), sitemaps: locs('sitemap') };
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
    if (!isAllowed(robots, u.pathname + u.search)) return;
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
