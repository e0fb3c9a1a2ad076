import { LocalJobFiles } from '../../src/files/local-job-files.js';
import type { PageFetcher } from '../../src/http/page-fetcher.js';
import { emptyUsage } from '../../src/llm/llm.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { StageContext } from '../../src/pipeline/context.js';
import type { Warehouse } from '../../src/warehouse/warehouse.js';
import { tempDir } from './tmp.js';

/** A context for stages that need only HTTP and files. */
export function httpContext(url: string, http: PageFetcher, signal = new AbortController().signal): StageContext {
  return {
    job: { jobId: 'research-test', url, attempt: 0, strategy: 'heuristic', warehouse: 'duckdb', scale: 1, allowPrivateNetwork: true, datasetName: 'ds', seed: 1 },
    http,
    warehouse: {} as Warehouse,
    files: new LocalJobFiles(tempDir(), 'research-test'),
    clock: { now: () => new Date() },
    logger: silentLogger,
    signal,
    progress: () => undefined,
    warn: () => undefined,
    trace: { usage: emptyUsage() },
  };
}
