import type { Firestore } from '@google-cloud/firestore';
import { createFirestore } from '../gcp/firestore-client.js';
import type { StageId } from '../core/stage-ids.js';
import type { Strategy } from '../pipeline/job-spec.js';
import type { Checkpoint, CheckpointStore } from './checkpoint-store.js';

export interface FirestoreCheckpointOptions {
  projectId: string;
  /** A client to share (the status store's); closing this store then leaves it open. */
  firestore?: Firestore;
  /** Collection of per-job documents (default `provision_checkpoints`). */
  collection?: string;
  /** An emulator at host:port (FIRESTORE_EMULATOR_HOST, which the client honours itself, wins). */
  emulatorHost?: string;
}

/**
 * Checkpoints as Firestore documents, `<collection>/<jobId>/stages/<stage>`, outside the
 * container, so a retried Cloud Run task resumes where the last attempt stopped. The output
 * is kept as a JSON string: stage outputs nest deeper and hold more keys than Firestore
 * fields like, and one document holds up to 1 MiB.
 */
export class FirestoreCheckpointStore implements CheckpointStore {
  readonly kind = 'firestore' as const;
  private readonly db: Firestore;
  private readonly ownsClient: boolean;
  private readonly collection: string;

  constructor(options: FirestoreCheckpointOptions) {
    this.ownsClient = options.firestore === undefined;
    this.db = options.firestore ?? createFirestore({ projectId: options.projectId, ...(options.emulatorHost ? { emulatorHost: options.emulatorHost } : {}) });
    this.collection = options.collection ?? 'provision_checkpoints';
  }

  private stages(jobId: string) {
    return this.db.collection(this.collection).doc(jobId).collection('stages');
  }

  async load(jobId: string, stage: StageId): Promise<Checkpoint | undefined> {
    const snap = await this.stages(jobId).doc(stage).get();
    if (!snap.exists) return undefined;
    const data = snap.data() as { v?: number; fingerprint?: string; inputHash?: string; savedAt?: string; json?: string; strategy?: Strategy };
    if (typeof data.json !== 'string' || typeof data.fingerprint !== 'string') return undefined;
    try {
      return {
        ...(typeof data.v === 'number' ? { v: data.v } : {}),
        fingerprint: data.fingerprint,
        ...(typeof data.inputHash === 'string' ? { inputHash: data.inputHash } : {}),
        savedAt: data.savedAt ?? '',
        output: JSON.parse(data.json) as unknown,
        ...(data.strategy ? { strategy: data.strategy } : {}),
      };
    } catch {
      return undefined;
    }
  }

  async save(jobId: string, stage: StageId, checkpoint: Checkpoint): Promise<void> {
    await this.stages(jobId)
      .doc(stage)
      .set({
        ...(checkpoint.v !== undefined ? { v: checkpoint.v } : {}),
        fingerprint: checkpoint.fingerprint,
        ...(checkpoint.inputHash !== undefined ? { inputHash: checkpoint.inputHash } : {}),
        savedAt: checkpoint.savedAt,
        json: JSON.stringify(checkpoint.output),
        ...(checkpoint.strategy ? { strategy: checkpoint.strategy } : {}),
      });
  }

  async clear(jobId: string): Promise<void> {
    await this.db.recursiveDelete(this.db.collection(this.collection).doc(jobId));
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.db.terminate();
  }
}
