import type { DataAgentService } from '../dataagent/data-agent.js';
import type { Llm, LlmUsage } from '../llm/llm.js';
import type { Logger } from '../logging/logger.js';
import type { PageFetcher } from '../http/page-fetcher.js';
import type { PageRenderer } from '../render/page-renderer.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { JobSpec, Strategy } from './job-spec.js';

/** The job's own folder for artifacts and data files (`<stateDir>/jobs/<jobId>/`). */
export interface JobFiles {
  readonly dir: string;
  /** Writes `relativePath` under the job folder and returns its absolute path. */
  write(relativePath: string, content: string | Uint8Array): Promise<string>;
  read(relativePath: string): Promise<string>;
  exists(relativePath: string): Promise<boolean>;
  /** Removes `relativePath` under the job folder, if it is there. */
  remove(relativePath: string): Promise<void>;
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
  /** A headless browser for pages whose text is written by scripts; absent when none is configured. */
  readonly renderer?: PageRenderer;
  readonly warehouse: Warehouse;
  readonly files: JobFiles;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  /** Reports progress within the stage (0..1); published as `stage.progress`. */
  progress(fraction: number, message?: string): void;
  /** Reports something the user should know that does not stop the stage; published as a `log` event. */
  warn(message: string): void;
  /** What the stage records about how it ran; the runner reports it in events and the summary. */
  readonly trace: StageTrace;
  /** The model, metered into `trace.usage`; present when the job runs the llm strategy. */
  readonly llm?: Llm;
  /** The data agent service (CAPI or local); absent when none is configured. */
  readonly agents?: DataAgentService;
  /** At most this many bytes of data files at once (PROVISION_MAX_DATA_SIZE); absent: no limit. */
  readonly maxDataBytes?: number;
}

/** How a stage ran: which strategy produced its output, and what its model calls cost. */
export interface StageTrace {
  strategy?: Strategy;
  /** Set when the llm strategy failed for good and the heuristic one produced the output. */
  fallback?: string;
  usage: LlmUsage;
}

/** The per-stage hooks the runner hands the context factory. */
export interface StageHooks {
  progress: StageContext['progress'];
  warn: StageContext['warn'];
  trace: StageTrace;
}
