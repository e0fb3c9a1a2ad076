import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Browser, BrowserContext, Page as BrowserPage, Route } from 'playwright-core';
import { ProvisionError } from '../core/errors.js';
import type { GuardedFetcher } from '../http/guarded-fetcher.js';
import type { Page } from '../http/page-fetcher.js';
import { RendererUnavailableError, type PageRenderer, type RenderSession } from './page-renderer.js';

/**
 * Flags for a crawler's browser: headless, no sandbox (containers run it as a plain user without
 * namespaces), nothing that phones home, no QUIC (its UDP would not pass through our routing).
 * All traffic goes to a proxy that does not exist, loopback included: every request a page makes
 * is answered by our route handler through the guarded fetcher, so one that escaped interception
 * (a future request kind) fails instead of reaching the network unguarded.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--proxy-server=http://127.0.0.1:1',
  '--proxy-bypass-list=<-loopback>',
];

/**
 * Resource kinds a page's text never depends on: not fetched at all. Stylesheets included: the
 * DOM is read as markup, never as laid-out text, and a page's CSS is often its heaviest download.
 */
const SKIPPED_TYPES = new Set(['image', 'media', 'font', 'stylesheet', 'texttrack', 'manifest', 'eventsource', 'ping', 'beacon']);
/** Headers the browser must not see from a body got already decoded, or that belong to a connection. */
const DROPPED_RESPONSE_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);
/** Headers got sets itself (or that would misdescribe its request). */
const DROPPED_REQUEST_HEADERS = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'user-agent', 'keep-alive', 'upgrade']);
/** After the document is parsed, how long its scripts may keep fetching before the DOM is read. */
const SETTLE_MS = 3_000;
/** No request of the page in flight for this long: its scripts have written what they will. */
const QUIET_MS = 200;
/** Scripts a browser runs (JSON-LD and other data blocks are not). */
const RUNS_SCRIPTS = `script:not([type]), script[type=""], script[type="module"], script[type*="javascript" i], script[type*="ecmascript" i]`;

export interface ChromiumRendererOptions {
  /** PROVISION_CHROMIUM; without it, `chromium` or `chromium-browser` on the PATH. */
  executablePath?: string;
  /** Every request a page makes goes through it: the crawler's address guard, size and time limits. */
  fetcher: GuardedFetcher;
  /** Longest launch. */
  launchTimeoutMs?: number;
  /** Told of every request refused by the address guard (logs, tests). */
  onRefused?(url: string, reason: string): void;
}

/** The Chromium to launch: the given path, else the first `chromium`/`chromium-browser` on the PATH. */
export function findChromium(explicit: string | undefined, path = process.env.PATH ?? ''): string | undefined {
  if (explicit) return explicit;
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

function flatHeaders(headers: Record<string, string | string[] | undefined>, drop: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || drop.has(name.toLowerCase())) continue;
    out[name] = Array.isArray(value) ? value.join(name.toLowerCase() === 'set-cookie' ? '\n' : ', ') : value;
  }
  return out;
}

/** Rejects with `what` when `promise` takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), Math.max(0, ms))))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Headless Chromium through playwright-core: one browser and one context per session (a stage
 * run), its tabs reused from render to render. Every request a page makes is intercepted and
 * fetched by the crawler's GuardedFetcher, so the address guard (metadata always refused,
 * loopback and private networks unless allowed), the size cap and the time limits are the static
 * crawler's own; WebSockets, service workers and downloads are refused; images, media, fonts and
 * stylesheets are not fetched.
 */
export class ChromiumRenderer implements PageRenderer {
  constructor(private readonly options: ChromiumRendererOptions) {}

  async open(options: { signal?: AbortSignal } = {}): Promise<RenderSession> {
    const executablePath = findChromium(this.options.executablePath);
    if (!executablePath) throw new RendererUnavailableError('No Chromium was found (set PROVISION_CHROMIUM, or install chromium), so pages built by scripts cannot be rendered.');
    if (!existsSync(executablePath)) throw new RendererUnavailableError(`Chromium was not found at ${executablePath} (PROVISION_CHROMIUM), so pages built by scripts cannot be rendered.`);
    const unavailable = (err: unknown): RendererUnavailableError => {
      const first = String((err as Error).message).split('\n')[0] ?? '';
      return new RendererUnavailableError(`Chromium at ${executablePath} could not be started (${first.slice(0, 200)}), so pages built by scripts cannot be rendered.`, { cause: err });
    };
    let browser: Browser;
    try {
      // Loaded on first use: a job that renders nothing never pays for it.
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        timeout: this.options.launchTimeoutMs ?? 15_000,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (err) {
      throw unavailable(err);
    }
    let session: ChromiumSession;
    try {
      // One incognito context for the whole run: no profile on disk, and its routes set once.
      const context = await browser.newContext({ acceptDownloads: false, serviceWorkers: 'block', javaScriptEnabled: true, bypassCSP: false });
      session = new ChromiumSession(browser, context, this.options);
      await session.intercept();
      // The first tab starts a renderer process, the slowest step after the launch: part of
      // starting the browser, not of the first page's render time.
      await session.warm();
    } catch (err) {
      await browser.close().catch(() => undefined);
      throw unavailable(err);
    }
    if (options.signal?.aborted) await session.close();
    else options.signal?.addEventListener('abort', () => void session.close(), { once: true });
    return session;
  }
}

interface Traffic {
  inFlight: number;
  last: number;
}

class ChromiumSession implements RenderSession {
  private closed: Promise<void> | undefined;
  /** Ends the requests in flight when the session closes. */
  private readonly stop = new AbortController();
  /** When each tab's render must end: its requests get only the time left. */
  private readonly deadlines = new WeakMap<BrowserPage, number>();
  /** Requests in flight per tab's current render, and when the last one started or ended: "quiet" without Playwright's fixed 500 ms networkidle. */
  private readonly traffic = new WeakMap<BrowserPage, Traffic>();
  /** The document a tab is about to load, as the crawler already read it: not fetched twice. */
  private readonly documents = new WeakMap<BrowserPage, { url: string; html: string }>();
  /** Tabs whose last render ended cleanly, ready for the next one (a new tab costs a renderer process). */
  private readonly idle: BrowserPage[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly options: ChromiumRendererOptions,
  ) {}

  async intercept(): Promise<void> {
    await this.context.route('**/*', (route) => this.handle(route));
    await this.context.routeWebSocket(/.*/, (ws) => ws.close({ code: 1008, reason: 'provision does not open WebSockets' }));
  }

  /** Opens a tab ahead of the first render. */
  async warm(): Promise<void> {
    this.idle.push(await this.context.newPage());
  }

  private take(): Promise<BrowserPage> {
    return Promise.resolve(this.idle.pop() ?? this.context.newPage());
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    const url = request.url();
    const abort = (code: 'blockedbyclient' | 'failed' | 'timedout' | 'accessdenied'): Promise<void> => route.abort(code).catch(() => undefined);
    if (!/^https?:/i.test(url) || SKIPPED_TYPES.has(request.resourceType())) return abort('blockedbyclient');
    let page: BrowserPage | undefined;
    try {
      page = request.frame().page();
    } catch {
      // A worker's request has no frame: it gets the longest time a render may take.
    }
    const document = page && this.documents.get(page);
    if (page && document && document.url === url && request.isNavigationRequest() && request.frame() === page.mainFrame() && request.method() === 'GET') {
      // Once: a reload, or a script navigating to the same address, fetches it for real.
      this.documents.delete(page);
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: document.html }).catch(() => undefined);
    }
    const left = ((page && this.deadlines.get(page)) ?? Date.now() + 15_000) - Date.now();
    if (left <= 0 || this.stop.signal.aborted) return abort('timedout');
    const traffic = page ? this.traffic.get(page) : undefined;
    if (traffic) {
      traffic.inFlight++;
      traffic.last = Date.now();
    }
    try {
      const body = request.postDataBuffer();
      const res = await this.options.fetcher.fetchResource(url, {
        method: request.method(),
        headers: flatHeaders(await request.allHeaders(), DROPPED_REQUEST_HEADERS),
        ...(body ? { body } : {}),
        signal: this.stop.signal,
        timeoutMs: left,
      });
      await route.fulfill({ status: res.status, headers: flatHeaders(res.headers, DROPPED_RESPONSE_HEADERS), body: res.body }).catch(() => undefined);
    } catch (err) {
      if (err instanceof ProvisionError && err.code === 'blocked_address') {
        this.options.onRefused?.(url, err.message);
        return abort('accessdenied');
      }
      return abort(err instanceof ProvisionError && err.code === 'timeout' ? 'timedout' : 'failed');
    } finally {
      if (traffic) {
        traffic.inFlight--;
        traffic.last = Date.now();
      }
    }
  }

  /** Waits until the tab's render has had no request in flight for QUIET_MS, or `ms` passed. */
  private async quiet(traffic: Traffic, ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (traffic.inFlight === 0 && Date.now() - traffic.last >= QUIET_MS) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async render(url: string, options: { timeoutMs: number; signal?: AbortSignal; html?: string }): Promise<Page> {
    if (this.closed) throw new Error('the browser was closed');
    const deadline = Date.now() + options.timeoutMs;
    let page: BrowserPage | undefined;
    let ended = false;
    let clean = false;
    const onAbort = (): void => void page?.close().catch(() => undefined);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // Everything below is bounded by the deadline, including opening a tab and reading the DOM
      // of a page whose script never yields.
      return await within(
        (async () => {
          const tab = await this.take();
          page = tab;
          if (ended) {
            void tab.close().catch(() => undefined);
            throw new Error('render abandoned');
          }
          const traffic: Traffic = { inFlight: 0, last: Date.now() };
          this.deadlines.set(tab, deadline);
          this.traffic.set(tab, traffic);
          if (options.html === undefined) this.documents.delete(tab);
          else this.documents.set(tab, { url, html: options.html });
          const response = await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1, deadline - Date.now()) });
          // Scripts that run have until the page is quiet (bounded) to write; a document without
          // any is complete once parsed.
          const settle = Math.min(SETTLE_MS, deadline - Date.now());
          if (settle > 0 && (await tab.evaluate((selector) => document.querySelector(selector) !== null, `${RUNS_SCRIPTS}, [onload]`))) await this.quiet(traffic, settle);
          const html = await tab.content();
          clean = true;
          return { url: tab.url(), status: response?.status() ?? 200, contentType: 'text/html', html };
        })(),
        options.timeoutMs,
        `${url} did not render within ${options.timeoutMs / 1000} s`,
      );
    } finally {
      ended = true;
      options.signal?.removeEventListener('abort', onAbort);
      if (page) {
        this.documents.delete(page);
        // A tab that rendered cleanly serves the next render; one that stalled is closed, not
        // awaited (its close must not stretch the render past its limit; the session's close
        // waits for everything).
        if (clean && !this.closed && !options.signal?.aborted) this.idle.push(page);
        else void page.close().catch(() => undefined);
      }
    }
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.stop.abort();
      // Closes the context and its tabs with it.
      await this.browser.close().catch(() => undefined);
    })();
    return this.closed;
  }
}
