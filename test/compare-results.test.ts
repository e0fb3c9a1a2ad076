import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareResults, type ResultTable } from '../src/dataagent/compare-results.js';

const t = (columns: string[], rows: unknown[][]): ResultTable => ({ columns, rows });

const revenueByRegion = t(
  ['region', 'revenue'],
  [
    ['EMEA', 1250.5],
    ['APAC', 980.25],
    ['AMER', 2210],
  ],
);

describe('compareResults: answers that carry the golden result', () => {
  const matches: Array<[string, ResultTable, ResultTable, { relTolerance?: number; absTolerance?: number }?]> = [
    ['the identical table', revenueByRegion, revenueByRegion],
    [
      'the same rows in another order',
      revenueByRegion,
      t(['region', 'revenue'], [['AMER', 2210], ['EMEA', 1250.5], ['APAC', 980.25]]),
    ],
    [
      'numbers as numeric strings, as CAPI streams them',
      revenueByRegion,
      t(['region', 'revenue'], [['EMEA', '1250.5'], ['APAC', '980.25'], ['AMER', '2210.0']]),
    ],
    [
      'numbers rounded to cents (within the relative tolerance)',
      t(['avg_order_value'], [[123.456789]]),
      t(['avg_order_value'], [[123.46]]),
    ],
    [
      'a tiny value within the absolute tolerance of zero',
      t(['delta'], [[0]]),
      t(['delta'], [[4e-7]]),
    ],
    [
      'renamed and reordered columns, matched by their values',
      revenueByRegion,
      t(['total_revenue', 'sales_region'], [[980.25, 'APAC'], [2210, 'AMER'], [1250.5, 'EMEA']]),
    ],
    [
      'extra answer columns',
      revenueByRegion,
      t(['region', 'orders', 'revenue'], [['EMEA', 12, 1250.5], ['APAC', 9, 980.25], ['AMER', 20, 2210]]),
    ],
    [
      'a DATE against a midnight UTC timestamp',
      t(['month', 'orders'], [['2026-01-01', 10], ['2026-02-01', 12]]),
      t(['month', 'orders'], [['2026-02-01T00:00:00Z', '12'], ['2026-01-01 00:00:00 UTC', '10']]),
    ],
    [
      'the same instant in different zones and a Date object',
      t(['at'], [['2026-03-01T12:00:00Z'], [new Date('2026-03-02T00:00:00Z')]]),
      t(['at'], [['2026-03-01T13:00:00+01:00'], ['2026-03-02 00:00:00.000']]),
    ],
    [
      'a bigint count against a string count, and BigQuery { value } wrappers',
      t(['day', 'n'], [['2026-05-04', 42n]]),
      t(['day', 'n'], [[{ value: '2026-05-04' }, '42']]),
    ],
    [
      'nulls in the same places',
      t(['segment', 'churn'], [['smb', null], ['enterprise', 0.05]]),
      t(['segment', 'churn'], [['enterprise', '0.05'], ['smb', null]]),
    ],
    [
      'two columns with the same values, told apart by their names',
      t(['a', 'b'], [[1, 1], [2, 2]]),
      t(['b', 'a'], [[2, 2], [1, 1]]),
    ],
    [
      'the one of two same-valued answer columns that lines up with the rows',
      t(['store', 'sales'], [[1, 10], [2, 20]]),
      t(['id', 'target', 'actual'], [[1, 20, 10], [2, 10, 20]]),
    ],
    [
      'near-equal numbers that sort in another order than their rows',
      t(['score', 'team'], [[1.0000001, 'b'], [1.0, 'a']]),
      t(['score', 'team'], [[1.0000001, 'a'], [1.0, 'b']]),
    ],
    [
      'booleans as strings',
      t(['active', 'n'], [[true, 3], [false, 1]]),
      t(['is_active', 'count'], [['false', '1'], ['TRUE', '3']]),
    ],
    ['two empty results', t(['x'], []), t(['anything'], [])],
    [
      'a looser tolerance when asked',
      t(['share'], [[0.3333]]),
      t(['share'], [[0.33]]),
      { relTolerance: 0.02 },
    ],
  ];
  for (const [scenario, golden, answer, options] of matches) {
    it(`matches ${scenario}`, () => {
      assert.deepEqual(compareResults(golden, answer, options), { match: true });
    });
  }
});

describe('compareResults: answers that must be rejected', () => {
  const mismatches: Array<[string, ResultTable, ResultTable, RegExp, { relTolerance?: number; absTolerance?: number }?]> = [
    [
      'a missing row',
      revenueByRegion,
      t(['region', 'revenue'], [['EMEA', 1250.5], ['APAC', 980.25]]),
      /expected 3 rows, got 2/,
    ],
    [
      'a duplicated row instead of another',
      revenueByRegion,
      t(['region', 'revenue'], [['EMEA', 1250.5], ['EMEA', 1250.5], ['AMER', 2210]]),
      /golden column "region"/,
    ],
    [
      'a number off by more than the tolerance',
      revenueByRegion,
      t(['region', 'revenue'], [['EMEA', 1250.5], ['APAC', 990.25], ['AMER', 2210]]),
      /golden column "revenue".*"revenue" has different values \(expected 980.25, got 990.25\)/,
    ],
    [
      'a ratio given as a percentage',
      t(['conversion_rate'], [[0.125]]),
      t(['conversion_rate'], [[12.5]]),
      /golden column "conversion_rate"/,
    ],
    [
      'rounding that is too coarse for the default tolerance',
      t(['share'], [[0.3333]]),
      t(['share'], [[0.33]]),
      /golden column "share"/,
    ],
    [
      'a golden column the answer lacks',
      revenueByRegion,
      t(['region'], [['EMEA'], ['APAC'], ['AMER']]),
      /no answer column has the values of golden column "revenue"$/,
    ],
    [
      'values that exist but are paired with the wrong rows',
      revenueByRegion,
      t(['region', 'revenue'], [['EMEA', 980.25], ['APAC', 1250.5], ['AMER', 2210]]),
      /rows do not line up/,
    ],
    [
      'a different day',
      t(['day'], [['2026-01-01']]),
      t(['day'], [['2026-01-02T00:00:00Z']]),
      /golden column "day"/,
    ],
    [
      'a different instant on the same day',
      t(['at'], [['2026-01-01T10:00:00Z']]),
      t(['at'], [['2026-01-01T11:00:00Z']]),
      /golden column "at"/,
    ],
    [
      'a null where a value was expected',
      t(['churn'], [[0.05]]),
      t(['churn'], [[null]]),
      /golden column "churn"/,
    ],
    [
      'zero against null',
      t(['n'], [[0]]),
      t(['n'], [[null]]),
      /golden column "n"/,
    ],
    [
      'a string that only differs in case',
      t(['region'], [['EMEA']]),
      t(['region'], [['emea']]),
      /golden column "region"/,
    ],
    ['rows where none were expected', t(['x'], []), t(['x'], [[1]]), /expected 0 rows, got 1/],
  ];
  for (const [scenario, golden, answer, reason, options] of mismatches) {
    it(`rejects ${scenario}`, () => {
      const result = compareResults(golden, answer, options);
      assert.equal(result.match, false);
      assert.match(result.reason ?? '', reason);
    });
  }

  it('does not use one answer column for two golden columns', () => {
    const result = compareResults(t(['a', 'b'], [[1, 1], [2, 2]]), t(['a'], [[1], [2]]));
    assert.deepEqual(result, { match: false, reason: 'every golden column has its values in the answer, but the rows do not line up' });
  });
});
