import type { Page } from '../http/page-fetcher.js';

/**
 * Loads pages in a headless browser so their scripts can write the text a static read misses.
 * One session per stage run: `open` starts the browser, `close` ends it. Every request a page
 * makes goes through the crawler's guards (address policy, size and time limits).
 */
export interface PageRenderer {
  /** Starts a browser. Rejects with RendererUnavailableError when none can be started. */
  open(options?: { signal?: AbortSignal }): Promise<RenderSession>;
}

export interface RenderSession {
  /**
   * Loads `url`, lets its scripts run for at most `timeoutMs`, and returns the document as it
   * then stands (serialized HTML). Rejects when the page could not be loaded at all. `html` is
   * the document at `url` as already read: the browser starts from it instead of fetching it again.
   */
  render(url: string, options: { timeoutMs: number; signal?: AbortSignal; html?: string }): Promise<Page>;
  /** Ends the browser; safe to call twice. */
  close(): Promise<void>;
}

/**
 * No browser could be started (none installed, or it failed to launch). Research goes on with
 * the static read, so this is a warning for the user, never a stage failure: not a ProvisionError.
 */
export class RendererUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RendererUnavailableError';
  }
}
