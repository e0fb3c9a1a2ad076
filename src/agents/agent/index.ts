import { z } from 'zod';
import { AgentArtifactSchema, ProvisionedDatasetSchema, type AgentArtifact } from '../../domain/artifacts.js';
import { DataModelSchema, type DataModel } from '../../domain/data-model.js';
import { CompanyProfileSchema } from '../../domain/profile.js';
import { DemoStorySchema } from '../../domain/story.js';
import type { StageContext } from '../../pipeline/context.js';
import { need, type Stage } from '../../pipeline/stage.js';
import { withStrategies } from '../strategy.js';
import { buildAgentContext } from './build-context.js';
import { enrichForAgent } from './llm.js';

const Input = z.object({ profile: CompanyProfileSchema, story: DemoStorySchema, model: DataModelSchema, dataset: ProvisionedDatasetSchema });
type AgentInput = z.infer<typeof Input>;

/**
 * Builds the agent's context, writes it, and only then creates or updates the data agent with
 * it: the agent never exists without its instructions (the predecessor's agent ran on a one-line
 * default because it was created first).
 */
async function publishAgent({ profile, story, dataset }: AgentInput, model: DataModel, ctx: StageContext): Promise<AgentArtifact> {
  const context = buildAgentContext(ctx.job.jobId, profile, story, model, ctx.warehouse.dialect(ctx.job.datasetName, model.asOf));
  const yamlFile = await ctx.files.write('agent/system-instruction.yaml', context.systemInstruction);
  await ctx.files.write('agent/agent-context.json', JSON.stringify(context, null, 2));
  if (!ctx.agents) return { context, yamlFile };
  ctx.progress(0.5, `publishing the ${ctx.agents.kind} data agent ${context.agentName}`);
  const published = await ctx.agents.publish(context.agentName, context, dataset, { signal: ctx.signal });
  ctx.progress(1, `${published.created ? 'created' : 'updated'} ${published.name}`);
  return { context, yamlFile, remoteAgent: published.name };
}

export const agentStage: Stage<'agent', AgentInput> = withStrategies(
  {
    id: 'agent',
    inputSchema: Input,
    outputSchema: AgentArtifactSchema,
    input: (earlier) => ({ profile: need(earlier, 'research'), story: need(earlier, 'story'), model: need(earlier, 'model'), dataset: need(earlier, 'provision') }),
    run: (input, ctx) => publishAgent(input, input.model, ctx),
    report: (a) => ({ output: { agent: a.context.agentName, exampleQueries: a.context.exampleQueries.length, yamlBytes: a.context.systemInstruction.length, ...(a.remoteAgent ? { remoteAgent: a.remoteAgent } : {}) } }),
    // A torn-down agent is published again on a rerun, like a dropped dataset is loaded again.
    stillValid: async (a, ctx) => !a.remoteAgent || !ctx.agents || (await ctx.agents.exists(a.context.agentName)),
  },
  async (input, ctx) => publishAgent(input, await enrichForAgent(ctx, input.profile, input.story, input.model), ctx),
);
