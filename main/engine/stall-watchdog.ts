// got's socket timeout cannot tell a dead link from a throttled one, so the engine keeps its
// own clock: if no byte (or header) arrives for the stall timeout, the attempt is abandoned
// and retried from where it stopped.

export class StallWatchdog {
  #timer: NodeJS.Timeout | undefined;
  #timeoutMs: number;
  #onStall: () => void;

  constructor(timeoutMs: number, onStall: () => void) {
    this.#timeoutMs = timeoutMs;
    this.#onStall = onStall;
    this.feed();
  }

  /** Something arrived: the clock starts again. */
  feed(): void {
    if (this.#timer) this.#timer.refresh();
    else this.#timer = setTimeout(this.#onStall, this.#timeoutMs);
  }

  stop(): void {
    clearTimeout(this.#timer);
  }
}
