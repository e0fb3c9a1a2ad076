import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DataModel } from '../src/domain/data-model.js';
import { escapeHtml, html, raw, safeHref } from '../src/dashboard/html.js';
import { matchesQuery, parseListQuery, storeFilter } from '../src/dashboard/jobs-list-view.js';
import { compactNumber, niceTicks, renderLineChart } from '../src/dashboard/line-chart.js';
import { isSingleSelect, pickTimeSeriesQuery, readSeries } from '../src/dashboard/metric-series.js';
import { renderSchemaDiagram, tableLevels } from '../src/dashboard/schema-diagram.js';
import { bigQueryConsoleUrl } from '../src/dashboard/assets-view.js';
import { timeline } from '../src/dashboard/job-view.js';
import type { JobState } from '../src/status/job-state.js';
import { tempDir } from './helpers/tmp.js';

const XSS = `<script>alert("x")</script><img src=x onerror='alert(1)'>`;

function table(name: string, fks: Array<[string, string]>, extra = 2): DataModel['tables'][number] {
  const cols = [{ name: `${name}_id`, type: 'INT64' as const, description: 'key', synonyms: [], generator: { kind: 'sequence' as const } }];
  for (const [col] of fks) cols.push({ name: col, type: 'INT64', description: 'fk', synonyms: [], generator: { kind: 'sequence' } });
  for (let i = 0; i < extra; i++) cols.push({ name: `c${i}`, type: 'INT64', description: 'x', synonyms: [], generator: { kind: 'sequence' } });
  return { name, description: XSS, grain: 'one row', rowCount: 10, scales: true, primaryKey: `${name}_id`, columns: cols, foreignKeys: fks.map(([column, ref]) => ({ column, references: { table: ref, column: `${ref}_id` } })), synonyms: [] };
}

describe('dashboard rendering', () => {
  it('escapes every interpolated value and passes only our own markup', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&\``), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
    const out = html`<p title="${XSS}">${XSS}${[XSS, 1, null, undefined, false]}${raw('<b>ok</b>')}</p>`.value;
    assert.ok(!out.includes('<script>') && !out.includes('<img'), out);
    assert.ok(out.includes('<b>ok</b>'));
  });

  it('links only http(s) URLs', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'not a url', undefined]) assert.equal(safeHref(bad), undefined, String(bad));
    assert.equal(safeHref('https://example.com/a b'), 'https://example.com/a%20b');
  });

  it('lays out a schema by reference depth and draws one arrow per foreign key', () => {
    const model = { tables: [table('orders', [['customer_id', 'customer'], ['store_id', 'store']]), table('customer', [['region_id', 'region']]), table('region', []), table('store', [['region_id', 'region']]), table('lines', [['orders_id', 'orders']])] };
    assert.deepEqual(Object.fromEntries(tableLevels(model)), { region: 0, customer: 1, store: 1, orders: 2, lines: 3 });
    const svg = renderSchemaDiagram(model).value;
    assert.equal((svg.match(/<g class="table"/g) ?? []).length, 5);
    assert.equal((svg.match(/<path class="edge"/g) ?? []).length, 5);
    assert.match(svg, /orders\.customer_id references customer\.customer_id/);
    // A cycle does not hang the layout.
    const cyclic = { tables: [table('a', [['b_id', 'b']]), table('b', [['a_id', 'a']])] };
    assert.equal((renderSchemaDiagram(cyclic).value.match(/<path class="edge"/g) ?? []).length, 2);
  });

  it('charts a series with round ticks and escaped labels', () => {
    assert.deepEqual(niceTicks(12, 87), [0, 25, 50, 75, 100]);
    assert.equal(compactNumber(1_250_000), '1.3M');
    assert.equal(compactNumber(35_000), '35k');
    const svg = renderLineChart([{ label: XSS, value: 3 }, { label: '2026-02', value: 9 }, { label: '2026-03', value: 4 }], { metric: 'revenue' }).value;
    assert.equal((svg.match(/<circle/g) ?? []).length, 3);
    assert.ok(!svg.includes('<script>'));
    assert.match(renderLineChart([], { metric: 'x' }).value, /No data points/);
  });

  it('picks the time-series golden query, preferring a declared trend', () => {
    const g = (questionId: string, expectedColumns: string[], trend = false): DataModel['goldenSql'][number] => ({ questionId, sql: 'SELECT 1', expectedColumns, ...(trend ? { insights: [{ kind: 'trend' as const, column: 'v', direction: 'up' as const }] } : {}) });
    assert.equal(pickTimeSeriesQuery({ goldenSql: [g('a', ['segment', 'v']), g('b', ['signup_quarter', 'n', 'm']), g('c', ['month', 'v'], true)] })?.questionId, 'c');
    assert.equal(pickTimeSeriesQuery({ goldenSql: [g('a', ['segment', 'v']), g('b', ['signup_quarter', 'n', 'm'])] })?.questionId, 'b');
    assert.equal(pickTimeSeriesQuery({ goldenSql: [g('a', ['segment', 'v'])] }), undefined);
    assert.equal(isSingleSelect('WITH x AS (SELECT 1) SELECT * FROM x;'), true);
    assert.equal(isSingleSelect('SELECT 1; DROP TABLE t'), false);
    assert.equal(isSingleSelect('COPY t TO "/tmp/x"'), false);
  });

  it('reads a series from a DuckDB file read-only, with no file access from the SQL', async () => {
    const dir = tempDir();
    const file = join(dir, 'w.duckdb');
    const instance = await DuckDBInstance.create(file);
    const conn = await instance.connect();
    await conn.run(`CREATE TABLE sales AS SELECT DATE '2026-01-01' + INTERVAL (i) MONTH AS d, (i * 10)::DOUBLE AS revenue FROM range(6) t(i)`);
    conn.closeSync();
    instance.closeSync();
    const series = await readSeries(file, `SELECT CAST(d AS DATE) AS month, revenue FROM sales ORDER BY 1`, { allowedDir: dir });
    assert.equal(series.metric, 'revenue');
    assert.deepEqual(series.points.slice(0, 2), [{ label: '2026-01-01', value: 0 }, { label: '2026-02-01', value: 10 }]);
    await assert.rejects(readSeries(file, `SELECT * FROM read_csv('/etc/passwd')`, { allowedDir: dir }), /disabled|Permission/i);
    await assert.rejects(readSeries(file, 'SELECT 1 AS a, 2 AS b', { allowedDir: tempDir() }), /outside the warehouse directory/);
  });

  it('parses list filters and matches live changes against them', () => {
    const q = parseListQuery(new URLSearchParams('status=running&company=North&from=2026-11-01&to=2026-11-25&limit=10&cursor=abc'));
    assert.deepEqual(q, { status: 'running', company: 'North', from: '2026-11-01', to: '2026-11-25', limit: 10, cursor: 'abc' });
    assert.deepEqual(storeFilter(q), { status: 'running', company: 'North', since: '2026-11-01', until: '2026-11-26', limit: 10, cursor: 'abc' });
    assert.deepEqual(parseListQuery(new URLSearchParams('status=sleeping&from=yesterday&limit=7')), { limit: 25 });
    const job = { status: 'running', meta: { company: 'Northwind Outfitters' }, createdAt: '2026-11-25T07:00:00.000Z' } as unknown as JobState;
    assert.equal(matchesQuery(job, q), true);
    assert.equal(matchesQuery({ ...job, status: 'completed' }, q), false);
    assert.equal(matchesQuery({ ...job, createdAt: '2026-11-26T00:00:00.000Z' }, q), false);
  });

  it("shows each stage's strategy, a fallback, tokens and the agent's accuracy, escaped", () => {
    const state: JobState = {
      jobId: 'j',
      status: 'completed',
      attempt: 0,
      meta: {},
      createdAt: '2026-11-25T00:00:00Z',
      updatedAt: '2026-11-25T00:00:00Z',
      appliedEventIds: [],
      stages: [
        { id: 'story', status: 'completed', durationMs: 10, output: { strategy: 'heuristic', fallback: XSS }, metrics: { durationMs: 10, llmTokensIn: 1200, llmTokensOut: 300 } },
        { id: 'validate', status: 'completed', durationMs: 10, output: { strategy: 'llm', agentAccuracy: 12 / 13 } },
      ],
    };
    const text = String(timeline(state));
    assert.match(text, /Strategy<\/span> heuristic/);
    assert.match(text, /fell back from Claude/);
    assert.match(text, /Tokens<\/span> 1,200 in \/ 300 out/);
    assert.match(text, /Strategy<\/span> Claude/);
    assert.match(text, /Agent accuracy<\/span> 92%/);
    assert.ok(!text.includes('<script>'));
  });

  it('links a BigQuery dataset to the console', () => {
    assert.match(bigQueryConsoleUrl('my-project.provision_demo') ?? '', /^https:\/\/console\.cloud\.google\.com\/bigquery\?project=my-project&.*provision_demo/);
    assert.equal(bigQueryConsoleUrl('/tmp/x.duckdb'), undefined);
  });
});
