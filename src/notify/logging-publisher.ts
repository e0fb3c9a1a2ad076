import type { Logger } from '../logging/logger.js';
import type { EventPublisher } from './event-publisher.js';
import type { PhaseEvent } from './phase-event.js';

/** Mirrors phase events into the structured log as they happen. */
export class LoggingPublisher implements EventPublisher {
  constructor(private readonly logger: Logger) {}

  publish(e: PhaseEvent): Promise<void> {
    const fields = { ...(e.stage ? { stage: e.stage } : {}), type: e.type, seq: e.seq, ...(e.metrics ? { durationMs: e.metrics.durationMs } : {}) };
    const text = `${e.type}${e.stage ? ` ${e.stage}` : ''}${e.message ? `: ${e.message}` : ''}`;
    if (e.error) this.logger.error(`${text} [${e.error.code}] ${e.error.message}`, { ...fields, code: e.error.code, retryable: e.error.retryable });
    else if (e.type === 'stage.progress') this.logger.debug(text, { ...fields, progress: e.progress });
    else this.logger.info(text, fields);
    return Promise.resolve();
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
