/**
 * The one retry policy of the Google adapters' own HTTP calls (BigQuery, the Conversational
 * Analytics API): which answers are worth another attempt, and how long to wait before it.
 * Exponential from `baseDelayMs`, capped, with ±25% jitter so that parallel callers spread out.
 */
export const RETRY_POLICY = { attempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 } as const;

/** 429 and 5xx may pass; so may Google's 403 `rateLimitExceeded`. Any other 4xx will not. */
export function isRetryableStatus(status: number, reason?: string): boolean {
  return status === 429 || status >= 500 || (status === 403 && reason === 'rateLimitExceeded');
}

/** The wait before attempt `attempt + 1` (attempt counts from 1). */
export function retryDelayMs(attempt: number, baseDelayMs: number = RETRY_POLICY.baseDelayMs, random: () => number = Math.random): number {
  return Math.min(baseDelayMs * 2 ** (attempt - 1), RETRY_POLICY.maxDelayMs) * (0.75 + random() / 2);
}
