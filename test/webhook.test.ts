import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createLogger, type LogEntry } from '../src/logging/logger.js';
import { DirectPublisher } from '../src/notify/direct-publisher.js';
import { DELIVERY_HEADER, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook, WebhookNotifier } from '../src/notify/webhook.js';
import { SqliteStatusStore } from '../src/status/sqlite-status-store.js';
import { jobEvents } from './helpers/events.js';
import { tempDir } from './helpers/tmp.js';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"jobId":"j1","status":"completed"}';
  const now = Date.UTC(2026, 10, 25, 8, 0, 0);
  const ts = Math.floor(now / 1000);
  it('verifies what was signed, and nothing else', () => {
    const signature = signWebhook(secret, ts, body);
    assert.match(signature, /^v1=[0-9a-f]{64}$/);
    assert.equal(verifyWebhook(secret, { signature, timestamp: String(ts) }, body, now), true);
    assert.equal(verifyWebhook(secret, { signature, timestamp: String(ts) }, body.replace('completed', 'failed'), now), false);
    assert.equal(verifyWebhook('other', { signature, timestamp: String(ts) }, body, now), false);
    assert.equal(verifyWebhook(secret, { signature, timestamp: String(ts + 1) }, body, now), false);
  });
  it('rejects stale timestamps (replays)', () => {
    const old = ts - 600;
    assert.equal(verifyWebhook(secret, { signature: signWebhook(secret, old, body), timestamp: String(old) }, body, now), false);
  });
});

describe('webhook delivery', () => {
  it('posts a signed notice when the job ends, retrying until the receiver accepts', async () => {
    const secret = 'whsec_delivery';
    const attempts: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        attempts.push({ headers: req.headers, body });
        // The receiver fails twice before it accepts.
        res.writeHead(attempts.length < 3 ? 500 : 200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/provision`;
    const logs: LogEntry[] = [];
    const notifier = new WebhookNotifier({ secret, logger: createLogger([(e) => logs.push(e)]), allowPrivateNetwork: true, minBackoffMs: 20 });
    const store = new SqliteStatusStore(join(tempDir(), 'status.sqlite'));
    const publisher = new DirectPublisher(store, notifier.afterApply.bind(notifier));
    try {
      const events = jobEvents('hook-job', { callbackUrl });
      for (const e of events) await publisher.publish(e);
      // A redelivered terminal event does not send a second notice.
      await publisher.publish(events.at(-1)!);
      await notifier.flush();
      assert.equal(attempts.length, 3);
      const last = attempts[2]!;
      const payload = JSON.parse(last.body) as { jobId: string; status: string };
      assert.deepEqual([payload.jobId, payload.status], ['hook-job', 'completed']);
      assert.equal(last.headers[DELIVERY_HEADER], events.at(-1)!.eventId);
      assert.ok(verifyWebhook(secret, { signature: String(last.headers[SIGNATURE_HEADER]), timestamp: String(last.headers[TIMESTAMP_HEADER]) }, last.body));
      assert.ok(logs.some((l) => l.message === 'webhook delivered'));
    } finally {
      receiver.close();
      await store.close();
    }
  });

  it('refuses callback URLs on private addresses unless allowed', async () => {
    const logs: LogEntry[] = [];
    const notifier = new WebhookNotifier({ secret: 's', logger: createLogger([(e) => logs.push(e)]), allowPrivateNetwork: false, attempts: 1 });
    const store = new SqliteStatusStore(join(tempDir(), 'status.sqlite'));
    try {
      const publisher = new DirectPublisher(store, notifier.afterApply.bind(notifier));
      for (const e of jobEvents('hook-ssrf', { callbackUrl: 'http://169.254.169.254/latest/meta-data/' })) await publisher.publish(e);
      for (const e of jobEvents('hook-ssrf-name', { callbackUrl: 'http://localhost:9/hook' })) await publisher.publish(e);
      await notifier.flush();
      assert.ok(logs.some((l) => l.severity === 'ERROR' && /cloud metadata service/.test(l.message)), JSON.stringify(logs));
      assert.ok(logs.some((l) => /blocked addresses/.test(l.message)), JSON.stringify(logs));
    } finally {
      await store.close();
    }
  });
});
