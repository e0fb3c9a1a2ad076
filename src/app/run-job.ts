import { appendFileSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PIPELINE_STAGES } from '../agents/index.js';
import type { CheckpointStore } from '../checkpoints/checkpoint-store.js';
import { FileCheckpointStore } from '../checkpoints/file-checkpoint-store.js';
import { redactedEnv, type EventsEnv } from '../config/env.js';
import { InternalError, UserInputError } from '../core/errors.js';
import { LocalJobFiles } from '../files/local-job-files.js';
import { GuardedFetcher } from '../http/guarded-fetcher.js';
import type { PageFetcher } from '../http/page-fetcher.js';
import { ChromiumRenderer } from '../render/chromium-renderer.js';
import type { PageRenderer } from '../render/page-renderer.js';
import { createLogger, jsonLineSink, type Logger, type LogSink, type Severity } from '../logging/logger.js';
import { DirectPublisher } from '../notify/direct-publisher.js';
import { FanOutPublisher, type EventPublisher } from '../notify/event-publisher.js';
import { LoggingPublisher } from '../notify/logging-publisher.js';
import { OutboxPublisher } from '../notify/outbox-publisher.js';
import { WebhookNotifier } from '../notify/webhook.js';
import type { StageContext, StageHooks } from '../pipeline/context.js';
import type { Llm } from '../llm/llm.js';
import type { DataAgentService } from '../dataagent/data-agent.js';
import { meteredLlm } from '../llm/metered-llm.js';
import { datasetNameFor, seedFor, type JobSpec } from '../pipeline/job-spec.js';
import { runPipeline, type PipelineResult } from '../pipeline/runner.js';
import type { StageId } from '../core/stage-ids.js';
import { buildRunSummary, type RunSummary } from '../pipeline/summary.js';
import { SqliteStatusStore } from '../status/sqlite-status-store.js';
import { DuckdbWarehouse } from '../warehouse/duckdb-warehouse.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { bigQueryWarehouse, capiDataAgent, loadAnthropicLlm, type AnthropicSettings, type GoogleSettings } from './cloud-clients.js';
import { LocalDataAgent } from '../dataagent/local-data-agent.js';

export interface RunJobOptions {
  stateDir: string;
  until?: StageId;
  signal: AbortSignal;
  /** More places for the events (a terminal progress view). */
  observers?: EventPublisher[];
  /** Extra log sinks (stderr); the job's `logs.jsonl` always gets every line. */
  logSinks?: LogSink[];
  logLevel?: Severity;
  /** Replaces the crawler's HTTP client (tests). */
  fetcher?: PageFetcher;
  /** Replaces the headless browser research renders pages in (tests). */
  renderer?: PageRenderer;
  /** The Chromium executable (PROVISION_CHROMIUM); without it, `chromium` on the PATH. */
  chromiumPath?: string;
  now?: () => Date;
  /** Labels for every log line (Cloud Run execution, task index). */
  logFields?: Record<string, unknown>;
  /** The process configuration, logged once at the start with secrets redacted. */
  config?: Record<string, unknown>;
  /** DuckDB's buffer memory cap while loading, e.g. `128MB`. */
  duckdbMemoryLimit?: string;
  /** DuckDB's memory cap for each read-only query (validation, repair), e.g. `512MB`. */
  duckdbQueryMemoryLimit?: string;
  /** At most this many bytes of data files at once (the data stage fails before writing more). */
  maxDataBytes?: number;
  /** Where checkpoints go (default: files under the state directory). */
  checkpoints?: { store: 'file' | 'firestore'; projectId?: string };
  /** The model for the llm strategy (tests pass a fake); otherwise built from `anthropic`. */
  llm?: Llm;
  /** Claude settings for the llm strategy: the key, ANTHROPIC_BASE_URL, per-stage models. */
  anthropic?: AnthropicSettings;
  /** The Google project, BigQuery and CAPI settings for `--warehouse bigquery`. */
  google?: GoogleSettings;
  /** Replaces the data agent service (tests); otherwise CAPI with BigQuery, the local agent with DuckDB. */
  agents?: DataAgentService;
  /** Where events go (default: straight into the local SQLite store). */
  events?: EventsEnv & { publisher: 'direct' | 'local' | 'pubsub' };
}

/**
 * The event publisher the environment asks for, plus whatever must be closed with it. Google's
 * clients (Pub/Sub here, Firestore, BigQuery and CAPI below) load only when a job asks for them:
 * they are a quarter of a local job process's start-up.
 */
async function eventPublisher(stateDir: string, options: RunJobOptions, logger: Logger): Promise<{ publisher: EventPublisher; close: () => Promise<void> }> {
  const events = options.events;
  if (events?.publisher === 'pubsub') {
    const { PubsubPublisher } = await import('../notify/pubsub-publisher.js');
    return { publisher: new PubsubPublisher({ projectId: events.GOOGLE_CLOUD_PROJECT ?? '', topic: events.PROVISION_EVENTS_TOPIC ?? '', logger }), close: () => Promise.resolve() };
  }
  if (events?.publisher === 'local') {
    const outbox = new OutboxPublisher({ dir: join(stateDir, 'outbox'), pushUrl: events.PROVISION_PUSH_URL ?? '', logger, flushTimeoutMs: events.PROVISION_OUTBOX_FLUSH_TIMEOUT_MS, signal: options.signal });
    return { publisher: outbox, close: () => Promise.resolve() };
  }
  const store = new SqliteStatusStore(join(stateDir, 'status.sqlite'));
  const webhooks = new WebhookNotifier({ secret: events?.PROVISION_WEBHOOK_SECRET, logger, allowPrivateNetwork: true });
  return {
    publisher: new DirectPublisher(store, webhooks.afterApply.bind(webhooks)),
    close: async () => {
      await webhooks.flush();
      await store.close();
    },
  };
}

export interface RunJobResult {
  summary: RunSummary;
  result: PipelineResult;
}

function googleSettings(options: RunJobOptions): GoogleSettings {
  // The command line refuses --warehouse bigquery without a project; reaching this is a wiring bug.
  if (!options.google?.projectId) throw new InternalError('The bigquery warehouse needs GOOGLE_CLOUD_PROJECT.');
  return options.google;
}

/** BigQuery when the job asks for it; otherwise one DuckDB file per dataset under the state directory. */
async function warehouseFor(spec: JobSpec, stateDir: string, options: RunJobOptions): Promise<Warehouse> {
  if (spec.warehouse !== 'bigquery') {
    return new DuckdbWarehouse(join(stateDir, 'warehouse'), {
      ...(options.duckdbMemoryLimit ? { memoryLimit: options.duckdbMemoryLimit } : {}),
      ...(options.duckdbQueryMemoryLimit ? { queryMemoryLimit: options.duckdbQueryMemoryLimit } : {}),
    });
  }
  const google = googleSettings(options);
  return bigQueryWarehouse(google);
}

/**
 * The data agent over the dataset: a CAPI agent over BigQuery; locally, the agent `provision chat`
 * talks to, published with the same context.
 */
async function agentServiceFor(spec: JobSpec, stateDir: string, options: RunJobOptions): Promise<DataAgentService> {
  if (spec.warehouse !== 'bigquery') return new LocalDataAgent({ stateDir });
  const google = googleSettings(options);
  return capiDataAgent(google);
}

function anthropicLlm(settings: AnthropicSettings | undefined, logger: Logger): Promise<Llm> {
  // The command line refuses this before a job starts; reaching it is a wiring bug.
  if (!settings?.apiKey) throw new InternalError('The llm strategy needs ANTHROPIC_API_KEY; set it, or run with --strategy heuristic.');
  return loadAnthropicLlm(settings, logger.child({ component: 'llm' }));
}

/** A job id belongs to one URL for its whole life. */
async function claimJobId(files: LocalJobFiles, spec: JobSpec): Promise<void> {
  const manifest = join(files.dir, 'job.json');
  try {
    const existing = JSON.parse(await readFile(manifest, 'utf8')) as { url?: string };
    if (existing.url && existing.url !== spec.url) {
      throw new UserInputError('invalid_url', `Job ${spec.jobId} was created for ${existing.url}, not ${spec.url}. Use another --job-id for another site.`);
    }
  } catch (err) {
    if (err instanceof UserInputError) throw err;
  }
  mkdirSync(files.dir, { recursive: true });
  await writeFile(manifest, JSON.stringify({ ...spec, createdAt: new Date().toISOString() }, null, 2));
}

/**
 * The composition root of one job on embedded defaults: SQLite status, DuckDB warehouse,
 * file checkpoints, the guarded crawler, JSON logs. Runs the pipeline and returns its summary.
 */
export async function runJob(spec: JobSpec, options: RunJobOptions): Promise<RunJobResult> {
  // Wiring mistakes surface before anything is opened that would need closing.
  if (spec.warehouse === 'bigquery') googleSettings(options);
  const stateDir = resolve(options.stateDir);
  const files = new LocalJobFiles(stateDir, spec.jobId);
  await claimJobId(files, spec);

  const logFile = join(files.dir, 'logs.jsonl');
  const logger = createLogger([jsonLineSink((line) => appendFileSync(logFile, line)), ...(options.logSinks ?? [])], {
    level: options.logLevel ?? 'INFO',
    fields: { jobId: spec.jobId, attempt: spec.attempt, ...options.logFields },
  });
  const events = await eventPublisher(stateDir, options, logger);
  const checkpoints: CheckpointStore =
    options.checkpoints?.store === 'firestore'
      ? new (await import('../checkpoints/firestore-checkpoint-store.js')).FirestoreCheckpointStore({ projectId: options.checkpoints.projectId ?? '' })
      : new FileCheckpointStore(stateDir);
  const publisher = new FanOutPublisher([events.publisher, new LoggingPublisher(logger), ...(options.observers ?? [])]);
  const warehouse = await warehouseFor(spec, stateDir, options);
  const agents = options.agents ?? (await agentServiceFor(spec, stateDir, options));
  // A fetcher this job made itself, and so closes (its connection pool) when done.
  let ownFetcher: GuardedFetcher | undefined;
  const http = options.fetcher ?? (ownFetcher = new GuardedFetcher({ allowPrivateNetwork: spec.allowPrivateNetwork }));
  // The browser's requests pass the same guard; with a test's fetcher, through a guarded one of its own.
  let renderFetcher: GuardedFetcher | undefined;
  const renderer =
    options.renderer ??
    new ChromiumRenderer({
      fetcher: ownFetcher ?? (renderFetcher = new GuardedFetcher({ allowPrivateNetwork: spec.allowPrivateNetwork })),
      ...(options.chromiumPath ? { executablePath: options.chromiumPath } : {}),
    });
  const job = { ...spec, datasetName: datasetNameFor(spec.jobId), seed: seedFor(spec.jobId) };
  const clock = { now: options.now ?? (() => new Date()) };

  if (options.config) logger.info('configuration', { config: redactedEnv(options.config) });

  let llm: Llm | undefined;
  const context = (stage: StageId, hooks: StageHooks): StageContext => ({
    job,
    http,
    renderer,
    warehouse,
    files,
    clock,
    logger: logger.child({ stage }),
    signal: options.signal,
    ...hooks,
    ...(llm ? { llm: meteredLlm(llm, hooks.trace) } : {}),
    agents,
    ...(options.maxDataBytes !== undefined ? { maxDataBytes: options.maxDataBytes } : {}),
  });

  try {
    if (spec.strategy === 'llm') llm = options.llm ?? (await anthropicLlm(options.anthropic, logger));
    let summary: RunSummary | undefined;
    const result = await runPipeline(
      { job, stages: PIPELINE_STAGES, publisher, checkpoints, context, ...(options.now ? { now: options.now } : {}) },
      {
        signal: options.signal,
        ...(options.until ? { until: options.until } : {}),
        summarize: (r) => (summary = buildRunSummary(spec, r, files.dir)),
      },
    );
    summary ??= buildRunSummary(spec, result, files.dir);
    await publisher.flush();
    return { summary, result };
  } finally {
    await publisher.close();
    await warehouse.close();
    await events.close();
    await checkpoints.close?.();
    ownFetcher?.close();
    renderFetcher?.close();
  }
}
