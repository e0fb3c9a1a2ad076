import type { SemanticModel } from '../domain/semantic-model.js';
import type { SqlDialect } from '../warehouse/sql-dialect.js';
import { CompileError, compileQuery, type QuerySpec } from './compile.js';
import { parseQuestion } from './parse-question.js';

/** How the offline agent will answer a question: with SQL it can explain, or not at all. */
export type Plan = { kind: 'sql'; sql: string; spec: QuerySpec; description: string } | { kind: 'decline'; reason: string; unmapped: string[] };

/** "revenue (cancelled orders excluded), 1–31 May 2026, by region, top 5": what was computed. Pure. */
export function describeQuery(spec: QuerySpec, model: SemanticModel, appliedFilters: readonly string[], timeLabel?: string): string {
  const label = (name: string, list: ReadonlyArray<{ name: string; label: string }>): string => list.find((x) => x.name === name)?.label ?? name;
  const parts: string[] = [];
  const named = appliedFilters.map((f) => label(f, model.filters));
  parts.push(`${spec.measures.map((m) => label(m, model.measures)).join(' and ')}${named.length ? ` (${named.join('; ')})` : ''}`);
  for (const f of spec.filters) {
    const d = model.dimensions.find((x) => x.name === f.dimension);
    parts.push(d?.dataType === 'boolean' ? `${f.values[0] === 'false' ? 'not ' : ''}${d.label}` : `${d?.label ?? f.dimension} ${f.values.join(' or ')}`);
  }
  if (spec.period) parts.push(`${spec.period.label}${timeLabel ? ` by ${timeLabel}` : ''}`);
  if (spec.comparePeriod) parts.push(`compared with ${spec.comparePeriod.label}`);
  if (spec.grain) parts.push(`by ${spec.grain}`);
  if (spec.dimensions.length) parts.push(`by ${spec.dimensions.map((d) => label(d, model.dimensions)).join(' and ')}`);
  if (spec.share) parts.push('with each share of the total');
  if (spec.limit !== undefined) parts.push(`${spec.order === 'asc' ? 'bottom' : 'top'} ${spec.limit}`);
  // Grouped rows come highest first unless the question asked for the lowest (see compileQuery).
  else if (spec.dimensions.length && !spec.grain) parts.push(spec.order === 'asc' ? 'lowest first' : 'highest first');
  return parts.join(', ');
}

/** What the dataset can answer, for a decline: its measures, dimensions and periods. */
export function capabilities(model: SemanticModel): string {
  // The named measures first (revenue, MRR, rates), then what can be counted.
  const named = model.measures.filter((m) => m.agg !== 'count' && (m.synonyms.length > 0 || m.agg === 'ratio')).map((m) => m.label);
  const counts = model.entities.map((e) => `number of ${e.table.replace(/_/g, ' ')}`);
  const measures = [...new Set([...named.slice(0, 12), ...counts])].slice(0, 20);
  const dimensions = [...new Set(model.dimensions.filter((d) => d.dataType !== 'boolean').map((d) => d.label))].slice(0, 14);
  return [
    `Measures: ${measures.join(', ')}.`,
    `Dimensions: ${dimensions.join(', ')}.`,
    'Periods: in 2025, last month, last quarter, this year, over the last 12 months, since March; trends by day, week, month, quarter or year; "compared to the one before".',
  ].join('\n');
}

/**
 * Plans the answer to a question over a semantic model: parse, compile to SQL in the dialect,
 * describe what is computed. When a word or a part cannot be mapped it declines, naming what
 * exists, rather than answering another question. Pure.
 */
export function planAnswer(question: string, model: SemanticModel, asOf: string, dialect: SqlDialect): Plan {
  const parsed = parseQuestion(question, model, asOf);
  if (!parsed.ok) return { kind: 'decline', reason: parsed.reason, unmapped: parsed.unmapped };
  try {
    const compiled = compileQuery(parsed.spec, model, dialect);
    return { kind: 'sql', sql: compiled.sql, spec: parsed.spec, description: describeQuery(parsed.spec, model, compiled.appliedFilters, parsed.spec.period ? compiled.timeDimension?.label : undefined) };
  } catch (err) {
    if (err instanceof CompileError) return { kind: 'decline', reason: err.message, unmapped: [] };
    throw err;
  }
}
