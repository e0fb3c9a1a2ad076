#!/usr/bin/env node
// The CLI entry. It runs the TypeScript sources from their bundle (bin/bundle.js, rebuilt
// whenever a source changes), or through tsx where no bundle can be built.
import { loadMain } from './bundle.js';

// A stop request must end the process within Cloud Run's 10 s grace period: the job aborts,
// reports and flushes on its own; this is the backstop if something hangs.
// A signal that comes while the sources still load is not lost: the job starts already cancelled.
const stop = new AbortController();
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    stop.abort();
    setTimeout(() => process.exit(signal === 'SIGTERM' ? 143 : 130), 9_000).unref();
  });
}
const main = await loadMain();
const code = await main(process.argv.slice(2), { signal: stop.signal });
// Exit explicitly: a stray handle must never keep a finished job's container alive.
process.exit(code);
