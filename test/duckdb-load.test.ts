import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { provisionStage } from '../src/agents/provision/index.js';
import type { ProvisionError } from '../src/core/errors.js';
import type { ColumnType, DataModel, Table } from '../src/domain/data-model.js';
import type { DatasetFiles } from '../src/domain/artifacts.js';
import { CompanyProfileSchema } from '../src/domain/profile.js';
import { DuckdbWarehouse } from '../src/warehouse/duckdb-warehouse.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { defaultProfile } from '../src/blueprints/verify-blueprint.js';
import { retail } from '../src/blueprints/retail.js';
import { stageContext } from './helpers/stage-context.js';
import { tempDir } from './helpers/tmp.js';

const dir = tempDir('duckdb-load-');
const wh = new DuckdbWarehouse(join(dir, 'warehouse'), { memoryLimit: '128MB' });
after(() => wh.close());

function table(name: string, columns: [string, ColumnType][]): Table {
  return {
    name,
    description: name,
    grain: `one row per ${name}`,
    rowCount: 1,
    scales: false,
    primaryKey: columns[0]?.[0] ?? 'id',
    columns: columns.map(([col, type]) => ({ name: col, type, description: col, synonyms: [], generator: { kind: 'sequence' } })),
    foreignKeys: [],
    synonyms: [],
  };
}

/** A CSV of `rows` rows of (id, label, amount), as our writer writes them (strings quoted). */
function bigCsv(name: string, rows: number, start: number): string {
  const lines = ['id,label,amount'];
  for (let i = 0; i < rows; i++) lines.push(`${start + i},"row ${i}, ""${name}""",${(i % 1000) / 100}`);
  const file = join(dir, `${name}-${start}.csv`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const wide = table('wide', [['id', 'INT64'], ['label', 'STRING'], ['amount', 'NUMERIC']]);
const other = table('other', [['id', 'INT64'], ['label', 'STRING'], ['amount', 'NUMERIC']]);

async function rowsOf(dataset: string, name: string): Promise<{ n: number; min: number; max: number }> {
  const res = await wh.query(dataset, `SELECT COUNT(*), MIN(id), MAX(id) FROM ${name}`);
  const [n, min, max] = (res.rows[0] ?? []).map(Number);
  return { n: n ?? NaN, min: min ?? NaN, max: max ?? NaN };
}

describe('loading CSV into DuckDB', () => {
  it('reads NULLs, empty strings, quoting, numbers, dates, timestamps and booleans as the writer wrote them', async () => {
    const types = table('types', [['i', 'INT64'], ['f', 'FLOAT64'], ['n', 'NUMERIC'], ['s', 'STRING'], ['b', 'BOOL'], ['d', 'DATE'], ['t', 'TIMESTAMP']]);
    const file = join(dir, 'types.csv');
    writeFileSync(
      file,
      'i,f,n,s,b,d,t\n' +
        '1,1.5,2.25,"say ""hi"", ok",true,2026-01-02,2026-01-02 03:04:05\n' +
        ',,,,,,\n' +
        '-3,-0.0000001,-0.5,"multi\nline",false,1999-12-31,1999-12-31 23:59:59\n' +
        '9007199254740991,1000000,12345678.90,"NULL",true,2024-02-29,2024-02-29 00:00:00\n' +
        '7,0,0,"",false,2000-01-01,2000-01-01 00:00:00\n',
    );
    assert.equal(await wh.loadTable('types', types, file), 5);
    const res = await wh.query('types', "SELECT i, f, n::VARCHAR, s, b, d::VARCHAR, t::VARCHAR FROM types ORDER BY i NULLS LAST");
    assert.deepEqual(res.rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v))), [
      [-3, -0.0000001, '-0.50', 'multi\nline', false, '1999-12-31', '1999-12-31 23:59:59'],
      [1, 1.5, '2.25', 'say "hi", ok', true, '2026-01-02', '2026-01-02 03:04:05'],
      // A quoted empty field is an empty string, not NULL: the writer quotes every string so the two stay apart.
      [7, 0, '0.00', '', false, '2000-01-01', '2000-01-01 00:00:00'],
      [9007199254740991, 1000000, '12345678.90', 'NULL', true, '2024-02-29', '2024-02-29 00:00:00'],
      [null, null, null, null, null, null, null],
    ]);
  });

  it('reads quoted commas, quotes and newlines exactly across the reader\'s buffers (a file of several)', async () => {
    const notes = table('notes', [['id', 'INT64'], ['note', 'STRING']]);
    const rows = 150_000;
    const text = (i: number): string => `note ${i}, "quoted"\nsecond line ${'x'.repeat(i % 37)}`;
    const file = join(dir, 'notes.csv');
    writeFileSync(file, `id,note\n${Array.from({ length: rows }, (_, i) => `${i},"${text(i).replace(/"/g, '""')}"`).join('\n')}\n`);
    assert.equal(await wh.loadTable('notes', notes, file), rows);
    const expected = Array.from({ length: rows }, (_, i) => text(i).length).reduce((a, b) => a + b, 0);
    const res = await wh.query('notes', "SELECT COUNT(*), SUM(LENGTH(note)), COUNT(*) FILTER (WHERE note = 'note ' || id || ', \"quoted\"' || chr(10) || 'second line ' || repeat('x', (id % 37)::INT)) FROM notes");
    assert.deepEqual(res.rows[0]?.map(Number), [rows, expected, rows]);
  });

  it('loads two tables at once, each with exactly its rows, and a rerun replaces them', async () => {
    const a = bigCsv('wide', 60_000, 1);
    const b = bigCsv('other', 40_000, 1_000_001);
    assert.equal(wh.loadConcurrency, 2);
    assert.deepEqual(await Promise.all([wh.loadTable('pair', wide, a), wh.loadTable('pair', other, b)]), [60_000, 40_000]);
    assert.deepEqual(await Promise.all([wh.loadTable('pair', wide, a), wh.loadTable('pair', other, b)]), [60_000, 40_000]);
    assert.deepEqual(await rowsOf('pair', 'wide'), { n: 60_000, min: 1, max: 60_000 });
    assert.deepEqual(await rowsOf('pair', 'other'), { n: 40_000, min: 1_000_001, max: 1_040_000 });
  });

  it('a failing load rolls back only its own table, while the other loading beside it lands', async () => {
    await wh.loadTable('partial', other, bigCsv('other', 1_000, 1));
    const good = bigCsv('wide', 80_000, 1);
    // A non-number deep in the file: COPY fails after it has inserted rows.
    const badFile = join(dir, 'bad.csv');
    writeFileSync(badFile, `${['id,label,amount', ...Array.from({ length: 50_000 }, (_, i) => `${i},"x",1`)].join('\n')}\nnot-a-number,"x",1\n`);
    const [loaded, failed] = await Promise.allSettled([wh.loadTable('partial', wide, good), wh.loadTable('partial', other, badFile)]);
    assert.deepEqual(loaded, { status: 'fulfilled', value: 80_000 });
    assert.equal(failed.status, 'rejected');
    assert.match(String(failed.reason), /Loading table other into partial failed/);
    assert.deepEqual(await rowsOf('partial', 'wide'), { n: 80_000, min: 1, max: 80_000 });
    // The failed load's transaction replaced nothing: the table holds what it held before.
    assert.deepEqual(await rowsOf('partial', 'other'), { n: 1_000, min: 1, max: 1_000 });
  });

  it('an aborted load stops, says it was cancelled, and leaves the table as it was', async () => {
    await wh.loadTable('aborted', wide, bigCsv('wide', 1_000, 1));
    const file = bigCsv('wide', 300_000, 1);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 5);
    await assert.rejects(wh.loadTable('aborted', wide, file, { signal: stop.signal }), (err: ProvisionError) => err.code === 'cancelled');
    assert.deepEqual(await rowsOf('aborted', 'wide'), { n: 1_000, min: 1, max: 1_000 });
    await assert.rejects(wh.loadTable('aborted', wide, file, { signal: stop.signal }), (err: ProvisionError) => err.code === 'cancelled');
  });

  it('a query asked for while a load is in flight waits for it and sees all its rows', async () => {
    const file = bigCsv('wide', 100_000, 1);
    await wh.ensureDataset('inflight');
    const loading = wh.loadTable('inflight', wide, file);
    assert.deepEqual(await rowsOf('inflight', 'wide'), { n: 100_000, min: 1, max: 100_000 });
    assert.equal(await loading, 100_000);
  });
});

describe('the provision stage loading several tables at once', () => {
  const model = { tables: [wide, other, table('third', [['id', 'INT64']]), table('fourth', [['id', 'INT64']])] } as unknown as DataModel;
  const profile = CompanyProfileSchema.parse(defaultProfile(retail, 'Trailhead Supply'));

  /** A warehouse whose loads of `fail` fail at once and the others take a while; it records what overlapped. */
  function slowWarehouse(fail: string): Warehouse & { started: string[]; inFlight: number; peak: number } {
    const fake = {
      kind: 'duckdb' as const,
      loadConcurrency: 2,
      started: [] as string[],
      inFlight: 0,
      peak: 0,
      dialect: () => wh.dialect('x', '2026-11-25'),
      ensureDataset: (name: string) => Promise.resolve({ name, location: name }),
      loadTable: async (_dataset: string, t: Table): Promise<number> => {
        fake.started.push(t.name);
        fake.inFlight++;
        fake.peak = Math.max(fake.peak, fake.inFlight);
        try {
          if (t.name === fail) throw new Error(`${t.name} failed`);
          await new Promise((resolve) => setTimeout(resolve, 50));
          return 10;
        } finally {
          fake.inFlight--;
        }
      },
      countRows: () => Promise.resolve(10),
      dryRun: () => Promise.resolve({}),
      query: () => Promise.resolve({ columns: [], rows: [] }),
      dropDataset: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    return fake;
  }

  function filesFor(jobDir: string, ctx: ReturnType<typeof stageContext>): Promise<DatasetFiles> {
    return Promise.all(
      model.tables.map(async (t) => {
        await ctx.files.write(`data/${t.name}.csv`, 'id\n');
        return { name: t.name, file: join(jobDir, `${t.name}.csv`), rows: 10, bytes: 3 };
      }),
    ).then((tables) => ({ dir: jobDir, seed: 1, scale: 1, tables }));
  }

  it('runs loads side by side, and after a failure starts no more and returns only once the load in flight has ended', async () => {
    const ok = slowWarehouse('none');
    const okCtx = stageContext({ dir: tempDir(), warehouse: ok, jobId: 'side-by-side', seed: 1, scale: 1 });
    const loaded = await provisionStage.run({ profile, model, files: await filesFor(dir, okCtx) }, okCtx);
    assert.deepEqual(loaded.tables.map((t) => t.rows), [10, 10, 10, 10]);
    assert.equal(ok.peak, 2);

    const failing = slowWarehouse('other');
    const ctx = stageContext({ dir: tempDir(), warehouse: failing, jobId: 'one-fails', seed: 1, scale: 1 });
    await assert.rejects(provisionStage.run({ profile, model, files: await filesFor(dir, ctx) }, ctx), /other failed/);
    assert.equal(failing.inFlight, 0, 'no load runs on after the stage');
    assert.deepEqual(failing.started.sort(), ['other', 'wide'], 'no table is started after the failure');
  });
});
