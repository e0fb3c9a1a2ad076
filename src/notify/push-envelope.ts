import { z } from 'zod';
import { PhaseEventSchema, type PhaseEvent } from './phase-event.js';

/** The body Pub/Sub POSTs to a push endpoint. The local publisher sends the same shape. */
export const PushEnvelopeSchema = z.object({
  message: z.object({
    data: z.string(),
    attributes: z.record(z.string(), z.string()).optional(),
    messageId: z.string().optional(),
    message_id: z.string().optional(),
    publishTime: z.string().optional(),
    orderingKey: z.string().optional(),
  }),
  subscription: z.string().optional(),
  deliveryAttempt: z.number().optional(),
});
export type PushEnvelope = z.infer<typeof PushEnvelopeSchema>;

/** Pub/Sub attributes every event carries, for filtering without decoding. */
export function eventAttributes(event: PhaseEvent): Record<string, string> {
  return { jobId: event.jobId, type: event.type, eventId: event.eventId };
}

export function toPushEnvelope(event: PhaseEvent, subscription = 'local'): PushEnvelope {
  return {
    message: {
      data: Buffer.from(JSON.stringify(event)).toString('base64'),
      attributes: eventAttributes(event),
      messageId: event.eventId,
      publishTime: new Date().toISOString(),
      orderingKey: event.jobId,
    },
    subscription,
  };
}

export type DecodeResult = { ok: true; event: PhaseEvent } | { ok: false; reason: string };

/** Validates an envelope, decodes its data and validates the event. Never throws. */
export function decodePush(body: unknown): DecodeResult {
  const envelope = PushEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, reason: `not a Pub/Sub push envelope: ${envelope.error.issues[0]?.message ?? 'invalid'}` };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(envelope.data.message.data, 'base64').toString('utf8'));
  } catch {
    return { ok: false, reason: 'message.data is not base64-encoded JSON' };
  }
  const event = PhaseEventSchema.safeParse(json);
  if (!event.success) {
    const issue = event.error.issues[0];
    return { ok: false, reason: `the event does not match the v1 schema: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() };
  }
  return { ok: true, event: event.data };
}
