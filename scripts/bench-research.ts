// Benchmark: research time per fixture site (and the bundled samples) on loopback.
// Usage: npm run bench:research [-- --runs 5 --site tallyform] [--failures [--fast-limits]]
//   --failures     also prints the failure table: each pathological case → code → time, with the
//                  product's limits (5 s connect, 15 s response, 30 s stage; about 40 s in all)
//   --fast-limits  the same with the tests' short limits (1 s / 1.5 s / 4 s)
// Target: under 1.5 s per site. Prints figures; never fails on them (STYLE.md: a benchmark is a script).
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createResearchStage } from '../src/agents/research/index.js';
import { ProvisionError } from '../src/core/errors.js';
import { GuardedFetcher, type FetchLimits } from '../src/http/guarded-fetcher.js';
import { startPathologicalServer, type PathologicalServer } from '../test/helpers/pathological-server.js';
import { LocalJobFiles } from '../src/files/local-job-files.js';
import { emptyUsage } from '../src/llm/llm.js';
import { silentLogger } from '../src/logging/logger.js';
import type { StageContext } from '../src/pipeline/context.js';
import { SAMPLE_SITES, serveSite, SITES_DIR } from '../src/samples/serve-site.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, site: { type: 'string' }, failures: { type: 'boolean', default: false }, 'fast-limits': { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(values.runs));
const FIXTURES = fileURLToPath(new URL('../test/fixtures/sites/', import.meta.url));
const TARGET_MS = 1_500;

const sites = [
  ...readdirSync(FIXTURES).sort().map((name) => ({ name, dir: join(FIXTURES, name) })),
  ...SAMPLE_SITES.map((name) => ({ name: `${name} (sample)`, dir: join(SITES_DIR, name) })),
].filter((s) => !values.site || s.name.startsWith(values.site));

function context(url: string, limits: Partial<FetchLimits> = {}): StageContext {
  return {
    job: { jobId: 'bench-research', url, attempt: 0, strategy: 'heuristic', warehouse: 'duckdb', scale: 1, allowPrivateNetwork: true, datasetName: 'bench', seed: 1 },
    http: new GuardedFetcher({ allowPrivateNetwork: true, limits }),
    warehouse: {} as Warehouse,
    files: {} as LocalJobFiles,
    clock: { now: () => new Date() },
    logger: silentLogger,
    signal: new AbortController().signal,
    progress: () => undefined,
    warn: () => undefined,
    trace: { usage: emptyUsage() },
  };
}

const research = createResearchStage();
console.log(`research benchmark: ${runs} runs per site, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), target < ${TARGET_MS} ms`);
console.log(`${'site'.padEnd(34)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}  pages  company / industry`);
let worst = 0;
for (const site of sites) {
  const served = await serveSite(site.dir);
  const times: number[] = [];
  let summary = '';
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const p = await research.run({ url: served.url }, context(served.url));
      times.push(performance.now() - started);
      summary = `${String(p.pages.length).padStart(5)}  ${p.name} / ${p.industry.id}`;
    }
  } finally {
    await served.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  worst = Math.max(worst, sorted.at(-1) ?? 0);
  const f = (ms: number): string => `${ms.toFixed(0)} ms`.padStart(8);
  console.log(`${site.name.padEnd(34)} ${f(median)} ${f(sorted[0] ?? 0)} ${f(sorted.at(-1) ?? 0)}  ${summary}${median > TARGET_MS ? '  ← over target' : ''}`);
}
console.log(`slowest single run: ${worst.toFixed(0)} ms (${worst < TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS} ms target)`);

if (values.failures) {
  const fast = values['fast-limits'];
  const limits: Partial<FetchLimits> = fast ? { connectTimeoutMs: 1_000, responseTimeoutMs: 1_500, retryBaseMs: 20, retryMaxMs: 100 } : {};
  const stage = createResearchStage(fast ? { budgetMs: 4_000 } : {});
  const cases: Array<[string, (s: PathologicalServer) => string]> = [
    ['404', (s) => `${s.origin}/not-found`],
    ['500 (2 retries)', (s) => `${s.origin}/server-error`],
    ['503 once, then 200', (s) => `${s.origin}/flaky`],
    ['redirect loop', (s) => `${s.origin}/redirect-loop`],
    ['redirect to 169.254.169.254', (s) => `${s.origin}/redirect-metadata`],
    ['binary content', (s) => `${s.origin}/binary`],
    ['PDF', (s) => `${s.origin}/pdf`],
    ['empty body', (s) => `${s.origin}/empty`],
    ['60 MB body', (s) => `${s.origin}/huge`],
    ['headers that never come', (s) => `${s.origin}/no-headers`],
    ['body drips 1 byte / 2 s', (s) => `${s.origin}/drip`],
    ['self-signed TLS', (s) => `${s.tlsOrigin}/`],
    ['connection refused (2 retries)', (s) => `${s.refusedOrigin}/`],
    ['robots.txt deny-all', (s) => `${s.denyAllOrigin}/`],
    ['JS-only shell, nothing usable', (s) => `${s.origin}/shell`],
    ['JS-only shell with meta/OG/JSON-LD', (s) => `${s.origin}/rich-shell`],
    ['page text with injection', (s) => `${s.origin}/injection`],
  ];
  const server = await startPathologicalServer();
  console.log(`\nfailure table (${fast ? 'test limits: 1 s connect, 1.5 s response, 4 s stage' : 'product limits: 5 s connect, 15 s response, 30 s stage, 5 MB'})`);
  console.log(`${'case'.padEnd(38)} ${'result'.padEnd(31)} ${'time'.padStart(9)}`);
  try {
    for (const [name, path] of cases) {
      const url = path(server);
      const started = performance.now();
      let result: string;
      try {
        const p = await stage.run({ url }, context(url, limits));
        result = `ok: ${p.name}`;
      } catch (err) {
        result = err instanceof ProvisionError ? `${err.code}${err.retryable ? ' (retryable)' : ''}` : `UNCLASSIFIED ${String(err)}`;
      }
      console.log(`${name.padEnd(38)} ${result.padEnd(31)} ${`${(performance.now() - started).toFixed(0)} ms`.padStart(9)}`);
    }
  } finally {
    await server.close();
  }
}
