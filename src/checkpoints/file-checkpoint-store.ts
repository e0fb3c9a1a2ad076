import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StageId } from '../core/stage-ids.js';
import type { Checkpoint, CheckpointStore } from './checkpoint-store.js';

/** Checkpoints as JSON files: `<stateDir>/jobs/<jobId>/checkpoints/<stage>.json`. */
export class FileCheckpointStore implements CheckpointStore {
  readonly kind = 'file' as const;

  constructor(private readonly stateDir: string) {}

  private dir(jobId: string): string {
    // A job id from an event must not walk out of the state directory.
    if (!/^[\w.-]+$/.test(jobId) || jobId === '.' || jobId === '..') throw new Error(`Not a job id: ${JSON.stringify(jobId)}`);
    return join(this.stateDir, 'jobs', jobId, 'checkpoints');
  }

  async load(jobId: string, stage: StageId): Promise<Checkpoint | undefined> {
    try {
      return JSON.parse(await readFile(join(this.dir(jobId), `${stage}.json`), 'utf8')) as Checkpoint;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      // A torn or unreadable checkpoint is recomputed rather than trusted.
      if (err instanceof SyntaxError) return undefined;
      throw err;
    }
  }

  async save(jobId: string, stage: StageId, checkpoint: Checkpoint): Promise<void> {
    const dir = this.dir(jobId);
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${stage}.json`);
    // Write then rename, so a crash never leaves half a checkpoint behind.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(checkpoint));
    await rename(tmp, file);
  }

  async clear(jobId: string): Promise<void> {
    await rm(this.dir(jobId), { recursive: true, force: true });
  }
}
