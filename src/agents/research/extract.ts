import { JSDOM } from 'jsdom';

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
}

/** Navigation and footer links are the site's own map; body links are weaker hints. */
export type LinkArea = 'nav' | 'footer' | 'body';

/** International (+CC …) and parenthesised-area-code numbers, as written in text. */
const PHONE_IN_TEXT = /(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,4})|(?:\(\d{3}\)\s?\d{3}-\d{4})|(?:\b0\d{2,4} \d{3,4} \d{3,4}\b)/g;

const SEGMENT_HEADING = /\b(who we (serve|help|gear|work with)|built for|made for|designed for|perfect for|our customers|patients we serve|shippers we serve|industries we serve|customer (groups|segments)|segments|who it'?s for|audiences?|we serve|clients we)\b/i;

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

export function extractSignals(url: string, html: string): PageSignals {
  const dom = new JSDOM(html);
  const doc = dom.window.document;
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
    for (const el of doc.querySelectorAll('script, style, noscript, template, svg')) el.remove();

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
      paragraphs,
      text: bodyText,
      lang: doc.documentElement.getAttribute('lang')?.toLowerCase() || undefined,
      brand: brand && brand.length <= 60 ? brand : undefined,
      phones: [...new Set(phones)].slice(0, 20),
      hreflangs: [...doc.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => (l.getAttribute('hreflang') ?? '').toLowerCase()),
      links,
    };
  } finally {
    dom.window.close();
  }
}
