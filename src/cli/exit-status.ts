import type { RunSummary } from '../pipeline/summary.js';

/** 0 completed; 1 a retry could help; 2 it cannot (DESIGN.md). Also 2 for usage errors. */
export function exitStatusFor(summary: Pick<RunSummary, 'status' | 'error'>): number {
  if (summary.status === 'completed') return 0;
  return summary.error?.retryable ? 1 : 2;
}

/** A command-line mistake: printed with the usage hint, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
