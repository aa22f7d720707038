// How long to wait before the next attempt: exponential backoff with "equal" jitter (half
// the backoff, plus a random part of the other half), unless the server said how long
// (Retry-After), which wins but is capped so a hostile or broken server cannot park a
// download for days.

export interface RetryDelayInput {
  /** Failures in a row so far (1 after the first failure). */
  failures: number;
  baseMs: number;
  maxMs: number;
  retryAfterMs?: number | undefined;
  random?: () => number;
}

export const RETRY_AFTER_CAP_MS = 10 * 60_000;

export function retryDelay({ failures, baseMs, maxMs, retryAfterMs, random = Math.random }: RetryDelayInput): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), RETRY_AFTER_CAP_MS);
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  // The random half spreads the retries of many downloads that failed together (a dropped
  // link). The fixed half is why this is not full jitter (random(0, ceiling)): attempts
  // are counted, and a floor keeps them from being spent in a burst during an outage they
  // are meant to outlast.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Parses Retry-After: delay-seconds or an HTTP-date [RFC 9110 10.2.3]. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
