import { ExecutionsClient, JobsClient } from '@google-cloud/run';
import type { Logger } from '../logging/logger.js';
import { endpointOptions } from './google-endpoint.js';
import type { ExecutionStatus, JobLauncher, LaunchRequest, Launched } from './job-launcher.js';

export interface CloudRunLauncherOptions {
  projectId: string;
  region: string;
  /** The Cloud Run Job that runs `provision run` (jobs.yaml). */
  jobName: string;
  /** CLOUD_RUN_API_ENDPOINT, for tests and emulators. */
  apiEndpoint?: string;
  logger: Logger;
  /** Attempts for a launch that fails transiently (default 3). */
  attempts?: number;
}

/** gRPC codes (and HTTP statuses through REST) worth another try. */
function transient(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 4 || code === 8 || code === 13 || code === 14 || code === 503 || code === 500 || code === 429 || code === 'ECONNRESET';
}

/** The arguments an execution runs with: the job binary's own flags. */
export function containerArgs(request: LaunchRequest): string[] {
  const args = ['run', request.url, '--job-id', request.jobId, '--json', '--scale', String(request.scale), ...(request.strategy ? ['--strategy', request.strategy] : []), ...(request.warehouse ? ['--warehouse', request.warehouse] : [])];
  if (request.callbackUrl) args.push('--callback-url', request.callbackUrl);
  return args;
}

/**
 * Launches one Cloud Run Job execution per URL with `runJob` and container overrides.
 * The long-running operation is never awaited (it completes only when the execution
 * ends): its metadata names the execution at once. A transient failure is retried only
 * after checking that no execution for the job id was started by the failed attempt.
 */
export class CloudRunLauncher implements JobLauncher {
  readonly kind = 'cloudrun' as const;
  private readonly jobs: JobsClient;
  private readonly executions: ExecutionsClient;

  constructor(private readonly options: CloudRunLauncherOptions) {
    const clientOptions = { projectId: options.projectId, ...endpointOptions(options.apiEndpoint) };
    this.jobs = new JobsClient(clientOptions);
    this.executions = new ExecutionsClient(clientOptions);
  }

  private get jobPath(): string {
    return this.jobs.jobPath(this.options.projectId, this.options.region, this.options.jobName);
  }

  /** An execution already started for this job id (by an attempt whose answer was lost). */
  private async findExecution(jobId: string): Promise<string | undefined> {
    const [executions] = await this.executions.listExecutions({ parent: this.jobPath, pageSize: 50 }, { autoPaginate: false });
    const match = executions.find((e) => e.template?.containers?.some((c) => c.env?.some((v) => v.name === 'JOB_ID' && v.value === jobId)));
    return match?.name ?? undefined;
  }

  async launch(request: LaunchRequest): Promise<Launched> {
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        const [operation] = await this.jobs.runJob({
          name: this.jobPath,
          overrides: {
            containerOverrides: [{ args: containerArgs(request), env: [{ name: 'CUSTOMER_URL', value: request.url }, { name: 'JOB_ID', value: request.jobId }] }],
            taskCount: 1,
          },
        });
        const execution = (operation.metadata as { name?: string } | null)?.name ?? undefined;
        return execution ? { execution } : {};
      } catch (err) {
        if (!transient(err) || attempt >= attempts) throw err;
        const started = await this.findExecution(request.jobId).catch(() => undefined);
        if (started) return { execution: started };
        this.options.logger.warn(`runJob failed transiently; retrying: ${(err as Error).message}`, { jobId: request.jobId, attempt });
        await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      }
    }
  }

  async cancel(_jobId: string, execution?: string): Promise<boolean> {
    if (!execution) return false;
    // The operation completes when the execution has stopped; the job reports `job.cancelled` itself.
    await this.executions.cancelExecution({ name: execution });
    return true;
  }

  async status(_jobId: string, execution?: string): Promise<ExecutionStatus> {
    if (!execution) return { state: 'unknown' };
    const [e] = await this.executions.getExecution({ name: execution });
    // REST answers carry the enum by name or by number (CONDITION_FAILED = 3).
    const failedCondition = e.conditions?.find((c) => String(c.state) === 'CONDITION_FAILED' || Number(c.state) === 3);
    if (!e.completionTime) return { state: e.startTime || Number(e.runningCount ?? 0) > 0 ? 'running' : 'queued' };
    if (Number(e.cancelledCount ?? 0) > 0) return { state: 'cancelled', reason: 'the execution was cancelled' };
    if (Number(e.failedCount ?? 0) > 0) return { state: 'failed', reason: failedCondition?.message ?? 'a task failed' };
    return { state: 'succeeded' };
  }

  async close(): Promise<void> {
    await this.jobs.close();
    await this.executions.close();
  }
}
