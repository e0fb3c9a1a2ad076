import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderModel } from '../src/agents/model/render-model.js';
import { retail } from '../src/blueprints/retail.js';
import { tailor } from '../src/blueprints/tailor.js';
import { defaultProfile } from '../src/blueprints/verify-blueprint.js';
import { planAnswer } from '../src/semantic/answer-question.js';
import { chartFor } from '../src/semantic/chart.js';
import { compileQuery, qualify } from '../src/semantic/compile.js';
import { deriveSemanticModel } from '../src/semantic/derive.js';
import { parseQuestion } from '../src/semantic/parse-question.js';
import { calendarPeriod, previousPeriod, rangeLabel, rollingPeriod } from '../src/semantic/periods.js';
import { bigqueryDialect, duckdbDialect } from '../src/warehouse/sql-dialect.js';

const asOf = '2026-06-15';
const profile = defaultProfile(retail);
const model = renderModel(retail, profile, tailor(retail, profile), duckdbDialect(asOf), asOf);
const semantic = deriveSemanticModel(model);

describe('periods', () => {
  const cases: Array<[string, { start: string; end: string }, { start: string; end: string }]> = [
    ['last month', calendarPeriod(asOf, 'month', 1), { start: '2026-05-01', end: '2026-05-31' }],
    ['this year', calendarPeriod(asOf, 'year', 0), { start: '2026-01-01', end: '2026-06-15' }],
    ['last quarter', calendarPeriod(asOf, 'quarter', 1), { start: '2026-01-01', end: '2026-03-31' }],
    ['last 12 months', rollingPeriod(asOf, 'month', 12), { start: '2025-06-16', end: '2026-06-15' }],
    ['last 30 days', rollingPeriod(asOf, 'day', 30), { start: '2026-05-17', end: '2026-06-15' }],
    ['month before last month', previousPeriod(calendarPeriod(asOf, 'month', 1), 'month'), { start: '2026-04-01', end: '2026-04-30' }],
    ['last month of 31 March', calendarPeriod('2026-03-31', 'month', 1), { start: '2026-02-01', end: '2026-02-28' }],
  ];
  for (const [name, got, want] of cases) it(name, () => assert.deepEqual({ start: got.start, end: got.end }, want));
  it('labels ranges the way the answer states them', () => {
    assert.equal(rangeLabel('2026-11-01', '2026-11-30'), '1–30 Nov 2026');
    assert.equal(rangeLabel('2025-06-16', '2026-06-15'), '16 Jun 2025–15 Jun 2026');
  });
});

describe('deriveSemanticModel', () => {
  it('derives entities, joins, dimensions with sample values, dates, measures and the void filter; the preset adds revenue and AOV', () => {
    assert.equal(semantic.entities.length, model.tables.length);
    assert.ok(semantic.joins.some((j) => j.from === 'order_items' && j.to === 'orders'));
    assert.deepEqual(semantic.dimensions.find((d) => d.name === 'region_name')?.sampleValues, ['Northeast', 'Southeast', 'Midwest', 'Southwest', 'West', 'Canada']);
    // A copied column takes its parent's values.
    assert.ok(semantic.dimensions.find((d) => d.name === 'customer_segment')?.sampleValues?.includes('VIP members'));
    assert.deepEqual(semantic.filters.map((f) => [f.name, f.expr]), [['orders_not_cancelled', "status <> 'Cancelled'"]]);
    assert.deepEqual(semantic.measures.find((m) => m.name === 'revenue')?.filters, ['orders_not_cancelled']);
    assert.equal(semantic.measures.find((m) => m.name === 'average_order_value')?.agg, 'ratio');
    // Lines of a cancelled order leave sums out; returns of an order are facts of their own.
    assert.deepEqual(semantic.measures.find((m) => m.name === 'quantity')?.filters, ['orders_not_cancelled']);
    assert.equal(semantic.measures.find((m) => m.name === 'refund_amount')?.filters, undefined);
    assert.equal(semantic.measures.find((m) => m.name === 'revenue')?.timeDimension, 'order_date');
  });
});

describe('compileQuery', () => {
  it('qualifies bare columns and leaves keywords and strings alone', () => {
    assert.equal(qualify("CASE WHEN status <> 'Cancelled' THEN line_total END", 't1'), "CASE WHEN t1.status <> 'Cancelled' THEN t1.line_total END");
  });
  it('joins many-to-one to the dimension, folds the named filter into the aggregate, and renders BigQuery tables', () => {
    const spec = { measures: ['revenue'], dimensions: ['region_name'], filters: [], period: calendarPeriod(asOf, 'month', 1), order: 'desc' as const, limit: 3 };
    const duck = compileQuery(spec, semantic, duckdbDialect(asOf));
    assert.equal(
      duck.sql,
      [
        'SELECT t3.region_name AS region_name,',
        "  SUM(CASE WHEN (t1.status <> 'Cancelled') THEN t0.line_total END) AS revenue",
        'FROM order_items t0',
        'JOIN orders t1 ON t1.order_id = t0.order_id',
        'JOIN customers t2 ON t2.customer_id = t1.customer_id',
        'JOIN regions t3 ON t3.region_id = t2.region_id',
        "WHERE t1.order_date >= DATE '2026-05-01' AND t1.order_date <= DATE '2026-05-31'",
        'GROUP BY 1',
        'ORDER BY revenue DESC',
        'LIMIT 3',
      ].join('\n'),
    );
    const bq = compileQuery(spec, semantic, bigqueryDialect(asOf, 'p', 'd'));
    assert.match(bq.sql, /FROM `p\.d\.order_items` t0\nJOIN `p\.d\.orders` t1/);
  });
  it('counts a parent from its lines once each (average order value)', () => {
    const { sql } = compileQuery({ measures: ['average_order_value'], dimensions: [], filters: [] }, semantic, duckdbDialect(asOf));
    assert.match(sql, /COUNT\(DISTINCT CASE WHEN \(t1\.status <> 'Cancelled'\) THEN t1\.order_id END\)/);
  });
});

describe('parseQuestion', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['What was revenue last month?', { measures: ['revenue'], dimensions: [], period: { start: '2026-05-01', end: '2026-05-31' } }],
    ['How many customers do we have?', { measures: ['customers_count'], dimensions: [] }],
    ['top 5 products by revenue in 2025', { measures: ['revenue'], dimensions: ['product_name'], limit: 5, order: 'desc', period: { start: '2025-01-01', end: '2025-12-31' } }],
    ['Which category sells the least?', { measures: ['revenue'], dimensions: ['category_name'], limit: 1, order: 'asc' }],
    ['monthly revenue over the last 12 months', { measures: ['revenue'], grain: 'month', period: { start: '2025-06-16', end: '2026-06-15' } }],
    ['revenue in the West region', { measures: ['revenue'], filters: [{ dimension: 'region_name', values: ['West'] }] }],
    ['what share of revenue comes from each channel', { measures: ['revenue'], dimensions: ['channel'], share: true }],
    ['revenue this quarter compared to the one before', { measures: ['revenue'], period: { start: '2026-04-01', end: '2026-06-15' }, comparePeriod: { start: '2026-01-01', end: '2026-03-31' } }],
    ['average discount by customer segment', { measures: ['discount_pct'], dimensions: ['customer_segment'] }],
    // A yes/no question about a change compares with the same days of the period before.
    ['Is revenue down this year?', { measures: ['revenue'], period: { start: '2026-01-01', end: '2026-06-15' }, comparePeriod: { start: '2025-01-01', end: '2025-06-15' } }],
    ['Did revenue go up last month?', { measures: ['revenue'], period: { start: '2026-05-01', end: '2026-05-31' }, comparePeriod: { start: '2026-04-01', end: '2026-04-30' } }],
    ['What is revenue per order?', { measures: ['average_order_value'] }],
  ];
  for (const [question, want] of cases) {
    it(question, () => {
      const parsed = parseQuestion(question, semantic, asOf);
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
      for (const [key, value] of Object.entries(want)) {
        const got: unknown = (parsed.spec as unknown as Record<string, unknown>)[key];
        if (key === 'period' || key === 'comparePeriod') assert.deepEqual({ start: (got as { start: string }).start, end: (got as { end: string }).end }, value, key);
        else assert.deepEqual(got, value, key);
      }
    });
  }
  const declines: Array<[string, RegExp]> = [
    ["What's the weather going to be like tomorrow?", /"weather"/],
    ['How much does our CEO earn?', /"ceo"/],
    ['What is our net promoter score?', /promoter/],
    ['revenue by store manager', /"manager"/],
    ['revenue in 2024 and 2025', /two periods/],
    ['Did revenue go up?', /comparison without a period/],
    ['Has the return rate increased since 2025?', /since 2025/],
    ['What is our share price today?', /share without/],
    ['How many customers ordered last month?', /distinct count/],
  ];
  for (const [question, reason] of declines) {
    it(`declines: ${question}`, () => {
      const plan = planAnswer(question, semantic, asOf, duckdbDialect(asOf));
      assert.equal(plan.kind, 'decline');
      assert.match(plan.kind === 'decline' ? plan.reason : '', reason);
    });
  }
  it('states what it computed', () => {
    const plan = planAnswer('revenue by region last month', semantic, asOf, duckdbDialect(asOf));
    assert.equal(plan.kind === 'sql' ? plan.description : '', 'revenue (cancelled orders excluded), 1–31 May 2026 by order date, by region, highest first');
  });
});

describe('chartFor', () => {
  it('draws a ranking as bars scaled to the largest value', () => {
    const chart = chartFor(['region', 'revenue'], [['West', 200], ['East', 100], ['North', 50]], { width: 8 });
    assert.equal(chart, ['revenue by region', 'West   ████████  200', 'East   ████      100', 'North  ██        50'].join('\n'));
  });
  it('draws a time series with a sparkline first', () => {
    const chart = chartFor(['month', 'orders'], [['2026-01-01', 1], ['2026-02-01', 8], ['2026-03-01', 4]], { width: 8 });
    assert.match(chart ?? '', /^orders by month\n▁█▄ {2}2026-01-01 → 2026-03-01, 1 to 8\n2026-01-01 {2}█ /);
  });
  it('draws nothing for one number or rows without a label', () => {
    assert.equal(chartFor(['revenue'], [[1], [2]]), undefined);
    assert.equal(chartFor(['revenue'], [[1]]), undefined);
  });
});
