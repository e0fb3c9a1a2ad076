import type { SemanticDimension, SemanticJoin, SemanticMeasure, SemanticModel, SemanticTimeDimension, TimeGrain } from '../domain/semantic-model.js';
import type { SqlDialect } from '../warehouse/sql-dialect.js';
import type { Period } from './periods.js';

/** A filter by dimension values ("in the West region"); a boolean dimension takes 'true'/'false'. */
export interface QueryFilter {
  dimension: string;
  values: string[];
}

/** A question, understood: what to compute, sliced and restricted how. */
export interface QuerySpec {
  measures: string[];
  dimensions: string[];
  /** A trend: one row per grain of the time dimension. */
  grain?: TimeGrain;
  /** The time dimension periods and grains apply to; default: the first measure's. */
  timeDimension?: string;
  period?: Period;
  /** "compared to the one before": the same measures over this earlier period, side by side. */
  comparePeriod?: Period;
  filters: QueryFilter[];
  order?: 'desc' | 'asc';
  limit?: number;
  /** Each row's share of the total, in percent. */
  share?: boolean;
}

export class CompileError extends Error {}

export interface CompiledQuery {
  sql: string;
  /** The base table rows are counted over. */
  baseTable: string;
  /** The time dimension a period or grain used, if any. */
  timeDimension?: SemanticTimeDimension;
  /** Named filters applied by the measures. */
  appliedFilters: string[];
}

const KEYWORDS = new Set(
  'case when then else end not and or null true false is in as cast date timestamp coalesce nullif between like distinct interval day month year abs round least greatest safe_divide if'.split(' '),
);

/** Qualifies the bare column names of an expression with a table alias. */
export function qualify(expr: string, alias: string): string {
  if (expr === '*') return expr;
  return expr.replace(/'(?:[^']|'')*'|\b([a-z_][a-z0-9_]*)\b(?!\s*\()/gi, (m, id: string | undefined) => {
    if (!id) return m;
    return KEYWORDS.has(id.toLowerCase()) ? m : `${alias}.${id}`;
  });
}

/** The shortest many-to-one join path from `from` to `to`, or undefined when there is none. */
export function joinPath(from: string, to: string, joins: readonly SemanticJoin[]): SemanticJoin[] | undefined {
  if (from === to) return [];
  const queue: Array<{ table: string; path: SemanticJoin[] }> = [{ table: from, path: [] }];
  const seen = new Set([from]);
  while (queue.length) {
    const { table, path } = queue.shift() ?? { table: '', path: [] };
    for (const j of joins) {
      if (j.from !== table || seen.has(j.to)) continue;
      const next = [...path, j];
      if (j.to === to) return next;
      seen.add(j.to);
      queue.push({ table: j.to, path: next });
    }
  }
  return undefined;
}

function sqlString(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}

/** Leaf measures of a measure (a ratio's numerator and denominator). */
export function leaves(m: SemanticMeasure, model: SemanticModel): SemanticMeasure[] {
  if (m.agg !== 'ratio') return [m];
  const parts = [m.numerator, m.denominator].map((n) => model.measures.find((x) => x.name === n));
  if (parts.some((p) => !p || p.agg === 'ratio')) throw new CompileError(`The measure ${m.label} is defined from measures that are missing.`);
  return parts as SemanticMeasure[];
}

/**
 * Compiles an understood question to one SELECT over the model's tables, in the dialect: the
 * measures' base table joined many-to-one to whatever the dimensions, filters and time need,
 * named filters folded into each aggregate (so measures with different filters combine), a
 * period as a date range, a comparison as a second aggregate per measure. Pure.
 */
export function compileQuery(spec: QuerySpec, model: SemanticModel, dialect: SqlDialect): CompiledQuery {
  const measure = (name: string): SemanticMeasure => {
    const m = model.measures.find((x) => x.name === name);
    if (!m) throw new CompileError(`There is no measure ${name}.`);
    return m;
  };
  const measures = spec.measures.map(measure);
  if (measures.length === 0) throw new CompileError('No measure to compute.');
  const leafTables = [...new Set(measures.flatMap((m) => leaves(m, model)).map((l) => l.table))];
  // The base is the table every other measure's table is reachable from (the finest grain).
  const base = leafTables.find((t) => leafTables.every((o) => joinPath(t, o, model.joins) !== undefined));
  if (!base) throw new CompileError(`${measures.map((m) => m.label).join(' and ')} are measured on tables that do not join.`);

  const aliases = new Map<string, string>([['', 't0']]);
  const joinsSql: string[] = [];
  /** The alias of `table` reached from the base along the shortest path, adding its joins. */
  const reach = (table: string): string => {
    const path = joinPath(base, table, model.joins);
    if (!path) throw new CompileError(`${table} cannot be reached from ${base}.`);
    let key = '';
    let alias = 't0';
    for (const j of path) {
      const nextKey = `${key}/${j.fromColumn}>${j.to}`;
      let next = aliases.get(nextKey);
      if (!next) {
        next = `t${aliases.size}`;
        aliases.set(nextKey, next);
        joinsSql.push(`JOIN ${dialect.table(j.to)} ${next} ON ${next}.${j.toColumn} = ${alias}.${j.fromColumn}`);
      }
      key = nextKey;
      alias = next;
    }
    return alias;
  };

  const dimension = (name: string): SemanticDimension => {
    const d = model.dimensions.find((x) => x.name === name);
    if (!d) throw new CompileError(`There is no dimension ${name}.`);
    return d;
  };

  const timeName = spec.timeDimension ?? measures.map((m) => leaves(m, model)[0]?.timeDimension).find((t) => t !== undefined);
  const time = timeName ? model.timeDimensions.find((t) => t.name === timeName) : undefined;
  if ((spec.period || spec.grain || spec.comparePeriod) && !time) throw new CompileError(`${measures[0]?.label ?? 'This measure'} has no date to apply a period to.`);
  const timeExpr = time ? qualify(time.expr, reach(time.table)) : '';
  const inPeriod = (p: Period): string => `${timeExpr} >= DATE '${p.start}' AND ${timeExpr} <= DATE '${p.end}'`;

  const appliedFilters = new Set<string>();
  const aggregate = (m: SemanticMeasure, extra: string | undefined): string => {
    if (m.agg === 'ratio') {
      const [num, den] = leaves(m, model);
      if (!num || !den) throw new CompileError(`The measure ${m.label} is incomplete.`);
      // A rate shown in percent is a percentage, not a fraction ("conversion rate 11.2").
      const ratio = dialect.safeDivide(aggregate(num, extra), aggregate(den, extra));
      return m.format === 'percent' ? `100.0 * ${ratio}` : ratio;
    }
    const alias = reach(m.table);
    const conditions = (m.filters ?? []).map((name) => {
      const f = model.filters.find((x) => x.name === name);
      if (!f) throw new CompileError(`The measure ${m.label} names a filter ${name} that does not exist.`);
      appliedFilters.add(f.name);
      return `(${qualify(f.expr, reach(f.table))})`;
    });
    if (extra) conditions.push(extra);
    const when = conditions.join(' AND ');
    if (m.agg === 'count') {
      // A parent counted from a child's rows: each parent once.
      if (m.table !== base) {
        const pk = model.entities.find((e) => e.table === m.table)?.primaryKey;
        if (!pk) throw new CompileError(`${m.table} has no key to count.`);
        return when ? `COUNT(DISTINCT CASE WHEN ${when} THEN ${alias}.${pk} END)` : `COUNT(DISTINCT ${alias}.${pk})`;
      }
      return when ? `COUNT(CASE WHEN ${when} THEN 1 END)` : 'COUNT(*)';
    }
    if (m.table !== base) throw new CompileError(`${m.label} is measured per ${m.table}, coarser than ${base}: it cannot be summed over ${base}.`);
    const expr = qualify(m.expr, alias);
    const value = when ? `CASE WHEN ${when} THEN ${expr} END` : expr;
    if (m.agg === 'count_distinct') return `COUNT(DISTINCT ${value})`;
    return `${m.agg.toUpperCase()}(${value})`;
  };

  const select: string[] = [];
  const groupBy: string[] = [];
  const columnName = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'value';
  for (const name of spec.dimensions) {
    const d = dimension(name);
    select.push(`${qualify(d.expr, reach(d.table))} AS ${columnName(d.name)}`);
    groupBy.push(String(select.length));
  }
  if (spec.grain) {
    if (!time) throw new CompileError('No date to group by.');
    const bucket = (e: string): string => ({ day: e, week: dialect.truncWeek(e), month: dialect.truncMonth(e), quarter: dialect.truncQuarter(e), year: dialect.truncYear(e) })[spec.grain ?? 'day'];
    select.push(`${bucket(timeExpr)} AS ${spec.grain}`);
    groupBy.push(String(select.length));
  }
  const where: string[] = [];
  for (const f of spec.filters) {
    const d = dimension(f.dimension);
    const expr = qualify(d.expr, reach(d.table));
    if (d.dataType === 'boolean') where.push(f.values[0] === 'false' ? `NOT ${expr}` : expr);
    else where.push(f.values.length === 1 ? `${expr} = ${sqlString(f.values[0] ?? '')}` : `${expr} IN (${f.values.map(sqlString).join(', ')})`);
  }
  const firstMeasure = columnName(measures[0]?.name ?? 'value');
  if (spec.comparePeriod && spec.period) {
    where.push(`${timeExpr} >= DATE '${spec.comparePeriod.start}' AND ${timeExpr} <= DATE '${spec.period.end}'`);
    for (const m of measures) {
      const current = aggregate(m, inPeriod(spec.period));
      const previous = aggregate(m, inPeriod(spec.comparePeriod));
      select.push(`${current} AS ${columnName(m.name)}`, `${previous} AS previous_${columnName(m.name)}`, `ROUND(100 * ${dialect.safeDivide(`${current} - ${previous}`, previous)}, 1) AS change_pct`);
    }
  } else {
    if (spec.period) where.push(inPeriod(spec.period));
    for (const m of measures) select.push(`${aggregate(m, undefined)} AS ${columnName(m.name)}`);
    if (spec.share) {
      const m = measures[0];
      if (m) select.push(`100.0 * ${aggregate(m, undefined)} / SUM(${aggregate(m, undefined)}) OVER () AS share_pct`);
    }
  }

  const lines = [`SELECT ${select.join(',\n  ')}`, `FROM ${dialect.table(base)} t0`, ...joinsSql];
  if (where.length) lines.push(`WHERE ${where.join('\n  AND ')}`);
  if (groupBy.length) lines.push(`GROUP BY ${groupBy.join(', ')}`);
  if (spec.grain) lines.push(`ORDER BY ${spec.grain}`);
  else if (groupBy.length) lines.push(`ORDER BY ${firstMeasure} ${spec.order === 'asc' ? 'ASC' : 'DESC'}`);
  if (spec.limit !== undefined) lines.push(`LIMIT ${spec.limit}`);
  return { sql: lines.join('\n'), baseTable: base, ...(time ? { timeDimension: time } : {}), appliedFilters: [...appliedFilters] };
}
