import type { WarehouseKind } from '../domain/data-model.js';

/**
 * The few places where DuckDB and BigQuery SQL differ. Golden SQL is written once
 * against this interface and rendered per warehouse, so both dialects stay in step.
 * All date helpers take and return DATE expressions.
 */
export interface SqlDialect {
  readonly id: WarehouseKind;
  /** A qualified table reference. */
  table(name: string): string;
  /** The model's as-of day as a DATE literal: the "today" of the data. */
  readonly asOf: string;
  /** `asOf` minus n days, as a DATE. */
  daysAgo(n: number): string;
  /** `asOf` minus n months, as a DATE. */
  monthsAgo(n: number): string;
  truncMonth(dateExpr: string): string;
  truncQuarter(dateExpr: string): string;
  truncWeek(dateExpr: string): string;
  truncYear(dateExpr: string): string;
  /** Whole days from `start` to `end`. */
  dateDiffDays(end: string, start: string): string;
  /** Whole months from `start` to `end`. */
  dateDiffMonths(end: string, start: string): string;
  /** Month number 1..12. */
  month(dateExpr: string): string;
  year(dateExpr: string): string;
  /** Day of week 1 (Monday) .. 7 (Sunday). */
  isoDayOfWeek(dateExpr: string): string;
  /** a / b, NULL when b is 0. */
  safeDivide(a: string, b: string): string;
  median(expr: string): string;
  /** The DATE part of a TIMESTAMP. */
  toDate(timestampExpr: string): string;
  /** A boolean as 1/0 for sums and averages. */
  boolToInt(expr: string): string;
}

export function duckdbDialect(asOf: string): SqlDialect {
  const lit = `DATE '${asOf}'`;
  return {
    id: 'duckdb',
    table: (name) => name,
    asOf: lit,
    daysAgo: (n) => `CAST(${lit} - INTERVAL ${n} DAY AS DATE)`,
    monthsAgo: (n) => `CAST(${lit} - INTERVAL ${n} MONTH AS DATE)`,
    truncMonth: (e) => `CAST(DATE_TRUNC('month', ${e}) AS DATE)`,
    truncQuarter: (e) => `CAST(DATE_TRUNC('quarter', ${e}) AS DATE)`,
    truncWeek: (e) => `CAST(DATE_TRUNC('week', ${e}) AS DATE)`,
    truncYear: (e) => `CAST(DATE_TRUNC('year', ${e}) AS DATE)`,
    dateDiffDays: (end, start) => `DATE_DIFF('day', ${start}, ${end})`,
    dateDiffMonths: (end, start) => `DATE_DIFF('month', ${start}, ${end})`,
    month: (e) => `EXTRACT(MONTH FROM ${e})`,
    year: (e) => `EXTRACT(YEAR FROM ${e})`,
    isoDayOfWeek: (e) => `ISODOW(${e})`,
    safeDivide: (a, b) => `(${a}) / NULLIF(${b}, 0)`,
    median: (e) => `MEDIAN(${e})`,
    toDate: (e) => `CAST(${e} AS DATE)`,
    boolToInt: (e) => `CAST(${e} AS INTEGER)`,
  };
}

export function bigqueryDialect(asOf: string, projectId: string, dataset: string): SqlDialect {
  const lit = `DATE '${asOf}'`;
  return {
    id: 'bigquery',
    table: (name) => `\`${projectId}.${dataset}.${name}\``,
    asOf: lit,
    daysAgo: (n) => `DATE_SUB(${lit}, INTERVAL ${n} DAY)`,
    monthsAgo: (n) => `DATE_SUB(${lit}, INTERVAL ${n} MONTH)`,
    truncMonth: (e) => `DATE_TRUNC(${e}, MONTH)`,
    truncQuarter: (e) => `DATE_TRUNC(${e}, QUARTER)`,
    truncWeek: (e) => `DATE_TRUNC(${e}, ISOWEEK)`,
    truncYear: (e) => `DATE_TRUNC(${e}, YEAR)`,
    dateDiffDays: (end, start) => `DATE_DIFF(${end}, ${start}, DAY)`,
    dateDiffMonths: (end, start) => `DATE_DIFF(${end}, ${start}, MONTH)`,
    month: (e) => `EXTRACT(MONTH FROM ${e})`,
    year: (e) => `EXTRACT(YEAR FROM ${e})`,
    // BigQuery counts from Sunday = 1; shift to ISO (Monday = 1).
    isoDayOfWeek: (e) => `MOD(EXTRACT(DAYOFWEEK FROM ${e}) + 5, 7) + 1`,
    safeDivide: (a, b) => `SAFE_DIVIDE(${a}, ${b})`,
    median: (e) => `APPROX_QUANTILES(${e}, 2)[OFFSET(1)]`,
    toDate: (e) => `DATE(${e})`,
    boolToInt: (e) => `CAST(${e} AS INT64)`,
  };
}
