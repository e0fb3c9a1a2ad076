import { z } from 'zod';
import type { Blueprint } from '../../blueprints/blueprint.js';
import { ModelOutputError } from '../../core/errors.js';
import type { CompanyProfile } from '../../domain/profile.js';
import { GoldenQuestionSchema, type DemoStory } from '../../domain/story.js';
import type { StageContext } from '../../pipeline/context.js';
import { companyContext, modelOf } from '../llm-context.js';
import { heuristicStory } from './heuristic.js';

/** The story as the model writes it; question ids are checked against the candidates by code. */
export const StoryAnswerSchema = z.object({
  title: z.string().min(1).max(120),
  executiveSummary: z.string().min(1).max(900),
  persona: z.object({ name: z.string().min(1), role: z.string().min(1), goals: z.array(z.string()).min(2).max(5) }),
  scenes: z.array(z.object({ title: z.string(), narrative: z.string().max(500), questionIds: z.array(z.string()).min(1) })).min(3).max(5),
  goldenQuestions: z
    .array(GoldenQuestionSchema.extend({ id: z.string().regex(/^[a-z0-9_]+$/), question: z.string().min(8).max(220), insight: z.string().min(8).max(300) }))
    .min(10)
    .max(15),
});

const SYSTEM = [
  'You write the story of a conversational-analytics demo that a pre-sales engineer presents to this company.',
  'The persona asks a data agent plain-language questions; each golden question reveals one business insight that the synthetic data is built to show.',
  'Write 10 to 15 golden questions, ordered from simple (a count, a total) through intermediate and advanced to expert (cohorts, trends, what-ifs). Each must be answerable with one SQL query over a sales-and-operations warehouse for this industry.',
  "Start from the candidate questions: they come with SQL and data already built to answer them. Keep a candidate's id when your question asks the same thing (reword it for the company freely). A question that asks something new gets an id starting with new_ (new_1, new_2, ...); use at most 3 new ones.",
  'Scenes group the questions into a narrative of 3 to 5 steps; every question belongs to a scene.',
].join('\n');

/**
 * Asks the model for the demo story, starting from the blueprint's candidate questions
 * (already told about this company), and checks what comes back: unique ids, scenes that
 * only name questions of the story.
 */
export async function askForStory(ctx: StageContext, profile: CompanyProfile, bp: Blueprint): Promise<DemoStory> {
  const llm = modelOf(ctx, 'story');
  const draft = heuristicStory(profile, bp);
  const candidates = draft.goldenQuestions.map((q) => `- ${q.id} [${q.level}] ${q.question} — insight: ${q.insight}`).join('\n');
  const { value } = await llm.generate({
    stage: 'story',
    system: [{ text: SYSTEM }, companyContext(profile)],
    user: `Persona suggestion: ${draft.persona.name}, ${draft.persona.role}.\nCandidate questions:\n${candidates}\n\nWrite the demo story.`,
    schema: StoryAnswerSchema,
    name: 'demo_story',
    description: 'The demo story with its golden questions.',
    maxTokens: 4_000,
    signal: ctx.signal,
  });
  const ids = value.goldenQuestions.map((q) => q.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new ModelOutputError('llm_invalid_output', `The story names question ${duplicate} twice.`, { stage: 'story' });
  const known = new Set(ids);
  return { ...value, scenes: value.scenes.map((s) => ({ ...s, questionIds: s.questionIds.filter((id) => known.has(id)) })).filter((s) => s.questionIds.length > 0) };
}
