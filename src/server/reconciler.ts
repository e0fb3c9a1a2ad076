import type { JobLauncher } from '../launch/job-launcher.js';
import type { Logger } from '../logging/logger.js';
import { EventSequencer } from '../notify/phase-event.js';
import type { JobState } from '../status/job-state.js';
import type { StatusStore } from '../status/status-store.js';

export interface ReconcilerOptions {
  store: StatusStore;
  launcher: JobLauncher;
  logger: Logger;
  /** How long after the last event an ended execution may still have events in flight. */
  graceMs?: number;
  now?: () => number;
}

/**
 * Compares the jobs that are still queued or running with their executions, and marks a
 * job failed, with the reason, when its execution ended without a terminal event (out of
 * memory, task timeout, crash). Returns the ids it marked.
 */
export async function reconcile(options: ReconcilerOptions): Promise<string[]> {
  const { store, launcher, logger } = options;
  const now = options.now?.() ?? Date.now();
  const grace = options.graceMs ?? 15_000;
  const open: JobState[] = [];
  for (const status of ['running', 'queued'] as const) {
    let cursor: string | undefined;
    do {
      const page = await store.list({ status, limit: 200, ...(cursor ? { cursor } : {}) });
      open.push(...page.jobs);
      cursor = page.nextCursor;
    } while (cursor);
  }
  const marked: string[] = [];
  for (const job of open) {
    if (now - Date.parse(job.updatedAt) < grace) continue;
    const execution = await launcher.status(job.jobId, job.meta.execution);
    if (execution.state === 'running' || execution.state === 'queued' || execution.state === 'unknown') continue;
    const reason = execution.reason ?? `the execution ${execution.state} without reporting an end`;
    const message = `The job's execution ended without reporting: ${reason}. Its logs say more; run it again to retry.`;
    await store.apply(new EventSequencer(job.jobId, job.attempt).next({ type: 'job.failed', message, error: { code: 'internal', message, retryable: false } }));
    logger.warn('reconciler marked a job failed', { jobId: job.jobId, execution: job.meta.execution, reason });
    marked.push(job.jobId);
  }
  return marked;
}
