import { z } from 'zod';
import type { DataModel } from '../../domain/data-model.js';
import type { CompanyProfile } from '../../domain/profile.js';
import type { DemoStory } from '../../domain/story.js';
import type { StageContext } from '../../pipeline/context.js';
import { companyContext, modelOf } from '../llm-context.js';

export const TableNotesSchema = z.object({
  tables: z.array(
    z.object({
      name: z.string(),
      description: z.string().min(1).max(300),
      synonyms: z.array(z.string().max(40)).max(6),
      columns: z.array(z.object({ name: z.string(), description: z.string().max(200).optional(), synonyms: z.array(z.string().max(40)).max(5) })).max(40),
    }),
  ),
});

export const GlossarySchema = z.object({ terms: z.array(z.object({ term: z.string().min(1).max(60), definition: z.string().min(1).max(400) })).min(5).max(15) });

const NOTES = [
  'You write the table and column descriptions of a data agent that answers business questions with SQL.',
  "Describe each table and the columns a business user would ask about in this company's own words, and give the synonyms people use for them (e.g. \"clients\" for customers). Keep descriptions to one sentence; leave out columns that need nothing.",
].join('\n');

const GLOSSARY = [
  'You write the business glossary of a data agent that answers business questions with SQL.',
  "Define 6 to 12 terms this company's team uses (their KPIs and business words). Each definition says what it means and how it is computed from the tables and columns.",
].join('\n');

function tableList(model: DataModel): string {
  return model.tables.map((t) => `${t.name} (${t.grain}): ${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')}`).join('\n');
}

/**
 * The model's table descriptions, synonyms and glossary merged into the data model. The two
 * calls are independent, so they run at once. What the model names that is not in the schema
 * is ignored; what it leaves out keeps the blueprint's wording. Pure apart from the calls.
 */
export async function enrichForAgent(ctx: StageContext, profile: CompanyProfile, story: DemoStory, model: DataModel): Promise<DataModel> {
  const llm = modelOf(ctx, 'agent');
  const shared = companyContext(profile);
  const questions = story.goldenQuestions.map((q) => `- ${q.question}`).join('\n');
  const [notes, glossary] = await Promise.all([
    llm.generate({ stage: 'agent', system: [{ text: NOTES }, shared], user: `Tables:\n${tableList(model)}\n\nQuestions the agent will be asked:\n${questions}`, schema: TableNotesSchema, name: 'table_descriptions', description: 'Descriptions and synonyms of tables and columns.', maxTokens: 3_000, signal: ctx.signal }),
    llm.generate({ stage: 'agent', system: [{ text: GLOSSARY }, shared], user: `Tables:\n${tableList(model)}\n\nKPIs: ${profile.kpis.join(', ')}`, schema: GlossarySchema, name: 'glossary', description: 'The business glossary.', maxTokens: 1_500, signal: ctx.signal }),
  ]);
  return mergeNotes(model, notes.value, glossary.value);
}

export function mergeNotes(model: DataModel, notes: z.infer<typeof TableNotesSchema>, glossary: z.infer<typeof GlossarySchema>): DataModel {
  const byTable = new Map(notes.tables.map((t) => [t.name, t]));
  const tables = model.tables.map((t) => {
    const note = byTable.get(t.name);
    if (!note) return t;
    const byColumn = new Map(note.columns.map((c) => [c.name, c]));
    return {
      ...t,
      description: note.description,
      synonyms: [...new Set([...t.synonyms, ...note.synonyms])],
      columns: t.columns.map((c) => {
        const n = byColumn.get(c.name);
        return n ? { ...c, description: n.description ?? c.description, synonyms: [...new Set([...c.synonyms, ...n.synonyms])] } : c;
      }),
    };
  });
  const terms = new Set(glossary.terms.map((g) => g.term.toLowerCase()));
  return { ...model, tables, glossary: [...glossary.terms, ...model.glossary.filter((g) => !terms.has(g.term.toLowerCase()))] };
}
