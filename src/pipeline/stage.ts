import type { z } from 'zod';
import type { StageId } from '../core/stage-ids.js';
import type { AgentArtifact, DatasetFiles, ProvisionedDataset, ValidationReport } from '../domain/artifacts.js';
import type { DataModel } from '../domain/data-model.js';
import type { CompanyProfile } from '../domain/profile.js';
import type { DemoStory } from '../domain/story.js';
import type { StageContext } from './context.js';
import type { JobSpec } from './job-spec.js';

/** What each stage produces, by stage id. */
export interface StageOutputs {
  research: CompanyProfile;
  story: DemoStory;
  model: DataModel;
  data: DatasetFiles;
  provision: ProvisionedDataset;
  agent: AgentArtifact;
  validate: ValidationReport;
}

/** A compact view of a stage's output for events and the run summary. */
export interface StageReport {
  output: Record<string, unknown>;
  rows?: number;
  bytes?: number;
}

/**
 * One pipeline stage: typed input and output, and `run`, which reaches the world only
 * through the context. `input` picks what it needs from the outputs of earlier stages.
 */
export interface Stage<K extends StageId, I> {
  readonly id: K;
  readonly inputSchema: z.ZodType<I>;
  readonly outputSchema: z.ZodType<StageOutputs[K]>;
  input(earlier: Partial<StageOutputs>, job: JobSpec): I;
  run(input: I, ctx: StageContext): Promise<StageOutputs[K]>;
  report(output: StageOutputs[K]): StageReport;
  /** Whether a checkpointed output still stands (for example its files still exist). */
  stillValid?(output: StageOutputs[K], ctx: StageContext): Promise<boolean>;
}

export type AnyStage = { [K in StageId]: Stage<K, unknown> }[StageId];

/** Reads an earlier stage's output, which the runner guarantees exists. */
export function need<K extends StageId>(earlier: Partial<StageOutputs>, id: K): StageOutputs[K] {
  const value = earlier[id];
  if (value === undefined) throw new Error(`stage ${id} has not produced its output yet`);
  return value;
}
