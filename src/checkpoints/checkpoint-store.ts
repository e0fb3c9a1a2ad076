import type { StageId } from '../core/stage-ids.js';
import type { Strategy } from '../pipeline/job-spec.js';

/**
 * The shape of checkpoints this release writes and trusts. A checkpoint with another
 * version (or none: version 1 carried no inputs hash) is recomputed, never resumed. Bump it
 * when a stage's output changes shape or meaning in a way its zod schema would still accept.
 */
export const CHECKPOINT_SCHEMA_VERSION = 2;

/** A stage output saved so that a retried or repeated run resumes instead of recomputing. */
export interface Checkpoint {
  /** `CHECKPOINT_SCHEMA_VERSION` when it was written; absent in version 1. */
  v?: number;
  /** Fingerprint of the job options the output was computed with. */
  fingerprint: string;
  /** Hash of the stage's input (the zod-parsed value it received): another input, another output. */
  inputHash?: string;
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
