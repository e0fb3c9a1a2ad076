import { z } from 'zod';

export const QUESTION_LEVELS = ['simple', 'intermediate', 'advanced', 'expert'] as const;
export const QuestionLevelSchema = z.enum(QUESTION_LEVELS);
export type QuestionLevel = z.infer<typeof QuestionLevelSchema>;

export const GoldenQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  level: QuestionLevelSchema,
  /** The business insight the answer should reveal. */
  insight: z.string(),
});
export type GoldenQuestion = z.infer<typeof GoldenQuestionSchema>;

/** Output of `story`: the narrative a pre-sales engineer presents. */
export const DemoStorySchema = z.object({
  title: z.string(),
  executiveSummary: z.string(),
  persona: z.object({ name: z.string(), role: z.string(), goals: z.array(z.string()) }),
  scenes: z.array(z.object({ title: z.string(), narrative: z.string(), questionIds: z.array(z.string()) })),
  goldenQuestions: z.array(GoldenQuestionSchema).min(10).max(15),
});
export type DemoStory = z.infer<typeof DemoStorySchema>;
