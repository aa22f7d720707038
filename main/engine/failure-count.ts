// How many failures in a row a download has had, which is what its backoff and its retry
// limit read. Progress starts the count again (a link that drops often but moves forward each
// time is slow, not broken). A sleep is nobody's failure: after a wake, what failed since the
// suspend is forgiven, and the connections that were open then may fail once each, for a
// while, without counting. A nudge (the network is back, the machine woke) cuts a backoff
// wait short.

export class FailureCount {
  #failures = 0;
  #atSuspend: number | undefined;
  #forgiven = { budget: 0, until: 0 };
  #nudge = new AbortController();

  /** Failures in a row that count toward the retry limit. */
  get failures(): number {
    return this.#failures;
  }

  /** Aborted by the next nudge: a backoff waits on it. */
  get nudged(): AbortSignal {
    return this.#nudge.signal;
  }

  /** Bytes moved forward, or an attempt succeeded. */
  progressed(): void {
    this.#failures = 0;
  }

  suspended(): void {
    this.#atSuspend ??= this.#failures;
  }

  /** The machine woke: `dying` connections were open and may fail within `graceMs` without counting. */
  woke(dying: number, graceMs: number): void {
    if (this.#atSuspend !== undefined) this.#failures = Math.min(this.#failures, this.#atSuspend);
    this.#atSuspend = undefined;
    this.#forgiven = { budget: Math.max(1, dying), until: Date.now() + graceMs };
  }

  /** A failure: false when it is forgiven (no backoff), else true, counted. */
  charge(): boolean {
    if (this.#forgiven.budget > 0 && Date.now() < this.#forgiven.until) {
      this.#forgiven.budget -= 1;
      return false;
    }
    this.#failures += 1;
    return true;
  }

  nudge(): void {
    const nudge = this.#nudge;
    this.#nudge = new AbortController();
    nudge.abort();
  }
}
