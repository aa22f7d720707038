// got's socket timeout cannot tell a dead link from a throttled one, so the engine keeps its
// own clock: if no byte (or header) arrives for the stall timeout, the attempt is abandoned
// and retried from where it stopped.

export class StallWatchdog {
  #timer: NodeJS.Timeout | undefined;
  #timeoutMs: number;
  #onStall: () => void;
  #stopped = false;

  constructor(timeoutMs: number, onStall: () => void) {
    this.#timeoutMs = timeoutMs;
    this.#onStall = onStall;
    this.feed();
  }

  /** Something arrived: the clock starts again. */
  feed(): void {
    if (this.#stopped) return;
    if (this.#timer) this.#timer.refresh();
    else this.#timer = setTimeout(this.#onStall, this.#timeoutMs);
  }

  /** Our side is holding data back (a speed limit): the network is not stalling. */
  hold(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }
}
