import { readFile } from 'node:fs/promises';
import { anthropicSettingsFrom, googleSettingsFrom } from '../../app/cloud-clients.js';
import { runJob, type RunJobOptions } from '../../app/run-job.js';
import { parseEventsEnv, parseJobEnv, type JobEnv } from '../../config/env.js';
import { ProvisionError, toProvisionError } from '../../core/errors.js';
import { STAGE_IDS } from '../../core/stage-ids.js';
import { buildRunSummary } from '../../pipeline/summary.js';
import { parseTargetUrl } from '../../http/guarded-fetcher.js';
import { jsonLineSink } from '../../logging/logger.js';
import { newJobId, type JobSpec } from '../../pipeline/job-spec.js';
import type { RunSummary } from '../../pipeline/summary.js';
import { batchJobId, parseUrlList, taskShare } from '../batch.js';
import { exitStatusFor, UsageError } from '../exit-status.js';
import { formatSummary } from '../format.js';
import { printJson, type CliIO } from '../io.js';
import { ProgressView } from '../progress-view.js';
import { parseCommand } from '../program.js';
import { resolveRunOptions, type RunFlagValues, type RunOptions } from '../run-options.js';

/** Runs one job with the resolved options. Prints nothing on stdout. */
async function runOne(url: string, options: RunOptions, io: CliIO, extra: { logFields?: Record<string, unknown>; jobSlug?: string; jobId?: string } = {}): Promise<RunSummary> {
  const env = parseJobEnv(io.env);
  const events = parseEventsEnv(io.env);
  const spec: JobSpec = {
    jobId: extra.jobId ?? options.jobId ?? newJobId(url, extra.jobSlug ? { slug: extra.jobSlug } : {}),
    url,
    attempt: env.CLOUD_RUN_TASK_ATTEMPT,
    strategy: options.strategy,
    warehouse: options.warehouse,
    scale: options.scale,
    allowPrivateNetwork: options.allowPrivateNetwork,
    ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
    ...(options.noFallback ? { noFallback: true } : {}),
    render: options.render,
  };
  const interactive = io.stderr.isTTY === true;
  const logToStderr = env.PROVISION_LOG === 'stderr' || (env.PROVISION_LOG === 'auto' && !interactive);
  const progress = interactive ? new ProgressView(io.stderr) : undefined;
  try {
    const { summary } = await runJob(spec, {
      stateDir: options.stateDir,
      signal: io.signal,
      ...(options.until ? { until: options.until } : {}),
      observers: progress ? [progress] : [],
      logSinks: logToStderr ? [jsonLineSink((line) => io.stderr.write(line))] : [],
      logLevel: env.PROVISION_LOG_LEVEL,
      config: { ...env, ...events, options },
      events,
      duckdbMemoryLimit: env.PROVISION_DUCKDB_MEMORY_LIMIT,
      duckdbQueryMemoryLimit: env.PROVISION_DUCKDB_QUERY_MEMORY_LIMIT,
      ...(env.PROVISION_MAX_DATA_SIZE !== undefined ? { maxDataBytes: env.PROVISION_MAX_DATA_SIZE } : {}),
      ...(env.PROVISION_CHROMIUM ? { chromiumPath: env.PROVISION_CHROMIUM } : {}),
      checkpoints: { store: env.PROVISION_CHECKPOINT_STORE, ...(env.GOOGLE_CLOUD_PROJECT ? { projectId: env.GOOGLE_CLOUD_PROJECT } : {}) },
      logFields: { ...cloudRunLabels(env, spec.jobId), ...extra.logFields },
      ...cloudSettings(env),
    });
    return summary;
  } catch (err) {
    // A job that cannot even start (its id belongs to another URL) still answers in the summary's shape.
    if (!(err instanceof ProvisionError)) throw err;
    const stages = STAGE_IDS.map((id) => ({ id, status: 'pending' as const, durationMs: 0 }));
    return buildRunSummary(spec, { status: 'failed', durationMs: 0, stages, outputs: {}, error: err.toJSON() });
  }
}

/** Claude, BigQuery and CAPI settings from the environment; each is used only when the job asks for it. */
export function cloudSettings(env: JobEnv): Pick<RunJobOptions, 'anthropic' | 'google'> {
  const anthropic = anthropicSettingsFrom(env);
  const google = googleSettingsFrom(env);
  return { ...(anthropic ? { anthropic } : {}), ...(google ? { google } : {}) };
}

/** Cloud Logging labels for a job inside a Cloud Run task. */
function cloudRunLabels(env: JobEnv, jobId: string): Record<string, unknown> {
  if (!env.CLOUD_RUN_EXECUTION) return {};
  const labels = { jobId, execution: env.CLOUD_RUN_EXECUTION, taskIndex: String(env.CLOUD_RUN_TASK_INDEX ?? 0), attempt: String(env.CLOUD_RUN_TASK_ATTEMPT) };
  return { execution: env.CLOUD_RUN_EXECUTION, taskIndex: env.CLOUD_RUN_TASK_INDEX ?? 0, 'logging.googleapis.com/labels': labels };
}

/** Runs one job and prints its summary. Returns the exit status. */
export async function executeRun(url: string, options: RunOptions, io: CliIO, extra: { logFields?: Record<string, unknown>; jobSlug?: string } = {}): Promise<{ code: number; summary: RunSummary }> {
  const summary = await runOne(url, options, io, extra);
  if (options.json) printJson(io, summary);
  else io.stdout.write(`${formatSummary(summary)}\n`);
  return { code: exitStatusFor(summary, parseJobEnv(io.env).CLOUD_RUN_EXECUTION !== undefined), summary };
}

/** A URL that cannot be a job, in the run summary's shape. */
function invalidUrlSummary(rawUrl: string, err: unknown): { status: 'failed'; url: string; error: ReturnType<ProvisionError['toJSON']> } {
  return { status: 'failed', url: rawUrl, error: toProvisionError(err).toJSON() };
}

/**
 * Batch mode: this task's share of a URL list (`CLOUD_RUN_TASK_INDEX` of
 * `CLOUD_RUN_TASK_COUNT`), one job after another. With --json, one document:
 * `{ taskIndex, taskCount, jobs: [summary…] }`. The exit status is the worst of the jobs'.
 */
async function runBatch(urls: string[], options: RunOptions, io: CliIO): Promise<number> {
  const env = parseJobEnv(io.env);
  const inCloudRun = env.CLOUD_RUN_EXECUTION !== undefined;
  const taskIndex = env.CLOUD_RUN_TASK_INDEX ?? 0;
  const taskCount = env.CLOUD_RUN_TASK_COUNT ?? 1;
  const results: unknown[] = [];
  let code = 0;
  for (const { item: rawUrl, position } of taskShare(urls, taskIndex, taskCount)) {
    if (io.signal.aborted) break;
    let url: string;
    try {
      url = parseTargetUrl(rawUrl).href;
    } catch (err) {
      const failed = invalidUrlSummary(rawUrl, err);
      results.push(failed);
      if (!options.json) io.stdout.write(`✗ ${rawUrl}: [${failed.error.code}] ${failed.error.message}\n`);
      code = Math.max(code, inCloudRun ? 0 : 2);
      continue;
    }
    const jobId = batchJobId(url, position, { ...(options.jobId ? { prefix: options.jobId } : {}), ...(env.CLOUD_RUN_EXECUTION ? { execution: env.CLOUD_RUN_EXECUTION } : {}) });
    const summary = await runOne(url, options, io, { jobId });
    results.push(summary);
    if (!options.json) io.stdout.write(`${formatSummary(summary)}\n\n`);
    // 1 (retry could help) outranks 2 (it cannot): a retried task resumes the finished jobs for free.
    const c = exitStatusFor(summary, inCloudRun);
    code = c === 1 || code === 1 ? 1 : Math.max(code, c);
  }
  if (options.json) printJson(io, { taskIndex, taskCount, jobs: results });
  return code;
}

export async function runCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand('run', args, io);
  if ('exit' in parsed) return parsed.exit;
  const values = parsed.values as RunFlagValues;
  const positionals = parsed.positionals;
  const env = parseJobEnv(io.env);
  if (positionals.length > 1) throw new UsageError(`run takes one URL; got ${positionals.length}. For several, use --urls-file (one URL a line).`);
  const options = resolveRunOptions(values, env);
  const list = values['urls-file'] !== undefined ? await readFile(values['urls-file'], 'utf8').catch(() => { throw new UsageError(`--urls-file: cannot read ${values['urls-file']}.`); }) : positionals[0] === undefined ? env.PROVISION_URLS : undefined;
  if (list !== undefined) {
    const urls = parseUrlList(list);
    if (urls.length === 0) throw new UsageError('the URL list is empty.');
    return runBatch(urls, options, io);
  }
  const rawUrl = positionals[0] ?? env.CUSTOMER_URL;
  if (!rawUrl) throw new UsageError('run needs the company website: provision run <url> (or CUSTOMER_URL, --urls-file, PROVISION_URLS).');
  let url: string;
  try {
    url = parseTargetUrl(rawUrl).href;
  } catch (err) {
    // A bad URL is a job that cannot succeed: report it in the summary's shape too.
    const failed = invalidUrlSummary(rawUrl, err);
    if (options.json) printJson(io, failed);
    else io.stderr.write(`provision: [${failed.error.code}] ${failed.error.message}\n`);
    return env.CLOUD_RUN_EXECUTION !== undefined ? 0 : 2;
  }
  return (await executeRun(url, options, io)).code;
}
