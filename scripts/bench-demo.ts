// Benchmark: the demo's wall time and per-stage times, over several runs.
// Usage: npm run bench [-- --runs 5 --site northwind-outfitters --scale 1]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RunSummarySchema } from '../src/pipeline/summary.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, site: { type: 'string', default: 'northwind-outfitters' }, scale: { type: 'string', default: '1' } } });
const runs = Number(values.runs);
const bin = fileURLToPath(new URL('../bin/provision.js', import.meta.url));
const bundler = fileURLToPath(new URL('../bin/bundle.js', import.meta.url));

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)] ?? 0;
  return `median ${median.toFixed(0).padStart(6)} ms   min ${(s[0] ?? 0).toFixed(0).padStart(6)} ms   max ${(s.at(-1) ?? 0).toFixed(0).padStart(6)} ms`;
}

console.log(`provision demo benchmark: ${runs} runs, site ${values.site}, scale ${values.scale}, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`);
const wall: number[] = [];
const pipeline: number[] = [];
const perStage = new Map<string, number[]>();
let rows = 0;
// The bundle is built before the timed runs (a user's `npm ci` builds it); PROVISION_BUNDLE=off
// times the sources through tsx instead.
const bundled = process.env.PROVISION_BUNDLE !== 'off';
if (bundled) {
  const build = spawnSync(process.execPath, [bundler], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bin/bundle.js failed:\n${build.stderr}`);
  console.log(`sources: ${build.stdout.trim().replace(/^bin\/bundle\.js: /, 'bundle ')}`);
} else console.log('sources: through tsx (PROVISION_BUNDLE=off)');
for (let i = 0; i < runs; i++) {
  const stateDir = mkdtempSync(join(tmpdir(), 'provision-bench-'));
  const started = performance.now();
  // The whole command as a user runs it: process start, loading the sources, the sample server, the pipeline.
  const run = spawnSync(process.execPath, [bin, 'demo', '--json', '--site', values.site, '--scale', values.scale, '--state-dir', stateDir], { encoding: 'utf8' });
  const ms = performance.now() - started;
  rmSync(stateDir, { recursive: true, force: true });
  if (run.status !== 0) {
    console.error(`run ${i + 1} failed (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
    process.exit(1);
  }
  const summary = RunSummarySchema.parse(JSON.parse(run.stdout));
  wall.push(ms);
  pipeline.push(summary.durationMs);
  rows = summary.dataset?.tables.reduce((n, t) => n + t.rows, 0) ?? 0;
  for (const s of summary.stages) perStage.set(s.id, [...(perStage.get(s.id) ?? []), s.durationMs]);
  console.log(`  run ${i + 1}: wall ${ms.toFixed(0)} ms, pipeline ${summary.durationMs.toFixed(0)} ms, ${summary.goldenQueries?.passed}/${summary.goldenQueries?.total} golden queries`);
}
console.log(`\nrows loaded per run: ${rows.toLocaleString('en-US')}`);
console.log(`wall time (provision demo, whole process)  ${stats(wall)}`);
console.log(`pipeline (7 stages, from the summary)      ${stats(pipeline)}`);
for (const [id, xs] of perStage) console.log(`  ${id.padEnd(10)}                              ${stats(xs)}`);
console.log('\ntarget: wall time under 3 s on a 2-core machine (the first run after a source edit also rebuilds the bundle, bin/bundle.js)');
