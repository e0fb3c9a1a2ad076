import { z } from 'zod';
import type { Blueprint } from '../../blueprints/blueprint.js';
import { tailor } from '../../blueprints/tailor.js';
import { ModelOutputError } from '../../core/errors.js';
import { assertReadOnlySql } from '../../dataagent/read-only-sql.js';
import { generateTables } from '../../data/engine.js';
import { ColumnSchema, EffectSchema, GeneratorSpecSchema, InsightSchema, TableSchema, type DataModel, type GoldenSql, type Table } from '../../domain/data-model.js';
import type { CompanyProfile } from '../../domain/profile.js';
import type { DemoStory } from '../../domain/story.js';
import type { StageContext } from '../../pipeline/context.js';
import type { SqlDialect } from '../../warehouse/sql-dialect.js';
import { companyContext, dialectNotes, modelOf, schemaDdl } from '../llm-context.js';
import { renderModel } from './render-model.js';
import { verifyModelOnData } from './verify-model.js';

const SNAKE = /^[a-z][a-z0-9_]*$/;

const TableRef = z.string().regex(SNAKE);

/**
 * Claude's design, as edits to the composed draft: it may drop, rename and add tables and
 * columns, replace generators, add effects, and write or rewrite any question's SQL and insight
 * checks. Edits, not a whole model, so a small change costs a small answer; the parts reuse the
 * data model's own schemas, so the tool's JSON schema is the model's.
 */
export const ModelPlanSchema = z.object({
  design: z
    .object({
      dropTables: z.array(TableRef).max(10).optional().describe('Tables of the draft the demo does not need (and nothing kept references).'),
      renameTables: z.array(z.object({ from: TableRef, to: TableRef })).max(10).optional().describe("Tables renamed into the company's own words; foreign keys follow."),
      addTables: z.array(TableSchema).max(4).optional().describe('New tables, after the tables they reference.'),
      dropColumns: z.array(z.object({ table: TableRef, column: TableRef })).max(20).optional(),
      renameColumns: z.array(z.object({ table: TableRef, from: TableRef, to: TableRef })).max(20).optional().describe("Columns renamed; the table's key and foreign keys follow; fix any generator or SQL that names the old one."),
      addColumns: z.array(z.object({ table: TableRef, column: ColumnSchema })).max(12).optional(),
      setGenerators: z.array(z.object({ table: TableRef, column: TableRef, generator: GeneratorSpecSchema })).max(12).optional().describe("A column's generator replaced (values, distributions, weights)."),
    })
    .optional()
    .describe('Changes to the draft schema and its generators. Leave out what needs no change.'),
  queries: z
    .array(
      z.object({
        questionId: z.string(),
        sql: z.string().min(10),
        expectedColumns: z.array(z.string().regex(SNAKE)).min(1).describe('The result columns, in order, exactly as the SQL aliases them.'),
        insights: z.array(InsightSchema).min(1).max(2).describe('Checks on the result that show the insight (only ones the data will make true).'),
      }),
    )
    .max(15),
  effects: z
    .array(z.object({ table: z.string(), column: z.string(), effect: EffectSchema }))
    .max(6)
    .optional()
    .describe("Effects added to a column's generator so that a new question's insight is true in the data."),
});
export type ModelPlan = z.infer<typeof ModelPlanSchema>;

const SYSTEM = [
  "You are the data modeller of a conversational-analytics demo. The draft below was composed for this company's industry from business-model modules: tables, generators that produce realistic synthetic data, and reference SQL with insight checks that are known to hold on that data.",
  "Make it this company's demo. You may drop tables and columns it does not need, rename them into the company's own words, add tables and columns, replace a column's generator (values, weights, distributions), add effects, and write or rewrite any golden question's SQL and insight checks. Change only what makes the demo truer to the company; a draft that already fits needs few or no changes.",
  'Every golden question of the story needs SQL: the reference SQL stands for a question you leave out, unless you changed what it reads. Queries use only the tables and columns of the resulting schema and its category values. Keep them short and readable.',
  'Every query you write declares at least one insight check (ratio, top, bottom, trend, between, compare on result columns) that the data will make true; to make a new one true, add an effect to a generator: when a referenced column (this row or fk_column.parent_column) is in some values, multiply a number by a factor, or weight categories.',
  'Code checks your design: the schema, that every generator runs, that every query runs with its declared columns, and that every insight holds on the full generated data. Problems come back to you for up to two repairs; after that the draft is used as it is.',
].join('\n');

function questionList(story: DemoStory, reference: Map<string, GoldenSql>): string {
  return story.goldenQuestions
    .map((q) => {
      const ref = reference.get(q.id);
      return `### ${q.id} [${q.level}] ${q.question}\nInsight: ${q.insight}\n${ref ? `Reference SQL (columns ${ref.expectedColumns.join(', ')}):\n${ref.sql}` : 'No reference SQL.'}`;
    })
    .join('\n\n');
}

type Design = NonNullable<ModelPlan['design']>;

/** Renames a table; the foreign keys and key generators that point at it follow. */
function renameTable(tables: Table[], from: string, to: string): void {
  for (const t of tables) {
    if (t.name === from) t.name = to;
    t.foreignKeys = t.foreignKeys.map((f) => (f.references.table === from ? { ...f, references: { ...f.references, table: to } } : f));
    t.columns = t.columns.map((c) => (c.generator.kind === 'foreignKey' && c.generator.table === from ? { ...c, generator: { ...c.generator, table: to } } : c));
  }
}

/** Renames a column of `table`; its key, its own foreign keys and every key pointing at it follow. */
function renameColumn(tables: Table[], table: string, from: string, to: string): void {
  for (const t of tables) {
    if (t.name === table) {
      if (t.primaryKey === from) t.primaryKey = to;
      t.columns = t.columns.map((c) => (c.name === from ? { ...c, name: to } : c));
      t.foreignKeys = t.foreignKeys.map((f) => (f.column === from ? { ...f, column: to } : f));
    }
    t.foreignKeys = t.foreignKeys.map((f) => (f.references.table === table && f.references.column === from ? { ...f, references: { table, column: to } } : f));
    t.columns = t.columns.map((c) => (c.generator.kind === 'foreignKey' && c.generator.table === table && c.generator.column === from ? { ...c, generator: { ...c.generator, column: to } } : c));
  }
}

/** Applies Claude's schema edits to a copy of the draft's tables; what names nothing is a problem. */
function applyDesign(draftTables: readonly Table[], design: Design | undefined, problems: string[]): Table[] {
  let tables: Table[] = draftTables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c })), foreignKeys: [...t.foreignKeys] }));
  if (!design) return tables;
  const find = (name: string, what: string): Table | undefined => {
    const t = tables.find((x) => x.name === name);
    if (!t) problems.push(`${what}: there is no table ${name}`);
    return t;
  };
  const column = (table: string, name: string, what: string) => {
    const c = find(table, what)?.columns.find((x) => x.name === name);
    if (!c && tables.some((x) => x.name === table)) problems.push(`${what}: table ${table} has no column ${name}`);
    return c;
  };
  for (const name of design.dropTables ?? []) {
    if (!find(name, `drop table ${name}`)) continue;
    tables = tables.filter((t) => t.name !== name);
    for (const t of tables) if (t.foreignKeys.some((f) => f.references.table === name)) problems.push(`drop table ${name}: ${t.name} still references it`);
  }
  for (const r of design.renameTables ?? []) {
    if (!find(r.from, `rename table ${r.from}`)) continue;
    if (tables.some((t) => t.name === r.to)) problems.push(`rename table ${r.from}: a table ${r.to} exists already`);
    else renameTable(tables, r.from, r.to);
  }
  for (const t of design.addTables ?? []) {
    if (tables.some((x) => x.name === t.name)) problems.push(`add table ${t.name}: it exists already`);
    else tables.push(t);
  }
  for (const d of design.dropColumns ?? []) {
    const t = find(d.table, `drop column ${d.table}.${d.column}`);
    if (!t || !column(d.table, d.column, `drop column ${d.table}.${d.column}`)) continue;
    if (t.primaryKey === d.column) problems.push(`drop column ${d.table}.${d.column}: it is the table's primary key`);
    t.columns = t.columns.filter((c) => c.name !== d.column);
    t.foreignKeys = t.foreignKeys.filter((f) => f.column !== d.column);
  }
  for (const r of design.renameColumns ?? []) {
    if (!column(r.table, r.from, `rename column ${r.table}.${r.from}`)) continue;
    if (tables.find((t) => t.name === r.table)?.columns.some((c) => c.name === r.to)) problems.push(`rename column ${r.table}.${r.from}: ${r.to} exists already`);
    else renameColumn(tables, r.table, r.from, r.to);
  }
  for (const a of design.addColumns ?? []) {
    const t = find(a.table, `add column ${a.table}.${a.column.name}`);
    if (!t) continue;
    if (t.columns.some((c) => c.name === a.column.name)) problems.push(`add column ${a.table}.${a.column.name}: it exists already`);
    else t.columns.push(a.column);
  }
  for (const g of design.setGenerators ?? []) {
    const c = column(g.table, g.column, `set generator ${g.table}.${g.column}`);
    if (c) c.generator = g.generator;
  }
  return tables;
}

/**
 * Merges the plan into the draft: Claude's schema edits, the story's questions with their SQL
 * (Claude's, else the draft's reference), and the new effects. Pure; what names nothing that
 * exists comes back as a problem for the repair round.
 */
export function applyPlan(draft: DataModel, story: DemoStory, plan: ModelPlan): { model: DataModel; problems: string[] } {
  const problems: string[] = [];
  const reference = new Map(draft.goldenSql.map((g) => [g.questionId, g]));
  const written = new Map(plan.queries.map((q) => [q.questionId, q]));
  for (const id of written.keys()) if (!story.goldenQuestions.some((q) => q.id === id)) problems.push(`${id}: no question of the story has this id`);
  const goldenSql: GoldenSql[] = [];
  for (const q of story.goldenQuestions) {
    const sql = written.get(q.id) ?? reference.get(q.id);
    if (!sql) problems.push(`${q.id}: the question has no reference SQL, so it needs a query`);
    else if (!sql.insights?.length) problems.push(`${q.id}: the query declares no insight check; every golden question needs one`);
    else goldenSql.push({ questionId: q.id, sql: sql.sql.trim().replace(/;\s*$/, ''), expectedColumns: sql.expectedColumns, insights: sql.insights });
  }
  const tables = applyDesign(draft.tables, plan.design, problems);
  for (const e of plan.effects ?? []) {
    const column = tables.find((t) => t.name === e.table)?.columns.find((c) => c.name === e.column);
    if (!column) {
      problems.push(`effect on ${e.table}.${e.column}: no such column`);
      continue;
    }
    column.generator = { ...column.generator, effects: [...(column.generator.effects ?? []), e.effect] };
  }
  return { model: { ...draft, tables, goldenSql }, problems };
}

/**
 * Checks a model the way the pipeline will use it: every query is one read-only statement that
 * runs against the schema (where the warehouse can check without data) and returns its declared
 * columns, and the generators still compile and run.
 */
export async function checkModel(model: DataModel, ctx: StageContext): Promise<string[]> {
  const problems: string[] = [];
  const readOnly = model.goldenSql.filter((g) => {
    try {
      assertReadOnlySql(g.sql);
      return true;
    } catch (err) {
      problems.push(`${g.questionId}: ${(err as Error).message}`);
      return false;
    }
  });
  const checks = (await ctx.warehouse.checkQueries?.(model.tables, readOnly.map((g) => g.sql))) ?? [];
  checks.forEach((check, i) => {
    const g = readOnly[i] as GoldenSql;
    if (check.error) problems.push(`${g.questionId}: the query does not run: ${check.error}`);
    else if (check.columns && check.columns.join(',') !== g.expectedColumns.join(',')) problems.push(`${g.questionId}: the query returns (${check.columns.join(', ')}), but expectedColumns says (${g.expectedColumns.join(', ')})`);
  });
  try {
    // A tiny run exercises every generator and effect; errors here would otherwise surface in `data`.
    for (const run of generateTables(model, { seed: ctx.job.seed, scale: 0.01 })) for (const _chunk of run.chunks());
  } catch (err) {
    problems.push(`the generators do not run: ${(err as Error).message}`);
  }
  return problems;
}

const REPAIRS = 2;

/**
 * Checks the design on its full data, as the demo will run it: generated at the job's seed and
 * scale, loaded into a scratch DuckDB, every golden query run, every insight checked. DuckDB
 * dialect only: BigQuery SQL cannot run there, and on BigQuery validate checks every claim on
 * the loaded data instead (rewording and flagging any that does not hold).
 */
const INSIGHT_BROKEN = 'on the generated data, insight does not hold: ';
/** A broken claim without its measured figure: the same claim on other data compares equal. */
const claimOf = (problem: string): string => problem.replace(/ \(observed .*$/, '');

async function checkOnData(model: DataModel, story: DemoStory, ctx: StageContext): Promise<string[]> {
  if (model.dialect !== 'duckdb') return [];
  const report = await verifyModelOnData(model, story.goldenQuestions, { seed: ctx.job.seed, scale: ctx.job.scale });
  return [...report.problems, ...report.queries.filter((q) => !q.ok).map((q) => `${q.id}: on the generated data, ${q.problem ?? 'the query fails'}`)];
}

/**
 * Claude designs, code verifies: Claude gets the composed draft (schema, generators, reference SQL
 * and insight checks) and returns edits; code checks the schema, that the generators run, that
 * every query runs with its declared columns, and that every insight holds on the full data.
 * Problems go back for up to two repairs; after that the stage fails over to the heuristic
 * strategy, which is the composed draft itself.
 */
export async function askForModel(ctx: StageContext, profile: CompanyProfile, story: DemoStory, bp: Blueprint, dialect: SqlDialect, asOf: string): Promise<DataModel> {
  const llm = modelOf(ctx, 'model');
  const draft = renderModel(bp, profile, tailor(bp, profile), dialect, asOf);
  const reference = new Map(draft.goldenSql.map((g) => [g.questionId, g]));
  const generators = JSON.stringify(draft.tables.map((t) => ({ table: t.name, rowCount: t.rowCount, scales: t.scales, columns: Object.fromEntries(t.columns.map((c) => [c.name, c.generator])) })));
  const system = [
    { text: SYSTEM },
    companyContext(profile),
    { text: `${dialectNotes(dialect)}\n\nThe draft schema:\n${schemaDdl(draft, dialect)}\n\nIts generators (JSON, per table and column):\n${generators}`, cache: true },
  ];
  let user = `The story's golden questions:\n\n${questionList(story, reference)}\n\nReturn your design: the edits to the draft (if any), the queries the story needs, and effects.`;
  // A claim the draft itself cannot keep on this data is not Claude's to answer for: it is asked to
  // fix it, but a design is not refused for it (validate measures it, rewords it and flags it).
  let draftBroken: Set<string> | undefined;
  const brokenInDraft = async (): Promise<Set<string>> => {
    draftBroken ??= new Set((await checkOnData(applyPlan(draft, story, { queries: [] }).model, story, ctx)).map(claimOf));
    return draftBroken;
  };
  for (let round = 0; ; round++) {
    const { value } = await llm.generate({ stage: 'model', system, user, schema: ModelPlanSchema, name: 'data_model_plan', description: 'Edits to the draft schema and generators, golden SQL with insight checks, and effects that plant the insights.', maxTokens: 8_000, signal: ctx.signal });
    const { model, problems } = applyPlan(draft, story, value);
    if (problems.length === 0) problems.push(...(await checkModel(model, ctx)));
    if (problems.length === 0) problems.push(...(await checkOnData(model, story, ctx)));
    if (problems.length > 0 && round >= REPAIRS && problems.every((p) => p.includes(INSIGHT_BROKEN))) {
      const inherited = await brokenInDraft();
      if (problems.every((p) => inherited.has(claimOf(p)))) {
        ctx.logger.warn('model design keeps claims the draft cannot keep either; validate will measure them', { problems });
        return model;
      }
    }
    if (problems.length === 0) return model;
    if (round >= REPAIRS) throw new ModelOutputError('llm_invalid_output', `The model's design still has problems after ${REPAIRS} repairs: ${problems.slice(0, 3).join('; ')}`, { stage: 'model' });
    ctx.logger.warn('model design has problems; asking for a repair', { round, problems });
    user = `${user}\n\nYour previous answer:\n${JSON.stringify(value)}\n\nIt has these problems:\n${problems.map((p) => `- ${p}`).join('\n')}\nReturn the complete corrected answer.`;
  }
}
