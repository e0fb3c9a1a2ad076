import { z } from 'zod';
import { tailor } from '../../blueprints/tailor.js';
import { DataModelSchema, type DataModel } from '../../domain/data-model.js';
import { CompanyProfileSchema } from '../../domain/profile.js';
import { DemoStorySchema } from '../../domain/story.js';
import type { DemoStory } from '../../domain/story.js';
import type { StageContext } from '../../pipeline/context.js';
import { need, type Stage } from '../../pipeline/stage.js';
import { blueprintFor } from '../blueprint-for.js';
import { deriveSemanticModel } from '../../semantic/derive.js';
import { withStrategies } from '../strategy.js';
import { askForModel } from './llm.js';
import { renderModel } from './render-model.js';

const Input = z.object({ profile: CompanyProfileSchema, story: DemoStorySchema });

// The data ends "today"; the golden SQL's windows are relative to the same day.
const asOfFor = (ctx: StageContext): string => ctx.clock.now().toISOString().slice(0, 10);

// Every model carries its semantic layer: derived from its tables, with the modules' or the
// preset's curated parts on top; chat and the agent's context are rendered from it.
const withSemantic = (model: DataModel, story: DemoStory): DataModel => ({ ...model, semantic: deriveSemanticModel(model, story) });

// What composition left out is said once per stage run, even when the heuristic strategy takes over from the llm one.
const warned = new WeakSet<StageContext>();
const warnOnce = (ctx: StageContext) => (message: string): void => {
  if (warned.has(ctx)) return;
  warned.add(ctx);
  ctx.warn(message);
};

export const modelStage: Stage<'model', z.infer<typeof Input>> = withStrategies(
  {
    id: 'model',
    inputSchema: Input,
    outputSchema: DataModelSchema,
    input: (earlier) => ({ profile: need(earlier, 'research'), story: need(earlier, 'story') }),
    run: ({ profile, story }, ctx) => {
      const bp = blueprintFor(profile, warnOnce(ctx));
      const asOf = asOfFor(ctx);
      const model = renderModel(bp, profile, tailor(bp, profile), ctx.warehouse.dialect(ctx.job.datasetName, asOf), asOf);
      // SQL only for the questions the story tells.
      const asked = new Set(story.goldenQuestions.map((q) => q.id));
      return Promise.resolve(withSemantic({ ...model, goldenSql: model.goldenSql.filter((g) => asked.has(g.questionId)) }, story));
    },
    report: (m) => ({ output: { tables: m.tables.length, columns: m.tables.reduce((n, t) => n + t.columns.length, 0), goldenSql: m.goldenSql.length, dialect: m.dialect } }),
  },
  ({ profile, story }, ctx) => {
    const asOf = asOfFor(ctx);
    return askForModel(ctx, profile, story, blueprintFor(profile, warnOnce(ctx)), ctx.warehouse.dialect(ctx.job.datasetName, asOf), asOf).then((m) => withSemantic(m, story));
  },
);
