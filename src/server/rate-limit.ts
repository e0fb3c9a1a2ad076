/**
 * A token bucket per key: `perMinute` requests a minute, bursts up to a quarter of that.
 * At most `maxKeys` buckets are kept; past that the least recently used goes (a Map keeps
 * insertion order, and every use moves its key to the end). An evicted client starts again
 * with a full bucket, as one unseen for long would have anyway; clearing every bucket at
 * once instead would hand a flood of fresh addresses a full burst for everyone.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {
    this.capacity = Math.max(1, Math.ceil(perMinute / 4));
  }

  /** Takes a token for `key`; false when none is left. */
  take(key: string): boolean {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: t };
    b.tokens = Math.min(this.capacity, b.tokens + ((t - b.at) / 60_000) * this.perMinute);
    b.at = t;
    this.buckets.delete(key);
    this.buckets.set(key, b);
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** How many keys are tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }
}
