import { z } from 'zod';
import { SemanticModelSchema } from './semantic-model.js';

export const COLUMN_TYPES = ['INT64', 'FLOAT64', 'NUMERIC', 'STRING', 'BOOL', 'DATE', 'TIMESTAMP'] as const;
export const ColumnTypeSchema = z.enum(COLUMN_TYPES);
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

/**
 * A reference to a value while a row is generated: `column` (this row) or
 * `fk_column.parent_column` (the parent row that this row's foreign key points to).
 */
const Ref = z.string().regex(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/);

/**
 * A planted effect: when the referenced value is one of `in`, numbers are multiplied by
 * `factor` (and/or shifted by `add`), booleans use probability `p`, categories use `weights`.
 * This is how a story's insight ("enterprise orders are 3x larger") becomes true in the data.
 */
export const EffectSchema = z.object({
  /**
   * The condition: the referenced value is one of `in`; or, for a date/timestamp ref, it
   * falls in one of `months` (1..12). Both given: both must hold.
   */
  when: z
    .object({ ref: Ref, in: z.array(z.string()).min(1).optional(), months: z.array(z.number().int().min(1).max(12)).min(1).optional() })
    .refine((w) => w.in !== undefined || w.months !== undefined, { message: 'an effect needs `in` or `months`' }),
  factor: z.number().positive().optional(),
  add: z.number().optional(),
  p: z.number().min(0).max(1).optional(),
  weights: z.array(z.number().nonnegative()).optional(),
  /** On a date/timestamp generator: the matching rows' dates grow by this annual rate instead. */
  growth: z.number().optional(),
  /** On a date/timestamp generator: the matching rows' dates grow by this rate per quarter (0.1 = 10%). */
  quarterlyGrowth: z.number().optional(),
});
export type Effect = z.infer<typeof EffectSchema>;

const common = {
  /** Fraction of rows left NULL. */
  nullRate: z.number().min(0).max(1).optional(),
  effects: z.array(EffectSchema).optional(),
};

/** How one column's values are generated. Pure data: it is checkpointed with the model. */
export const GeneratorSpecSchema = z.discriminatedUnion('kind', [
  /** Surrogate keys: start, start+1, ...; with `prefix`, strings like `ORD-000042`. */
  z.object({ kind: z.literal('sequence'), start: z.number().int().optional(), prefix: z.string().optional(), pad: z.number().int().min(0).max(12).optional(), ...common }),
  /**
   * A key of another table, chosen uniformly, with Zipf skew, or weighted by a parent column:
   * a number weighs by its value, a date by the time from it to the as-of day (tenure).
   */
  z.object({
    kind: z.literal('foreignKey'),
    table: z.string(),
    column: z.string(),
    distribution: z.enum(['uniform', 'zipf']).optional(),
    skew: z.number().positive().optional(),
    weightBy: z.string().optional(),
    /**
     * Children per parent follow this distribution (mean defaults to rows / parent rows):
     * rows are dealt to parents in key order, so every parent's count is drawn, not left to chance.
     */
    perParent: z
      .object({ dist: z.enum(['poisson', 'geometric', 'uniform']), mean: z.number().positive().optional(), min: z.number().int().min(0).optional(), max: z.number().int().positive().optional() })
      .optional(),
    ...common,
  }),
  /** Row i takes values[i]; for small dimension tables whose rows are the list. */
  z.object({ kind: z.literal('list'), values: z.array(z.string()).min(1), ...common }),
  z.object({ kind: z.literal('category'), values: z.array(z.string()).min(1), weights: z.array(z.number().nonnegative()).optional(), ...common }),
  z.object({
    kind: z.literal('number'),
    dist: z.enum(['normal', 'lognormal', 'uniform', 'poisson']),
    mean: z.number().optional(),
    sd: z.number().nonnegative().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** 0 gives integers; money uses 2. */
    decimals: z.number().int().min(0).max(6).optional(),
    /** Round to the minor unit of the model's currency (JPY 0, USD 2, KWD 3); wins over `decimals`. */
    money: z.boolean().optional(),
    ...common,
  }),
  z.object({ kind: z.literal('boolean'), p: z.number().min(0).max(1), ...common }),
  /**
   * A date or timestamp in [from, to] days relative to the model's `asOf`, shaped by weekly
   * (Mon..Sun) and yearly (Jan..Dec) weights and an annual growth rate; or, with `after`,
   * a number of days after another date of this row or its parent (never before it).
   */
  z.object({
    kind: z.enum(['date', 'timestamp']),
    from: z.number().int().max(0).optional(),
    to: z.number().int().max(0).optional(),
    weekly: z.array(z.number().nonnegative()).length(7).optional(),
    yearly: z.array(z.number().nonnegative()).length(12).optional(),
    growth: z.number().optional(),
    /** Growth per quarter (0.05 = 5% a quarter); used instead of `growth` when given. */
    quarterlyGrowth: z.number().optional(),
    after: z.object({ ref: Ref, minDays: z.number().nonnegative(), maxDays: z.number().nonnegative() }).optional(),
    /**
     * Never before this date (an order after its customer's signup): the day is drawn from the
     * window's seasonal shape restricted to days on or after it.
     */
    notBefore: Ref.optional(),
    ...common,
  }),
  /**
   * Arithmetic over refs and numbers: `quantity * unit_price * (1 - discount)`; min, max, round,
   * abs; `today` is the as-of day number (`min(admit_date + stay_days, today)`).
   */
  z.object({ kind: z.literal('derived'), expr: z.string(), decimals: z.number().int().min(0).max(6).optional(), money: z.boolean().optional(), ...common }),
  /** The value of a ref, typically a parent's attribute (`product_id.unit_price`). */
  z.object({ kind: z.literal('copy'), ref: Ref, ...common }),
  /** Plausible fake values from bundled word lists; emails use reserved example domains. */
  z.object({
    kind: z.literal('fake'),
    what: z.enum(['person', 'firstName', 'lastName', 'company', 'email', 'phone', 'city', 'street', 'postcode', 'address', 'word', 'sentence']),
    /** Word lists and formats of this locale; defaults to the model's locale, then `en-US`. */
    locale: z.string().optional(),
    ...common,
  }),
  /** Text with `{ref}` placeholders, e.g. `{product_id.name} – {color}`. */
  z.object({ kind: z.literal('template'), template: z.string(), ...common }),
]);
export type GeneratorSpec = z.infer<typeof GeneratorSpecSchema>;

export const ColumnSchema = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  type: ColumnTypeSchema,
  description: z.string(),
  synonyms: z.array(z.string()),
  generator: GeneratorSpecSchema,
});
export type Column = z.infer<typeof ColumnSchema>;

export const ForeignKeySchema = z.object({
  column: z.string(),
  references: z.object({ table: z.string(), column: z.string() }),
});
export type ForeignKey = z.infer<typeof ForeignKeySchema>;

export const TableSchema = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  description: z.string(),
  /** What one row is, e.g. "one row per order line". */
  grain: z.string(),
  rowCount: z.number().int().positive(),
  /** False for dimension tables whose size does not grow with `--scale`. */
  scales: z.boolean(),
  /**
   * How the row count follows `--scale` when `scales` is true: `linear` (fact tables, the
   * default) or `sublinear` (dimension tables such as customers: rowCount x sqrt(scale)).
   */
  scaling: z.enum(['linear', 'sublinear']).optional(),
  primaryKey: z.string(),
  columns: z.array(ColumnSchema).min(1),
  foreignKeys: z.array(ForeignKeySchema),
  synonyms: z.array(z.string()),
});
export type Table = z.infer<typeof TableSchema>;

/**
 * A planted insight stated so the golden query's result can check it (direction and rough
 * size). Columns name result columns; `key`/`value` pick a row by a label column.
 * - `ratio`: the row's `column` is at least `atLeast` x the largest (`vs: 'max'`) or the
 *   average (`vs: 'average'`) of the other rows' values.
 * - `top`: the first row (or, with `by`, the row with the largest `by`) has `key` = `value`.
 * - `trend`: `column` rises (or falls) over the rows in order; the mean of the last third is
 *   at least `atLeast` x (at most 1 / `atLeast` of, when falling) the mean of the first third.
 * - `between`: the row's (or the single row's) `column` lies in [min, max].
 * - `compare`: the row where key = value has `column` at least `atLeast` x the row where key = `other`.
 * - `bottom`: the row with the smallest `by` has `key` = `value` ("Display returns the least per
 *   dollar"), whatever order the rows come in.
 */
export const InsightSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ratio'), column: z.string(), key: z.string(), value: z.string(), atLeast: z.number().positive(), vs: z.enum(['max', 'average']).optional() }),
  z.object({ kind: z.literal('top'), key: z.string(), value: z.string(), by: z.string().optional() }),
  z.object({ kind: z.literal('trend'), column: z.string(), direction: z.enum(['up', 'down']), atLeast: z.number().positive().optional() }),
  z.object({ kind: z.literal('between'), column: z.string(), key: z.string().optional(), value: z.string().optional(), min: z.number().optional(), max: z.number().optional() }),
  z.object({ kind: z.literal('compare'), column: z.string(), key: z.string(), value: z.string(), other: z.string(), atLeast: z.number().positive() }),
  z.object({ kind: z.literal('bottom'), key: z.string(), value: z.string(), by: z.string() }),
]);
export type Insight = z.infer<typeof InsightSchema>;

export const GoldenSqlSchema = z.object({
  questionId: z.string(),
  sql: z.string(),
  /** Column names the result must have, in order. */
  expectedColumns: z.array(z.string()).min(1),
  /** The question's planted insights, checked on the result by `validate`. */
  insights: z.array(InsightSchema).optional(),
});
export type GoldenSql = z.infer<typeof GoldenSqlSchema>;

export const WAREHOUSE_KINDS = ['duckdb', 'bigquery'] as const;
export const WarehouseKindSchema = z.enum(WAREHOUSE_KINDS);
export type WarehouseKind = z.infer<typeof WarehouseKindSchema>;

/** Output of `model`: the warehouse schema, how to generate it, and the golden SQL against it. */
export const DataModelSchema = z.object({
  blueprint: z.string(),
  dialect: WarehouseKindSchema,
  /** The day the data ends; windows in the golden SQL are relative to it. */
  asOf: z.iso.date(),
  /** ISO 4217 currency of money columns (rounding to its minor unit); default USD. */
  currency: z.string().optional(),
  /** Locale of fake names, addresses and phone numbers, e.g. `en-GB`; default `en-US`. */
  locale: z.string().optional(),
  tables: z.array(TableSchema).min(1),
  goldenSql: z.array(GoldenSqlSchema),
  glossary: z.array(z.object({ term: z.string(), definition: z.string() })),
  /** The semantic layer over these tables (measures, dimensions, filters, verified queries). */
  semantic: SemanticModelSchema.optional(),
});
export type DataModel = z.infer<typeof DataModelSchema>;
