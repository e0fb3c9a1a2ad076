import { z } from 'zod';

/**
 * The semantic layer of a demo: what the business measures and how it slices it, over the
 * warehouse tables. The model stage produces it (each business-model module contributes its
 * part); the offline chat compiles questions through it; the CAPI agent's published context
 * is rendered from it. Modelled on Snowflake Cortex Analyst's semantic model (dimensions,
 * time dimensions, measures, filters, verified queries) and dbt MetricFlow (entities, joins,
 * measures with an aggregation, derived ratio metrics).
 *
 * Expressions are SQL over the columns of the named table, written without a table alias
 * (`line_total`, `quantity * unit_price`); the compiler qualifies them. They must be valid in
 * both DuckDB and BigQuery: plain arithmetic, CASE, comparisons, COALESCE.
 */

const Name = z.string().regex(/^[a-z_][a-z0-9_]*$/);

export const SemanticDimensionSchema = z.object({
  name: Name,
  /** Label in the business's own words: "practice area". */
  label: z.string(),
  table: Name,
  expr: z.string(),
  description: z.string(),
  /** Other ways people say it: "area of law", "department". */
  synonyms: z.array(z.string()),
  dataType: z.enum(['string', 'number', 'boolean']),
  /** A few of its values, so a question naming one ("in Denver") maps to a filter. */
  sampleValues: z.array(z.string()).optional(),
});
export type SemanticDimension = z.infer<typeof SemanticDimensionSchema>;

export const TIME_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export const TimeGrainSchema = z.enum(TIME_GRAINS);
export type TimeGrain = z.infer<typeof TimeGrainSchema>;

export const SemanticTimeDimensionSchema = z.object({
  name: Name,
  label: z.string(),
  table: Name,
  /** A DATE (or TIMESTAMP) expression. */
  expr: z.string(),
  description: z.string(),
  synonyms: z.array(z.string()),
  grains: z.array(TimeGrainSchema).min(1),
});
export type SemanticTimeDimension = z.infer<typeof SemanticTimeDimensionSchema>;

export const AGGREGATIONS = ['sum', 'count', 'count_distinct', 'avg', 'min', 'max', 'ratio'] as const;

export const SemanticMeasureSchema = z.object({
  name: Name,
  /** "billable hours", "revenue". */
  label: z.string(),
  description: z.string(),
  synonyms: z.array(z.string()),
  table: Name,
  agg: z.enum(AGGREGATIONS),
  /** What is aggregated; `*` with `count`. Unused with `ratio`. */
  expr: z.string(),
  /** With `ratio`: measure names; the value is numerator / denominator (NULL when 0). */
  numerator: Name.optional(),
  denominator: Name.optional(),
  /** Named filters always applied to this measure ("cancelled orders excluded"). */
  filters: z.array(Name).optional(),
  /** The time dimension a period in a question applies to by default. */
  timeDimension: Name.optional(),
  format: z.enum(['number', 'currency', 'percent', 'duration_days', 'duration_hours']),
  /** Decimal places when shown and compared. */
  decimals: z.number().int().min(0).max(6).optional(),
});
export type SemanticMeasure = z.infer<typeof SemanticMeasureSchema>;

export const SemanticFilterSchema = z.object({
  name: Name,
  label: z.string(),
  description: z.string(),
  synonyms: z.array(z.string()),
  table: Name,
  /** A boolean SQL expression over the table's columns. */
  expr: z.string(),
});
export type SemanticFilter = z.infer<typeof SemanticFilterSchema>;

/** A many-to-one join path: `from.fromColumn` references `to.toColumn`. */
export const SemanticJoinSchema = z.object({
  from: Name,
  fromColumn: Name,
  to: Name,
  toColumn: Name,
});
export type SemanticJoin = z.infer<typeof SemanticJoinSchema>;

export const SemanticEntitySchema = z.object({
  /** The table. */
  table: Name,
  /** "client", "matter": the thing one row is, in the business's words. */
  label: z.string(),
  primaryKey: Name,
  synonyms: z.array(z.string()),
});
export type SemanticEntity = z.infer<typeof SemanticEntitySchema>;

/** A golden question with its validated SQL: the answers the agent can trust verbatim. */
export const VerifiedQuerySchema = z.object({
  questionId: z.string(),
  question: z.string(),
  sql: z.string(),
});
export type VerifiedQuery = z.infer<typeof VerifiedQuerySchema>;

export const SemanticModelSchema = z.object({
  entities: z.array(SemanticEntitySchema),
  dimensions: z.array(SemanticDimensionSchema),
  timeDimensions: z.array(SemanticTimeDimensionSchema),
  measures: z.array(SemanticMeasureSchema),
  filters: z.array(SemanticFilterSchema),
  joins: z.array(SemanticJoinSchema),
  verifiedQueries: z.array(VerifiedQuerySchema),
});
export type SemanticModel = z.infer<typeof SemanticModelSchema>;
