import { parseArgs } from 'node:util';
import { runJob } from '../../app/run-job.js';
import { parseEventsEnv, parseJobEnv } from '../../config/env.js';
import { toProvisionError } from '../../core/errors.js';
import { parseTargetUrl } from '../../http/guarded-fetcher.js';
import { jsonLineSink } from '../../logging/logger.js';
import { newJobId, type JobSpec } from '../../pipeline/job-spec.js';
import type { RunSummary } from '../../pipeline/summary.js';
import { exitStatusFor, UsageError } from '../exit-status.js';
import { formatSummary } from '../format.js';
import { RUN_HELP } from '../help.js';
import { printJson, type CliIO } from '../io.js';
import { ProgressView } from '../progress-view.js';
import { resolveRunOptions, RUN_FLAGS, type RunOptions } from '../run-options.js';

/** Runs one job with the resolved options and prints its summary. Returns the exit status. */
export async function executeRun(url: string, options: RunOptions, io: CliIO, extra: { logFields?: Record<string, unknown>; jobSlug?: string } = {}): Promise<{ code: number; summary: RunSummary }> {
  const env = parseJobEnv(io.env);
  const events = parseEventsEnv(io.env);
  const spec: JobSpec = {
    jobId: options.jobId ?? newJobId(url, extra.jobSlug ? { slug: extra.jobSlug } : {}),
    url,
    attempt: env.CLOUD_RUN_TASK_ATTEMPT,
    strategy: options.strategy,
    warehouse: options.warehouse,
    scale: options.scale,
    allowPrivateNetwork: options.allowPrivateNetwork,
    ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
  };
  const interactive = io.stderr.isTTY === true;
  const logToStderr = env.PROVISION_LOG === 'stderr' || (env.PROVISION_LOG === 'auto' && !interactive);
  const progress = interactive ? new ProgressView(io.stderr) : undefined;
  const { summary } = await runJob(spec, {
    stateDir: options.stateDir,
    signal: io.signal,
    ...(options.until ? { until: options.until } : {}),
    observers: progress ? [progress] : [],
    logSinks: logToStderr ? [jsonLineSink((line) => io.stderr.write(line))] : [],
    logLevel: env.PROVISION_LOG_LEVEL,
    config: { ...env, ...events, options },
    events,
    logFields: { ...(env.CLOUD_RUN_EXECUTION ? { execution: env.CLOUD_RUN_EXECUTION } : {}), ...(env.CLOUD_RUN_TASK_INDEX !== undefined ? { taskIndex: env.CLOUD_RUN_TASK_INDEX } : {}), ...extra.logFields },
  });
  if (options.json) printJson(io, summary);
  else io.stdout.write(`${formatSummary(summary)}\n`);
  return { code: exitStatusFor(summary), summary };
}

export async function runCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: RUN_FLAGS, allowPositionals: true, strict: true });
  if (values.help) {
    io.stdout.write(`${RUN_HELP}\n`);
    return 0;
  }
  const env = parseJobEnv(io.env);
  const rawUrl = positionals[0] ?? env.CUSTOMER_URL;
  if (!rawUrl) throw new UsageError('run needs the company website: provision run <url> (or set CUSTOMER_URL).');
  if (positionals.length > 1) throw new UsageError(`run takes one URL; got ${positionals.length}. Use provision launch for several.`);
  const options = resolveRunOptions(values, env);
  let url: string;
  try {
    url = parseTargetUrl(rawUrl).href;
  } catch (err) {
    // A bad URL is a job that cannot succeed: report it in the summary's shape too.
    const error = toProvisionError(err).toJSON();
    if (options.json) printJson(io, { status: 'failed', url: rawUrl, error });
    else io.stderr.write(`provision: [${error.code}] ${error.message}\n`);
    return 2;
  }
  return (await executeRun(url, options, io)).code;
}
