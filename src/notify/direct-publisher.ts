import type { JobState } from '../status/job-state.js';
import type { StatusStore } from '../status/status-store.js';
import type { EventPublisher } from './event-publisher.js';
import type { PhaseEvent } from './phase-event.js';

/** Applies events straight to the status store, for a standalone `provision run`. */
export class DirectPublisher implements EventPublisher {
  constructor(
    private readonly store: StatusStore,
    private readonly afterApply?: (event: PhaseEvent, state: JobState) => void,
  ) {}
  async publish(event: PhaseEvent): Promise<void> {
    const state = await this.store.apply(event);
    this.afterApply?.(event, state);
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
