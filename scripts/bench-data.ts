// Benchmarks the synthetic data engine: generation (CSV written to disk) and DuckDB load,
// per table and in total, with peak RSS and the load average beside them (on a shared machine
// wall-time rates move with the neighbours; rows per CPU-second and the pipeline/engine ratios
// less so). Prints figures; it is not a test.
// Usage: node --import tsx scripts/bench-data.ts [--blueprint retail|all] [--scale N | --rows N]
//          [--seed N] [--no-load] [--compare-appender] [--dir D] [--keep]
//   --rows 10000000   picks the scale that gives about that many rows (the 10M-row run)
//   --memory-limit 256MB  caps DuckDB's memory while loading
//   --compare-appender  also loads the largest table through DuckDB's appender, to compare with COPY
//   --pipeline-scale 20  then runs the real pipeline (`provision run` in this process, heuristic, DuckDB)
//          on the bundled sample site at that scale and prints the data and provision stages' rows/s
//          next to the engine's own on the very model the pipeline composed; 0 skips it
// The per-table load rates load one table at a time (a table's own rate); the pipeline's
// "engine alone" loads as the provision stage does, the warehouse's loadConcurrency at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { runJob } from '../src/app/run-job.js';
import type { EventPublisher } from '../src/notify/event-publisher.js';
import { parseJobEnv } from '../src/config/env.js';
import { serveSample } from '../src/samples/serve-site.js';
import { renderModel } from '../src/agents/model/render-model.js';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { tailor } from '../src/blueprints/tailor.js';
import { defaultProfile } from '../src/blueprints/verify-blueprint.js';
import { generateTables, rowCountFor } from '../src/data/generate.js';
import { writeDataset, type WrittenTable } from '../src/data/write-dataset.js';
import type { DataModel, Table } from '../src/domain/data-model.js';
import { DuckdbWarehouse, quoteIdent } from '../src/warehouse/duckdb-warehouse.js';
import { duckdbDialect } from '../src/warehouse/sql-dialect.js';

const { values } = parseArgs({
  options: {
    blueprint: { type: 'string', default: 'retail' },
    scale: { type: 'string' },
    rows: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'no-load': { type: 'boolean', default: false },
    'compare-appender': { type: 'boolean', default: false },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'memory-limit': { type: 'string' },
    'pipeline-scale': { type: 'string', default: '20' },
  },
});

const asOf = '2026-11-25';
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
const rssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function modelOf(id: string): DataModel {
  const bp = BLUEPRINTS.find((b) => b.id === id);
  if (!bp) throw new Error(`unknown blueprint ${id}; one of ${BLUEPRINTS.map((b) => b.id).join(', ')}`);
  const profile = defaultProfile(bp);
  return renderModel(bp, profile, tailor(bp, profile), duckdbDialect(asOf), asOf);
}

function totalRows(model: DataModel, scale: number): number {
  return model.tables.reduce((n, t) => n + rowCountFor(t, scale), 0);
}

/** The scale that gives about `target` rows (row counts are monotone in the scale). */
function scaleFor(model: DataModel, target: number): number {
  let lo = 0.001;
  let hi = 100_000;
  for (let i = 0; i < 60; i++) {
    const mid = Math.sqrt(lo * hi);
    if (totalRows(model, mid) < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Loads the table through the appender, timing only the append calls (values come from the generator). */
async function appenderLoad(model: DataModel, table: Table, scale: number, seed: number, dbFile: string): Promise<{ rows: number; ms: number }> {
  const instance = await DuckDBInstance.create(dbFile, { threads: '2' });
  const conn = await instance.connect();
  const types: Record<string, string> = { INT64: 'BIGINT', FLOAT64: 'DOUBLE', NUMERIC: 'DOUBLE', STRING: 'VARCHAR', BOOL: 'BOOLEAN', DATE: 'VARCHAR', TIMESTAMP: 'VARCHAR' };
  await conn.run(`CREATE OR REPLACE TABLE ${quoteIdent(table.name)} (${table.columns.map((c) => `${quoteIdent(c.name)} ${types[c.type]}`).join(', ')})`);
  const appender = await conn.createAppender(table.name);
  let ms = 0;
  let rows = 0;
  for (const run of generateTables(model, { seed, scale })) {
    if (run.table.name !== table.name) {
      for (const _ of run.chunks()) void _;
      continue;
    }
    const kinds = run.types;
    for (const chunk of run.chunks()) {
      const values = kinds.map((_, c) => Array.from({ length: chunk.length }, (_, i) => chunk.value(c, i)));
      const t0 = performance.now();
      for (let i = 0; i < chunk.length; i++) {
        for (let c = 0; c < kinds.length; c++) {
          const v = values[c]?.[i] ?? null;
          if (v === null) appender.appendNull();
          else if (typeof v === 'boolean') appender.appendBoolean(v);
          else if (typeof v === 'string') appender.appendVarchar(v);
          else if (kinds[c] === 'INT64') appender.appendBigInt(BigInt(v));
          else if (kinds[c] === 'DATE' || kinds[c] === 'TIMESTAMP') appender.appendVarchar(String(v));
          else appender.appendDouble(v);
        }
        appender.endRow();
      }
      ms += performance.now() - t0;
      rows += chunk.length;
    }
  }
  const t1 = performance.now();
  appender.closeSync();
  ms += performance.now() - t1;
  conn.closeSync();
  instance.closeSync();
  return { rows, ms };
}

async function benchBlueprint(id: string, dir: string): Promise<{ rows: number; genMs: number; loadMs: number; bytes: number }> {
  const model = modelOf(id);
  const scale = values.rows ? scaleFor(model, Number(values.rows)) : Number(values.scale ?? '10');
  const seed = Number(values.seed);
  console.log(`\n== ${id} at scale ${scale.toFixed(3)} (seed ${seed}), files in ${dir}`);
  const started = performance.now();
  const written: WrittenTable[] = await writeDataset(model, { seed, scale }, join(dir, id));
  const genMs = performance.now() - started;
  const rssAfterGen = rssMb();

  const loads = new Map<string, number>();
  let loadMs = 0;
  if (!values['no-load']) {
    const wh = new DuckdbWarehouse(join(dir, 'warehouse'), values['memory-limit'] ? { memoryLimit: values['memory-limit'] } : {});
    await wh.ensureDataset(id);
    for (const t of written) {
      const spec = model.tables.find((x) => x.name === t.name) as Table;
      const t0 = performance.now();
      const n = await wh.loadTable(id, spec, t.file);
      const ms = performance.now() - t0;
      if (n !== t.rows) throw new Error(`${t.name}: loaded ${n} rows, wrote ${t.rows}`);
      loads.set(t.name, ms);
      loadMs += ms;
    }
    await wh.close();
  }

  console.log(`${pad('table', 22)}${lpad('rows', 13)}${lpad('gen rows/s', 13)}${lpad('load rows/s', 13)}${lpad('MB', 9)}`);
  for (const t of written) {
    const l = loads.get(t.name);
    console.log(`${pad(t.name, 22)}${lpad(fmt(t.rows), 13)}${lpad(fmt((t.rows / t.ms) * 1000), 13)}${lpad(l === undefined ? '-' : fmt((t.rows / l) * 1000), 13)}${lpad((t.bytes / 1e6).toFixed(1), 9)}`);
  }
  const rows = written.reduce((n, t) => n + t.rows, 0);
  const bytes = written.reduce((n, t) => n + t.bytes, 0);
  console.log(
    `${pad('total', 22)}${lpad(fmt(rows), 13)}${lpad(fmt((rows / genMs) * 1000), 13)}${lpad(loadMs ? fmt((rows / loadMs) * 1000) : '-', 13)}${lpad((bytes / 1e6).toFixed(1), 9)}`,
  );
  console.log(`generation ${(genMs / 1000).toFixed(2)} s, load ${(loadMs / 1000).toFixed(2)} s; peak RSS after generation ${rssAfterGen} MB, after load ${rssMb()} MB; load average ${load()}`);

  if (values['compare-appender']) {
    const largest = [...written].sort((a, b) => b.rows - a.rows)[0] as WrittenTable;
    const spec = model.tables.find((x) => x.name === largest.name) as Table;
    const app = await appenderLoad(model, spec, scale, seed, join(dir, 'appender.duckdb'));
    const copyMs = loads.get(largest.name);
    console.log(`load method for ${largest.name} (${fmt(largest.rows)} rows): COPY from CSV ${copyMs ? fmt((largest.rows / copyMs) * 1000) : '-'} rows/s; appender ${fmt((app.rows / app.ms) * 1000)} rows/s (append calls only)`);
  }
  if (!values.keep) rmSync(join(dir, id), { recursive: true, force: true });
  return { rows, genMs, loadMs, bytes };
}

/**
 * The real pipeline at a scale, then the engine alone on the model it composed: where the
 * difference between a stage's rows/s and the engine's goes.
 */
async function benchPipeline(scale: number, dir: string): Promise<void> {
  const site = await serveSample('northwind-outfitters');
  const stateDir = join(dir, 'pipeline');
  const jobId = 'bench-data-pipeline';
  // The job binary's own defaults (PROVISION_DUCKDB_MEMORY_LIMIT and the rest), as `provision run` has them.
  const env = parseJobEnv({});
  console.log(`\n== pipeline: provision run on the sample site at scale ${scale} (heuristic, duckdb, memory limit ${env.PROVISION_DUCKDB_MEMORY_LIMIT} loading, ${env.PROVISION_DUCKDB_QUERY_MEMORY_LIMIT} per query)`);
  // CPU seconds of this process (every thread: DuckDB's too) per stage, from the stage's own
  // events: on a shared machine, rows per CPU-second says what the code costs; wall time says
  // also how busy the neighbours were.
  const cpuAt = new Map<string, number>();
  const cpuOf = new Map<string, number>();
  const cpuNow = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const meter: EventPublisher = {
    publish: (e) => {
      if (e.stage && e.type === 'stage.started') cpuAt.set(e.stage, cpuNow());
      if (e.stage && e.type === 'stage.completed') cpuOf.set(e.stage, cpuNow() - (cpuAt.get(e.stage) ?? NaN));
      return Promise.resolve();
    },
    flush: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  try {
    const loadBefore = load();
    const t0 = performance.now();
    const { summary } = await runJob(
      { jobId, url: site.url, attempt: 0, strategy: 'heuristic', warehouse: 'duckdb', scale, allowPrivateNetwork: true },
      { stateDir, signal: new AbortController().signal, duckdbMemoryLimit: env.PROVISION_DUCKDB_MEMORY_LIMIT, duckdbQueryMemoryLimit: env.PROVISION_DUCKDB_QUERY_MEMORY_LIMIT, observers: [meter] },
    );
    const wall = performance.now() - t0;
    const loadAfter = load();
    if (summary.status !== 'completed') throw new Error(`the pipeline ${summary.status}: ${summary.error?.message ?? ''}`);
    const rows = (summary.dataset?.tables ?? []).reduce((n, t) => n + t.rows, 0);
    const stage = (id: string) => summary.stages.find((s) => s.id === id)?.durationMs ?? NaN;
    const model = (JSON.parse(readFileSync(join(stateDir, 'jobs', jobId, 'checkpoints', 'model.json'), 'utf8')) as { output: DataModel }).output;
    const seed = (JSON.parse(readFileSync(join(stateDir, 'jobs', jobId, 'checkpoints', 'data.json'), 'utf8')) as { output: { seed: number } }).output.seed;

    // The engine alone, on the same model, seed and scale: generation to CSV, then COPY with and
    // without the job's memory limit, as many tables at once as the stage loads.
    const engineDir = join(dir, 'engine');
    const engineLoadBefore = load();
    const g0 = performance.now();
    const gc0 = cpuNow();
    const written = await writeDataset(model, { seed, scale }, engineDir);
    const genMs = performance.now() - g0;
    const genCpu = cpuNow() - gc0;
    const loadWith = async (memoryLimit: string | undefined): Promise<{ ms: number; cpu: number }> => {
      const wh = new DuckdbWarehouse(join(dir, `wh-${memoryLimit ?? 'unlimited'}`), memoryLimit ? { memoryLimit } : {});
      await wh.ensureDataset('bench');
      const l0 = performance.now();
      const c0 = cpuNow();
      // As the provision stage loads: the warehouse's loadConcurrency tables at once, in the model's order.
      const queue = [...written];
      await Promise.all(
        Array.from({ length: wh.loadConcurrency }, async () => {
          for (let t = queue.shift(); t; t = queue.shift()) {
            const name = t.name;
            await wh.loadTable('bench', model.tables.find((x) => x.name === name) as Table, t.file);
          }
        }),
      );
      const ms = performance.now() - l0;
      const cpu = cpuNow() - c0;
      await wh.close();
      return { ms, cpu };
    };
    const loadLimited = await loadWith(env.PROVISION_DUCKDB_MEMORY_LIMIT);
    const loadFree = await loadWith(undefined);
    const engineLoadAfter = load();
    const rate = (ms: number) => `${lpad(fmt((rows / ms) * 1000), 11)} rows/s`;
    const both = (ms: number, cpu: number) => `${rate(ms)} (${(ms / 1000).toFixed(2)} s), ${lpad(fmt((rows / cpu) * 1000), 10)} rows/CPU-s`;
    console.log(`${fmt(rows)} rows in ${model.tables.length} tables; whole run ${(wall / 1000).toFixed(1)} s; peak RSS of this process ${rssMb()} MB`);
    console.log(`load average: pipeline ${loadBefore} -> ${loadAfter}; engine alone ${engineLoadBefore} -> ${engineLoadAfter} (2 cores: above 2, wall rates are shared)`);
    const dataCpu = cpuOf.get('data') ?? NaN;
    const provCpu = cpuOf.get('provision') ?? NaN;
    console.log(`data stage       in pipeline ${both(stage('data'), dataCpu)}   engine alone ${both(genMs, genCpu)}`);
    console.log(`provision stage  in pipeline ${both(stage('provision'), provCpu)}   engine alone ${both(loadLimited.ms, loadLimited.cpu)} with the job's memory limit, ${both(loadFree.ms, loadFree.cpu)} without`);
    console.log(
      `pipeline / engine: data ${(genMs / stage('data')).toFixed(2)} by wall time, ${(genCpu / dataCpu).toFixed(2)} by CPU; provision ${(loadLimited.ms / stage('provision')).toFixed(2)} by wall time, ${(loadLimited.cpu / provCpu).toFixed(2)} by CPU (1.00: the stage costs what the engine does)`,
    );
  } finally {
    await site.close();
  }
}

const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'bench-data-'));
try {
  const ids = values.blueprint === 'all' ? BLUEPRINTS.map((b) => b.id) : (values.blueprint ?? 'retail').split(',');
  let rows = 0;
  let genMs = 0;
  let loadMs = 0;
  for (const id of ids) {
    const r = await benchBlueprint(id, dir);
    rows += r.rows;
    genMs += r.genMs;
    loadMs += r.loadMs;
  }
  if (ids.length > 1) console.log(`\n== all: ${fmt(rows)} rows, generation ${fmt((rows / genMs) * 1000)} rows/s, load ${loadMs ? fmt((rows / loadMs) * 1000) : '-'} rows/s, peak RSS ${rssMb()} MB`);
  const pipelineScale = Number(values['pipeline-scale']);
  if (pipelineScale > 0) await benchPipeline(pipelineScale, dir);
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
