/** A query result: column names and rows of values in column order. */
export interface ResultTable {
  columns: string[];
  rows: unknown[][];
}

export interface CompareOptions {
  /** Relative tolerance for numbers; default 1e-3 (agents round). */
  relTolerance?: number;
  /** Absolute tolerance for numbers near zero; default 1e-6. */
  absTolerance?: number;
}

export interface Comparison {
  match: boolean;
  /** Why they differ, in plain words, when they do. */
  reason?: string;
}

/** A value reduced to what it means: warehouses and agents spell the same value differently. */
type Canon = { k: 0 } | { k: 1; n: number } | { k: 2; t: number } | { k: 3; b: boolean } | { k: 4; s: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

function canon(v: unknown): Canon {
  if (v === null || v === undefined) return { k: 0 };
  if (typeof v === 'number') return Number.isNaN(v) ? { k: 4, s: 'NaN' } : { k: 1, n: v };
  if (typeof v === 'bigint') return { k: 1, n: Number(v) };
  if (typeof v === 'boolean') return { k: 3, b: v };
  if (v instanceof Date) return { k: 2, t: v.getTime() };
  if (typeof v === 'string') return canonString(v.trim());
  // BigQuery's client wraps DATE, TIMESTAMP and NUMERIC values as { value }.
  if (typeof v === 'object' && 'value' in v) return canon(v.value);
  return { k: 4, s: JSON.stringify(v) };
}

function canonString(s: string): Canon {
  if (NUMBER.test(s)) return { k: 1, n: Number(s) };
  const lower = s.toLowerCase();
  if (lower === 'true' || lower === 'false') return { k: 3, b: lower === 'true' };
  const d = DATE.exec(s);
  if (d) return { k: 2, t: Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])) };
  const ts = TIMESTAMP.exec(s);
  if (ts) {
    // A timestamp without a zone is UTC in both BigQuery and DuckDB.
    let zone = (ts[3] ?? 'Z').toUpperCase();
    if (zone === 'UTC') zone = 'Z';
    else if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
    else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const t = Date.parse(`${ts[1]}T${ts[2]}${zone}`);
    if (!Number.isNaN(t)) return { k: 2, t };
  }
  return { k: 4, s: s.normalize('NFC') };
}

function order(a: Canon, b: Canon): number {
  if (a.k !== b.k) return a.k - b.k;
  switch (a.k) {
    case 1:
      return a.n - (b as { n: number }).n;
    case 2:
      return a.t - (b as { t: number }).t;
    case 3:
      return Number(a.b) - Number((b as { b: boolean }).b);
    case 4: {
      const s = (b as { s: string }).s;
      return a.s < s ? -1 : a.s > s ? 1 : 0;
    }
    default:
      return 0;
  }
}

function show(c: Canon): string {
  switch (c.k) {
    case 0:
      return 'null';
    case 1:
      return String(c.n);
    case 2:
      return new Date(c.t).toISOString();
    case 3:
      return String(c.b);
    case 4:
      return JSON.stringify(c.s);
  }
}

const NULL: Canon = { k: 0 };

const normName = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Whether an agent's answer has the golden result. Row order does not matter, numbers match
 * within a tolerance (numeric strings are numbers), dates and timestamps match by the day or
 * instant they denote, and columns are matched by their values, not their names or order:
 * every golden column must be found among the answer's columns (extra ones are allowed), and
 * the rows must then match one to one. Pure.
 */
export function compareResults(golden: ResultTable, answer: ResultTable, options: CompareOptions = {}): Comparison {
  const rel = options.relTolerance ?? 1e-3;
  const abs = options.absTolerance ?? 1e-6;
  const same = (a: Canon, b: Canon): boolean => {
    if (a.k !== b.k) return false;
    if (a.k === 1) {
      const n = (b as { n: number }).n;
      return a.n === n || Math.abs(a.n - n) <= abs + rel * Math.max(Math.abs(a.n), Math.abs(n));
    }
    return order(a, b) === 0;
  };

  if (golden.rows.length !== answer.rows.length) {
    return { match: false, reason: `expected ${golden.rows.length} rows, got ${answer.rows.length}` };
  }
  if (golden.rows.length === 0) return { match: true };

  const g = golden.rows.map((r) => golden.columns.map((_, i) => canon(r[i])));
  const a = answer.rows.map((r) => answer.columns.map((_, i) => canon(r[i])));
  const column = (rows: Canon[][], i: number): Canon[] => rows.map((r) => r[i] ?? NULL).sort(order);
  const goldenCols = golden.columns.map((_, i) => column(g, i));
  const answerCols = answer.columns.map((_, i) => column(a, i));
  const firstDifference = (x: Canon[], y: Canon[]): string => {
    const i = x.findIndex((v, j) => !same(v, y[j] ?? NULL));
    return `expected ${show(x[i] ?? NULL)}, got ${show(y[i] ?? NULL)}`;
  };

  // Candidates per golden column: answer columns holding the same values, best named first.
  const candidates = golden.columns.map((name, gi) => {
    const gc = goldenCols[gi] ?? [];
    const fits = answer.columns.map((_, ai) => ai).filter((ai) => (answerCols[ai] ?? []).every((v, j) => same(gc[j] ?? NULL, v)));
    const rank = (ai: number): number => (normName(answer.columns[ai] ?? '') === normName(name) ? 0 : ai === gi ? 1 : 2);
    return fits.sort((x, y) => rank(x) - rank(y));
  });
  const missing = candidates.findIndex((c) => c.length === 0);
  if (missing >= 0) {
    const name = golden.columns[missing] ?? '';
    const namesake = answer.columns.findIndex((c) => normName(c) === normName(name));
    const detail = namesake >= 0 ? `: answer column "${answer.columns[namesake]}" has different values (${firstDifference(goldenCols[missing] ?? [], answerCols[namesake] ?? [])})` : '';
    return { match: false, reason: `no answer column has the values of golden column "${name}"${detail}` };
  }

  // Columns with fewer candidates first keeps the search small.
  const byConstraint = golden.columns.map((_, i) => i).sort((x, y) => (candidates[x]?.length ?? 0) - (candidates[y]?.length ?? 0));
  const chosen = new Array<number>(golden.columns.length).fill(-1);
  const used = new Set<number>();
  let budget = 1000;
  const search = (depth: number): boolean => {
    if (depth === byConstraint.length) {
      budget--;
      return rowsMatch(g, a.map((r) => chosen.map((ai) => r[ai] ?? NULL)), same);
    }
    const gi = byConstraint[depth] ?? 0;
    for (const ai of candidates[gi] ?? []) {
      if (used.has(ai) || budget <= 0) continue;
      used.add(ai);
      chosen[gi] = ai;
      if (search(depth + 1)) return true;
      used.delete(ai);
    }
    return false;
  };
  if (search(0)) return { match: true };
  return { match: false, reason: 'every golden column has its values in the answer, but the rows do not line up' };
}

/** Whether two row sets are equal as multisets under `same`. */
function rowsMatch(x: Canon[][], y: Canon[][], same: (a: Canon, b: Canon) => boolean): boolean {
  const rowOrder = (r: Canon[], s: Canon[]): number => {
    for (let i = 0; i < r.length; i++) {
      const c = order(r[i] ?? NULL, s[i] ?? NULL);
      if (c !== 0) return c;
    }
    return 0;
  };
  const rowSame = (r: Canon[], s: Canon[]): boolean => r.every((v, i) => same(v, s[i] ?? NULL));
  const xs = [...x].sort(rowOrder);
  const ys = [...y].sort(rowOrder);
  if (xs.every((r, i) => rowSame(r, ys[i] ?? []))) return true;
  // Tolerance can reorder near-equal keys; pair rows greedily before giving up.
  if (x.length > 2000) return false;
  const free = ys.map(() => true);
  return xs.every((r) => {
    const j = ys.findIndex((s, i) => free[i] && rowSame(r, s));
    if (j < 0) return false;
    free[j] = false;
    return true;
  });
}
