import type { PhaseEvent } from './phase-event.js';

/**
 * Where phase events go. Implementations: Pub/Sub in the cloud; in-process
 * application to the status store (`direct`); an outbox to the local subscriber.
 */
export interface EventPublisher {
  /** Resolves when the event is durably accepted (published, stored or queued on disk). */
  publish(event: PhaseEvent): Promise<void>;
  /** Delivers everything accepted so far; called before the process exits. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Collects events in memory; for tests and for fanning out. */
export class MemoryEventPublisher implements EventPublisher {
  readonly events: PhaseEvent[] = [];
  publish(event: PhaseEvent): Promise<void> {
    this.events.push(event);
    return Promise.resolve();
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Sends every event to each publisher in turn (for example the store and a progress view). */
export class FanOutPublisher implements EventPublisher {
  constructor(private readonly targets: readonly EventPublisher[]) {}
  async publish(event: PhaseEvent): Promise<void> {
    for (const t of this.targets) await t.publish(event);
  }
  async flush(): Promise<void> {
    for (const t of this.targets) await t.flush();
  }
  async close(): Promise<void> {
    for (const t of this.targets) await t.close();
  }
}
