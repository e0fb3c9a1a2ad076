import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isMetadataHost, refusalFor } from '../http/address-guard.js';
import { guardedLookup, systemResolver } from '../http/guarded-fetcher.js';
import type { Logger } from '../logging/logger.js';
import { isTerminal, type JobState } from '../status/job-state.js';
import type { PhaseEvent } from './phase-event.js';

export const SIGNATURE_HEADER = 'x-provision-signature';
export const TIMESTAMP_HEADER = 'x-provision-timestamp';
export const DELIVERY_HEADER = 'x-provision-delivery';

/**
 * `v1=<hex>` where hex = HMAC-SHA256(secret, `${timestamp}.${body}`). Receivers recompute it
 * over the raw body and the timestamp header, compare in constant time, and reject
 * timestamps more than 5 minutes old (replays).
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifyWebhook(secret: string, headers: { signature?: string; timestamp?: string }, body: string, now = Date.now(), toleranceS = 300): boolean {
  const ts = Number(headers.timestamp);
  if (!headers.signature || !Number.isFinite(ts) || Math.abs(now / 1000 - ts) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface WebhookOptions {
  secret: string | undefined;
  logger: Logger;
  allowPrivateNetwork: boolean;
  attempts?: number;
  minBackoffMs?: number;
  timeoutMs?: number;
}

function post(url: URL, body: string, headers: Record<string, string>, options: WebhookOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
      lookup: guardedLookup(systemResolver, options.allowPrivateNetwork, (why) => new Error(`${url.hostname} resolves only to blocked addresses (${why})`)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Posts a signed JSON payload to a job's `callbackUrl` when the job ends. Delivery is at
 * least once: retried with backoff on failure; `x-provision-delivery` (the terminal event's
 * id) lets receivers drop repeats. The URL obeys the crawler's SSRF rules.
 */
export class WebhookNotifier {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly sent = new Set<string>();

  constructor(private readonly options: WebhookOptions) {}

  /** Called after an event is applied; sends when that event ended the job. */
  afterApply(event: PhaseEvent, state: JobState): void {
    const url = state.meta.callbackUrl;
    const endedByThis = isTerminal(state.status) && event.type.startsWith('job.') && state.version?.attempt === event.attempt && state.version.seq === event.seq;
    if (!url || !endedByThis || this.sent.has(event.eventId)) return;
    this.sent.add(event.eventId);
    const payload = JSON.stringify({ jobId: state.jobId, status: state.status, url: state.url, error: state.error, summary: state.summary, endedAt: state.endedAt });
    const p = this.deliver(url, payload, event.eventId).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private async deliver(rawUrl: string, body: string, deliveryId: string): Promise<void> {
    const { logger } = this.options;
    let url: URL;
    try {
      url = new URL(rawUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('only http and https callbacks are allowed');
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (isMetadataHost(host)) throw new Error('the callback host is a cloud metadata service');
      // Names are checked when they resolve (the lookup above); addresses here.
      const why = isIP(host) ? refusalFor(host, this.options.allowPrivateNetwork) : undefined;
      if (why) throw new Error(`the callback host is ${why}`);
    } catch (err) {
      logger.error(`webhook not sent: ${(err as Error).message}`, { callbackUrl: rawUrl });
      return;
    }
    const attempts = this.options.attempts ?? 5;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const timestamp = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = { [TIMESTAMP_HEADER]: String(timestamp), [DELIVERY_HEADER]: deliveryId };
      if (this.options.secret) headers[SIGNATURE_HEADER] = signWebhook(this.options.secret, timestamp, body);
      try {
        const status = await post(url, body, headers, this.options);
        if (status >= 200 && status < 300) {
          logger.info('webhook delivered', { callbackUrl: rawUrl, status, attempt });
          return;
        }
        logger.warn(`webhook answered ${status}`, { callbackUrl: rawUrl, attempt });
      } catch (err) {
        logger.warn(`webhook failed: ${(err as Error).message}`, { callbackUrl: rawUrl, attempt });
      }
      if (attempt < attempts) await new Promise((r) => setTimeout(r, (this.options.minBackoffMs ?? 500) * 2 ** (attempt - 1)));
    }
    logger.error('webhook gave up', { callbackUrl: rawUrl, attempts });
  }

  /** Waits for deliveries under way (before the process exits). */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
