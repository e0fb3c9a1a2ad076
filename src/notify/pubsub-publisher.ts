import { PubSub, type Topic } from '@google-cloud/pubsub';
import type { Logger } from '../logging/logger.js';
import type { EventPublisher } from './event-publisher.js';
import type { PhaseEvent } from './phase-event.js';
import { eventAttributes } from './push-envelope.js';

export interface PubsubPublisherOptions {
  projectId: string;
  /** PROVISION_EVENTS_TOPIC: a topic name or `projects/<p>/topics/<t>`. */
  topic: string;
  logger: Logger;
  /** How many times one event is tried (default 5). */
  attempts?: number;
  /** Replaces the client (tests). PUBSUB_EMULATOR_HOST is honoured by the client itself. */
  client?: PubSub;
}

/**
 * Publishes phase events to Pub/Sub with ordering key = job id, so one job's events reach
 * the subscriber in order. Every publish is awaited. After a failed publish the ordering
 * key is paused by the client; it is resumed and the event tried again (bounded), so one
 * transient error never silently drops the rest of the job's events.
 */
export class PubsubPublisher implements EventPublisher {
  private readonly client: PubSub;
  private readonly topic: Topic;

  constructor(private readonly options: PubsubPublisherOptions) {
    // PUBSUB_EMULATOR_HOST puts the client in emulator mode (insecure channel, no credentials).
    this.client = options.client ?? new PubSub({ projectId: options.projectId });
    // Batching would hold events back; a phase event should be visible at once.
    this.topic = this.client.topic(options.topic, { messageOrdering: true, batching: { maxMessages: 1, maxMilliseconds: 0 } });
  }

  async publish(event: PhaseEvent): Promise<void> {
    const attempts = this.options.attempts ?? 5;
    const data = Buffer.from(JSON.stringify(event));
    for (let attempt = 1; ; attempt++) {
      try {
        await this.topic.publishMessage({ data, orderingKey: event.jobId, attributes: eventAttributes(event) });
        return;
      } catch (err) {
        this.topic.resumePublishing(event.jobId);
        if (attempt >= attempts) throw err;
        const delay = Math.min(100 * 2 ** attempt, 5_000) * (0.5 + Math.random() / 2);
        this.options.logger.warn(`publishing ${event.type} failed; retrying in ${Math.round(delay)} ms`, { error: (err as Error).message, attempt });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async flush(): Promise<void> {
    await this.topic.flush();
  }

  /** Flushes, then closes the client: the last events of a short job are never dropped. */
  async close(): Promise<void> {
    await this.topic.flush();
    await this.client.close();
  }
}
