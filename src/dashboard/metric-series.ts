import { relative, resolve, isAbsolute } from 'node:path';
import { DuckDBInstance } from '../warehouse/duckdb-api.js';
import type { DataModel, GoldenSql } from '../domain/data-model.js';
import type { SeriesPoint } from './line-chart.js';

const TIME_COLUMN = /(^|_)(month|week|day|date|quarter|year|period|time)(_|$)/i;

/**
 * The golden query that best shows a key metric over time: its first column is a period
 * (`month`, `signup_quarter`, ...) and it has a second column to plot; one with a declared
 * trend wins, then the one with the fewest columns (a single metric).
 */
export function pickTimeSeriesQuery(model: Pick<DataModel, 'goldenSql'>): GoldenSql | undefined {
  const candidates = model.goldenSql.filter((g) => g.expectedColumns.length >= 2 && TIME_COLUMN.test(g.expectedColumns[0] ?? ''));
  const score = (g: GoldenSql): number => (g.insights?.some((i) => i.kind === 'trend') ? 0 : 10) + g.expectedColumns.length;
  return [...candidates].sort((a, b) => score(a) - score(b))[0];
}

/** Only one read-only statement, so a golden query from the store cannot do anything else. */
export function isSingleSelect(sql: string): boolean {
  const body = sql.trim().replace(/;\s*$/, '');
  return /^(select|with)\b/i.test(body) && !body.includes(';');
}

function toLabel(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') return v.length > 10 && /^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : v;
  return String(v);
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  if (v !== null && typeof v === 'object') {
    const n = Number((v as { toString(): string }).toString());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export interface Series {
  question: string;
  metric: string;
  points: SeriesPoint[];
}

/**
 * Runs a golden query against a DuckDB file opened read-only with external access off
 * (no file, network or extension reads from the SQL), and returns its first numeric
 * column over its first (period) column.
 */
export async function readSeries(file: string, sql: string, options: { allowedDir?: string } = {}): Promise<Omit<Series, 'question'>> {
  if (options.allowedDir) {
    const rel = relative(resolve(options.allowedDir), resolve(file));
    if (rel.startsWith('..') || isAbsolute(rel)) throw new Error('the dataset file is outside the warehouse directory');
  }
  if (!isSingleSelect(sql)) throw new Error('the query is not a single SELECT');
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY', enable_external_access: 'false', threads: '1' });
  try {
    const conn = await instance.connect();
    try {
      const reader = await conn.runAndReadAll(`SELECT * FROM (${sql.trim().replace(/;\s*$/, '')}) LIMIT 400`);
      const names = reader.columnNames();
      const rows = reader.getRowsJS();
      const metricIndex = names.findIndex((_n, i) => i > 0 && rows.some((r) => toNumber(r[i]) !== undefined));
      if (metricIndex < 0) throw new Error('the query has no numeric column to plot');
      const points = rows.flatMap((r) => {
        const value = toNumber(r[metricIndex]);
        return value === undefined || r[0] === null ? [] : [{ label: toLabel(r[0]), value }];
      });
      return { metric: names[metricIndex] ?? 'value', points };
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/** Remembers series per dataset version, so a page view does not reopen the file. */
export class SeriesCache {
  private readonly entries = new Map<string, Promise<Series>>();
  constructor(private readonly max = 32) {}

  get(key: string, load: () => Promise<Series>): Promise<Series> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const pending = load();
    this.entries.set(key, pending);
    // Failures (a job still holding the file) are tried again next time.
    pending.catch(() => this.entries.delete(key));
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return pending;
  }
}
