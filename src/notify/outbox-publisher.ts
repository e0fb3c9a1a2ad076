import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logging/logger.js';
import type { EventPublisher } from './event-publisher.js';
import { PhaseEventSchema, TERMINAL_EVENT_TYPES, type PhaseEvent } from './phase-event.js';
import { toPushEnvelope } from './push-envelope.js';

export interface OutboxOptions {
  /** `<stateDir>/outbox`: one `<jobId>.jsonl` per job, with a `<jobId>.sent` count beside it. */
  dir: string;
  /** The local subscriber's push endpoint (PROVISION_PUSH_URL). */
  pushUrl: string;
  logger: Logger;
  /** How long `flush` waits for the subscriber before leaving the rest on disk (default 10 s). */
  flushTimeoutMs?: number;
  /** When aborted (SIGTERM), `flush` waits at most 2 s: the process must exit within 10 s. */
  signal?: AbortSignal;
  /** Backoff bounds between delivery attempts. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Per-request timeout (default 5 s). */
  requestTimeoutMs?: number;
}

/** What a push of one event came to. */
type Delivery = 'delivered' | 'retry';

async function push(url: string, event: PhaseEvent, timeoutMs: number): Promise<Delivery> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(toPushEnvelope(event)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    // 2xx is applied or dead-lettered; anything else (503, 5xx, 429) is tried again later.
    return res.ok ? 'delivered' : 'retry';
  } catch {
    return 'retry';
  }
}

/** Reads an outbox file: the events, and how many were already delivered. */
export function readOutbox(dir: string, jobId: string): { events: PhaseEvent[]; sent: number } {
  const file = join(dir, `${jobId}.jsonl`);
  if (!existsSync(file)) return { events: [], sent: 0 };
  const events: PhaseEvent[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const parsed = PhaseEventSchema.safeParse(JSON.parse(line));
    // A torn last line (a crash mid-append) is skipped; every complete line is an event.
    if (parsed.success) events.push(parsed.data);
  }
  const sentFile = join(dir, `${jobId}.sent`);
  const sent = existsSync(sentFile) ? Number(readFileSync(sentFile, 'utf8')) || 0 : 0;
  return { events, sent };
}

function markSent(dir: string, jobId: string, sent: number): void {
  const file = join(dir, `${jobId}.sent`);
  writeFileSync(`${file}.tmp`, String(sent));
  renameSync(`${file}.tmp`, file);
}

/**
 * The local publisher. Every event goes first into an on-disk outbox (so a job whose
 * status service is down keeps running and loses nothing), then is POSTed, in order, as a
 * Pub/Sub push envelope to the local subscriber, retrying with backoff until it answers.
 * What is still undelivered when the process exits stays on disk; `drainOutboxes` (run by
 * the subscriber on start) or the next publisher for the job delivers it.
 */
export class OutboxPublisher implements EventPublisher {
  private readonly queues = new Map<string, { events: PhaseEvent[]; sent: number }>();
  private running: Promise<void> | undefined;
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(private readonly options: OutboxOptions) {
    mkdirSync(options.dir, { recursive: true });
  }

  publish(event: PhaseEvent): Promise<void> {
    appendFileSync(join(this.options.dir, `${event.jobId}.jsonl`), `${JSON.stringify(event)}\n`);
    let q = this.queues.get(event.jobId);
    if (!q) {
      // Pick up what an earlier process left undelivered for this job.
      const prior = readOutbox(this.options.dir, event.jobId);
      q = prior;
      this.queues.set(event.jobId, q);
    } else {
      q.events.push(event);
    }
    this.kick();
    return Promise.resolve();
  }

  private pending(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.events.length - q.sent;
    return n;
  }

  private kick(): void {
    if (this.wake) {
      this.wake();
      this.wake = undefined;
    }
    this.running ??= this.deliver().finally(() => (this.running = undefined));
  }

  private async deliver(): Promise<void> {
    const { pushUrl, logger } = this.options;
    let backoff = this.options.minBackoffMs ?? 100;
    while (!this.closed && this.pending() > 0) {
      let failed = false;
      for (const [jobId, q] of this.queues) {
        while (q.sent < q.events.length && !this.closed) {
          const event = q.events[q.sent] as PhaseEvent;
          const result = await push(pushUrl, event, this.options.requestTimeoutMs ?? 5_000);
          if (result === 'retry') {
            failed = true;
            break;
          }
          q.sent++;
          markSent(this.options.dir, jobId, q.sent);
        }
        if (failed) break;
      }
      if (!failed) {
        backoff = this.options.minBackoffMs ?? 100;
        continue;
      }
      logger.debug('status service not answering; events wait in the outbox', { pending: this.pending(), retryInMs: backoff });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        timer.unref();
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 5_000);
    }
  }

  /** Waits until every event is delivered, or the flush timeout passes (they stay on disk). */
  async flush(): Promise<void> {
    const limit = this.options.flushTimeoutMs ?? 10_000;
    const deadline = Date.now() + (this.options.signal?.aborted ? Math.min(limit, 2_000) : limit);
    while (this.pending() > 0 && Date.now() < deadline) {
      this.kick();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (this.pending() > 0) {
      this.options.logger.warn(`${this.pending()} events are still in the outbox; they will be delivered when the status service is back`, { outbox: this.options.dir });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.running;
    // A finished job whose events all arrived needs no outbox any more.
    for (const [jobId, q] of this.queues) {
      if (q.sent === q.events.length && q.events.some((e) => TERMINAL_EVENT_TYPES.some((t) => t === e.type))) removeOutbox(this.options.dir, jobId);
    }
  }
}

function removeOutbox(dir: string, jobId: string): void {
  rmSync(join(dir, `${jobId}.jsonl`), { force: true });
  rmSync(join(dir, `${jobId}.sent`), { force: true });
}

/**
 * Delivers what earlier processes left in the outbox straight to `apply` (the subscriber's
 * own store), in order, and removes outboxes that are fully delivered. Returns the count.
 */
export async function drainOutboxes(dir: string, apply: (event: PhaseEvent) => Promise<unknown>): Promise<number> {
  if (!existsSync(dir)) return 0;
  let delivered = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    const jobId = name.slice(0, -'.jsonl'.length);
    const { events, sent } = readOutbox(dir, jobId);
    for (let i = sent; i < events.length; i++) {
      await apply(events[i] as PhaseEvent);
      markSent(dir, jobId, i + 1);
      delivered++;
    }
    if (events.some((e) => TERMINAL_EVENT_TYPES.some((t) => t === e.type))) removeOutbox(dir, jobId);
  }
  return delivered;
}
