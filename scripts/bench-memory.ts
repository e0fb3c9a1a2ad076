// Benchmark: what a `provision run` costs a container in memory. Runs the job binary as a child
// process on the bundled sample site at a scale (default 100), and samples every 250 ms the
// child's resident memory (VmRSS; VmHWM, the kernel's own peak, at the end) and the bytes its
// job folder holds on disk: on Cloud Run the disk is memory too (2 GiB in jobs.yaml), so the
// container's footprint is about the two together. Prints figures; it is not a test.
// Usage: node --import tsx scripts/bench-memory.ts [--scale 100]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveSample } from '../src/samples/serve-site.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '100' }, keep: { type: 'boolean', default: false } } });
const BIN = fileURLToPath(new URL('../bin/provision.js', import.meta.url));
const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`;

/** Resident and peak resident memory of a process, in bytes, from /proc. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Bytes under a directory (files only). */
function du(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    try {
      total += e.isDirectory() ? du(p) : statSync(p).size;
    } catch {
      // removed while we looked
    }
  }
  return total;
}

const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
const site = await serveSample('northwind-outfitters');
const stateDir = mkdtempSync(join(tmpdir(), 'bench-memory-'));
try {
  const args = [BIN, 'run', site.url, '--json', '--allow-private-network', '--state-dir', stateDir, '--job-id', 'bench-memory', '--scale', values.scale ?? '100', '--strategy', 'heuristic'];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, PROVISION_LOG: 'file' } });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  let peakRss = 0;
  let peakHwm = 0;
  let peakDisk = 0;
  let peakSum = 0;
  // Which stage each sample falls in, from the job's own log (`stage.started` lines).
  const logFile = join(stateDir, 'jobs', 'bench-memory', 'logs.jsonl');
  let logRead = 0;
  let stage = 'start';
  const perStage = new Map<string, { rss: number; disk: number; sum: number }>();
  const currentStage = (): string => {
    try {
      const text = readFileSync(logFile, 'utf8');
      for (const line of text.slice(logRead).split('\n')) {
        const m = /"type":"stage\.started"/.test(line) ? /"stage":"([a-z]+)"/.exec(line) : null;
        if (m?.[1]) stage = m[1];
      }
      logRead = text.lastIndexOf('\n') + 1;
    } catch {
      // not written yet
    }
    return stage;
  };
  const sample = (): void => {
    const m = child.pid ? memoryOf(child.pid) : undefined;
    const disk = du(join(stateDir, 'jobs'));
    const at = currentStage();
    const p = perStage.get(at) ?? { rss: 0, disk: 0, sum: 0 };
    if (m) {
      peakRss = Math.max(peakRss, m.rss);
      peakHwm = Math.max(peakHwm, m.hwm);
      peakSum = Math.max(peakSum, m.rss + disk);
      p.rss = Math.max(p.rss, m.rss);
      p.sum = Math.max(p.sum, m.rss + disk);
    }
    p.disk = Math.max(p.disk, disk);
    perStage.set(at, p);
    peakDisk = Math.max(peakDisk, disk);
  };
  const timer = setInterval(sample, 250);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const summary = JSON.parse(stdout || '{}') as { error?: { code: string; message: string; stage?: string }; status?: string; dataset?: { tables: Array<{ rows: number }> }; stages?: Array<{ id: string; durationMs: number }> };
  const rows = (summary.dataset?.tables ?? []).reduce((n, t) => n + t.rows, 0);
  console.log(`provision run --scale ${values.scale}: exit ${code}, ${summary.status ?? 'no summary'}, ${rows.toLocaleString('en-US')} rows, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`peak RSS ${mb(Math.max(peakRss, peakHwm))} (kernel high-water mark ${mb(peakHwm)}); job files on disk at most ${mb(peakDisk)} (the warehouse file is apart); RSS + job files at most ${mb(peakSum)}`);
  if (summary.error) console.log(`error in ${summary.error.stage ?? '?'}: ${summary.error.code}: ${summary.error.message}`);
  for (const s of summary.stages ?? []) {
    const p = perStage.get(s.id);
    console.log(`  ${s.id.padEnd(10)} ${(s.durationMs / 1000).toFixed(2).padStart(7)} s${p ? `   peak RSS ${mb(p.rss).padStart(8)}, job files ${mb(p.disk).padStart(8)}, together ${mb(p.sum).padStart(8)}` : ''}`);
  }
  console.log(`load average before ${loadBefore}, after ${loadavg().map((x) => x.toFixed(2)).join(' ')} (2 cores shared: wall times are not the machine's own)`);
} finally {
  await site.close();
  if (!values.keep) rmSync(stateDir, { recursive: true, force: true });
}
