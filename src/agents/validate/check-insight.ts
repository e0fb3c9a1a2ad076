import type { Insight } from '../../domain/data-model.js';

/** One cell of a result: the row's label (its `key` column), the column and the number. */
export interface Figure {
  row?: string;
  column: string;
  value: number;
}

/**
 * What a check measured, as result cells, so a sentence can quote them (present-claims.ts).
 * Every figure is a cell of the result; `ratio` and `average` are the only derived numbers.
 */
export interface Measure {
  kind: Insight['kind'];
  /** The label column, when rows are picked by label. */
  key?: string;
  /** The measured column. */
  column: string;
  /** The row the claim is about. */
  subject?: Figure;
  /** What it is compared with: the named other row, the largest other, or the runner-up. */
  other?: Figure;
  /** The mean of the other rows (`ratio` with `vs: 'average'`). */
  average?: number;
  ratio?: number;
  /** `top`/`bottom`: the subject ranks highest or lowest of `of` rows. */
  rank?: { position: 'highest' | 'lowest'; of: number };
  /** `trend`: the first and the last row, labelled by the first column. */
  first?: Figure;
  last?: Figure;
  /** `between` over every row. */
  values?: Figure[];
}

/** The outcome of checking one declared insight on a golden query's result. */
export interface InsightCheck {
  /** The claim in words, e.g. `VIP members: avg_order_value >= 2x the largest other`. */
  claim: string;
  holds: boolean;
  /** What the result showed. */
  observed: string;
  /** The cells behind `observed`; absent when the result could not be measured at all. */
  measure?: Measure;
}

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** A result cell used as a row's label (a month, a segment). */
function label(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v.toString();
  return v === null || v === undefined ? '' : JSON.stringify(v);
}

/** Describes an insight in words, for reports. */
export function describeInsight(insight: Insight): string {
  switch (insight.kind) {
    case 'ratio':
      return `${insight.value}: ${insight.column} >= ${insight.atLeast}x the ${insight.vs === 'average' ? 'average' : 'largest'} of the others`;
    case 'top':
      return insight.by ? `the row with the largest ${insight.by} is ${insight.key} = ${insight.value}` : `the first row is ${insight.key} = ${insight.value}`;
    case 'trend':
      return `${insight.column} ${insight.direction === 'up' ? 'rises' : 'falls'} over the rows${insight.atLeast ? ` (last third vs first third at least ${insight.atLeast}x)` : ''}`;
    case 'between':
      return `${insight.value !== undefined ? `${insight.value}: ` : ''}${insight.column} in [${insight.min ?? '-inf'}, ${insight.max ?? 'inf'}]`;
    case 'compare':
      return `${insight.column} of ${insight.value} >= ${insight.atLeast}x that of ${insight.other}`;
    case 'bottom':
      return `the row with the smallest ${insight.by} is ${insight.key} = ${insight.value}`;
  }
}

/**
 * Rows whose figures tie are ranked by their label: a warehouse returns tied rows in any order
 * (DuckDB's threads decide), and the row a claim names must not change from one run to the next.
 */
function byLabel(x: readonly unknown[], y: readonly unknown[], k: number): number {
  const a = String(x[k]);
  const b = String(y[k]);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Checks a declared insight on a query result: its direction and rough size. Pure: the
 * validate stage and the blueprint checker both call it on the rows a warehouse returned.
 */
export function checkInsight(insight: Insight, columns: readonly string[], rows: readonly (readonly unknown[])[]): InsightCheck {
  const claim = describeInsight(insight);
  const fail = (observed: string): InsightCheck => ({ claim, holds: false, observed });
  const col = (name: string): number => columns.indexOf(name);
  const need = (name: string): number | InsightCheck => {
    const i = col(name);
    return i < 0 ? fail(`the result has no column ${name}`) : i;
  };
  const rowWhere = (keyIdx: number, value: string): readonly unknown[] | undefined => rows.find((r) => String(r[keyIdx]) === value);

  switch (insight.kind) {
    case 'ratio':
    case 'compare': {
      const k = need(insight.key);
      const c = need(insight.column);
      if (typeof k !== 'number') return k;
      if (typeof c !== 'number') return c;
      const row = rowWhere(k, insight.value);
      if (!row) return fail(`no row where ${insight.key} = ${insight.value}`);
      const v = num(row[c]);
      let base: number;
      let what: string;
      if (insight.kind === 'compare') {
        const other = rowWhere(k, insight.other);
        if (!other) return fail(`no row where ${insight.key} = ${insight.other}`);
        base = num(other[c]);
        what = insight.other;
      } else {
        const others = rows.filter((r) => r !== row).map((r) => num(r[c])).filter((x) => Number.isFinite(x));
        if (others.length === 0) return fail('no other rows to compare with');
        base = insight.vs === 'average' ? others.reduce((a, b) => a + b, 0) / others.length : Math.max(...others);
        what = insight.vs === 'average' ? 'the others on average' : 'the largest other';
      }
      const ratio = base === 0 ? (v > 0 ? Infinity : NaN) : v / base;
      const observed = `${insight.column} = ${round(v)} vs ${round(base)} for ${what} (${round(ratio)}x)`;
      const subject: Figure = { row: insight.value, column: insight.column, value: v };
      let measure: Measure = { kind: insight.kind, key: insight.key, column: insight.column, subject, ratio };
      if (insight.kind === 'compare') measure = { ...measure, other: { row: insight.other, column: insight.column, value: base } };
      else if (insight.vs === 'average') measure = { ...measure, average: base };
      else {
        const largest = rows.filter((r) => r !== row).sort((x, y) => num(y[c]) - num(x[c]) || byLabel(x, y, k))[0];
        measure = { ...measure, other: { row: String(largest?.[k]), column: insight.column, value: base } };
      }
      return { claim, holds: Number.isFinite(v) && ratio >= insight.atLeast, observed, measure };
    }
    case 'top':
    case 'bottom': {
      const k = need(insight.key);
      if (typeof k !== 'number') return k;
      const by = insight.by;
      if (by === undefined) {
        const row = rows[0];
        if (!row) return fail('no rows');
        const got = String(row[k]);
        // Without `by` the query's own order ranks the rows, and the figure quoted is the column it
        // is ordered by: the last numeric column that never rises down the rows (ORDER BY … DESC;
        // "Infant care comes first: monthly revenue $9,800", not its count of agreements), else the
        // last that never falls (ASC: "complete least often"), else the first numeric column.
        const numeric = columns.map((_, i) => i).filter((i) => i !== k && rows.every((r) => Number.isFinite(num(r[i]))));
        const inOrder = (sign: 1 | -1): number[] =>
          rows.length > 1 ? numeric.filter((i) => rows.every((r, j) => j === 0 || sign * (num(r[i]) - num(rows[j - 1]?.[i])) >= 0)) : [];
        const c = inOrder(-1).at(-1) ?? inOrder(1).at(-1) ?? columns.findIndex((_, i) => i !== k && Number.isFinite(num(row[i])));
        const measure: Measure = { kind: insight.kind, key: insight.key, column: c < 0 ? insight.key : (columns[c] ?? insight.key), ...(c < 0 ? {} : { subject: { row: got, column: columns[c] ?? '', value: num(row[c]) } }), rank: { position: 'highest', of: rows.length } };
        return { claim, holds: got === insight.value, observed: `${insight.key} = ${got}`, measure };
      }
      const b = need(by);
      if (typeof b !== 'number') return b;
      const lowest = insight.kind === 'bottom';
      // A row tied with the claimed one ranks after it (the claimed row is first, jointly, and the
      // tie shows as the runner-up's equal figure); other ties by label.
      const claimed = (r: readonly unknown[]): number => (String(r[k]) === insight.value ? 1 : 0);
      const ranked = rows.filter((r) => Number.isFinite(num(r[b]))).sort((x, y) => (lowest ? num(x[b]) - num(y[b]) : num(y[b]) - num(x[b])) || claimed(y) - claimed(x) || byLabel(x, y, k));
      const [row, runnerUp] = ranked;
      if (!row) return fail(`no numeric ${by}`);
      const got = String(row[k]);
      const measure: Measure = {
        kind: insight.kind,
        key: insight.key,
        column: by,
        subject: { row: got, column: by, value: num(row[b]) },
        ...(runnerUp ? { other: { row: String(runnerUp[k]), column: by, value: num(runnerUp[b]) } } : {}),
        rank: { position: lowest ? 'lowest' : 'highest', of: ranked.length },
      };
      return { claim, holds: got === insight.value, observed: `${insight.key} = ${got} (${by} = ${round(num(row[b]))})`, measure };
    }
    case 'trend': {
      const c = need(insight.column);
      if (typeof c !== 'number') return c;
      const values = rows.map((r) => num(r[c])).filter((x) => Number.isFinite(x));
      if (values.length < 3) return fail(`only ${values.length} values`);
      const third = Math.max(1, Math.floor(values.length / 3));
      const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      const first = mean(values.slice(0, third));
      const last = mean(values.slice(-third));
      const ratio = first === 0 ? Infinity : last / first;
      const min = insight.atLeast ?? 1;
      const holds = insight.direction === 'up' ? last > first && ratio >= min : last < first && ratio <= 1 / min;
      const labelled = rows.filter((r) => Number.isFinite(num(r[c])));
      const cell = (r: readonly unknown[] | undefined): Figure => ({ row: label(r?.[c === 0 ? 1 : 0]), column: insight.column, value: num(r?.[c]) });
      const measure: Measure = { kind: 'trend', column: insight.column, first: cell(labelled[0]), last: cell(labelled.at(-1)), ratio };
      return { claim, holds, observed: `first third averages ${round(first)}, last third ${round(last)} (${round(ratio)}x)`, measure };
    }
    case 'between': {
      const c = need(insight.column);
      if (typeof c !== 'number') return c;
      let picked = rows;
      if (insight.key !== undefined && insight.value !== undefined) {
        const k = need(insight.key);
        if (typeof k !== 'number') return k;
        const row = rowWhere(k, insight.value);
        if (!row) return fail(`no row where ${insight.key} = ${insight.value}`);
        picked = [row];
      }
      const values = picked.map((r) => num(r[c]));
      const lo = insight.min ?? -Infinity;
      const hi = insight.max ?? Infinity;
      const holds = values.length > 0 && values.every((v) => Number.isFinite(v) && v >= lo && v <= hi);
      const labelIdx = insight.key !== undefined ? columns.indexOf(insight.key) : c === 0 ? 1 : 0;
      const figures = picked.map((r) => ({ ...(picked.length > 1 || insight.value !== undefined ? { row: insight.value ?? String(r[labelIdx]) } : {}), column: insight.column, value: num(r[c]) }));
      const measure: Measure = { kind: 'between', ...(insight.key ? { key: insight.key } : {}), column: insight.column, values: figures, ...(figures.length === 1 && figures[0] ? { subject: figures[0] } : {}) };
      return { claim, holds, observed: `${insight.column} = ${values.slice(0, 5).map(round).join(', ')}${values.length > 5 ? ', ...' : ''}`, measure };
    }
  }
}
