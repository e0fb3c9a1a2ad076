import { JSDOM } from 'jsdom';
import type { WebManifest } from './web-manifest.js';

export type { WebManifest } from './web-manifest.js';

/** What one page says about the company, read from its HTML. Pure: no fetching. */
export interface PageSignals {
  url: string;
  title: string;
  metaDescription?: string;
  ogSiteName?: string;
  ogDescription?: string;
  /** schema.org objects from JSON-LD blocks, flattened (`@graph` expanded). */
  jsonLd: Array<Record<string, unknown>>;
  /** The holder named in a "© 2026 Name, Inc." notice. */
  copyrightName?: string;
  /** Headings outside the header, navigation and footer. */
  headings: Array<{ level: number; text: string }>;
  /** Short items listed under a "who we serve" style heading. */
  segmentCandidates: string[];
  /**
   * Each `h2`/`h3` outside the header, navigation and footer that a list (`ul`/`ol`) follows
   * before the next heading: the heading, its level and the list's items (each item's bold
   * lead-in when it has one, else its text; at most 30). Whether a list names offerings is
   * decided later, from the heading and the items.
   */
  headedLists: Array<{ heading: string; level: number; items: string[] }>;
  /** First substantive paragraphs. */
  paragraphs: string[];
  /** All visible text, whitespace collapsed. */
  text: string;
  hreflangs: string[];
  /** The document's language (`<html lang>`), lowercased. */
  lang?: string;
  /** The brand in the header: the home link's text or its logo's alt text. */
  brand?: string;
  /** Telephone numbers written on the page (tel: links and text), as written. */
  phones: string[];
  /** Links with their text and where they sit, for choosing more pages to read. */
  links: Array<{ href: string; text: string; area: LinkArea }>;
  /** `og:title`: often the bare brand on shells whose `<title>` is empty or generic. */
  ogTitle?: string;
  /** `application-name` (or `apple-mobile-web-app-title`): the brand as the site installs itself. */
  applicationName?: string;
  /** The web manifest's address (`<link rel=manifest>`); not fetched here, the crawler may. */
  manifestHref?: string;
  /** What that manifest says, when the crawler read it (the home page's only). */
  manifest?: WebManifest;
  /** The alt text of the header's logo image, as written ("Acme Logo"). */
  logoAlt?: string;
  /** The text of the header and navigation links, in order: how the site files what it does. */
  navLabels: string[];
  /**
   * What the page's embedded JSON state says (`__NEXT_DATA__`, `window.__INITIAL_STATE__ = {…}`,
   * `application/json` blocks): brand names under name-like keys and human text (navigation
   * labels, messages). A JavaScript shell whose scripts cannot run still says what it is here.
   */
  embedded: { names: string[]; text: string };
}

/** Navigation and footer links are the site's own map; body links are weaker hints. */
export type LinkArea = 'nav' | 'footer' | 'body';

/** International (+CC …) and parenthesised-area-code numbers, as written in text. */
const PHONE_IN_TEXT = /(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,4})|(?:\(\d{3}\)\s?\d{3}-\d{4})|(?:\b0\d{2,4} \d{3,4} \d{3,4}\b)/g;

const SEGMENT_HEADING = /\b(who we (serve|help|gear|work with)|built for|made for|designed for|perfect for|our customers|patients we serve|shippers we serve|industries we serve|customer (groups|segments)|segments|who it'?s for|audiences?|we serve|clients we)\b/i;

/** Elements after which rendered text breaks, so their words never run together. */
const BLOCKS = 'address, article, aside, blockquote, br, dd, div, dl, dt, fieldset, figcaption, figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, table, td, th, tr, ul, option, button';

/** Keys whose string values name the site or its owner in embedded state. */
const NAME_KEYS = /^(site_?name|sitename|brand|brand_?name|application_?name|app_?name|company_?name|organi[sz]ation_?name|publisher|owner)$/i;

/** Strings in embedded state that read as text for people: two or more words, mostly letters. */
function humanText(value: string): string | undefined {
  const text = value.replace(/\{[^}]{0,40}\}/g, ' ').replace(/<[^>]{0,200}>/g, ' ').replace(/\s+/g, ' ').trim();
  if (text.length < 4 || text.length > 400 || !text.includes(' ')) return undefined;
  if (/^(https?:|\/|www\.)|[{}<>=;]|\\u|function\s*\(|\.(js|css|png|jpe?g|svg|json)\b/i.test(text)) return undefined;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters / text.length >= 0.6 ? text : undefined;
}

/** The JSON value that starts at `from` (an object or array), or undefined; strings are respected. */
function jsonAt(source: string, from: number): unknown {
  let depth = 0;
  let inString = false;
  for (let i = from; i < source.length && i - from < 2_000_000; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        try {
          return JSON.parse(source.slice(from, i + 1));
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}

/** Names and human text from the page's embedded JSON state (see `PageSignals.embedded`). */
function embeddedState(doc: Document): PageSignals['embedded'] {
  const blobs: unknown[] = [];
  for (const script of doc.querySelectorAll('script')) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    const body = script.textContent ?? '';
    if (type === 'application/ld+json' || body.length < 20) continue;
    if (type === 'application/json' || script.id === '__NEXT_DATA__') {
      try {
        blobs.push(JSON.parse(body));
      } catch {
        // A broken blob says nothing; the page's other signals still count.
      }
      continue;
    }
    if (type && !/javascript|module/.test(type)) continue;
    // `window.__STATE__ = {…}` and the like: assignments of JSON literals, never executed.
    for (const m of body.matchAll(/(?:window|self|globalThis)\.[\w$]+\s*=\s*(?=[{[])|(?:var|let|const)\s+__[\w$]+\s*=\s*(?=[{[])/g)) {
      const value = jsonAt(body, m.index + m[0].length);
      if (value !== undefined) blobs.push(value);
      if (blobs.length >= 8) break;
    }
  }
  const names: string[] = [];
  const texts = new Set<string>();
  let budget = 20_000;
  const walk = (value: unknown, key: string, depth: number): void => {
    if (depth > 14 || budget <= 0) return;
    if (typeof value === 'string') {
      if (NAME_KEYS.test(key) && value.length <= 80 && /\p{L}/u.test(value)) names.push(clean(value));
      const text = humanText(value);
      if (text && !texts.has(text)) {
        texts.add(text);
        budget -= text.length;
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const v of value.slice(0, 500)) walk(v, key, depth + 1);
      return;
    }
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k, depth + 1);
  };
  for (const blob of blobs) walk(blob, '', 0);
  return { names: [...new Set(names)].slice(0, 10), text: [...texts].join(' . ') };
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function flattenJsonLd(value: unknown, out: Array<Record<string, unknown>>): void {
  if (Array.isArray(value)) {
    for (const v of value) flattenJsonLd(v, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const obj = value as Record<string, unknown>;
  if (Array.isArray(obj['@graph'])) flattenJsonLd(obj['@graph'], out);
  if (obj['@type'] !== undefined) out.push(obj);
}

function inChrome(el: Element): boolean {
  return el.closest('header, nav, footer, [role="navigation"], [role="contentinfo"], [role="banner"]') !== null;
}

/** The item's label: its bold lead-in, or the text before a dash or colon. */
function itemLabel(el: Element): string {
  const strong = el.querySelector('strong, b, h3, h4');
  const raw = clean(strong?.textContent ?? el.textContent);
  return clean(raw.split(/\s[—–-]\s|:\s/)[0]);
}

/**
 * The first list after each `h2`/`h3` and before the next heading, in document order. Lists in
 * the header, navigation or footer and lists nested in another list's item are not read.
 */
function listsUnderHeadings(doc: Document): PageSignals['headedLists'] {
  const out: PageSignals['headedLists'] = [];
  let open: { heading: string; level: number } | undefined;
  for (const el of doc.querySelectorAll('h1, h2, h3, h4, h5, h6, ul, ol')) {
    const tag = el.tagName.toLowerCase();
    if (tag.startsWith('h')) {
      const level = Number(tag.slice(1));
      const heading = clean(el.textContent);
      open = (level === 2 || level === 3) && heading && !inChrome(el) ? { heading, level } : undefined;
      continue;
    }
    if (!open || el.closest('li') !== null || inChrome(el)) continue;
    const items = [...el.children]
      .filter((c) => c.tagName.toLowerCase() === 'li')
      .slice(0, 30)
      .map((li) => {
        const text = clean(li.textContent);
        const lead = clean(li.querySelector(':scope > strong, :scope > b')?.textContent);
        // Bold at the start is the item's label ("Cremation — with or without a viewing"); bold mid-sentence is emphasis.
        return lead && text.startsWith(lead) ? lead : text;
      });
    if (items.length > 0) out.push({ ...open, items });
    open = undefined;
    if (out.length >= 20) break;
  }
  return out;
}

/**
 * One jsdom window whose DOMParser reads every page. A window per page cost about 55 ms of a
 * cold process's time a page (its interfaces are built per window: 400 ms for the demo's seven
 * pages against 85 ms for seven parses). A parsed document, like a window without `runScripts`,
 * never runs the page's scripts.
 */
let parser: DOMParser | undefined;
function parseHtml(html: string): Document {
  parser ??= new new JSDOM('').window.DOMParser();
  return parser.parseFromString(html, 'text/html');
}

export function extractSignals(url: string, html: string): PageSignals {
  const doc = parseHtml(html);
  try {
    const meta = (selector: string): string | undefined => clean(doc.querySelector(selector)?.getAttribute('content')) || undefined;

    const jsonLd: Array<Record<string, unknown>> = [];
    for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        flattenJsonLd(JSON.parse(script.textContent ?? ''), jsonLd);
      } catch {
        // Broken JSON-LD is common on real sites; the other signals still count.
      }
    }
    const embedded = embeddedState(doc);
    const headRaw = (selector: string): string | undefined => clean(doc.querySelector(selector)?.getAttribute('content')) || undefined;
    const ogTitle = headRaw('meta[property="og:title"]');
    const applicationName = headRaw('meta[name="application-name"]') ?? headRaw('meta[name="apple-mobile-web-app-title"]');
    const manifestHref = doc.querySelector('link[rel="manifest"][href]')?.getAttribute('href') ?? undefined;
    for (const el of doc.querySelectorAll('script, style, noscript, template, svg')) el.remove();
    // textContent runs block elements together ("HomeExhibitsEvents"); a space after each
    // block keeps words apart without touching inline text ("our shop, today").
    for (const el of doc.querySelectorAll(BLOCKS)) el.after(doc.createTextNode(' '));

    const headings: PageSignals['headings'] = [];
    for (const h of doc.querySelectorAll('h1, h2, h3')) {
      if (inChrome(h)) continue;
      const text = clean(h.textContent);
      if (text) headings.push({ level: Number(h.tagName.slice(1)), text });
    }

    const segmentCandidates: string[] = [];
    for (const h of doc.querySelectorAll('h2, h3')) {
      if (inChrome(h) || !SEGMENT_HEADING.test(clean(h.textContent))) continue;
      const section = h.closest('section, article, div') ?? h.parentElement;
      if (!section) continue;
      const items = [...section.querySelectorAll('li')].filter((li) => !inChrome(li));
      const cards = items.length >= 2 ? items : [...section.querySelectorAll('h3, h4')].filter((x) => x !== h);
      for (const item of cards.slice(0, 10)) {
        const label = itemLabel(item);
        // A nested heading such as "Industries we serve" introduces another list, not a segment.
        if (label.length >= 3 && label.length <= 50 && label.split(' ').length <= 6 && !SEGMENT_HEADING.test(label)) segmentCandidates.push(label);
      }
    }

    const headedLists = listsUnderHeadings(doc);

    const footerText = clean([...doc.querySelectorAll('footer')].map((f) => f.textContent).join(' ')) || clean(doc.body?.textContent).slice(-2000);
    const copyright = /(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*([A-Z][\w&.,' -]{1,60}?)(?:\.|\s*All rights|\s*\||$)/i.exec(footerText);

    const paragraphs = [...doc.querySelectorAll('main p, article p, section p, p')]
      .filter((p) => !inChrome(p))
      .map((p) => clean(p.textContent))
      .filter((t) => t.length >= 60)
      .slice(0, 12);

    const links: PageSignals['links'] = [];
    const phones: string[] = [];
    for (const a of doc.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href') ?? '';
      if (/^tel:/i.test(href)) phones.push(href.slice(4).trim());
      if (!href || href.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(href)) continue;
      const area: LinkArea = a.closest('footer, [role="contentinfo"]') ? 'footer' : a.closest('header, nav, [role="navigation"], [role="banner"]') ? 'nav' : 'body';
      try {
        links.push({ href: new URL(href, url).href, text: clean(a.textContent).slice(0, 80), area });
      } catch {
        // Unparseable hrefs are skipped.
      }
    }
    const bodyText = clean(doc.body?.textContent);
    for (const m of bodyText.matchAll(PHONE_IN_TEXT)) phones.push(m[0].trim());
    const homeLink = doc.querySelector('header a[href="/"], [role="banner"] a[href="/"], a.brand, a.logo, .logo a, .brand a');
    const brand = clean(homeLink?.textContent) || clean(homeLink?.querySelector('img[alt]')?.getAttribute('alt')) || undefined;
    const logo = doc.querySelector('header img[alt], [role="banner"] img[alt], a.logo img[alt], .logo img[alt], .brand img[alt], img[class*="logo" i][alt], img[src*="logo" i][alt], img[alt*="logo" i]');
    const logoAlt = clean(logo?.getAttribute('alt')) || undefined;
    const navLabels = [...new Set(links.filter((l) => l.area === 'nav' && l.text.length >= 2 && l.text.length <= 40).map((l) => l.text))].slice(0, 80);

    return {
      url,
      title: clean(doc.title),
      metaDescription: meta('meta[name="description"]'),
      ogSiteName: meta('meta[property="og:site_name"]'),
      ogDescription: meta('meta[property="og:description"]'),
      jsonLd,
      copyrightName: copyright?.[1] ? clean(copyright[1]).replace(/[,.]$/, '') : undefined,
      headings,
      segmentCandidates,
      headedLists,
      paragraphs,
      text: bodyText,
      lang: doc.documentElement.getAttribute('lang')?.toLowerCase() || undefined,
      brand: brand && brand.length <= 60 ? brand : undefined,
      phones: [...new Set(phones)].slice(0, 20),
      hreflangs: [...doc.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => (l.getAttribute('hreflang') ?? '').toLowerCase()),
      links,
      ogTitle,
      applicationName,
      manifestHref,
      logoAlt: logoAlt && logoAlt.length <= 80 ? logoAlt : undefined,
      navLabels,
      embedded,
    };
  } finally {
    // The document is garbage once its signals are out; emptying it frees its tree now.
    doc.documentElement?.remove();
  }
}
