import { z } from 'zod';
import type { Blueprint } from '../../blueprints/blueprint.js';
import { tailor } from '../../blueprints/tailor.js';
import { ModelOutputError } from '../../core/errors.js';
import { assertReadOnlySql } from '../../dataagent/read-only-sql.js';
import { generateTables } from '../../data/engine.js';
import { EffectSchema, InsightSchema, type DataModel, type GoldenSql } from '../../domain/data-model.js';
import type { CompanyProfile } from '../../domain/profile.js';
import type { DemoStory } from '../../domain/story.js';
import type { StageContext } from '../../pipeline/context.js';
import type { SqlDialect } from '../../warehouse/sql-dialect.js';
import { companyContext, dialectNotes, modelOf, schemaDdl } from '../llm-context.js';
import { renderModel } from './render-model.js';

const SNAKE = /^[a-z][a-z0-9_]*$/;

/**
 * What the model adds to the blueprint's schema: SQL for the questions the blueprint does not
 * answer as asked, and the effects that plant their insights in the generated data.
 */
export const ModelPlanSchema = z.object({
  queries: z
    .array(
      z.object({
        questionId: z.string(),
        sql: z.string().min(10),
        expectedColumns: z.array(z.string().regex(SNAKE)).min(1).describe('The result columns, in order, exactly as the SQL aliases them.'),
        insights: z.array(InsightSchema).max(2).optional().describe('Checks on the result that show the insight (only ones the data will make true).'),
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
  'You are the data modeller of a conversational-analytics demo. The warehouse schema below is fixed: it comes with generators that produce realistic synthetic data and reference SQL that is known to answer the blueprint questions.',
  'For each golden question of the story, decide whether its reference SQL answers it as asked. Return a query only for questions that have no reference SQL, or whose wording asks for something the reference SQL does not answer; leave the others out.',
  'Queries must use only the tables and columns of the DDL and the category values listed there. Keep them short and readable.',
  'Only claim insights (ratio, top, trend, between, compare on result columns) that the data will make true; to make a new one true, add an effect to a generator: when a referenced column (this row or fk_column.parent_column) is in some values, multiply a number by a factor, or weight categories.',
].join('\n');

function questionList(story: DemoStory, reference: Map<string, GoldenSql>): string {
  return story.goldenQuestions
    .map((q) => {
      const ref = reference.get(q.id);
      return `### ${q.id} [${q.level}] ${q.question}\nInsight: ${q.insight}\n${ref ? `Reference SQL (columns ${ref.expectedColumns.join(', ')}):\n${ref.sql}` : 'No reference SQL.'}`;
    })
    .join('\n\n');
}

/** Merges the plan into the draft: the story's questions with their SQL, and the new effects. Pure. */
export function applyPlan(draft: DataModel, story: DemoStory, plan: ModelPlan): { model: DataModel; problems: string[] } {
  const problems: string[] = [];
  const reference = new Map(draft.goldenSql.map((g) => [g.questionId, g]));
  const written = new Map(plan.queries.map((q) => [q.questionId, q]));
  for (const id of written.keys()) if (!story.goldenQuestions.some((q) => q.id === id)) problems.push(`${id}: no question of the story has this id`);
  const goldenSql: GoldenSql[] = [];
  for (const q of story.goldenQuestions) {
    const sql = written.get(q.id) ?? reference.get(q.id);
    if (!sql) problems.push(`${q.id}: the question has no reference SQL, so it needs a query`);
    else goldenSql.push({ questionId: q.id, sql: sql.sql.trim().replace(/;\s*$/, ''), expectedColumns: sql.expectedColumns, ...(sql.insights?.length ? { insights: sql.insights } : {}) });
  }
  const tables = draft.tables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c })) }));
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

/** Asks the model for the SQL the story needs, checks it, and sends problems back (bounded). */
export async function askForModel(ctx: StageContext, profile: CompanyProfile, story: DemoStory, bp: Blueprint, dialect: SqlDialect, asOf: string): Promise<DataModel> {
  const llm = modelOf(ctx, 'model');
  const draft = renderModel(bp, profile, tailor(bp, profile), dialect, asOf);
  const reference = new Map(draft.goldenSql.map((g) => [g.questionId, g]));
  const system = [{ text: SYSTEM }, companyContext(profile), { text: `${dialectNotes(dialect)}\n\nThe schema:\n${schemaDdl(draft, dialect)}`, cache: true }];
  let user = `The story's golden questions:\n\n${questionList(story, reference)}\n\nReturn the queries (and effects) the story needs.`;
  for (let round = 0; ; round++) {
    const { value } = await llm.generate({ stage: 'model', system, user, schema: ModelPlanSchema, name: 'data_model_plan', description: 'Golden SQL for the questions that need it, and effects that plant their insights.', maxTokens: 4_000, signal: ctx.signal });
    const { model, problems } = applyPlan(draft, story, value);
    if (problems.length === 0) problems.push(...(await checkModel(model, ctx)));
    if (problems.length === 0) return model;
    if (round >= REPAIRS) throw new ModelOutputError('llm_invalid_output', `The model's SQL still has problems after ${REPAIRS} repairs: ${problems.slice(0, 3).join('; ')}`, { stage: 'model' });
    ctx.logger.warn('model plan has problems; asking for a repair', { round, problems });
    user = `${user}\n\nYour previous answer:\n${JSON.stringify(value)}\n\nIt has these problems:\n${problems.map((p) => `- ${p}`).join('\n')}\nReturn the complete corrected answer.`;
  }
}
