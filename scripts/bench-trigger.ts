// Benchmark: trigger responsiveness while jobs run. Starts `provision serve` (local launcher,
// 2 jobs at a time), starts 2 real jobs on a bundled sample site, then sends 200 concurrent
// POST /jobs and 200 concurrent GET /jobs and prints p50, p99 and max latency of each.
// The client is node:http, not fetch: on a 2-core machine that also runs 2 jobs, fetch spent about
// three times the server's CPU per request, and the figures measured the client more than the server.
// The server's own CPU per request is printed too (from /proc), so the two can be told apart.
// Usage: npm run bench:trigger [-- --requests 200 --bursts 3]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serveSample } from '../src/samples/serve-site.js';
import { startServeProcess } from './serve-process.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' }, bursts: { type: 'string', default: '3' } } });
const n = Number(values.requests);
const bursts = Number(values.bursts);
const stateDir = mkdtempSync(join(tmpdir(), 'provision-bench-trigger-'));

function stats(label: string, xs: number[]): void {
  const s = [...xs].sort((a, b) => a - b);
  const p = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  console.log(`${label.padEnd(34)} p50 ${p(0.5).toFixed(1).padStart(6)} ms   p99 ${p(0.99).toFixed(1).padStart(6)} ms   max ${(s.at(-1) ?? 0).toFixed(1).padStart(6)} ms`);
}

const site = await serveSample('northwind-outfitters');
const service = await startServeProcess(stateDir, { PROVISION_ALLOW_PRIVATE_NETWORK: '1', PROVISION_LOCAL_CONCURRENCY: '2', PROVISION_TRIGGER_RATE_LIMIT: '100000' });
const url = service.url;

/** One request on a fresh connection (like 200 different clients), timed to the end of the response. */
function timed(method: string, path: string, body?: unknown): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(`${url}${path}`, { method, headers: { 'content-type': 'application/json', ...(data ? { 'content-length': Buffer.byteLength(data) } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** CPU milliseconds (user + system) a process has used, from /proc; undefined where there is none. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

try {
  // Two real jobs, large enough (scale 8) to keep both cores busy during the measurement.
  for (let i = 0; i < 2; i++) await timed('POST', '/jobs', { url: site.url, options: { scale: 8 } });
  await new Promise((r) => setTimeout(r, 2000));
  for (let b = 0; b < bursts; b++) {
    const before = cpuMs(service.pid);
    const posts = await Promise.all(Array.from({ length: n }, (_, i) => timed('POST', '/jobs', { url: `${site.url}?company=${b}-${i}` })));
    const used = cpuMs(service.pid);
    const gets = await Promise.all(Array.from({ length: n }, () => timed('GET', '/jobs?limit=50')));
    const running = ((await (await fetch(`${url}/jobs?status=running`)).json()) as { jobs: unknown[] }).jobs.length;
    console.log(`burst ${b + 1}${b === 0 ? ' (cold server)' : ''}: ${n} concurrent requests each, ${running} jobs running meanwhile (local launcher, 2 at a time)${before !== undefined && used !== undefined ? `; server CPU ${((used - before) / n).toFixed(2)} ms per POST` : ''}`);
    stats(`POST /jobs (${posts.filter((p) => p.status === 202).length}/${n} accepted)`, posts.map((p) => p.ms));
    stats(`GET /jobs (${gets.filter((g) => g.status === 200).length}/${n} ok)`, gets.map((g) => g.ms));
  }
  console.log('target: p99 under 100 ms');
} finally {
  await service.stop();
  await site.close();
  rmSync(stateDir, { recursive: true, force: true });
}
