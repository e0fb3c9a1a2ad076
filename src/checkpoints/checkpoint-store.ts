import type { StageId } from '../core/stage-ids.js';
import type { Strategy } from '../pipeline/job-spec.js';

/** A stage output saved so that a retried or repeated run resumes instead of recomputing. */
export interface Checkpoint {
  /** Fingerprint of the job options the output was computed with. */
  fingerprint: string;
  savedAt: string;
  output: unknown;
  /** Which strategy produced the output, so a resumed stage still reports it. */
  strategy?: Strategy;
}

/**
 * Where stage outputs are kept between attempts: files under the state directory
 * locally, Firestore documents in the cloud (outside the container, so they survive it).
 */
export interface CheckpointStore {
  load(jobId: string, stage: StageId): Promise<Checkpoint | undefined>;
  save(jobId: string, stage: StageId, checkpoint: Checkpoint): Promise<void>;
  clear(jobId: string): Promise<void>;
  /** Releases clients (Firestore); optional. */
  close?(): Promise<void>;
}
