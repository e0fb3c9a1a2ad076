import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startStatusService } from '../src/app/serve.js';
import { parseServerEnv } from '../src/config/env.js';
import { silentLogger } from '../src/logging/logger.js';
import { decodePush } from '../src/notify/push-envelope.js';
import { OutboxPublisher, readOutbox } from '../src/notify/outbox-publisher.js';
import type { PhaseEvent } from '../src/notify/phase-event.js';
import { RunSummarySchema } from '../src/pipeline/summary.js';
import { SqliteStatusStore } from '../src/status/sqlite-status-store.js';
import { serveSample } from '../src/samples/serve-site.js';
import { runCli } from './helpers/cli.js';
import { jobEvents } from './helpers/events.js';
import { tempDir } from './helpers/tmp.js';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe('local publisher outbox', () => {
  it('delivers in order once the subscriber comes back during the job', async () => {
    const port = await freePort();
    const received: PhaseEvent[] = [];
    const dir = tempDir();
    const publisher = new OutboxPublisher({ dir, pushUrl: `http://127.0.0.1:${port}/pubsub/push`, logger: silentLogger, minBackoffMs: 20, maxBackoffMs: 100 });
    const events = jobEvents('outbox-live');
    // The subscriber is down for the first half of the job.
    for (const e of events.slice(0, 10)) await publisher.publish(e);
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(readOutbox(dir, 'outbox-live').sent, 0);
    let failNext = 2;
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        // It also answers 503 twice while warming up.
        if (failNext-- > 0) return res.writeHead(503).end();
        const decoded = decodePush(JSON.parse(body));
        if (decoded.ok) received.push(decoded.event);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    try {
      for (const e of events.slice(10)) await publisher.publish(e);
      await publisher.flush();
      await publisher.close();
      assert.deepEqual(received.map((e) => e.seq), events.map((e) => e.seq), 'every event, once, in order');
      assert.equal(existsSync(join(dir, 'outbox-live.jsonl')), false, 'a delivered outbox is removed');
    } finally {
      server.close();
    }
  });

  it('a job whose status service is down completes, and every event arrives when the service starts', async () => {
    const stateDir = tempDir();
    const port = await freePort();
    const site = await serveSample('ledgerly');
    try {
      const run = await runCli(['run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'outbox-down'], {
        env: { PROVISION_PUSH_URL: `http://127.0.0.1:${port}/pubsub/push`, PROVISION_OUTBOX_FLUSH_TIMEOUT_MS: '300' },
      });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(RunSummarySchema.parse(JSON.parse(run.stdout)).status, 'completed');
      const left = readOutbox(join(stateDir, 'outbox'), 'outbox-down');
      assert.equal(left.sent, 0);
      assert.ok(left.events.length > 20);
      assert.ok(!existsSync(join(stateDir, 'status.sqlite')), 'the job did not write status itself');

      const service = await startStatusService({ env: parseServerEnv({ PORT: String(port), PROVISION_STATE_DIR: stateDir }), logger: silentLogger, sweepMs: 0 });
      try {
        const state = await service.store.get('outbox-down');
        assert.equal(state?.status, 'completed');
        assert.deepEqual(state?.stages.map((s) => s.status), Array(7).fill('completed'));
        assert.equal((await service.store.events('outbox-down', { limit: 1000 })).length, left.events.length);
        assert.deepEqual(readdirSync(join(stateDir, 'outbox')), [], 'the drained outbox is removed');
      } finally {
        await service.close();
      }
    } finally {
      await site.close();
    }
  });

  it('with the service up, the job reports through it and nothing stays in the outbox', async () => {
    const stateDir = tempDir();
    const service = await startStatusService({ env: parseServerEnv({ PORT: '0', PROVISION_STATE_DIR: stateDir }), logger: silentLogger, sweepMs: 0 });
    const site = await serveSample('northwind-outfitters');
    try {
      const run = await runCli(['run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'outbox-up', '--until', 'model'], {
        env: { PROVISION_PUSH_URL: `${service.url}/pubsub/push` },
      });
      assert.equal(run.code, 0, run.stderr);
      const state = await service.store.get('outbox-up');
      assert.equal(state?.status, 'completed');
      assert.equal(state?.meta.company, 'Northwind Outfitters');
      assert.ok((await service.store.artifacts('outbox-up')).research, 'the profile arrived as an artifact');
      assert.deepEqual(readdirSync(join(stateDir, 'outbox')), []);
    } finally {
      await site.close();
      await service.close();
    }
    // The status service used the same SQLite file a later `provision status` reads.
    const store = new SqliteStatusStore(join(stateDir, 'status.sqlite'));
    assert.equal((await store.get('outbox-up'))?.status, 'completed');
    await store.close();
  });
});
