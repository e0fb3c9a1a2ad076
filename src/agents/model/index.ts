import { z } from 'zod';
import { tailor } from '../../blueprints/tailor.js';
import { DataModelSchema } from '../../domain/data-model.js';
import { CompanyProfileSchema } from '../../domain/profile.js';
import { DemoStorySchema } from '../../domain/story.js';
import { need, type Stage } from '../../pipeline/stage.js';
import { blueprintFor } from '../blueprint-for.js';
import { renderModel } from './render-model.js';

const Input = z.object({ profile: CompanyProfileSchema, story: DemoStorySchema });

export const modelStage: Stage<'model', z.infer<typeof Input>> = {
  id: 'model',
  inputSchema: Input,
  outputSchema: DataModelSchema,
  input: (earlier) => ({ profile: need(earlier, 'research'), story: need(earlier, 'story') }),
  run: ({ profile, story }, ctx) => {
    const bp = blueprintFor(profile);
    // The data ends "today"; the golden SQL's windows are relative to the same day.
    const asOf = ctx.clock.now().toISOString().slice(0, 10);
    const model = renderModel(bp, profile, tailor(bp, profile), ctx.warehouse.dialect(ctx.job.datasetName, asOf), asOf);
    // SQL only for the questions the story tells.
    const asked = new Set(story.goldenQuestions.map((q) => q.id));
    return Promise.resolve({ ...model, goldenSql: model.goldenSql.filter((g) => asked.has(g.questionId)) });
  },
  report: (m) => ({ output: { tables: m.tables.length, columns: m.tables.reduce((n, t) => n + t.columns.length, 0), goldenSql: m.goldenSql.length, dialect: m.dialect } }),
};
