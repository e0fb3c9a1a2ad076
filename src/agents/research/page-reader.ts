import { Worker } from 'node:worker_threads';
import type { PageSignals } from './extract.js';
import type { ReadReply, ReadRequest } from './page-reader-worker.js';

/**
 * Reads pages into their signals (extract.ts) on a worker thread.
 *
 * jsdom is the largest part of a job's start-up: about 0.7 s on one core to load its ~800
 * CommonJS modules (jsdom, cssstyle, css-tree, undici), and research then parses every page
 * with it. The job process starts this thread first thing (`warmPageReader`), so jsdom loads on
 * the second core while the main thread loads the rest of the job, and pages are parsed there
 * while the crawler fetches the next ones. The main thread never loads jsdom, unless no worker
 * can start or one dies: then pages are read on the main thread, as before, with the same
 * result. A thread idle for a minute ends and frees its memory (about 100 MB, measured here
 * after reading the demo's pages); it starts again on the next read.
 */
const IDLE_MS = 60_000;

/** The thread failed (could not start, or died): not the page's fault. */
class ReaderThreadError extends Error {}

function startWorker(): Worker {
  // In the CLI bundle, the worker is the bundle's own entry. From the sources, the thread
  // registers tsx for itself: Node 20 does not apply a process's `--import tsx` to a worker's
  // entry module.
  if (import.meta.bundleUrl) return new Worker(new URL('./page-reader-worker.js', import.meta.bundleUrl));
  const entry = new URL('./page-reader-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

async function inThisThread(url: string, html: string): Promise<PageSignals> {
  const { extractSignals } = await import('./extract.js');
  return extractSignals(url, html);
}

export class PageReader {
  /** `startThread`: how its thread starts (tests give one that fails). */
  constructor(private readonly startThread: () => Worker = startWorker) {}

  private worker: Worker | undefined;
  /** The thread could not start or died: read on this thread from now on. */
  private broken = false;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (s: PageSignals) => void; reject: (e: Error) => void }>();
  private idle: NodeJS.Timeout | undefined;
  private ready: Promise<void> = Promise.resolve();

  /**
   * Starts the thread (jsdom loads there meanwhile); no-op when it runs or cannot. Resolves when
   * the thread can read pages at once, or when pages will be read on this thread.
   */
  start(): Promise<void> {
    if (this.worker || this.broken) return this.ready;
    let worker: Worker;
    try {
      worker = this.startThread();
    } catch {
      this.broken = true;
      return this.ready;
    }
    this.worker = worker;
    let becameReady = (): void => {};
    this.ready = new Promise((resolve) => (becameReady = resolve));
    worker.on('message', (reply: ReadReply) => {
      if ('ready' in reply) {
        becameReady();
        return this.settle();
      }
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('signals' in reply) waiting.resolve(reply.signals);
      else waiting.reject(Object.assign(new Error(reply.error.message), reply.error.stack ? { stack: reply.error.stack } : {}));
      this.settle();
    });
    const fail = (err: Error): void => {
      becameReady();
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.broken = true;
      for (const waiting of this.pending.values()) waiting.reject(new ReaderThreadError(err.message));
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the page reader's thread exited with code ${code}`)));
    // Referenced until it is ready: a process waiting for that must not exit meanwhile.
    return this.ready;
  }

  /** The page's signals, read on the thread (or on this one when there is none). */
  async read(url: string, html: string): Promise<PageSignals> {
    void this.start();
    const worker = this.worker;
    if (!worker) return inThisThread(url, html);
    clearTimeout(this.idle);
    // Kept referenced while a page is out: a process waiting only on it must not exit.
    worker.ref();
    const id = this.nextId++;
    try {
      return await new Promise<PageSignals>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        worker.postMessage({ id, url, html } satisfies ReadRequest);
      });
    } catch (err) {
      if (err instanceof ReaderThreadError) return inThisThread(url, html);
      throw err;
    }
  }

  /** Ends the thread now (it starts again on the next read). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    clearTimeout(this.idle);
    for (const waiting of this.pending.values()) waiting.reject(new ReaderThreadError('the page reader closed'));
    this.pending.clear();
    await worker?.terminate();
  }

  /** Idle: the thread does not keep the process alive, and ends after IDLE_MS. */
  private settle(): void {
    if (this.pending.size > 0 || !this.worker) return;
    this.worker.unref();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), IDLE_MS).unref();
  }
}

const reader = new PageReader();

/**
 * Starts the page reader's thread, so jsdom loads while the rest of the job does. Resolves when
 * pages can be read without waiting for it (tests that time research wait for this first).
 */
export function warmPageReader(): Promise<void> {
  return reader.start();
}

/** What the page says (extract.ts), read on the page reader's thread. */
export function readPage(url: string, html: string): Promise<PageSignals> {
  return reader.read(url, html);
}

/** Ends the page reader's thread (tests; a job's ends on its own when idle). */
export function closePageReader(): Promise<void> {
  return reader.close();
}
