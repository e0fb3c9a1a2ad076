import type { ErrorInfo } from '../core/errors.js';
import type { StageId } from '../core/stage-ids.js';
import type { Metrics } from '../notify/phase-event.js';

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export type StageStatus = 'pending' | 'running' | 'completed' | 'failed' | 'skipped';

/** Where an event sits in a job's history: later attempts win, then later sequence numbers. */
export interface EventVersion {
  attempt: number;
  seq: number;
}

export interface StageState {
  id: StageId;
  status: StageStatus;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  progress?: number;
  message?: string;
  error?: ErrorInfo;
  metrics?: Metrics;
  output?: unknown;
  resumed?: boolean;
  version?: EventVersion;
  /** Which `stage.started` set `startedAt`: the latest one wins, whatever order they came in. */
  startedVersion?: EventVersion;
}

/** The status of one job as the status store keeps it; built only by `applyEvent`. */
export interface JobState {
  jobId: string;
  status: JobStatus;
  attempt: number;
  url?: string;
  /** Display fields gathered from events: company, industry, strategy, warehouse. */
  meta: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  error?: ErrorInfo;
  /** The run summary carried by `job.completed`/`job.failed`/`job.cancelled`. */
  summary?: unknown;
  stages: StageState[];
  version?: EventVersion;
  /** Event ids already applied, so a redelivery is a no-op. */
  appliedEventIds: string[];
}

export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.includes(status);
}
