import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { RunSummarySchema } from '../src/pipeline/summary.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

describe('cancellation', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} during a stage cancels the job, records it, and exits promptly`, async () => {
      // A site that never answers keeps the job inside `research` until the signal comes.
      const server = createServer(() => undefined);
      const fetching = new Promise<void>((resolve) => server.once('request', () => resolve()));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const stateDir = tempDir();
      let pid = 0;
      let sentAt = 0;
      try {
        const pending = runCli(['run', url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'cancel-me'], { onSpawn: (p) => (pid = p) });
        // Signal once the job is inside the stage (its first fetch has arrived), not after a
        // fixed pause: on a busy machine the CLI can still be loading 1.5 s after the spawn,
        // and a signal then is the start-up case below, with its own budget.
        await Promise.race([fetching, pending.then((r) => assert.fail(`the CLI ended before fetching: ${r.stderr}`))]);
        sentAt = performance.now();
        process.kill(pid, signal);
        const run = await pending;
        const exitedIn = performance.now() - sentAt;
        assert.ok(exitedIn < 5000, `exited ${exitedIn.toFixed(0)} ms after ${signal}`);
        assert.equal(run.code, 2, run.stderr);
        const summary = RunSummarySchema.parse(JSON.parse(run.stdout));
        assert.equal(summary.status, 'cancelled');
        assert.equal(summary.error?.code, 'cancelled');
        assert.equal(summary.stages[0]?.status, 'failed');
        const status = await runCli(['status', 'cancel-me', '--json', '--state-dir', stateDir]);
        assert.equal((JSON.parse(status.stdout) as { status: string }).status, 'cancelled');
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });
  }

  it('a SIGTERM that comes while the CLI is still loading is not lost: the process ends promptly, never after the 9 s backstop', async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    let pid = 0;
    try {
      const pending = runCli(['run', url, '--json', '--allow-private-network', '--state-dir', tempDir(), '--job-id', 'cancel-early'], { onSpawn: (p) => (pid = p) });
      // Long enough for bin/ to listen, too short for the sources to have loaded.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const sentAt = performance.now();
      process.kill(pid, 'SIGTERM');
      const run = await pending;
      const exitedIn = performance.now() - sentAt;
      assert.ok(exitedIn < 6000, `exited ${exitedIn.toFixed(0)} ms after SIGTERM`);
      // Killed outright before bin/ listened, or a cancelled job: never a job that ran on.
      if (run.code !== null) {
        assert.equal(run.code, 2, run.stderr);
        assert.equal(RunSummarySchema.parse(JSON.parse(run.stdout)).status, 'cancelled');
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
