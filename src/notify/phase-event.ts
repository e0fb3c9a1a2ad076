import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ErrorInfoSchema } from '../core/errors.js';
import { STAGE_IDS } from '../core/stage-ids.js';

/** Event types of the v1 phase-event schema (DESIGN.md). API: never renamed. */
export const EVENT_TYPES = [
  'job.queued',
  'job.started',
  'stage.started',
  'stage.progress',
  'stage.completed',
  'stage.failed',
  'job.completed',
  'job.failed',
  'job.cancelled',
  'log',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const TERMINAL_EVENT_TYPES = ['job.completed', 'job.failed', 'job.cancelled'] as const satisfies readonly EventType[];

export const MetricsSchema = z.object({
  durationMs: z.number().nonnegative(),
  rows: z.number().int().nonnegative().optional(),
  bytes: z.number().int().nonnegative().optional(),
  llmTokensIn: z.number().int().nonnegative().optional(),
  llmTokensOut: z.number().int().nonnegative().optional(),
});
export type Metrics = z.infer<typeof MetricsSchema>;

/**
 * A phase event, v1. Imported by every publisher and by the subscriber.
 * Delivery is at least once and may reorder: `eventId` dedupes, `(attempt, seq)` orders.
 */
export const PhaseEventSchema = z.object({
  v: z.literal(1),
  eventId: z.string().min(1),
  jobId: z.string().min(1),
  /** Which attempt of the job produced the event (Cloud Run task attempt; 0 locally). */
  attempt: z.number().int().nonnegative(),
  /** Monotonic within one attempt. */
  seq: z.number().int().nonnegative(),
  ts: z.iso.datetime(),
  type: z.enum(EVENT_TYPES),
  stage: z.enum(STAGE_IDS).optional(),
  /** Fraction of the stage done, 0..1. */
  progress: z.number().min(0).max(1).optional(),
  message: z.string().optional(),
  error: ErrorInfoSchema.omit({ stage: true }).optional(),
  /** A compact, JSON-serialisable summary of what the stage or job produced. */
  output: z.unknown().optional(),
  metrics: MetricsSchema.optional(),
});
export type PhaseEvent = z.infer<typeof PhaseEventSchema>;

export type PhaseEventInput = Omit<PhaseEvent, 'v' | 'eventId' | 'jobId' | 'attempt' | 'seq' | 'ts'>;

/** Stamps events for one job attempt: ids, sequence numbers and times. */
export class EventSequencer {
  private seq = 0;
  constructor(
    readonly jobId: string,
    readonly attempt: number,
    private readonly now: () => Date = () => new Date(),
    startSeq = 0,
  ) {
    this.seq = startSeq;
  }

  next(input: PhaseEventInput): PhaseEvent {
    return {
      v: 1,
      eventId: randomUUID(),
      jobId: this.jobId,
      attempt: this.attempt,
      seq: this.seq++,
      ts: this.now().toISOString(),
      ...input,
    };
  }
}
