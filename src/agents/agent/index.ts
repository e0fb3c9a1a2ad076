import { z } from 'zod';
import { AgentArtifactSchema, ProvisionedDatasetSchema } from '../../domain/artifacts.js';
import { DataModelSchema } from '../../domain/data-model.js';
import { CompanyProfileSchema } from '../../domain/profile.js';
import { DemoStorySchema } from '../../domain/story.js';
import { need, type Stage } from '../../pipeline/stage.js';
import { buildAgentContext } from './build-context.js';

const Input = z.object({ profile: CompanyProfileSchema, story: DemoStorySchema, model: DataModelSchema, dataset: ProvisionedDatasetSchema });

export const agentStage: Stage<'agent', z.infer<typeof Input>> = {
  id: 'agent',
  inputSchema: Input,
  outputSchema: AgentArtifactSchema,
  input: (earlier) => ({ profile: need(earlier, 'research'), story: need(earlier, 'story'), model: need(earlier, 'model'), dataset: need(earlier, 'provision') }),
  run: async ({ profile, story, model }, ctx) => {
    const context = buildAgentContext(ctx.job.jobId, profile, story, model);
    const yamlFile = await ctx.files.write('agent/system-instruction.yaml', context.systemInstruction);
    await ctx.files.write('agent/agent-context.json', JSON.stringify(context, null, 2));
    return { context, yamlFile };
  },
  report: (a) => ({ output: { agent: a.context.agentName, exampleQueries: a.context.exampleQueries.length, yamlBytes: a.context.systemInstruction.length } }),
};
