import type { Strategy } from '../pipeline/job-spec.js';
import type { WarehouseKind } from '../domain/data-model.js';

/** What the trigger asks a launcher to run: one pipeline for one URL. */
export interface LaunchRequest {
  jobId: string;
  url: string;
  /** Unset: the job's own environment decides (Claude when it has a key; jobs.yaml's warehouse). */
  strategy?: Strategy;
  warehouse?: WarehouseKind;
  scale: number;
  callbackUrl?: string;
}

export interface Launched {
  /** The Cloud Run execution name, or `local:<pid>`; recorded in the `job.queued` event. */
  execution?: string;
}

export type ExecutionState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'unknown';

export interface ExecutionStatus {
  state: ExecutionState;
  /** Why it ended, in plain words (out of memory, task timeout, exit code). */
  reason?: string;
}

/**
 * Starts job executions and steers them. Cloud Run Jobs in the cloud (one execution per
 * URL); child processes locally. `launch` returns as soon as the execution is accepted:
 * it never waits for the job to run.
 */
export interface JobLauncher {
  readonly kind: 'local' | 'cloudrun';
  launch(request: LaunchRequest): Promise<Launched>;
  /** Asks the execution to stop (SIGTERM, `cancelExecution`). False when nothing was running. */
  cancel(jobId: string, execution?: string): Promise<boolean>;
  status(jobId: string, execution?: string): Promise<ExecutionStatus>;
  close(): Promise<void>;
}
