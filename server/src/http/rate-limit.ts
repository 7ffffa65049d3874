/**
 * A token bucket per client address for unauthenticated requests (sign-in, public deadline
 * previews, future dossier tracking): `perMinute` requests a minute with bursts up to the same
 * number. In-process, so each replica limits on its own; put a shared limiter in front of a
 * multi-replica deployment if that matters.
 *
 * @example
 * const limiter = new RateLimiter(120);
 * if (!limiter.take(ip, Date.now())) return tooManyRequests();
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly maxClients = 10_000,
  ) {}

  /** Takes one token for `client`; false when its bucket is empty. */
  take(client: string, nowMs: number): boolean {
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: nowMs };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((nowMs - bucket.at) * this.perMinute) / 60_000);
    bucket.at = nowMs;
    if (!this.buckets.has(client) && this.buckets.size >= this.maxClients) this.buckets.clear(); // bounded memory
    this.buckets.set(client, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Seconds until `client` has a token again. */
  retryAfterSeconds(client: string): number {
    const bucket = this.buckets.get(client);
    return bucket ? Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute)) : 0;
  }
}
