import { z } from 'zod';

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
  when: z.object({ ref: Ref, in: z.array(z.string()).min(1) }),
  factor: z.number().positive().optional(),
  add: z.number().optional(),
  p: z.number().min(0).max(1).optional(),
  weights: z.array(z.number().nonnegative()).optional(),
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
  /** A key of another table, chosen uniformly, with Zipf skew, or weighted by a numeric parent column. */
  z.object({
    kind: z.literal('foreignKey'),
    table: z.string(),
    column: z.string(),
    distribution: z.enum(['uniform', 'zipf']).optional(),
    skew: z.number().positive().optional(),
    weightBy: z.string().optional(),
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
    after: z.object({ ref: Ref, minDays: z.number().nonnegative(), maxDays: z.number().nonnegative() }).optional(),
    /** Keep the seasonal window, but never fall before this date (an order after its customer's signup). */
    notBefore: Ref.optional(),
    ...common,
  }),
  /** Arithmetic over refs and numbers: `quantity * unit_price * (1 - discount)`. */
  z.object({ kind: z.literal('derived'), expr: z.string(), decimals: z.number().int().min(0).max(6).optional(), ...common }),
  /** The value of a ref, typically a parent's attribute (`product_id.unit_price`). */
  z.object({ kind: z.literal('copy'), ref: Ref, ...common }),
  /** Plausible fake values from bundled word lists; emails use reserved example domains. */
  z.object({
    kind: z.literal('fake'),
    what: z.enum(['person', 'firstName', 'lastName', 'company', 'email', 'phone', 'city', 'street', 'postcode', 'word', 'sentence']),
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
  primaryKey: z.string(),
  columns: z.array(ColumnSchema).min(1),
  foreignKeys: z.array(ForeignKeySchema),
  synonyms: z.array(z.string()),
});
export type Table = z.infer<typeof TableSchema>;

export const GoldenSqlSchema = z.object({
  questionId: z.string(),
  sql: z.string(),
  /** Column names the result must have, in order. */
  expectedColumns: z.array(z.string()).min(1),
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
  tables: z.array(TableSchema).min(1),
  goldenSql: z.array(GoldenSqlSchema),
  glossary: z.array(z.object({ term: z.string(), definition: z.string() })),
});
export type DataModel = z.infer<typeof DataModelSchema>;
