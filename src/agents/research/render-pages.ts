import type { Page } from '../../http/page-fetcher.js';
import type { Logger } from '../../logging/logger.js';
import type { RenderMode } from '../../pipeline/job-spec.js';
import { RendererUnavailableError, type PageRenderer, type RenderSession } from '../../render/page-renderer.js';
import type { PageSignals } from './extract.js';
import { readPage } from './page-reader.js';

/** Below this many words of visible text a page is read again in a browser (auto mode). */
export const THIN_PAGE_WORDS = 40;
/** An app's empty mount point: the page is a JavaScript shell whatever else it carries. */
const SHELL_ROOT = /<(div|main|section)\b[^>]*\bid\s*=\s*["']?(root|app|__next|___gatsby|__nuxt|svelte|main-app|react-root)\b["']?[^>]*>\s*<\/\1>/i;
/** Past this many words an empty mount point is decoration (a widget), not the whole page. */
const SHELL_MAX_WORDS = 150;
/** Renders that added nothing, after which auto mode stops trying (a site whose scripts cannot run here). */
const FRUITLESS_RENDERS = 2;
/** Pages rendered at once in the one browser: rendering is CPU work. */
const RENDER_CONCURRENCY = 2;

/** A script element's type that a browser runs: none, a JavaScript MIME type, or a module. */
const SCRIPT_TYPE = /^\s*(?:module|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/jscript|text\/livescript)?\s*(?:;.*)?$/i;
const SCRIPT_TAG = /<script\b([^>]*)>/gi;
const TYPE_ATTR = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
/** An inline event handler on an element (`<body onload="…">`). */
const HANDLER_ATTR = /<[a-z][^>]*\son[a-z]+\s*=/i;

/**
 * Whether a document as served runs any script: only then can a browser make it say more.
 * JSON-LD and other data blocks are not scripts; a page without scripts renders to itself.
 */
export function runsScripts(html: string): boolean {
  for (const m of html.matchAll(SCRIPT_TAG)) {
    const type = TYPE_ATTR.exec(m[1] ?? '');
    if (SCRIPT_TYPE.test(type ? (type[1] ?? type[2] ?? type[3] ?? '') : '')) return true;
  }
  return HANDLER_ATTR.test(html);
}

export function wordCount(signals: PageSignals): number {
  return signals.text ? signals.text.split(/\s+/).filter(Boolean).length : 0;
}

/** Whether auto mode reads a page again in a browser: too little text, or an empty app root. */
export function needsRender(signals: PageSignals, html: string): boolean {
  const words = wordCount(signals);
  return words < THIN_PAGE_WORDS || (words < SHELL_MAX_WORDS && SHELL_ROOT.test(html));
}

export interface RenderDeps {
  renderer?: PageRenderer;
  logger: Logger;
  /** Tells the user something that does not stop the stage (the stage context's `warn`). */
  warn?(message: string): void;
}

/**
 * The browser side of one crawl: decides which pages to render (in `always` mode every page that
 * runs a script; in `auto` mode those of them that also look script-built), starts the browser
 * on the first one (never when no page needs it), keeps the richer of the static and rendered
 * reads, gives up for the rest of the crawl when no browser can start or renders keep adding
 * nothing, and closes the browser at the end. A render that fails leaves the static read as it was.
 */
export class CrawlRendering {
  private session: Promise<RenderSession | undefined> | undefined;
  private disabled = false;
  private fruitless = 0;
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly deps: RenderDeps,
    private readonly mode: RenderMode,
    /** Longest render of one page. */
    private readonly pageTimeoutMs: number,
    /** Time left in the stage budget, in ms. */
    private readonly timeLeft: () => number,
    private readonly signal: AbortSignal,
  ) {}

  /** The static read, or the rendered one when the page needed it and rendering added text. */
  async improve(page: Page, signals: PageSignals): Promise<PageSignals> {
    if (this.mode === 'never' || !this.deps.renderer || this.disabled || this.signal.aborted) return signals;
    // A page that runs no script is the same in a browser, in either mode: the browser starts
    // for the first page whose scripts may write something.
    if (!runsScripts(page.html) || (this.mode === 'auto' && !needsRender(signals, page.html))) return signals;
    // Leave the budget's last half second for the pages already read to become a profile.
    const timeLeft = (): number => Math.min(this.pageTimeoutMs, this.timeLeft() - 500);
    if (timeLeft() < 500) return signals;
    await this.slot();
    try {
      const session = await this.open();
      // Measured after the browser started: its start is not the page's time.
      const timeoutMs = timeLeft();
      if (!session || this.signal.aborted || timeoutMs < 500) return signals;
      const rendered = await session.render(page.url, { timeoutMs, signal: this.signal, html: page.html });
      // The document as served decides the URL (evidence points at what a person can open).
      const richer = await readPage(page.url, rendered.html);
      if (wordCount(richer) > wordCount(signals)) {
        this.fruitless = 0;
        return richer;
      }
      this.noGain(page.url, 'rendering added no text');
      return signals;
    } catch (err) {
      if (this.signal.aborted) return signals;
      this.noGain(page.url, (err as Error).message);
      return signals;
    } finally {
      this.release();
    }
  }

  /** Ends the browser, if one was started. */
  async close(): Promise<void> {
    this.disabled = true;
    const session = await this.session?.catch(() => undefined);
    await session?.close();
  }

  private noGain(url: string, reason: string): void {
    this.deps.logger.warn('a rendered page added nothing; the page as served is used', { url, reason });
    if (this.mode === 'auto' && ++this.fruitless >= FRUITLESS_RENDERS) {
      this.disabled = true;
      this.deps.logger.info('stopped rendering: the last pages gained nothing from their scripts', { renders: this.fruitless });
    }
  }

  private open(): Promise<RenderSession | undefined> {
    this.session ??= (this.deps.renderer as PageRenderer).open({ signal: this.signal }).catch((err: unknown) => {
      this.disabled = true;
      if (!(err instanceof RendererUnavailableError)) throw err;
      this.deps.warn?.(`${err.message} Research goes on with the pages as served, without running their scripts.`);
      return undefined;
    });
    return this.session;
  }

  private async slot(): Promise<void> {
    while (this.active >= RENDER_CONCURRENCY) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}
