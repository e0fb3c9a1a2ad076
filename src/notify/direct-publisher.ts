import type { StatusStore } from '../status/status-store.js';
import type { EventPublisher } from './event-publisher.js';
import type { PhaseEvent } from './phase-event.js';

/** Applies events straight to the status store, for a standalone `provision run`. */
export class DirectPublisher implements EventPublisher {
  constructor(private readonly store: StatusStore) {}
  async publish(event: PhaseEvent): Promise<void> {
    await this.store.apply(event);
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
