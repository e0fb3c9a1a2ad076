import { STAGE_IDS } from '../core/stage-ids.js';
import type { PhaseEvent } from '../notify/phase-event.js';
import { isTerminal, type EventVersion, type JobState, type JobStatus, type StageState } from './job-state.js';

function compareVersion(a: EventVersion, b: EventVersion): number {
  return a.attempt - b.attempt || a.seq - b.seq;
}

function isNewer(event: EventVersion, current: EventVersion | undefined): boolean {
  return current === undefined || compareVersion(event, current) > 0;
}

function emptyJob(event: PhaseEvent): JobState {
  return {
    jobId: event.jobId,
    status: 'queued',
    attempt: event.attempt,
    meta: {},
    createdAt: event.ts,
    updatedAt: event.ts,
    stages: STAGE_IDS.map((id) => ({ id, status: 'pending' })),
    appliedEventIds: [],
  };
}

function stringFields(value: unknown, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.length > 0) out[key] = v;
  }
  return out;
}

const META_KEYS = ['url', 'strategy', 'warehouse', 'company', 'industry', 'dataset', 'execution', 'callbackUrl'] as const;

/**
 * A terminal status sticks, with one exception: a failure that said a retry could
 * help gives way to the events of a later attempt (the platform retried the task).
 */
function statusLocked(state: JobState, event: PhaseEvent): boolean {
  if (!isTerminal(state.status)) return false;
  const retriedAfterFailure = state.status === 'failed' && state.error?.retryable === true && event.attempt > (state.version?.attempt ?? 0);
  return !retriedAfterFailure;
}

function withoutArtifact(output: unknown): unknown {
  if (typeof output !== 'object' || output === null || !('artifact' in output)) return output;
  const { artifact: _artifact, ...rest } = output as Record<string, unknown>;
  return rest;
}

function applyStage(stage: StageState, event: PhaseEvent): StageState {
  const version = { attempt: event.attempt, seq: event.seq };
  const next: StageState = { ...stage };
  // The message of the newest event, or none: keeping an older one would depend on delivery order.
  if (event.message !== undefined) next.message = event.message;
  else delete next.message;
  switch (event.type) {
    case 'stage.started':
      next.status = 'running';
      next.startedAt = event.ts;
      next.startedVersion = { attempt: event.attempt, seq: event.seq };
      next.progress = 0;
      delete next.error;
      delete next.endedAt;
      break;
    case 'stage.progress':
      next.status = 'running';
      if (event.progress !== undefined) next.progress = event.progress;
      break;
    case 'stage.completed': {
      next.status = 'completed';
      next.progress = 1;
      next.endedAt = event.ts;
      delete next.error;
      // The full stage output (`artifact`) is kept by the store, not in the job state.
      if (event.output !== undefined) next.output = withoutArtifact(event.output);
      const resumed = typeof event.output === 'object' && event.output !== null && (event.output as { resumed?: unknown }).resumed === true;
      if (resumed) next.resumed = true;
      else delete next.resumed;
      break;
    }
    case 'stage.failed':
      next.status = 'failed';
      next.endedAt = event.ts;
      // How far it got depends on which progress events arrived first; say nothing rather than something order-dependent.
      delete next.progress;
      if (event.error) next.error = event.error;
      break;
    default:
      return stage;
  }
  if (event.metrics) {
    next.metrics = event.metrics;
    next.durationMs = event.metrics.durationMs;
  }
  next.version = version;
  return next;
}

const JOB_STATUS_BY_TYPE: Partial<Record<PhaseEvent['type'], JobStatus>> = {
  'job.started': 'running',
  'job.completed': 'completed',
  'job.failed': 'failed',
  'job.cancelled': 'cancelled',
};

/**
 * Folds one phase event into a job's state. Pure. Delivery is at least once and may
 * reorder, so: a repeated `eventId` returns the same state; within the job and each
 * stage, only an event later in `(attempt, seq)` than the last applied one changes it;
 * terminal job states stick.
 */
export function applyEvent(state: JobState | undefined, event: PhaseEvent): JobState {
  const current = state ?? emptyJob(event);
  if (current.appliedEventIds.includes(event.eventId)) return current;

  const version = { attempt: event.attempt, seq: event.seq };
  const next: JobState = {
    ...current,
    // Sorted, so the state does not depend on delivery order.
    appliedEventIds: [...current.appliedEventIds, event.eventId].sort(),
    updatedAt: event.ts > current.updatedAt ? event.ts : current.updatedAt,
    createdAt: event.ts < current.createdAt ? event.ts : current.createdAt,
    meta: { ...current.meta, ...stringFields(event.output, META_KEYS) },
  };
  if (typeof next.meta.url === 'string' && next.url === undefined) next.url = next.meta.url;

  if (event.stage && event.type.startsWith('stage.')) {
    const index = next.stages.findIndex((s) => s.id === event.stage);
    const stage = next.stages[index];
    if (stage && isNewer(version, stage.version)) {
      next.stages = next.stages.map((s, i) => (i === index ? applyStage(s, event) : s));
    } else if (stage && event.type === 'stage.started' && isNewer(version, stage.startedVersion)) {
      // A late `stage.started` still tells when the stage began (a resumed stage keeps its first start).
      next.stages = next.stages.map((s, i) => (i === index ? { ...s, startedAt: event.ts, startedVersion: version } : s));
    }
    // Stage activity means the job runs, even if `job.started` has not arrived yet.
    if (next.status === 'queued' && !statusLocked(next, event)) next.status = 'running';
    next.attempt = Math.max(next.attempt, event.attempt);
    return next;
  }

  const status = JOB_STATUS_BY_TYPE[event.type];
  if (event.type === 'job.queued') {
    // Queued is where every job begins; it never moves a job backwards.
    return next;
  }
  if (status === undefined) return next; // log events carry no state

  if (event.type === 'job.started' && (next.startedAt === undefined || event.ts > next.startedAt)) {
    // The latest attempt's start, whatever order the events came in.
    next.startedAt = event.ts;
  }
  if (statusLocked(next, event)) return next;
  const terminal = isTerminal(status);
  if (!terminal && !isNewer(version, next.version)) return next;
  // An earlier attempt's end does not end a later attempt that is already under way.
  if (terminal && event.attempt < (next.version?.attempt ?? 0)) return next;

  next.status = status;
  next.attempt = Math.max(next.attempt, event.attempt);
  next.version = next.version && !isNewer(version, next.version) ? next.version : version;
  if (event.type === 'job.started') {
    delete next.error;
    delete next.endedAt;
  }
  if (terminal) {
    next.endedAt = event.ts;
    if (event.metrics) next.durationMs = event.metrics.durationMs;
    if (event.error) next.error = { ...event.error };
    else delete next.error;
    if (event.output !== undefined) next.summary = event.output;
  }
  return next;
}

/** Folds many events; the result does not depend on their order or on duplicates. */
export function applyEvents(state: JobState | undefined, events: Iterable<PhaseEvent>): JobState | undefined {
  let s = state;
  for (const e of events) s = applyEvent(s, e);
  return s;
}
