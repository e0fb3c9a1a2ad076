import type { Insight } from '../../domain/data-model.js';

/** The outcome of checking one declared insight on a golden query's result. */
export interface InsightCheck {
  /** The claim in words, e.g. `VIP members: avg_order_value >= 2x the largest other`. */
  claim: string;
  holds: boolean;
  /** What the result showed. */
  observed: string;
}

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

const round = (x: number): number => Math.round(x * 100) / 100;

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
  }
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
      return { claim, holds: Number.isFinite(v) && ratio >= insight.atLeast, observed };
    }
    case 'top': {
      const k = need(insight.key);
      if (typeof k !== 'number') return k;
      let row = rows[0];
      if (insight.by !== undefined) {
        const b = need(insight.by);
        if (typeof b !== 'number') return b;
        row = [...rows].sort((x, y) => num(y[b]) - num(x[b]))[0];
      }
      if (!row) return fail('no rows');
      const got = String(row[k]);
      return { claim, holds: got === insight.value, observed: `${insight.key} = ${got}` };
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
      return { claim, holds, observed: `first third averages ${round(first)}, last third ${round(last)} (${round(ratio)}x)` };
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
      return { claim, holds, observed: `${insight.column} = ${values.slice(0, 5).map(round).join(', ')}${values.length > 5 ? ', ...' : ''}` };
    }
  }
}
