import { z } from 'zod';
import { CompanyProfileSchema } from '../../domain/profile.js';
import { DemoStorySchema } from '../../domain/story.js';
import { need, type Stage } from '../../pipeline/stage.js';
import { blueprintFor } from '../blueprint-for.js';
import { withStrategies } from '../strategy.js';
import { heuristicStory } from './heuristic.js';
import { askForStory } from './llm.js';

const Input = z.object({ profile: CompanyProfileSchema });

export const storyStage: Stage<'story', z.infer<typeof Input>> = withStrategies(
  {
    id: 'story',
    inputSchema: Input,
    outputSchema: DemoStorySchema,
    input: (earlier) => ({ profile: need(earlier, 'research') }),
    run: ({ profile }) => Promise.resolve(heuristicStory(profile, blueprintFor(profile))),
    report: (s) => ({ output: { title: s.title, questions: s.goldenQuestions.length, scenes: s.scenes.length } }),
  },
  ({ profile }, ctx) => askForStory(ctx, profile, blueprintFor(profile)),
);
