import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { renderModel } from '../src/agents/model/render-model.js';
import { BLUEPRINTS } from '../src/blueprints/index.js';
import { tailor } from '../src/blueprints/tailor.js';
import { defaultProfile, verifyBlueprint } from '../src/blueprints/verify-blueprint.js';
import { combinedIntegrityQuery, integrityQueries } from '../src/data/integrity.js';
import { writeDataset } from '../src/data/write-dataset.js';
import type { DataModel } from '../src/domain/data-model.js';
import { DuckdbWarehouse } from '../src/warehouse/duckdb-warehouse.js';
import { duckdbDialect } from '../src/warehouse/sql-dialect.js';

const asOf = '2026-11-25';
const dir = mkdtempSync(join(tmpdir(), 'data-warehouse-'));
const wh = new DuckdbWarehouse(join(dir, 'warehouse'));
after(async () => {
  await wh.close();
  rmSync(dir, { recursive: true, force: true });
});

function modelOf(id: string): DataModel {
  const bp = BLUEPRINTS.find((b) => b.id === id);
  assert.ok(bp);
  const profile = defaultProfile(bp);
  return renderModel(bp, profile, tailor(bp, profile), duckdbDialect(asOf), asOf);
}

async function load(dataset: string, model: DataModel, seed: number, scale: number): Promise<void> {
  const written = await writeDataset(model, { seed, scale }, join(dir, dataset));
  await wh.ensureDataset(dataset);
  for (const t of written) {
    const spec = model.tables.find((x) => x.name === t.name);
    assert.ok(spec);
    assert.equal(await wh.loadTable(dataset, spec, t.file), t.rows, `${t.name} loads every row`);
  }
}

async function scalar(dataset: string, sql: string): Promise<number> {
  const res = await wh.query(dataset, sql);
  return Number(res.rows[0]?.[0] ?? NaN);
}

describe('loaded data in DuckDB', () => {
  const loaded = ['retail', 'saas', 'healthcare'];
  before(async () => {
    for (const id of loaded) await load(id, modelOf(id), 7, 0.5);
  });

  for (const id of loaded) {
    it(`${id}: keys unique, foreign keys resolve, time in order, no duplicated rows`, async () => {
      const model = modelOf(id);
      const checks = integrityQueries(model, (t) => t);
      assert.ok(checks.length > model.tables.length * 2);
      for (const check of checks) assert.equal(await scalar(id, check.sql), 0, check.what);
      for (const t of model.tables) {
        const dupes = await scalar(id, `SELECT COUNT(*) - (SELECT COUNT(*) FROM (SELECT DISTINCT * FROM ${t.name})) FROM ${t.name}`);
        assert.equal(dupes, 0, `${t.name} has no fully duplicated rows`);
      }
    });
  }

  it('catches a broken key, a dangling foreign key and a child before its parent', async () => {
    const model = modelOf('retail');
    // The warehouse only reads through query(); the damage is done on a writable connection of the test's own.
    await wh.close();
    const instance = await DuckDBInstance.create(wh.filePath('retail'));
    const conn = await instance.connect();
    await conn.run('INSERT INTO returns SELECT * FROM returns LIMIT 1');
    await conn.run("UPDATE orders SET customer_id = -1 WHERE order_id = (SELECT MIN(order_id) FROM orders)");
    await conn.run("UPDATE returns SET return_date = DATE '2000-01-01' WHERE return_id = (SELECT MAX(return_id) FROM returns)");
    conn.closeSync();
    instance.closeSync();
    const broken: string[] = [];
    const checks = integrityQueries(model, (t) => t);
    const alone: number[] = [];
    for (const check of checks) {
      alone.push(await scalar('retail', check.sql));
      if ((alone.at(-1) ?? 0) > 0) broken.push(check.what);
    }
    assert.deepEqual(broken.sort(), ['orders.customer_id resolves to customers.customer_id', 'returns.return_date is never before order_id.order_date', 'returns.return_id is unique and never NULL']);
    // All checks in one query count what each counts alone, column by column.
    const combined = await wh.query('retail', combinedIntegrityQuery(checks));
    assert.deepEqual(combined.columns, checks.map((_, i) => `check_${i}`));
    assert.deepEqual(combined.rows.map((r) => r.map(Number)), [alone]);
  });

  it('seasonality and growth show in monthly aggregates', async () => {
    // Retail: a November-December peak over the following spring (despite growth), and ~28% annual growth.
    const peak = await scalar('retail', "SELECT AVG(n) FROM (SELECT DATE_TRUNC('month', order_date) m, COUNT(*) n FROM orders WHERE order_date >= DATE '2025-11-01' AND order_date < DATE '2026-01-01' GROUP BY 1)");
    const spring = await scalar('retail', "SELECT AVG(n) FROM (SELECT DATE_TRUNC('month', order_date) m, COUNT(*) n FROM orders WHERE order_date >= DATE '2026-02-01' AND order_date < DATE '2026-05-01' GROUP BY 1)");
    assert.ok(peak / spring > 1.5, `Nov-Dec months average ${peak} orders vs ${spring} in spring`);
    const lastYear = await scalar('retail', "SELECT COUNT(*) FROM orders WHERE order_date > DATE '2025-11-25'");
    const yearBefore = await scalar('retail', "SELECT COUNT(*) FROM orders WHERE order_date > DATE '2024-11-25' AND order_date <= DATE '2025-11-25'");
    assert.ok(lastYear / yearBefore > 1.15 && lastYear / yearBefore < 1.5, `year over year ${lastYear / yearBefore}`);
  });
});

describe('planted insights hold in the loaded data, for other seeds', () => {
  for (const bp of BLUEPRINTS) {
    it(`${bp.id}: every declared insight holds for seeds 2 and 3`, async () => {
      for (const seed of [2, 3]) {
        const report = await verifyBlueprint(bp, { scale: 0.25, seed, asOf });
        assert.deepEqual(report.problems, []);
        const broken = report.queries.flatMap((q) => (q.insights ?? []).filter((c) => !c.holds).map((c) => `${q.id}: ${c.claim} (${c.observed})`));
        assert.deepEqual(broken, [], `seed ${seed}`);
        assert.ok(report.queries.filter((q) => (q.insights?.length ?? 0) > 0).length >= 3);
      }
    });
  }
});
