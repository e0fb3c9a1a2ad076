import { z } from 'zod';
import type { DataModel, GoldenSql } from '../../domain/data-model.js';
import type { StageContext } from '../../pipeline/context.js';
import { dialectNotes, modelOf, schemaDdl } from '../llm-context.js';

export const RepairSchema = z.object({ sql: z.string().min(10) });

// Only queries that fail to compile or run, or return the wrong columns or nothing, come here: a
// claim that the data does not bear out is reported, never "repaired" by bending the query.
const SYSTEM = 'You fix golden SQL queries of a conversational-analytics demo that fail to compile, fail to run, or return the wrong columns or no rows on the warehouse below. Keep the meaning of the question; change as little as needed. Return one read-only SELECT (or WITH … SELECT); never write, read files or change settings.';

/** Asks the model for a corrected query, given the error; the caller runs it on the read-only path and judges it again. */
export async function askForRepair(ctx: StageContext, model: DataModel, question: string, golden: GoldenSql, sql: string, problem: string): Promise<string> {
  const llm = modelOf(ctx, 'validate');
  const dialect = ctx.warehouse.dialect(ctx.job.datasetName, model.asOf);
  const { value } = await llm.generate({
    stage: 'validate',
    system: [{ text: SYSTEM }, { text: `${dialectNotes(dialect)}\n\nThe schema:\n${schemaDdl(model, dialect)}`, cache: true }],
    user: `Question (${golden.questionId}): ${question}\nThe result must have exactly these columns, in order: ${golden.expectedColumns.join(', ')}.\n\nThe query:\n${sql}\n\nWhat went wrong: ${problem}\n\nReturn the corrected query.`,
    schema: RepairSchema,
    name: 'repaired_query',
    description: 'The corrected SQL query.',
    maxTokens: 1_500,
    signal: ctx.signal,
  });
  return value.sql.trim().replace(/;\s*$/, '');
}
