// Speed as a person wants to read it: smoothed over a few seconds so the number does not
// jitter, and an ETA only once there is enough history to mean something.

const TIME_CONSTANT_MS = 3000;
const MIN_SAMPLE_MS = 200;
const ETA_AFTER_MS = 2000;

export class SpeedMeter {
  #speed = 0;
  #lastBytes = 0;
  #lastAt: number | undefined;
  #startedAt: number | undefined;

  /** Feeds the byte count seen at `now`; returns the smoothed speed in bytes per second. */
  sample(bytes: number, now: number): number {
    if (this.#lastAt === undefined || this.#startedAt === undefined) {
      this.#lastAt = now;
      this.#startedAt = now;
      this.#lastBytes = bytes;
      return this.#speed;
    }
    const elapsed = now - this.#lastAt;
    if (elapsed < MIN_SAMPLE_MS) return this.#speed;
    const instant = (Math.max(0, bytes - this.#lastBytes) * 1000) / elapsed;
    // Exponential moving average whose weight depends on the real time between samples.
    const weight = 1 - Math.exp(-elapsed / TIME_CONSTANT_MS);
    this.#speed = now - this.#startedAt <= elapsed ? instant : this.#speed + weight * (instant - this.#speed);
    this.#lastAt = now;
    this.#lastBytes = bytes;
    return this.#speed;
  }

  get speed(): number {
    return this.#speed;
  }

  /** Seconds left, or null until the speed has settled or when the total is unknown. */
  eta(bytes: number, total: number | undefined, now: number): number | null {
    if (total === undefined || this.#startedAt === undefined || now - this.#startedAt < ETA_AFTER_MS) return null;
    if (this.#speed < 1) return null;
    return Math.max(0, Math.ceil((total - bytes) / this.#speed));
  }

  reset(): void {
    this.#speed = 0;
    this.#lastAt = undefined;
    this.#startedAt = undefined;
    this.#lastBytes = 0;
  }
}
