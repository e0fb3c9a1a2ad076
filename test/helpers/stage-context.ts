import { LocalJobFiles } from '../../src/files/local-job-files.js';
import { emptyUsage, type Llm } from '../../src/llm/llm.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { StageContext } from '../../src/pipeline/context.js';
import type { Strategy } from '../../src/pipeline/job-spec.js';
import type { Warehouse } from '../../src/warehouse/warehouse.js';

/**
 * A context for running stages on a real warehouse, offline: no network, a fixed clock
 * (2026-11-25), files under `dir`. Tests that run story through validate share it.
 */
export function stageContext(options: { dir: string; warehouse: Warehouse; jobId: string; seed: number; scale: number; strategy?: Strategy; llm?: Llm }): StageContext {
  const { dir, warehouse, jobId, seed, scale, strategy = 'heuristic', llm } = options;
  return {
    job: { jobId, url: 'https://example.com/', attempt: 0, strategy, warehouse: 'duckdb', scale, allowPrivateNetwork: false, datasetName: `provision_${jobId.replace(/-/g, '_')}`, seed },
    http: { fetchPage: () => Promise.reject(new Error('no network')) },
    warehouse,
    files: new LocalJobFiles(dir, jobId),
    clock: { now: () => new Date('2026-11-25T12:00:00Z') },
    logger: silentLogger,
    signal: new AbortController().signal,
    progress: () => undefined,
    warn: () => undefined,
    trace: { usage: emptyUsage() },
    ...(llm ? { llm } : {}),
  };
}
