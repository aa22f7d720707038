// Speed limits: a token bucket refilled at the limit's rate. One bucket is shared by every
// connection of every download (the global limit) and each download may have its own;
// a chunk waits for both. The burst is a tenth of a second of the rate, so the average
// over any few seconds stays within a few percent of the limit.

const BURST_SECONDS = 0.1;

export class TokenBucket {
  #rate: number;
  #tokens: number;
  #updatedAt: number;

  constructor(bytesPerSecond: number, now = performance.now()) {
    this.#rate = bytesPerSecond;
    this.#tokens = bytesPerSecond * BURST_SECONDS;
    this.#updatedAt = now;
  }

  get rate(): number {
    return this.#rate;
  }

  setRate(bytesPerSecond: number): void {
    this.#refill(performance.now());
    this.#rate = bytesPerSecond;
  }

  /** Takes `bytes` tokens (going into debt if needed) and returns how long to wait, in ms. */
  take(bytes: number, now = performance.now()): number {
    if (this.#rate <= 0) return 0;
    this.#refill(now);
    this.#tokens -= bytes;
    return this.#tokens >= 0 ? 0 : (-this.#tokens / this.#rate) * 1000;
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#updatedAt) / 1000;
    this.#updatedAt = now;
    this.#tokens = Math.min(this.#rate * BURST_SECONDS, this.#tokens + elapsed * this.#rate);
  }
}
