import { CancelledError, toProvisionError, type ErrorInfo, type ProvisionError } from '../core/errors.js';
import { STAGE_IDS, type StageId } from '../core/stage-ids.js';
import { CHECKPOINT_SCHEMA_VERSION, type ArtifactRef, type CheckpointStore } from '../checkpoints/checkpoint-store.js';
import { inputHash } from '../checkpoints/input-hash.js';
import type { EventPublisher } from '../notify/event-publisher.js';
import { EventSequencer, type PhaseEventInput } from '../notify/phase-event.js';
import { emptyUsage, type LlmUsage } from '../llm/llm.js';
import type { StageContext, StageHooks, StageTrace } from './context.js';
import { optionsFingerprint, type Strategy } from './job-spec.js';
import type { AnyStage, Stage, StageOutputs } from './stage.js';

export type StageRunStatus = 'completed' | 'failed' | 'skipped' | 'pending';

export interface StageRun {
  id: StageId;
  status: StageRunStatus;
  durationMs: number;
  resumed?: boolean;
  report?: Record<string, unknown>;
  /** Which strategy produced the output, for stages that have two. */
  strategy?: Strategy;
  /** Why the llm strategy gave way to the heuristic one. */
  fallback?: string;
  /** Model calls, tokens and estimated cost, when the stage called the model. */
  llm?: LlmUsage;
}

export interface PipelineResult {
  status: 'completed' | 'failed' | 'cancelled';
  durationMs: number;
  stages: StageRun[];
  outputs: Partial<StageOutputs>;
  error?: ErrorInfo;
}

export interface RunnerDeps {
  job: StageContext['job'];
  stages: readonly AnyStage[];
  publisher: EventPublisher;
  checkpoints: CheckpointStore;
  /** Builds the context for one stage; its hooks publish `stage.progress` and `log` events and collect the trace. */
  context: (stage: StageId, hooks: StageHooks) => StageContext;
  now?: () => Date;
}

export interface RunOptions {
  /** Stop after this stage; the later ones are reported as skipped. */
  until?: StageId;
  signal: AbortSignal;
  /** Called with the summary-to-be before the terminal event is published. */
  summarize?: (result: PipelineResult) => unknown;
}

function elapsed(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

/**
 * Runs the seven stages in order. Each completed stage is checkpointed, and its
 * `stage.completed` event carries a summary and a reference to the checkpoint; a stage whose
 * checkpoint has this release's schema version and was made under the same options from the
 * same input (by hash) is loaded instead of run ("resumed"). Once a stage is recomputed,
 * every stage after it is too: their checkpoints were made from what it produced before.
 * Every step is published as a phase event. Never throws for a stage failure: the result says.
 */
export async function runPipeline(deps: RunnerDeps, options: RunOptions): Promise<PipelineResult> {
  const started = performance.now();
  const { job } = deps;
  const seq = new EventSequencer(job.jobId, job.attempt, deps.now);
  const publish = (input: PhaseEventInput): Promise<void> => deps.publisher.publish(seq.next(input));
  const fingerprint = optionsFingerprint(job);
  const lastIndex = options.until ? STAGE_IDS.indexOf(options.until) : STAGE_IDS.length - 1;

  const runs: StageRun[] = STAGE_IDS.map((id) => ({ id, status: 'pending', durationMs: 0 }));
  const outputs: Partial<StageOutputs> = {};
  let error: ProvisionError | undefined;
  /** Set once a stage ran instead of resuming: later checkpoints can no longer be trusted. */
  let recomputed = false;

  await publish({
    type: 'job.started',
    message: `Provisioning ${job.url}`,
    output: { url: job.url, strategy: job.strategy, warehouse: job.warehouse, dataset: job.datasetName, scale: job.scale, ...(job.callbackUrl ? { callbackUrl: job.callbackUrl } : {}) },
  });

  for (let i = 0; i < STAGE_IDS.length; i++) {
    const id = STAGE_IDS[i] as StageId;
    const run = runs[i] as StageRun;
    if (i > lastIndex) {
      run.status = 'skipped';
      continue;
    }
    const stage = deps.stages.find((s) => s.id === id) as Stage<typeof id, unknown> | undefined;
    if (!stage) throw new Error(`no stage registered for ${id}`);
    const stageStart = performance.now();
    let progressChain = Promise.resolve();
    const progress = (fraction: number, message?: string): void => {
      // Progress events are best effort and kept in order; the stage never waits on them.
      progressChain = progressChain
        .then(() => publish({ type: 'stage.progress', stage: id, progress: Math.max(0, Math.min(1, fraction)), ...(message ? { message } : {}) }))
        .catch(() => undefined);
    };
    const warn = (message: string): void => {
      progressChain = progressChain.then(() => publish({ type: 'log', stage: id, message, output: { level: 'warning' } })).catch(() => undefined);
    };
    const trace: StageTrace = { usage: emptyUsage() };
    const ctx = deps.context(id, { progress, warn, trace });
    try {
      if (options.signal.aborted) throw new CancelledError(undefined, { stage: id });
      // Parsed before the checkpoint is looked at: its hash decides whether the checkpoint stands.
      const input = stage.inputSchema.parse(stage.input(outputs, job));
      const hash = inputHash(input);
      const saved = recomputed ? undefined : await loadCheckpoint(deps, stage, ctx, fingerprint, hash);
      if (saved !== undefined) {
        const resumed = saved.output;
        (outputs as Record<StageId, unknown>)[id] = resumed;
        const report = stage.report(resumed as never);
        const strategy = saved.strategy ? { strategy: saved.strategy } : {};
        Object.assign(run, { status: 'completed', durationMs: 0, resumed: true, report: report.output }, strategy);
        const artifact: ArtifactRef = { checkpoint: deps.checkpoints.kind, stage: id, savedAt: saved.savedAt };
        await publish({ type: 'stage.completed', stage: id, message: 'resumed from checkpoint', output: { ...report.output, ...strategy, resumed: true, artifact }, metrics: { durationMs: 0 } });
        continue;
      }
      recomputed = true;
      await publish({ type: 'stage.started', stage: id });
      const output = stage.outputSchema.parse(await stage.run(input, ctx));
      options.signal.throwIfAborted();
      const savedAt = new Date().toISOString();
      await deps.checkpoints.save(job.jobId, id, {
        v: CHECKPOINT_SCHEMA_VERSION,
        fingerprint,
        inputHash: hash,
        savedAt,
        output,
        ...(trace.strategy ? { strategy: trace.strategy } : {}),
      });
      (outputs as Record<StageId, unknown>)[id] = output;
      const report = stage.report(output);
      Object.assign(run, { status: 'completed', durationMs: elapsed(stageStart), report: report.output }, traced(trace));
      await progressChain;
      await publish({
        type: 'stage.completed',
        stage: id,
        // A summary and where the output is kept (its checkpoint), not the output itself: the
        // status store resolves the reference when the dashboard shows the demo's assets.
        output: { ...report.output, ...traced(trace), artifact: { checkpoint: deps.checkpoints.kind, stage: id, savedAt } satisfies ArtifactRef },
        metrics: { durationMs: run.durationMs, ...(report.rows !== undefined ? { rows: report.rows } : {}), ...(report.bytes !== undefined ? { bytes: report.bytes } : {}), ...tokenMetrics(trace) },
      });
    } catch (err) {
      error = options.signal.aborted && !(err instanceof CancelledError) ? new CancelledError(undefined, { stage: id, cause: err }) : toProvisionError(err, id);
      error.stage ??= id;
      Object.assign(run, { status: 'failed', durationMs: elapsed(stageStart) }, traced(trace));
      await progressChain;
      await publish({ type: 'stage.failed', stage: id, error: { code: error.code, message: error.message, retryable: error.retryable }, metrics: { durationMs: run.durationMs, ...tokenMetrics(trace) } });
      break;
    }
  }

  const status: PipelineResult['status'] = error === undefined ? 'completed' : error.code === 'cancelled' ? 'cancelled' : 'failed';
  const result: PipelineResult = { status, durationMs: elapsed(started), stages: runs, outputs, ...(error ? { error: error.toJSON() } : {}) };
  const summary = options.summarize?.(result);
  const terminal = status === 'completed' ? 'job.completed' : status === 'cancelled' ? 'job.cancelled' : 'job.failed';
  await publish({
    type: terminal,
    ...(error ? { error: { code: error.code, message: error.message, retryable: error.retryable }, message: error.message } : {}),
    ...(summary !== undefined ? { output: summary } : {}),
    metrics: { durationMs: result.durationMs },
  });
  return result;
}

/** The trace as StageRun fields: only what the stage recorded. */
function traced(trace: StageTrace): Pick<StageRun, 'strategy' | 'fallback' | 'llm'> {
  return {
    ...(trace.strategy ? { strategy: trace.strategy } : {}),
    ...(trace.fallback ? { fallback: trace.fallback } : {}),
    ...(trace.usage.calls > 0 ? { llm: trace.usage } : {}),
  };
}

function tokenMetrics(trace: StageTrace): { llmTokensIn?: number; llmTokensOut?: number } {
  if (trace.usage.calls === 0) return {};
  return { llmTokensIn: trace.usage.inputTokens + trace.usage.cacheReadTokens + trace.usage.cacheWriteTokens, llmTokensOut: trace.usage.outputTokens };
}

async function loadCheckpoint(deps: RunnerDeps, stage: Stage<StageId, unknown>, ctx: StageContext, fingerprint: string, hash: string): Promise<{ output: unknown; savedAt: string; strategy?: Strategy } | undefined> {
  const saved = await deps.checkpoints.load(ctx.job.jobId, stage.id);
  if (!saved) return undefined;
  if (saved.v !== CHECKPOINT_SCHEMA_VERSION) {
    ctx.logger.info('checkpoint is of another schema version; recomputing', { stage: stage.id, version: saved.v ?? 1 });
    return undefined;
  }
  if (saved.fingerprint !== fingerprint) return undefined;
  if (saved.inputHash !== hash) {
    ctx.logger.info("the stage's input changed since its checkpoint; recomputing", { stage: stage.id });
    return undefined;
  }
  const parsed = stage.outputSchema.safeParse(saved.output);
  if (!parsed.success) {
    ctx.logger.warn('checkpoint does not match the current schema; recomputing', { stage: stage.id });
    return undefined;
  }
  if (stage.stillValid && !(await stage.stillValid(parsed.data, ctx))) {
    ctx.logger.info('checkpoint no longer stands; recomputing', { stage: stage.id });
    return undefined;
  }
  return { output: parsed.data, savedAt: saved.savedAt, ...(saved.strategy ? { strategy: saved.strategy } : {}) };
}
