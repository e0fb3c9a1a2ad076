// Benchmark: trigger responsiveness while jobs run. Starts `provision serve` (local launcher,
// 2 jobs at a time), starts 2 real jobs on a bundled sample site, then sends 200 concurrent
// POST /jobs and 200 concurrent GET /jobs and prints p50, p99 and max latency of each.
// Usage: npm run bench:trigger [-- --requests 200]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serveSample } from '../src/samples/serve-site.js';
import { startServeProcess } from './serve-process.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' } } });
const n = Number(values.requests);
const stateDir = mkdtempSync(join(tmpdir(), 'provision-bench-trigger-'));

function stats(label: string, xs: number[]): void {
  const s = [...xs].sort((a, b) => a - b);
  const p = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  console.log(`${label.padEnd(34)} p50 ${p(0.5).toFixed(1).padStart(6)} ms   p99 ${p(0.99).toFixed(1).padStart(6)} ms   max ${(s.at(-1) ?? 0).toFixed(1).padStart(6)} ms`);
}

const site = await serveSample('northwind-outfitters');
const service = await startServeProcess(stateDir, { PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_LOCAL_CONCURRENCY: '2', PROVISION_TRIGGER_RATE_LIMIT: '100000' });
const url = service.url;

async function timed(method: string, path: string, body?: unknown): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status };
}

try {
  // Two real jobs, large enough (scale 8) to keep both cores busy during the measurement.
  for (let i = 0; i < 2; i++) await timed('POST', '/jobs', { url: site.url, options: { scale: 8 } });
  await new Promise((r) => setTimeout(r, 2000));
  const posts = await Promise.all(Array.from({ length: n }, (_, i) => timed('POST', '/jobs', { url: `${site.url}?company=${i}` })));
  const gets = await Promise.all(Array.from({ length: n }, () => timed('GET', '/jobs?limit=50')));
  const running = ((await (await fetch(`${url}/jobs?status=running`)).json()) as { jobs: unknown[] }).jobs.length;
  console.log(`trigger benchmark: ${n} concurrent requests each, ${running} jobs running meanwhile (local launcher, 2 at a time)`);
  stats(`POST /jobs (${posts.filter((p) => p.status === 202).length}/${n} accepted)`, posts.map((p) => p.ms));
  stats(`GET /jobs (${gets.filter((g) => g.status === 200).length}/${n} ok)`, gets.map((g) => g.ms));
  console.log('target: p99 under 100 ms');
} finally {
  await service.stop();
  await site.close();
  rmSync(stateDir, { recursive: true, force: true });
}
