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
 * What a `stage.completed` event carries in `output.artifact` instead of the stage's output:
 * where the output is kept. Checkpoints are the one artifact store; the status store keeps the
 * reference and resolves it when the dashboard asks (`StatusStore.artifacts`), so a stage's
 * output is written once, not again in every event, store row and log line.
 */
export interface ArtifactRef {
  /** Which checkpoint store holds it: `file` under the state directory, or `firestore`. */
  checkpoint: CheckpointStoreKind;
  stage: StageId;
  savedAt: string;
}

export type CheckpointStoreKind = 'file' | 'firestore';

/** Whether an event's `output.artifact` is a reference (events from before it carried the output itself). */
export function isArtifactRef(value: unknown): value is ArtifactRef {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.checkpoint === 'file' || v.checkpoint === 'firestore') && typeof v.stage === 'string' && typeof v.savedAt === 'string' && Object.keys(v).length === 3;
}

/**
 * Where stage outputs are kept between attempts: files under the state directory
 * locally, Firestore documents in the cloud (outside the container, so they survive it).
 */
export interface CheckpointStore {
  readonly kind: CheckpointStoreKind;
  load(jobId: string, stage: StageId): Promise<Checkpoint | undefined>;
  save(jobId: string, stage: StageId, checkpoint: Checkpoint): Promise<void>;
  clear(jobId: string): Promise<void>;
  /** Releases clients (Firestore); optional. */
  close?(): Promise<void>;
}
