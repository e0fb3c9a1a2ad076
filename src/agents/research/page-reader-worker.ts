// The page reader's thread (page-reader.ts): reads pages into their signals with jsdom, which
// only this thread loads.
import { parentPort } from 'node:worker_threads';
import { extractSignals } from './extract.js';

export interface ReadRequest {
  id: number;
  url: string;
  html: string;
}

export type ReadReply = { id: number; signals: ReturnType<typeof extractSignals> } | { id: number; error: { message: string; stack?: string } } | { ready: true };

parentPort?.on('message', ({ id, url, html }: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { id, signals: extractSignals(url, html) };
  } catch (err) {
    reply = { id, error: { message: (err as Error).message, ...((err as Error).stack ? { stack: (err as Error).stack } : {}) } };
  }
  parentPort?.postMessage(reply);
});
// jsdom is loaded (a static import of extract.ts): pages are read from now on without waiting.
parentPort?.postMessage({ ready: true } satisfies ReadReply);
