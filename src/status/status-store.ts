import { isArtifactRef, type CheckpointStore } from '../checkpoints/checkpoint-store.js';
import type { StageId } from '../core/stage-ids.js';
import type { PhaseEvent } from '../notify/phase-event.js';
import type { JobState, JobStatus } from './job-state.js';

export interface JobListFilter {
  status?: JobStatus;
  /** Jobs whose company name contains this text, ignoring case. */
  company?: string;
  /** Jobs created at or after this ISO time. */
  since?: string;
  /** Jobs created before this ISO time. */
  until?: string;
  /** Page size, 1..200 (default 50). */
  limit?: number;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
}

export interface JobPage {
  /** Most recently updated first. */
  jobs: JobState[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/** A message the subscriber could not use, kept for inspection instead of being retried forever. */
export interface DeadLetter {
  receivedAt: string;
  reason: string;
  body: string;
}

/** What `claim` found: whether this call created the job, and the job's state either way. */
export interface ClaimResult {
  claimed: boolean;
  /** Set when the job existed as a claim that was never launched, and this call took it over. */
  takenOver?: boolean;
  state: JobState;
}

export interface ClaimOptions {
  /**
   * Takes over a claim that was never launched once this long has passed since it, measured
   * between the events' own times (the old claim's and the new one's). Unset: an existing job
   * is never taken over. Keep it well above the time a launch takes (`runJob` answers in
   * seconds): a lease shorter than a launch in flight would launch the job twice.
   */
  takeoverAfterMs?: number;
}

/**
 * Whether `state` is a claim whose launch never happened, `afterMs` or more before `at`: still
 * queued, holding only its claiming event (a launch records the execution as a second event, and
 * a started job reports), so whoever claimed it died between the claim and the launch.
 */
export function abandonedClaim(state: JobState, at: string, afterMs: number): boolean {
  if (state.status !== 'queued' || state.appliedEventIds.length !== 1 || state.meta.execution !== undefined) return false;
  const age = Date.parse(at) - Date.parse(state.updatedAt);
  return Number.isFinite(age) && age >= afterMs;
}

export interface JobChange {
  jobId: string;
  state: JobState;
}

/**
 * Durable job status, fed only through `apply` (which folds events with `applyEvent`, so
 * redelivery and reordering are harmless). SQLite locally, Firestore in the cloud.
 * Implementations throw `StoreUnavailableError` when the backing store cannot be reached,
 * so the push endpoint can answer 503 and Pub/Sub redelivers.
 */
export interface StatusStore {
  /**
   * Applies one event and returns the job's state after it. Idempotent per eventId.
   * A `stage.completed` event's `output.artifact` (a reference to the stage's checkpoint) is
   * kept apart from the state and served, resolved, by `artifacts`.
   */
  apply(event: PhaseEvent): Promise<JobState>;
  /**
   * Creates the job from its first event (the trigger's `job.queued`) only if no job with
   * that id exists yet, atomically across processes and instances (SQLite `INSERT … ON
   * CONFLICT DO NOTHING`, Firestore `create`). The one caller that gets `claimed: true` owns
   * the launch; every other gets the existing state. The event is recorded in the same write,
   * so an accepted job is never missing its `job.queued`.
   *
   * With `takeoverAfterMs`, an existing job that is an abandoned claim (`abandonedClaim`) is
   * replaced by this claim in the same atomic step, and this caller owns the launch
   * (`takenOver: true`); of concurrent takeovers exactly one wins.
   */
  claim(event: PhaseEvent, options?: ClaimOptions): Promise<ClaimResult>;
  /**
   * Undoes a claim whose launch failed, so a retry with the same Idempotency-Key can launch:
   * removes the job only while the claiming event is the only one it holds. Anything else
   * (the job started and reported) leaves it as it is. Returns whether it was removed.
   */
  release(jobId: string, claimEventId: string): Promise<boolean>;
  get(jobId: string): Promise<JobState | undefined>;
  list(filter?: JobListFilter): Promise<JobPage>;
  /** The job's last `limit` events (default 200), oldest first; `types` narrows them (e.g. `['log']`). */
  events(jobId: string, options?: { limit?: number; types?: PhaseEvent['type'][] }): Promise<PhaseEvent[]>;
  /**
   * What each completed stage produced: profile, story, model, dataset, agent context, validation
   * report. Events carry references to checkpoints; the store resolves them from the checkpoint
   * store beside it (files under its state directory; Firestore in its project).
   */
  artifacts(jobId: string): Promise<Partial<Record<StageId, unknown>>>;
  deadLetter(entry: DeadLetter): Promise<void>;
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /** Calls `listener` after every change to any job, including changes made by other processes. */
  subscribe(listener: (change: JobChange) => void): () => void;
  close(): Promise<void>;
}

/** The store cannot be reached right now; the caller may retry later. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/**
 * The stage outputs behind stored artifacts: a reference (`ArtifactRef`, what events carry now)
 * is read from the checkpoint store it names, when this store can reach it; an artifact from an
 * older event that carried the output itself is returned as it is. A reference that cannot be
 * resolved (another kind of checkpoint store, or the checkpoint is gone) is left out.
 */
export async function resolveArtifacts(jobId: string, stored: Partial<Record<StageId, unknown>>, checkpoints: CheckpointStore | undefined): Promise<Partial<Record<StageId, unknown>>> {
  const out: Partial<Record<StageId, unknown>> = {};
  await Promise.all(
    Object.entries(stored).map(async ([stage, body]) => {
      if (!isArtifactRef(body)) {
        out[stage as StageId] = body;
        return;
      }
      if (!checkpoints || body.checkpoint !== checkpoints.kind) return;
      const saved = await checkpoints.load(jobId, body.stage);
      if (saved) out[stage as StageId] = saved.output;
    }),
  );
  return out;
}

/** Reads `output.artifact` of a `stage.completed` event, if any: a reference (`ArtifactRef`), or the output itself from older events. */
export function artifactOf(event: PhaseEvent): unknown {
  if (event.type !== 'stage.completed' || typeof event.output !== 'object' || event.output === null) return undefined;
  return (event.output as { artifact?: unknown }).artifact;
}

/** Opaque keyset cursor over (updatedAt, jobId). */
export function encodeCursor(state: Pick<JobState, 'updatedAt' | 'jobId'>): string {
  return Buffer.from(JSON.stringify([state.updatedAt, state.jobId])).toString('base64url');
}

export function decodeCursor(cursor: string): { updatedAt: string; jobId: string } | undefined {
  try {
    const [updatedAt, jobId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    return typeof updatedAt === 'string' && typeof jobId === 'string' ? { updatedAt, jobId } : undefined;
  } catch {
    return undefined;
  }
}
