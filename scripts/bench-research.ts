// Benchmark: research time per fixture site (and the bundled samples, and the script-built sites)
// on loopback, read statically (render never) and rendered in headless Chromium (render always:
// every page that runs a script, one browser per stage run, its start included; `renders` counts
// the pages rendered in the last run, 0 for a site whose pages run no script).
// Usage: npm run bench:research [-- --runs 5 --site tallyform] [--no-render] [--failures [--fast-limits]]
//   --failures     also prints the failure table: each pathological case → code → time, with the
//                  product's limits (5 s connect, 15 s response, 30 s stage; about 40 s in all)
//   --fast-limits  the same with the tests' short limits (1 s / 1.5 s / 4 s)
// Targets: per-site median under 1.5 s static, under 5 s rendered. Prints figures; never fails on them (STYLE.md: a benchmark is a script).
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createResearchStage } from '../src/agents/research/index.js';
import { ProvisionError } from '../src/core/errors.js';
import { GuardedFetcher, type FetchLimits } from '../src/http/guarded-fetcher.js';
import { ChromiumRenderer, findChromium } from '../src/render/chromium-renderer.js';
import type { PageRenderer } from '../src/render/page-renderer.js';
import { startPathologicalServer, type PathologicalServer } from '../test/helpers/pathological-server.js';
import { LocalJobFiles } from '../src/files/local-job-files.js';
import { emptyUsage } from '../src/llm/llm.js';
import { silentLogger } from '../src/logging/logger.js';
import type { StageContext } from '../src/pipeline/context.js';
import { SAMPLE_SITES, serveSite, SITES_DIR } from '../src/samples/serve-site.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, site: { type: 'string' }, failures: { type: 'boolean', default: false }, 'fast-limits': { type: 'boolean', default: false }, 'no-render': { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(values.runs));
const FIXTURES = fileURLToPath(new URL('../test/fixtures/sites/', import.meta.url));
const JS_FIXTURES = fileURLToPath(new URL('../test/fixtures/sites-js/', import.meta.url));
const TARGET_MS = 1_500;
const RENDERED_TARGET_MS = 5_000;
const chromiumPath = values['no-render'] ? undefined : findChromium(process.env.PROVISION_CHROMIUM);

const sites = [
  ...readdirSync(FIXTURES).sort().map((name) => ({ name, dir: join(FIXTURES, name) })),
  ...SAMPLE_SITES.map((name) => ({ name: `${name} (sample)`, dir: join(SITES_DIR, name) })),
  ...readdirSync(JS_FIXTURES).sort().map((name) => ({ name: `${name} (script-built)`, dir: join(JS_FIXTURES, name) })),
].filter((s) => !values.site || s.name.startsWith(values.site));

/** Pages rendered in the last rendered run (render always renders every page that runs a script). */
let rendered = 0;
function countingRenderer(renderer: PageRenderer): PageRenderer {
  return {
    open: async (options) => {
      const session = await renderer.open(options);
      return { render: (url, o) => (rendered++, session.render(url, o)), close: () => session.close() };
    },
  };
}

function context(url: string, limits: Partial<FetchLimits> = {}, render = false): StageContext {
  const http = new GuardedFetcher({ allowPrivateNetwork: true, limits });
  return {
    job: { jobId: 'bench-research', url, attempt: 0, strategy: 'heuristic', warehouse: 'duckdb', scale: 1, allowPrivateNetwork: true, datasetName: 'bench', seed: 1, render: render ? 'always' : 'never' },
    http,
    ...(render && chromiumPath ? { renderer: countingRenderer(new ChromiumRenderer({ fetcher: http, executablePath: chromiumPath })) } : {}),
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
const f = (ms: number): string => `${ms.toFixed(0)} ms`.padStart(8);
const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
console.log(`research benchmark: ${runs} runs per site and mode, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`targets: median < ${TARGET_MS} ms static, < ${RENDERED_TARGET_MS} ms rendered (${chromiumPath ? `Chromium ${chromiumPath}, render always: every page that runs a script rendered, browser start included` : 'rendering not measured: no Chromium, or --no-render'})`);
console.log(`${'site'.padEnd(34)} ${'static'.padStart(8)} ${'max'.padStart(8)} ${'rendered'.padStart(8)} ${'max'.padStart(8)} renders  pages  company / industry`);
const medians = { static: [] as number[], rendered: [] as number[] };
for (const site of sites) {
  const served = await serveSite(site.dir);
  const times = { static: [] as number[], rendered: [] as number[] };
  let summary = '';
  try {
    for (const mode of ['static', 'rendered'] as const) {
      if (mode === 'rendered' && !chromiumPath) continue;
      for (let i = 0; i < runs; i++) {
        rendered = 0;
        const started = performance.now();
        try {
          const p = await research.run({ url: served.url }, context(served.url, {}, mode === 'rendered'));
          summary = `${String(p.pages.length).padStart(5)}  ${p.name} / ${p.industry.id}`;
        } catch (err) {
          summary = `    -  ${err instanceof ProvisionError ? err.code : String(err)}`;
        }
        times[mode].push(performance.now() - started);
      }
    }
  } finally {
    await served.close();
  }
  const renders = chromiumPath ? String(rendered) : '-';
  const st = median(times.static);
  const rd = times.rendered.length > 0 ? median(times.rendered) : undefined;
  medians.static.push(st);
  if (rd !== undefined) medians.rendered.push(rd);
  const over = st > TARGET_MS || (rd ?? 0) > RENDERED_TARGET_MS ? '  ← over target' : '';
  console.log(`${site.name.padEnd(34)} ${f(st)} ${f(Math.max(...times.static))} ${rd === undefined ? '       -' : f(rd)} ${rd === undefined ? '       -' : f(Math.max(...times.rendered))} ${renders.padStart(7)}  ${summary}${over}`);
}
console.log(`worst per-site median: ${f(Math.max(...medians.static)).trim()} static (target ${TARGET_MS} ms)${medians.rendered.length ? `, ${f(Math.max(...medians.rendered)).trim()} rendered (target ${RENDERED_TARGET_MS} ms)` : ''}`);

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
