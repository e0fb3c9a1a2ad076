import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKPOINT_SCHEMA_VERSION } from '../src/checkpoints/checkpoint-store.js';
import { FileCheckpointStore } from '../src/checkpoints/file-checkpoint-store.js';
import { RemoteServiceError, UserInputError } from '../src/core/errors.js';
import { STAGE_IDS, type StageId } from '../src/core/stage-ids.js';
import { exitStatusFor } from '../src/cli/exit-status.js';
import { LocalJobFiles } from '../src/files/local-job-files.js';
import { silentLogger } from '../src/logging/logger.js';
import { MemoryEventPublisher } from '../src/notify/event-publisher.js';
import type { StageContext, StageHooks } from '../src/pipeline/context.js';
import type { JobSpec } from '../src/pipeline/job-spec.js';
import { runPipeline } from '../src/pipeline/runner.js';
import type { AnyStage } from '../src/pipeline/stage.js';
import { buildRunSummary } from '../src/pipeline/summary.js';
import { applyEvents } from '../src/status/apply-event.js';
import { SqliteStatusStore } from '../src/status/sqlite-status-store.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { tempDir } from './helpers/tmp.js';

const spec: JobSpec = { jobId: 'runner-test', url: 'https://example.com/', attempt: 0, strategy: 'heuristic', warehouse: 'duckdb', scale: 1, allowPrivateNetwork: false };

type Behaviour = (ctx: StageContext) => Promise<unknown>;

/** Seven stages that record their calls; each does what `behaviour` says (default: return its id). */
function fakeStages(calls: StageId[], behaviour: Partial<Record<StageId, Behaviour>> = {}): AnyStage[] {
  return STAGE_IDS.map(
    (id) =>
      ({
        id,
        inputSchema: z.any(),
        outputSchema: z.object({ stage: z.string() }),
        // Each stage reads the one before it, as the real ones read earlier outputs.
        input: (earlier: Record<string, unknown>) => ({ previous: earlier[STAGE_IDS[STAGE_IDS.indexOf(id) - 1] ?? ''] ?? null }),
        run: async (_input: unknown, ctx: StageContext) => {
          calls.push(id);
          const custom = behaviour[id];
          if (custom) return custom(ctx);
          ctx.progress(0.5, `halfway through ${id}`);
          return { stage: id };
        },
        report: (o: { stage: string }) => ({ output: { stage: o.stage } }),
      }) as unknown as AnyStage,
  );
}

function setup(stateDir: string, stages: AnyStage[], signal = new AbortController().signal) {
  const publisher = new MemoryEventPublisher();
  const files = new LocalJobFiles(stateDir, spec.jobId);
  const context = (_stage: StageId, { progress, warn, trace }: StageHooks): StageContext => ({
    job: { ...spec, datasetName: 'ds', seed: 1 },
    http: { fetchPage: () => Promise.reject(new Error('no network in this test')) },
    warehouse: {} as Warehouse,
    files,
    clock: { now: () => new Date('2026-01-01T00:00:00Z') },
    logger: silentLogger,
    signal,
    progress,
    warn,
    trace,
  });
  return { publisher, deps: { job: { ...spec, datasetName: 'ds', seed: 1 }, stages, publisher, checkpoints: new FileCheckpointStore(stateDir), context } };
}

describe('runPipeline', () => {
  it('runs the seven stages in order and publishes the v1 events', async () => {
    const calls: StageId[] = [];
    const { publisher, deps } = setup(tempDir(), fakeStages(calls));
    const result = await runPipeline(deps, { signal: new AbortController().signal });
    assert.equal(result.status, 'completed');
    assert.deepEqual(calls, [...STAGE_IDS]);
    const types = publisher.events.map((e) => e.type);
    assert.equal(types[0], 'job.started');
    assert.equal(types.at(-1), 'job.completed');
    assert.equal(types.filter((t) => t === 'stage.completed').length, 7);
    assert.equal(types.filter((t) => t === 'stage.progress').length, 7);
    assert.deepEqual(publisher.events.map((e) => e.seq), publisher.events.map((_, i) => i), 'seq is 0, 1, 2, ...');
    assert.equal(new Set(publisher.events.map((e) => e.eventId)).size, publisher.events.length);
    assert.equal(applyEvents(undefined, publisher.events)?.status, 'completed');
  });

  it('stage.completed carries a summary and a reference to the checkpoint, which the status store resolves', async () => {
    const dir = tempDir();
    const big = 'x'.repeat(200_000);
    const stages = fakeStages([], { model: () => Promise.resolve({ stage: 'model', big }) });
    const { publisher, deps } = setup(dir, stages.map((s) => (s.id === 'model' ? ({ ...s, outputSchema: z.object({ stage: z.string(), big: z.string() }) } as unknown as AnyStage) : s)));
    await runPipeline(deps, { signal: new AbortController().signal });
    const completed = publisher.events.filter((e) => e.type === 'stage.completed');
    for (const e of completed) {
      assert.deepEqual((e.output as { artifact: unknown }).artifact, { checkpoint: 'file', stage: e.stage, savedAt: (e.output as { artifact: { savedAt: string } }).artifact.savedAt });
      assert.ok(JSON.stringify(e).length < 1000, `${e.stage}: the event stays small (${JSON.stringify(e).length} bytes)`);
    }
    const store = new SqliteStatusStore(join(dir, 'status.sqlite'));
    try {
      for (const e of publisher.events) await store.apply(e);
      const artifacts = await store.artifacts(spec.jobId);
      assert.deepEqual(Object.keys(artifacts).sort(), [...STAGE_IDS].sort());
      assert.deepEqual(artifacts.model, { stage: 'model', big }, 'read from the checkpoint');
      assert.deepEqual(artifacts.story, { stage: 'story' });
      assert.ok((await store.events(spec.jobId)).every((e) => JSON.stringify(e).length < 1000), 'the stored events are small too');
    } finally {
      await store.close();
    }
  });

  it('resumes from checkpoints: a second run recomputes nothing and says so', async () => {
    const dir = tempDir();
    const first: StageId[] = [];
    await runPipeline(setup(dir, fakeStages(first)).deps, { signal: new AbortController().signal });
    const second: StageId[] = [];
    const { deps, publisher } = setup(dir, fakeStages(second));
    const result = await runPipeline(deps, { signal: new AbortController().signal });
    assert.deepEqual(second, []);
    assert.equal(result.status, 'completed');
    assert.ok(result.stages.every((s) => s.resumed === true));
    // The fake outputs are not real profiles, so summarise only the stage list.
    const summary = buildRunSummary(spec, { ...result, outputs: {} });
    assert.ok(summary.stages.every((s) => s.resumed === true && s.status === 'completed'));
    assert.ok(publisher.events.filter((e) => e.type === 'stage.completed').every((e) => (e.output as { resumed?: boolean }).resumed === true));
    assert.deepEqual(result.outputs.story, { stage: 'story' });
  });

  it('resumes after a failure from the failed stage, not from the start', async () => {
    const dir = tempDir();
    const calls: StageId[] = [];
    const failing = await runPipeline(
      setup(dir, fakeStages(calls, { data: () => Promise.reject(new RemoteServiceError('warehouse_error', 'disk full')) })).deps,
      { signal: new AbortController().signal },
    );
    assert.equal(failing.status, 'failed');
    assert.equal(failing.error?.code, 'warehouse_error');
    assert.equal(failing.error?.stage, 'data');
    assert.deepEqual(failing.stages.map((s) => s.status), ['completed', 'completed', 'completed', 'failed', 'pending', 'pending', 'pending']);
    const retry: StageId[] = [];
    const result = await runPipeline(setup(dir, fakeStages(retry)).deps, { signal: new AbortController().signal });
    assert.equal(result.status, 'completed');
    assert.deepEqual(retry, ['data', 'provision', 'agent', 'validate']);
    assert.deepEqual(result.stages.map((s) => s.resumed ?? false), [true, true, true, false, false, false, false]);
  });

  it('reports a stage failure with the right events and exit status', async () => {
    const calls: StageId[] = [];
    const { deps, publisher } = setup(tempDir(), fakeStages(calls, { research: () => Promise.reject(new UserInputError('robots_disallowed', 'robots.txt says no')) }));
    const result = await runPipeline(deps, { signal: new AbortController().signal });
    assert.deepEqual(calls, ['research']);
    const failed = publisher.events.find((e) => e.type === 'stage.failed');
    assert.equal(failed?.stage, 'research');
    assert.deepEqual(failed?.error, { code: 'robots_disallowed', message: 'robots.txt says no', retryable: false });
    const terminal = publisher.events.at(-1);
    assert.equal(terminal?.type, 'job.failed');
    assert.equal(terminal?.error?.code, 'robots_disallowed');
    const summary = buildRunSummary(spec, result);
    assert.equal(exitStatusFor(summary), 2, 'a failure retrying cannot fix exits 2');
    const retryable = await runPipeline(setup(tempDir(), fakeStages([], { research: () => Promise.reject(new RemoteServiceError('timeout', 'slow')) })).deps, { signal: new AbortController().signal });
    assert.equal(exitStatusFor(buildRunSummary(spec, retryable)), 1, 'a failure a retry could fix exits 1');
  });

  it('turns an unexpected exception into an internal error', async () => {
    const { deps } = setup(tempDir(), fakeStages([], { model: () => Promise.reject(new TypeError('x is undefined')) }));
    const result = await runPipeline(deps, { signal: new AbortController().signal });
    assert.equal(result.error?.code, 'internal');
    assert.match(result.error?.message ?? '', /x is undefined/);
  });

  it('cancels on abort: the running stage fails as cancelled and the job ends job.cancelled', async () => {
    const controller = new AbortController();
    const calls: StageId[] = [];
    const stages = fakeStages(calls, {
      data: (ctx) =>
        new Promise((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error), { once: true });
          setTimeout(() => controller.abort(), 10);
        }),
    });
    const { deps, publisher } = setup(tempDir(), stages, controller.signal);
    const result = await runPipeline(deps, { signal: controller.signal });
    assert.equal(result.status, 'cancelled');
    assert.deepEqual(calls, ['research', 'story', 'model', 'data']);
    assert.equal(publisher.events.find((e) => e.type === 'stage.failed')?.error?.code, 'cancelled');
    assert.equal(publisher.events.at(-1)?.type, 'job.cancelled');
    assert.equal(applyEvents(undefined, publisher.events)?.status, 'cancelled');
  });

  it('stops after --until and reports the rest as skipped', async () => {
    const calls: StageId[] = [];
    const result = await runPipeline(setup(tempDir(), fakeStages(calls)).deps, { until: 'model', signal: new AbortController().signal });
    assert.equal(result.status, 'completed');
    assert.deepEqual(calls, ['research', 'story', 'model']);
    assert.deepEqual(result.stages.map((s) => s.status), ['completed', 'completed', 'completed', 'skipped', 'skipped', 'skipped', 'skipped']);
  });

  it('does not reuse a checkpoint made with other options', async () => {
    const dir = tempDir();
    await runPipeline(setup(dir, fakeStages([])).deps, { signal: new AbortController().signal });
    const calls: StageId[] = [];
    const { deps } = setup(dir, fakeStages(calls));
    await runPipeline({ ...deps, job: { ...deps.job, scale: 2 } }, { signal: new AbortController().signal });
    assert.deepEqual(calls, [...STAGE_IDS]);
  });

  it('does not trust a checkpoint of another schema version (fixtures written by release 1)', async () => {
    const dir = tempDir();
    cpSync(new URL('./fixtures/checkpoints/v1', import.meta.url), join(dir, 'jobs', spec.jobId, 'checkpoints'), { recursive: true });
    const calls: StageId[] = [];
    const result = await runPipeline(setup(dir, fakeStages(calls)).deps, { signal: new AbortController().signal });
    assert.deepEqual(calls, [...STAGE_IDS], 'every stage recomputed');
    assert.ok(result.stages.every((s) => !s.resumed));
    const saved = JSON.parse(readFileSync(join(dir, 'jobs', spec.jobId, 'checkpoints', 'story.json'), 'utf8')) as { v: number; inputHash: string };
    assert.equal(saved.v, CHECKPOINT_SCHEMA_VERSION);
    assert.match(saved.inputHash, /^[0-9a-f]{64}$/);
  });

  it('recomputes from the first stage whose input changed: an edited research output reruns story through validate', async () => {
    const dir = tempDir();
    await runPipeline(setup(dir, fakeStages([])).deps, { signal: new AbortController().signal });
    const file = join(dir, 'jobs', spec.jobId, 'checkpoints', 'research.json');
    const checkpoint = JSON.parse(readFileSync(file, 'utf8')) as { output: { stage: string } };
    checkpoint.output.stage = 'research, as the site says now';
    writeFileSync(file, JSON.stringify(checkpoint));
    const calls: StageId[] = [];
    const result = await runPipeline(setup(dir, fakeStages(calls)).deps, { signal: new AbortController().signal });
    assert.deepEqual(calls, ['story', 'model', 'data', 'provision', 'agent', 'validate']);
    assert.deepEqual(result.stages.map((s) => s.resumed ?? false), [true, false, false, false, false, false, false]);
    // And once they have, an unchanged rerun resumes everything again.
    const again: StageId[] = [];
    await runPipeline(setup(dir, fakeStages(again)).deps, { signal: new AbortController().signal });
    assert.deepEqual(again, []);
  });

  it('a recomputed stage invalidates every stage after it, even when their inputs hash the same', async () => {
    const dir = tempDir();
    await runPipeline(setup(dir, fakeStages([])).deps, { signal: new AbortController().signal });
    // The data stage's checkpoint is gone (its files were removed, say); it recomputes the same output.
    rmSync(join(dir, 'jobs', spec.jobId, 'checkpoints', 'data.json'));
    const calls: StageId[] = [];
    await runPipeline(setup(dir, fakeStages(calls)).deps, { signal: new AbortController().signal });
    assert.deepEqual(calls, ['data', 'provision', 'agent', 'validate']);
  });
});
