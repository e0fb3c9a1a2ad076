import { CancelledError, ProvisionError, RemoteServiceError, UserInputError } from '../../core/errors.js';
import type { PageFetcher } from '../../http/page-fetcher.js';
import type { Logger } from '../../logging/logger.js';
import type { RenderMode } from '../../pipeline/job-spec.js';
import type { PageRenderer } from '../../render/page-renderer.js';
import { canonicalUrl, choosePages, parseSitemap, type Candidate } from './discover.js';
import type { PageSignals } from './extract.js';
import { readPage } from './page-reader.js';
import { parseManifest, type WebManifest } from './web-manifest.js';
import { CrawlRendering } from './render-pages.js';
import { isAllowed, parseRobots, type RobotsRules } from './robots.js';

export const ROBOTS_AGENT = 'provision-bot';

/** How much the crawler reads and how long it may take. */
export interface CrawlOptions {
  /** Pages read besides the home page. */
  maxPages: number;
  /** Fetches in flight at once. */
  concurrency: number;
  /** The whole stage: robots.txt, home page, sitemaps and the other pages. */
  budgetMs: number;
  /** Sitemaps read (a sitemap index counts its children). */
  maxSitemaps: number;
  /** When a page is read again in headless Chromium (the job's `render` wins over this). */
  render: RenderMode;
  /** Longest render of one page. */
  renderTimeoutMs: number;
  /** Pages answering 404 (or 410) in a row after which no more links are followed. */
  maxNotFoundRun: number;
}

export const DEFAULT_CRAWL: CrawlOptions = { maxPages: 8, concurrency: 4, budgetMs: 30_000, maxSitemaps: 3, render: 'auto', renderTimeoutMs: 15_000, maxNotFoundRun: 3 };

export interface CrawlResult {
  /** The home page first, then the other pages that could be read. */
  pages: PageSignals[];
  /** The home page's URL after redirects. */
  home: string;
  /** Pages chosen but skipped, with why. */
  skipped: Array<{ url: string; code: string }>;
}

interface CrawlDeps {
  http: PageFetcher;
  /** A headless browser for pages whose text their scripts write; without it, the static read. */
  renderer?: PageRenderer;
  logger: Logger;
  /** Cancellation of the job. */
  signal: AbortSignal;
  progress(fraction: number, message?: string): void;
  /** Something the user should know that does not stop the stage (no browser could start). */
  warn?(message: string): void;
}

/**
 * Reads a company's site politely: robots.txt for `provision-bot` first, then the home page,
 * then up to `maxPages` of the most informative same-site pages found in the sitemaps and the
 * home page's navigation, footer and body links, `concurrency` at a time, within `budgetMs`.
 */
export async function crawlSite(url: URL, deps: CrawlDeps, options: CrawlOptions = DEFAULT_CRAWL): Promise<CrawlResult> {
  const started = Date.now();
  const budget = new AbortController();
  const budgetTimer = setTimeout(() => budget.abort(), options.budgetMs);
  const signal = AbortSignal.any([deps.signal, budget.signal]);
  const overBudget = (what: string): ProvisionError =>
    new RemoteServiceError('timeout', `Researching ${url.href} did not finish within ${options.budgetMs / 1000} s (${what}). The site is slow or stalled; try again later, or give a lighter page such as its About page.`);
  /** Budget expiry surfaces from the fetcher as cancellation; tell the two apart. */
  const settle = <T>(p: Promise<T>, what: string): Promise<T> =>
    p.catch((err: unknown) => {
      if (deps.signal.aborted) throw new CancelledError();
      if (budget.signal.aborted && (err instanceof CancelledError || (err as Error).name === 'AbortError')) throw overBudget(what);
      throw err;
    });
  const robotsFor = async (page: URL): Promise<RobotsRules> => {
    const robotsUrl = new URL('/robots.txt', page).href;
    try {
      const text = deps.http.fetchText ? await settle(deps.http.fetchText(robotsUrl, { signal }), 'reading robots.txt') : undefined;
      return parseRobots(text ?? '', ROBOTS_AGENT, robotsUrl);
    } catch (err) {
      // RFC 9309: a robots.txt that exists but cannot be read (5xx) means "assume everything is disallowed".
      if (err instanceof RemoteServiceError && err.code === 'http_error') {
        throw new RemoteServiceError('http_error', `${robotsUrl} answered HTTP ${err.httpStatus ?? '5xx'}, so provision cannot tell whether it may read ${page.href} and, as robots.txt rules require, reads nothing. The site is having trouble; try again later.`, { httpStatus: err.httpStatus, cause: err });
      }
      // A site that cannot be reached fails here, before its page is asked for; name the page the user gave.
      if (err instanceof UserInputError || err instanceof RemoteServiceError) {
        const Kind = err instanceof UserInputError ? UserInputError : RemoteServiceError;
        throw new Kind(err.code, err.message.replaceAll(robotsUrl, page.href), { httpStatus: err.httpStatus, cause: err });
      }
      throw err;
    }
  };
  const refuse = (target: string): never => {
    throw new UserInputError('robots_disallowed', `${target} asks robots like ${ROBOTS_AGENT} not to read it (robots.txt), and provision respects that. Ask the company for a page that robots may read, or use the llm strategy with notes about the company.`);
  };

  const rendering = new CrawlRendering(deps, options.render, options.renderTimeoutMs, () => options.budgetMs - (Date.now() - started), signal);

  try {
    let robots = await robotsFor(url);
    if (!isAllowed(robots, url.pathname + url.search)) refuse(url.href);

    deps.progress(0.1, 'fetching the home page');
    const homePage = await settle(deps.http.fetchPage(url.href, { signal }), 'reading the home page');
    const home = new URL(homePage.url);
    if (home.origin !== url.origin) {
      // Redirected to another host (example.com → www.example.com): its robots.txt applies.
      robots = await robotsFor(home);
      if (!isAllowed(robots, home.pathname + home.search)) refuse(home.href);
    }
    // Rendered before choosing pages: an app's navigation exists only once its scripts ran. The
    // sitemaps are read meanwhile.
    const homeStatic = await readPage(homePage.url, homePage.html);
    const homeRendered = rendering.improve(homePage, homeStatic);
    const manifest = readManifest(homeStatic, deps, signal);

    deps.progress(0.25, 'reading the sitemap');
    const sitemapPages: string[] = [];
    // The conventional location only when robots.txt names none.
    const sitemapQueue = robots.sitemaps.length > 0 ? [...new Set(robots.sitemaps)] : [new URL('/sitemap.xml', home).href];
    for (let read = 0; sitemapQueue.length > 0 && read < options.maxSitemaps && !signal.aborted; read++) {
      const sitemapUrl = sitemapQueue.shift() as string;
      try {
        if (new URL(sitemapUrl).hostname.replace(/^www\./, '') !== home.hostname.replace(/^www\./, '')) continue;
        const xml = deps.http.fetchText ? await deps.http.fetchText(sitemapUrl, { signal }) : undefined;
        if (!xml) continue;
        const found = parseSitemap(xml);
        sitemapQueue.push(...found.sitemaps);
        sitemapPages.push(...found.pages);
      } catch (err) {
        if (deps.signal.aborted) throw new CancelledError();
        deps.logger.warn('skipped a sitemap that could not be read', { url: sitemapUrl, reason: (err as Error).message });
      }
    }
    const homeSignals: PageSignals = { ...(await homeRendered) };
    const webManifest = await manifest;
    if (webManifest) homeSignals.manifest = webManifest;
    const candidates: Candidate[] = [
      ...homeSignals.links.map((l) => ({ url: l.href, text: l.text, source: l.area })),
      ...sitemapPages.map((p) => ({ url: p, text: '', source: 'sitemap' as const })),
    ];

    // Twice as many as wanted, best first: a page that fails makes room for the next one.
    const queue = choosePages(homePage.url, candidates, options.maxPages * 2, robots);
    const wanted = Math.min(options.maxPages, queue.length);
    deps.progress(0.35, `reading ${wanted} more pages`);
    // Kept in the order chosen, not the order read: the same site always gives the same profile.
    const read: Array<{ order: number; signals: PageSignals }> = [];
    const skipped: CrawlResult['skipped'] = [];
    // Pages already read, by URL after redirects and by canonical URL (one page, many addresses).
    const homeKeys = new Set([homePage.url, canonicalUrl(homePage.html, homePage.url) ?? homePage.url]);
    const readKeys = new Set(homeKeys);
    let next = 0;
    let inFlight = 0;
    let notFoundRun = 0;
    const more = (): boolean => !signal.aborted && next < queue.length && read.length + inFlight < options.maxPages && notFoundRun < options.maxNotFoundRun;
    const worker = async (): Promise<void> => {
      while (more()) {
        const order = next++;
        const pageUrl = queue[order] as string;
        inFlight++;
        try {
          const page = await deps.http.fetchPage(pageUrl, { signal });
          notFoundRun = 0;
          // Sites that declare the home page canonical on every page are wrong, not all one page.
          const declared = canonicalUrl(page.html, page.url);
          const canonical = declared && !homeKeys.has(declared) ? declared : page.url;
          // A redirect may lead off the site, or to a page already read under another address.
          if (readKeys.has(page.url) || readKeys.has(canonical) || new URL(page.url).hostname.replace(/^www\./, '') !== home.hostname.replace(/^www\./, '')) continue;
          readKeys.add(page.url).add(canonical);
          read.push({ order, signals: await rendering.improve(page, await readPage(page.url, page.html)) });
          deps.progress(0.35 + (0.5 * read.length) / Math.max(1, wanted), `read ${read.length} of ${wanted} pages`);
        } catch (err) {
          if (deps.signal.aborted) return;
          const code = err instanceof ProvisionError ? (budget.signal.aborted && err instanceof CancelledError ? 'timeout' : err.code) : 'internal';
          skipped.push({ url: pageUrl, code });
          const status = err instanceof ProvisionError ? err.httpStatus : undefined;
          // A run of missing pages means the links are stale or invented: stop following them.
          notFoundRun = status === 404 || status === 410 ? notFoundRun + 1 : 0;
          if (notFoundRun === options.maxNotFoundRun) deps.logger.info('stopped following links after pages that do not exist', { run: notFoundRun, left: queue.length - next });
          deps.logger.warn('skipped a page that could not be read', { url: pageUrl, code, reason: (err as Error).message });
        } finally {
          inFlight--;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, wanted)) }, worker));
    if (deps.signal.aborted) throw new CancelledError();
    const pages = [homeSignals, ...read.sort((a, b) => a.order - b.order).map((r) => r.signals)];
    deps.logger.debug('crawl finished', { home: homePage.url, pages: pages.length, skipped: skipped.length, ms: Date.now() - started });
    return { pages, home: homePage.url, skipped };
  } finally {
    clearTimeout(budgetTimer);
    await rendering.close();
  }
}

/**
 * The home page's web manifest (`<link rel="manifest">`), read like robots.txt (small, text,
 * through the same guards): a JavaScript shell's name and description are often there. A
 * manifest that cannot be read is no loss.
 */
async function readManifest(home: PageSignals, deps: CrawlDeps, signal: AbortSignal): Promise<WebManifest | undefined> {
  if (!home.manifestHref || !deps.http.fetchText) return undefined;
  let url: URL;
  try {
    url = new URL(home.manifestHref, home.url);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  try {
    const text = await deps.http.fetchText(url.href, { signal });
    return text ? parseManifest(text) : undefined;
  } catch (err) {
    if (!signal.aborted) deps.logger.warn('skipped a web manifest that could not be read', { url: url.href, reason: (err as Error).message });
    return undefined;
  }
}
