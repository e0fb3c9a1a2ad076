import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startStatusService } from '../src/app/serve.js';
import { parseServerEnv } from '../src/config/env.js';
import { silentLogger } from '../src/logging/logger.js';
import { tempDir } from './helpers/tmp.js';
import { until } from './helpers/wait.js';


describe('local launcher through the trigger', () => {
  it('runs at most N jobs at once, queues the rest, and cancel really stops a running job', async () => {
    // A site that never answers keeps every job inside `research`.
    const stall = createServer(() => undefined);
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(stall.address() as AddressInfo).port}/`;
    const stateDir = tempDir();
    const service = await startStatusService({
      env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: stateDir, PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_LOCAL_CONCURRENCY: '2', PROVISION_RECONCILE_MS: '0' }),
      logger: silentLogger,
      sweepMs: 0,
    });
    const post = async (path: string, body?: unknown): Promise<{ status: number; json: { jobId: string } }> => {
      const res = await fetch(`${service.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      return { status: res.status, json: (await res.json()) as { jobId: string } };
    };
    try {
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await post('/jobs', { url })).json.jobId);
      const [a, b, c] = ids as [string, string, string];
      await until('two jobs running', async () => ((await service.store.get(a))?.status === 'running' && (await service.store.get(b))?.status === 'running' ? true : undefined));
      assert.equal((await service.launcher.status(c)).state, 'queued');
      assert.equal((await service.store.get(c))?.status, 'queued');

      const t0 = Date.now();
      assert.equal((await post(`/jobs/${a}/cancel`)).status, 202);
      const cancelled = await until('job a cancelled', async () => ((await service.store.get(a))?.status === 'cancelled' ? await service.store.get(a) : undefined));
      assert.ok(Date.now() - t0 < 10_000, 'stopped within 10 s');
      assert.equal(cancelled.stages[0]?.error?.code, 'cancelled');
      await until('job c started', async () => ((await service.launcher.status(c)).state === 'running' ? true : undefined));
      assert.ok(existsSync(join(stateDir, 'jobs', a, 'process.log')), 'the job process output is kept');

      // A queued job is cancelled without ever starting.
      const d = (await post('/jobs', { url })).json.jobId;
      assert.equal((await service.launcher.status(d)).state, 'queued');
      await post(`/jobs/${d}/cancel`);
      assert.equal((await service.store.get(d))?.status, 'cancelled');
    } finally {
      await service.close();
      stall.closeAllConnections();
      stall.close();
    }
  });
});
