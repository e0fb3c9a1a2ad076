import type { Logger } from '../logging/logger.js';
import type { PhaseEvent } from '../notify/phase-event.js';
import { decodePush } from '../notify/push-envelope.js';
import type { JobState } from '../status/job-state.js';
import { StoreUnavailableError, type StatusStore } from '../status/status-store.js';
import { authenticatePush, type PushAuth } from './push-auth.js';

export interface PushHandlerDeps {
  store: StatusStore;
  auth: PushAuth;
  logger: Logger;
  /** Called after each applied event (webhooks). */
  afterApply?: (event: PhaseEvent, state: JobState) => void;
  now?: () => Date;
}

export interface PushRequest {
  authorization: string | undefined;
  body: Buffer;
}

/**
 * The Pub/Sub push endpoint's logic. 204 once applied (or a poison message dead-lettered:
 * retrying it would never help); 401/403 for a bad token; 503 when the store is down, so
 * Pub/Sub redelivers; 500 for our own bugs (also redelivered).
 */
export async function handlePush(req: PushRequest, deps: PushHandlerDeps): Promise<number> {
  const auth = await authenticatePush(deps.auth, req.authorization);
  if (!auth.ok) {
    deps.logger.warn(`push refused: ${auth.reason}`, { status: auth.status });
    return auth.status;
  }
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    body = undefined;
  }
  const decoded = body === undefined ? ({ ok: false, reason: 'the body is not JSON' } as const) : decodePush(body);
  try {
    if (!decoded.ok) {
      deps.logger.error(`poison message dead-lettered: ${decoded.reason}`);
      await deps.store.deadLetter({ receivedAt: (deps.now?.() ?? new Date()).toISOString(), reason: decoded.reason, body: req.body.toString('utf8').slice(0, 100_000) });
      return 204;
    }
    const state = await deps.store.apply(decoded.event);
    deps.afterApply?.(decoded.event, state);
    return 204;
  } catch (err) {
    if (err instanceof StoreUnavailableError) {
      deps.logger.warn(`status store unavailable; asking for redelivery: ${err.message}`);
      return 503;
    }
    deps.logger.error(`applying a pushed event failed: ${(err as Error).message}`, { stack: (err as Error).stack });
    return 500;
  }
}
