// Benchmark: phase events through the local path.
//  1. publish-to-visible latency: OutboxPublisher in this process -> `provision serve` (a child
//     process) -> SQLite; visible = the event id is in the job's state, read from a second connection.
//  2. push-endpoint throughput and latency: concurrent POST /pubsub/push.
// Usage: npm run bench:events [-- --events 5000 --concurrency 32 --latency-events 300]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '../src/logging/logger.js';
import { OutboxPublisher } from '../src/notify/outbox-publisher.js';
import { toPushEnvelope } from '../src/notify/push-envelope.js';
import { SqliteStatusStore } from '../src/status/sqlite-status-store.js';
import { startServeProcess } from './serve-process.js';
import { jobEvents } from '../test/helpers/events.js';

const { values } = parseArgs({ options: { events: { type: 'string', default: '5000' }, concurrency: { type: 'string', default: '32' }, 'latency-events': { type: 'string', default: '300' } } });

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}


const stateDir = mkdtempSync(join(tmpdir(), 'provision-bench-events-'));
const service = await startServeProcess(stateDir);
const reader = new SqliteStatusStore(join(stateDir, 'status.sqlite'));
try {
  // 1. Publish to visible.
  const publisher = new OutboxPublisher({ dir: join(stateDir, 'outbox'), pushUrl: `${service.url}/pubsub/push`, logger: silentLogger });
  const latencies: number[] = [];
  const latencyEvents = Number(values['latency-events']);
  let job = 0;
  while (latencies.length < latencyEvents) {
    for (const event of jobEvents(`latency-${job++}`)) {
      if (latencies.length >= latencyEvents) break;
      const t0 = performance.now();
      await publisher.publish(event);
      for (;;) {
        const state = await reader.get(event.jobId);
        if (state?.appliedEventIds.includes(event.eventId)) break;
        await new Promise((r) => setTimeout(r, 1));
      }
      latencies.push(performance.now() - t0);
    }
  }
  await publisher.close();
  console.log(`publish-to-visible (local outbox -> push -> SQLite), ${latencies.length} events:`);
  console.log(`  p50 ${pct(latencies, 50).toFixed(1)} ms   p95 ${pct(latencies, 95).toFixed(1)} ms   p99 ${pct(latencies, 99).toFixed(1)} ms   max ${Math.max(...latencies).toFixed(1)} ms   (target p95 < 250 ms)`);

  // 2. One push at a time: what applying an event costs, queueing aside.
  const single: number[] = [];
  for (let j = 0; single.length < 1000; j++) {
    for (const e of jobEvents(`sequential-${j}`)) {
      const s = performance.now();
      const res = await fetch(`${service.url}/pubsub/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(toPushEnvelope(e)) });
      await res.arrayBuffer();
      single.push(performance.now() - s);
    }
  }
  console.log(`push endpoint, one request at a time, ${single.length} events:`);
  console.log(`  p50 ${pct(single, 50).toFixed(1)} ms   p99 ${pct(single, 99).toFixed(1)} ms   (target p99 < 20 ms)`);

  // 3. Push-endpoint throughput.
  const total = Number(values.events);
  const concurrency = Number(values.concurrency);
  const bodies: string[] = [];
  for (let j = 0; bodies.length < total; j++) for (const e of jobEvents(`throughput-${j}`)) if (bodies.length < total) bodies.push(JSON.stringify(toPushEnvelope(e)));
  const requestMs: number[] = [];
  let next = 0;
  let failures = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++] as string;
        const s = performance.now();
        const res = await fetch(`${service.url}/pubsub/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.arrayBuffer();
        if (res.status !== 204) failures++;
        requestMs.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(`push endpoint, ${total} events, ${concurrency} concurrent, one server process:`);
  console.log(`  ${(total / seconds).toFixed(0)} events/s   request p50 ${pct(requestMs, 50).toFixed(1)} ms   p99 ${pct(requestMs, 99).toFixed(1)} ms   failures ${failures}   (target >= 2,000 events/s)`);
} finally {
  await reader.close();
  await service.stop();
  setTimeout(() => rmSync(stateDir, { recursive: true, force: true }), 500);
}
