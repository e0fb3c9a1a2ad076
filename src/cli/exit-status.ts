import type { RunSummary } from '../pipeline/summary.js';

/**
 * 0 completed; 1 a retry could help; 2 it cannot (DESIGN.md). Also 2 for usage errors.
 * Inside a Cloud Run task, what cannot succeed exits 0 (the job has reported `job.failed`),
 * so the platform retries only what a retry could fix.
 */
export function exitStatusFor(summary: Pick<RunSummary, 'status' | 'error'>, inCloudRun = false): number {
  if (summary.status === 'completed') return 0;
  if (summary.error?.retryable) return 1;
  return inCloudRun ? 0 : 2;
}

/** A command-line mistake: printed with the usage hint, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
