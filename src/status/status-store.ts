import type { PhaseEvent } from '../notify/phase-event.js';
import type { JobState, JobStatus } from './job-state.js';

export interface JobListFilter {
  status?: JobStatus;
  limit?: number;
  offset?: number;
}

/**
 * Durable job status, fed only through `apply` (which folds events with `applyEvent`,
 * so redelivery and reordering are harmless). SQLite locally, Firestore in the cloud.
 */
export interface StatusStore {
  /** Applies one event and returns the job's state after it. Idempotent per eventId. */
  apply(event: PhaseEvent): Promise<JobState>;
  get(jobId: string): Promise<JobState | undefined>;
  /** Most recently updated first. */
  list(filter?: JobListFilter): Promise<JobState[]>;
  /** The job's last `limit` events, oldest first. */
  events(jobId: string, limit?: number): Promise<PhaseEvent[]>;
  close(): Promise<void>;
}
