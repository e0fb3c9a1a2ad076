import { z } from 'zod';
import { ErrorInfoSchema } from '../core/errors.js';
import type { AgentArtifact, ValidationReport } from '../domain/artifacts.js';
import { STAGE_IDS } from '../core/stage-ids.js';
import { WarehouseKindSchema } from '../domain/data-model.js';
import type { CompanyProfile } from '../domain/profile.js';
import { addUsage, emptyUsage } from '../llm/llm.js';
import { StrategySchema, type JobSpec } from './job-spec.js';
import type { PipelineResult } from './runner.js';

const LlmUsageSchema = z.object({
  calls: z.number().int().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
});

/** The run summary of DESIGN.md. Scripts and the dashboard rely on it: extend, never rename. */
export const RunSummarySchema = z.object({
  jobId: z.string(),
  url: z.string(),
  status: z.enum(['completed', 'failed', 'cancelled']),
  strategy: StrategySchema,
  warehouse: WarehouseKindSchema,
  durationMs: z.number().nonnegative(),
  stages: z
    .array(
      z.object({
        id: z.enum(STAGE_IDS),
        status: z.enum(['completed', 'failed', 'skipped', 'pending']),
        durationMs: z.number().nonnegative(),
        resumed: z.boolean().optional(),
        /** Which strategy produced the stage's output (stages with two strategies). */
        strategy: StrategySchema.optional(),
        /** Why the llm strategy gave way to the heuristic one. */
        fallback: z.string().optional(),
        llm: LlmUsageSchema.optional(),
      }),
    )
    .length(7),
  error: ErrorInfoSchema.optional(),
  profile: z
    .object({
      name: z.string(),
      /** The taxonomy label. */
      industry: z.string(),
      /** How sure research is of the industry (0..1); below the research threshold it warned. */
      confidence: z.number().min(0).max(1).optional(),
      industryId: z.string().optional(),
      /** What decided the industry, as short claims ("\"law firm\" in the title, description or main heading"). */
      evidence: z.array(z.string()).optional(),
    })
    .optional(),
  dataset: z.object({ name: z.string(), location: z.string(), tables: z.array(z.object({ name: z.string(), rows: z.number().int() })) }).optional(),
  goldenQueries: z.object({ total: z.number().int(), passed: z.number().int(), failed: z.number().int() }).optional(),
  /**
   * The golden questions' claims checked on the loaded data; a failed one is reworded from the
   * measured figures in the presented story. `line` says it for a person.
   */
  claims: z.object({ total: z.number().int(), held: z.number().int(), failed: z.number().int(), flagged: z.array(z.string()), line: z.string() }).optional(),
  agent: z
    .object({
      name: z.string(),
      /** The published data agent (`projects/…/dataAgents/…` or `local/…`). */
      remote: z.string().optional(),
      /** Share of golden questions the data agent answered with the golden result (0..1). */
      accuracy: z.number().min(0).max(1).optional(),
    })
    .optional(),
  /** Model calls over the whole run, when the llm strategy ran. */
  llm: LlmUsageSchema.optional(),
  /** Where the job's artifacts (checkpoints, data files, agent context, logs) are. */
  artifactsDir: z.string().optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** Pure: the summary of a finished pipeline. */
export function buildRunSummary(job: JobSpec, result: PipelineResult, artifactsDir?: string): RunSummary {
  const { outputs } = result;
  const llm = result.stages.reduce((sum, s) => (s.llm ? addUsage(sum, s.llm) : sum), emptyUsage());
  return {
    jobId: job.jobId,
    url: job.url,
    status: result.status,
    strategy: job.strategy,
    warehouse: job.warehouse,
    durationMs: result.durationMs,
    stages: result.stages.map((s) => ({
      id: s.id,
      status: s.status,
      durationMs: s.durationMs,
      ...(s.resumed ? { resumed: true } : {}),
      ...(s.strategy ? { strategy: s.strategy } : {}),
      ...(s.fallback ? { fallback: s.fallback } : {}),
      ...(s.llm ? { llm: s.llm } : {}),
    })),
    ...(result.error ? { error: result.error } : {}),
    ...(outputs.research ? { profile: profileSummary(outputs.research) } : {}),
    ...(outputs.provision ? { dataset: { name: outputs.provision.name, location: outputs.provision.location, tables: outputs.provision.tables } } : {}),
    ...(outputs.validate ? { goldenQueries: { total: outputs.validate.total, passed: outputs.validate.passed, failed: outputs.validate.failed } } : {}),
    ...(outputs.validate?.claims ? { claims: claimsSummary(outputs.validate.claims) } : {}),
    ...(outputs.agent ? { agent: agentSummary(outputs.agent, outputs.validate) } : {}),
    ...(llm.calls > 0 ? { llm } : {}),
    ...(artifactsDir ? { artifactsDir } : {}),
  };
}

function profileSummary(p: CompanyProfile): NonNullable<RunSummary['profile']> {
  return {
    name: p.name,
    industry: p.industry.label,
    confidence: p.industry.confidence,
    industryId: p.industry.id,
    // "industry: Breweries & craft beer ("taproom" in the page text)" → what matched, and where.
    evidence: (p.industry.evidence ?? []).slice(0, 3).map((e) => (e.claim.endsWith(')') && e.claim.includes(' (') ? e.claim.slice(e.claim.lastIndexOf(' (') + 2, -1) : e.claim)),
  };
}

function claimsSummary(claims: NonNullable<ValidationReport['claims']>): NonNullable<RunSummary['claims']> {
  const held = claims.filter((c) => c.holds).length;
  const flagged = claims.filter((c) => !c.holds).map((c) => c.questionId);
  const line = `${held} of ${claims.length} claims hold on the data${flagged.length ? `; reworded from the measured figures: ${flagged.join(', ')}` : ''}`;
  return { total: claims.length, held, failed: claims.length - held, flagged, line };
}

function agentSummary(agent: AgentArtifact, report: ValidationReport | undefined): NonNullable<RunSummary['agent']> {
  return {
    name: agent.context.agentName,
    ...(agent.remoteAgent ? { remote: agent.remoteAgent } : {}),
    ...(report?.agent ? { accuracy: report.agent.accuracy } : {}),
  };
}
