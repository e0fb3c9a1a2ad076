import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRetryableStatus, RETRY_POLICY, retryDelayMs } from '../src/core/retry-policy.js';

describe('the retry policy of the Google adapters', () => {
  it('retries 429, 5xx and rate-limit 403s, never another 4xx', () => {
    for (const s of [429, 500, 502, 503]) assert.equal(isRetryableStatus(s), true, String(s));
    for (const s of [400, 401, 403, 404, 409]) assert.equal(isRetryableStatus(s), false, String(s));
    assert.equal(isRetryableStatus(403, 'rateLimitExceeded'), true);
  });
  it('doubles from the base delay with ±25% jitter, up to the cap', () => {
    assert.deepEqual([1, 2, 3].map((a) => retryDelayMs(a, 100, () => 0.5)), [100, 200, 400]);
    assert.equal(retryDelayMs(1, 100, () => 0), 75);
    assert.equal(retryDelayMs(1, 100, () => 1), 125);
    assert.equal(retryDelayMs(30, 100, () => 0.5), RETRY_POLICY.maxDelayMs);
  });
});
