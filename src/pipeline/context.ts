import type { Logger } from '../logging/logger.js';
import type { PageFetcher } from '../http/page-fetcher.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { JobSpec } from './job-spec.js';

/** The job's own folder for artifacts and data files (`<stateDir>/jobs/<jobId>/`). */
export interface JobFiles {
  readonly dir: string;
  /** Writes `relativePath` under the job folder and returns its absolute path. */
  write(relativePath: string, content: string | Uint8Array): Promise<string>;
  read(relativePath: string): Promise<string>;
  exists(relativePath: string): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

/**
 * Everything a stage may touch. Stages reach the world only through this object, so
 * tests hand them fakes and the composition root hands them real clients.
 */
export interface StageContext {
  readonly job: JobSpec & { datasetName: string; seed: number };
  readonly http: PageFetcher;
  readonly warehouse: Warehouse;
  readonly files: JobFiles;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  /** Reports progress within the stage (0..1); published as `stage.progress`. */
  progress(fraction: number, message?: string): void;
}
