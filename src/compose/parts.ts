import type { BlueprintColumn } from '../blueprints/blueprint.js';
import type { ColumnType, GeneratorSpec } from '../domain/data-model.js';
import type { SemanticDimension, SemanticFilter, SemanticMeasure, SemanticTimeDimension, TimeGrain } from '../domain/semantic-model.js';
import type { Term } from '../taxonomy/types.js';
import type { SqlDialect } from '../warehouse/sql-dialect.js';

/**
 * Small builders the modules share, so a module file reads as its knowledge (tables, questions,
 * measures) rather than as object plumbing.
 */

/** An identifier from words: `Practice area` -> `practice_area`. Always a valid column or table name. */
export function snake(words: string): string {
  const s = words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  if (s.length === 0) return 'item';
  return /^[a-z_]/.test(s) ? s : `n_${s}`;
}

export const cap = (s: string): string => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1));
export const lower = (s: string): string => s.toLowerCase();
export const term = (singular: string, plural: string): Term => ({ singular, plural });

export function col(name: string, type: ColumnType, description: string, generator: GeneratorSpec, synonyms?: string[]): BlueprintColumn {
  return { name, type, description, generator, ...(synonyms && synonyms.length > 0 ? { synonyms } : {}) };
}

const ALL_GRAINS: TimeGrain[] = ['day', 'week', 'month', 'quarter', 'year'];

export function measure(
  table: string,
  name: string,
  label: string,
  agg: SemanticMeasure['agg'],
  expr: string,
  opts: Partial<Omit<SemanticMeasure, 'table' | 'name' | 'label' | 'agg' | 'expr'>> = {},
): SemanticMeasure {
  return { name, label, description: opts.description ?? `${cap(label)}.`, synonyms: opts.synonyms ?? [], table, agg, expr, format: opts.format ?? 'number', ...stripUndefined(opts) };
}

export function dimension(table: string, name: string, label: string, expr: string, opts: { synonyms?: string[]; sampleValues?: string[]; dataType?: SemanticDimension['dataType']; description?: string } = {}): SemanticDimension {
  return {
    name,
    label,
    table,
    expr,
    description: opts.description ?? `${cap(label)}.`,
    synonyms: opts.synonyms ?? [],
    dataType: opts.dataType ?? 'string',
    ...(opts.sampleValues ? { sampleValues: opts.sampleValues.slice(0, 8) } : {}),
  };
}

export function timeDimension(table: string, name: string, label: string, expr: string, synonyms: string[] = []): SemanticTimeDimension {
  return { name, label, table, expr, description: `${cap(label)}.`, synonyms, grains: ALL_GRAINS };
}

export function filter(table: string, name: string, label: string, expr: string, synonyms: string[] = []): SemanticFilter {
  return { name, label, description: `${cap(label)}.`, synonyms, table, expr };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Weights for a category of n values where the value at `lead` is clearly the most common
 * (at least twice any other), so a "top" insight on counts holds for every seed.
 */
export function leadWeights(n: number, lead = 0): number[] {
  const others = Array.from({ length: Math.max(0, n - 1) }, (_, i) => (n > 2 ? 1.5 - (0.5 * i) / (n - 2) : 1.5));
  others.splice(lead, 0, 3);
  return others;
}

/**
 * A WHERE condition keeping the `months` full calendar months before the as-of day's month: the
 * window of the modules' month-by-month trend questions (the current, partial month would read
 * as a fall).
 */
export const lastFullMonths = (d: SqlDialect, column: string, months = 24): string => `${column} >= ${d.truncMonth(d.monthsAgo(months))} AND ${column} < ${d.truncMonth(d.asOf)}`;
